// Sound and desktop notification for blacklist matches, driven by the live
// store directly (not by renders): each flush, the alarms that are new since
// the last look are checked once. The wall's filters apply (the merged wall's
// node and site filters too): the wall alerts for what the supervisor chose
// to watch.
import { useEffect, useRef } from 'react';
import type { LiveAlarm, LiveStore } from '../../../live';
import { chime, cancelChime } from './alarm-sound';
import { deviceClock } from './device-time';
import { isUrgent } from './wall-filters';
import { useWallPrefs } from './wall-prefs';

export interface Fresh {
  /** New since `afterSeq`, shown on the wall. */
  readonly urgent: LiveAlarm[];
  readonly maxSeq: number;
}

/** The alarms with seq above `afterSeq` that are unacknowledged blacklist matches the wall shows (`shows`: its filters). */
export function freshUrgent(alarms: readonly LiveAlarm[], afterSeq: number, shows: (a: LiveAlarm) => boolean): Fresh {
  let maxSeq = afterSeq;
  const urgent: LiveAlarm[] = [];
  for (const a of alarms) {
    if (a.seq <= afterSeq) continue;
    if (a.seq > maxSeq) maxSeq = a.seq;
    if (isUrgent(a) && shows(a)) urgent.push(a);
  }
  return { urgent, maxSeq };
}

function maxSeqOf(alarms: readonly LiveAlarm[]): number {
  let m = 0;
  for (const a of alarms) if (a.seq > m) m = a.seq;
  return m;
}

export interface NotificationText {
  title: (a: LiveAlarm) => string;
  body: (a: LiveAlarm, more: number) => string;
}

const NOTIFY_GAP_MS = 5000;
let lastNotified = -Infinity;

/** Only when the page is hidden and the user allowed it; one notification (replaced) per burst. */
export function notifyHidden(urgent: readonly LiveAlarm[], text: NotificationText): boolean {
  if (urgent.length === 0 || typeof document === 'undefined' || document.visibilityState !== 'hidden') return false;
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return false;
  const now = performance.now();
  if (now - lastNotified < NOTIFY_GAP_MS) return false;
  lastNotified = now;
  const first = urgent[0]!;
  try {
    const n = new Notification(text.title(first), {
      body: text.body(first, urgent.length - 1),
      tag: 'nebula-alarm-wall',
      requireInteraction: true,
    });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  } catch {
    // Some browsers allow notifications from a service worker only: the sound and the wall still alert.
    return false;
  }
  return true;
}

/** Mount once on the wall; `shows`: whether the wall shows an alarm (lib/wall-filters.ts showsOnWall). */
export function useAlarmAlerts(store: LiveStore, shows: (a: LiveAlarm) => boolean, text: NotificationText): void {
  const showsRef = useRef(shows);
  showsRef.current = shows;
  const textRef = useRef(text);
  textRef.current = text;

  useEffect(() => {
    // What is in the buffer when the wall opens is not news.
    let seen = maxSeqOf(store.getState().alarms);
    let last = store.getState().alarms;
    return store.subscribe((s) => {
      if (s.alarms === last) return;
      last = s.alarms;
      // One device's clock: the merged wall's nodes each have their own (its clock is this computer's).
      for (const a of s.alarms) if (a.seq > seen && !a.backfilled && a.node === undefined) deviceClock.observe(a.trigger, a.receivedAt);
      const { urgent, maxSeq } = freshUrgent(s.alarms, seen, showsRef.current);
      seen = maxSeq;
      if (urgent.length === 0) return;
      const prefs = useWallPrefs.getState();
      if (!prefs.muted) chime(prefs.volume);
      notifyHidden(urgent, textRef.current);
    });
  }, [store]);

  const muted = useWallPrefs((s) => s.muted);
  useEffect(() => {
    if (muted) cancelChime();
  }, [muted]);
}
