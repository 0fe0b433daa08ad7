// Instrumentation for bench/wall.ts, off unless the page was opened with
// window.__WALL_PROBE__ = true (the bench sets it before any script runs).
// It records, per snap_id, when the alarm entered the wall's buffer and when
// its card was painted, on the epoch clock (performance.timeOrigin + now) so
// the bench can subtract the emulator's send time. The bench drains it with
// take(): the page keeps nothing between drains, so a long run does not grow it.
import { alarmKey, fleetLiveStore, liveStore, type LiveStore } from '../../../live';

export interface ProbeArrival {
  /** The alarm's key: its snap_id, `<node>:<snap_id>` on the merged wall. */
  readonly snapId: string;
  readonly seq: number;
  readonly backfilled: boolean;
  readonly kind: 'face' | 'body';
  /** When the main thread got it from the socket (Date.now). */
  readonly receivedAt: number;
  /** When it was published to the wall (a flush). */
  readonly at: number;
}

export interface ProbePaint {
  readonly snapId: string;
  readonly at: number;
}

export interface WallProbe {
  /**
   * arrivals: entered the wall's buffer; reached: every alarm the socket gave
   * the store, shown or not (a backfill can bring more than the buffer keeps);
   * notShown: the store's count of those, plus what the backfill left out.
   */
  take(): { arrivals: ProbeArrival[]; paints: ProbePaint[]; reached: string[]; notShown: number };
}

declare global {
  interface Window {
    __WALL_PROBE__?: boolean;
    __wallProbe?: WallProbe;
  }
}

export const probeEnabled = typeof window !== 'undefined' && window.__WALL_PROBE__ === true;

const epoch = () => performance.timeOrigin + performance.now();

let arrivals: ProbeArrival[] = [];
let paints: ProbePaint[] = [];
let mounted: string[] = [];
let reached: string[] = [];
let scheduled = false;

const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
if (channel) {
  // A message posted during a frame's callbacks is handled after that frame is painted.
  channel.port1.onmessage = () => {
    const at = epoch();
    for (const snapId of mounted) paints.push({ snapId, at });
    mounted = [];
    scheduled = false;
  };
}

function painted(snapId: string): void {
  mounted.push(snapId);
  if (scheduled) return;
  scheduled = true;
  // The next frame paints it, and a message posted from that frame's rAF
  // callback is handled once it is painted. bench/fleet-floor measures the same way.
  requestAnimationFrame(() => channel!.port2.postMessage(0));
}

/**
 * A card mounted (call from a layout effect), with its capture's <img>: it
 * counts as painted in the frame after that picture is decoded, not when an
 * empty card first shows (the <img> decodes asynchronously).
 */
export function probeMounted(snapId: string, picture: HTMLImageElement | null): void {
  if (!probeEnabled || !channel) return;
  if (!picture) return painted(snapId);
  picture.decode().then(
    () => painted(snapId),
    // Unmounted before it decoded, or a broken picture: never painted.
    () => {},
  );
}

/** Both buffers a wall can show: the node's and the merged wall's (fleet mode). */
function attach(store: LiveStore): void {
  let lastSeq = 0;
  let last = store.getState().alarms;
  store.subscribe((s) => {
    if (s.alarms === last) return;
    last = s.alarms;
    const at = epoch();
    let max = lastSeq;
    for (const a of s.alarms) {
      if (a.seq <= lastSeq) continue;
      if (a.seq > max) max = a.seq;
      arrivals.push({ snapId: a.key, seq: a.seq, backfilled: a.backfilled, kind: a.kind, receivedAt: a.receivedAt, at });
    }
    lastSeq = max;
  });
  // Instrumentation only: every event the socket hands the store passes here first.
  const enqueue = store.getState().enqueue;
  store.setState({
    enqueue: (event) => {
      reached.push(alarmKey(event));
      enqueue(event);
    },
  });
}

if (probeEnabled) {
  attach(liveStore);
  attach(fleetLiveStore);
  window.__wallProbe = {
    take() {
      const notShown = liveStore.getState().counters.notShown + fleetLiveStore.getState().counters.notShown;
      const out = { arrivals, paints, reached, notShown };
      arrivals = [];
      paints = [];
      reached = [];
      return out;
    },
  };
}
