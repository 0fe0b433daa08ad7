// The browser's side of the live stream: online / offline, a tab hidden and
// shown, and the computer sleeping (our timers running far too late). Each is
// turned into what the socket should do; no socket here.
import type { LiveLifecycle, LiveSignal } from './live-socket';

export const browserLifecycle: LiveLifecycle = (signal) => {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const online = () => signal('online');
  const offline = () => signal('offline');
  const visibility = () => signal(document.visibilityState === 'hidden' ? 'hidden' : 'visible');
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  document.addEventListener('visibilitychange', visibility);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    document.removeEventListener('visibilitychange', visibility);
  };
};

export interface LifecycleActions {
  live(): boolean;
  /** The socket is down and the browser says try now. */
  reconnectNow(): void;
  /** The socket is down and the browser says it is offline. */
  offline(): void;
  /** Live, but the tab was hidden long enough to have been frozen: ask history. */
  missedWhileHidden(): void;
  /** Our timers were `lateMs` late: the computer slept, and a socket can look open and be dead. */
  slept(lateMs: number): void;
}

export interface LifecycleOptions {
  lifecycle: LiveLifecycle;
  now: () => number;
  /** How often the sleep detector ticks. */
  driftCheckMs: number;
  /** A tick this much later than due means the computer slept. */
  sleepGapMs: number;
}

/** Starts listening; returns the stop. */
export function watchLifecycle(opts: LifecycleOptions, actions: LifecycleActions): () => void {
  const { now, driftCheckMs, sleepGapMs } = opts;
  let hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
  let hiddenAt = 0;
  let lastTick = now();
  let stopped = false;

  function onSignal(s: LiveSignal): void {
    if (stopped) return;
    switch (s) {
      case 'online':
        if (!actions.live()) actions.reconnectNow();
        break;
      case 'offline':
        if (!actions.live()) actions.offline();
        break;
      case 'hidden':
        hidden = true;
        hiddenAt = now();
        break;
      case 'visible':
        hidden = false;
        lastTick = now();
        if (!actions.live()) actions.reconnectNow();
        else if (now() - hiddenAt > sleepGapMs) actions.missedWhileHidden();
        break;
    }
  }

  const drift = setInterval(() => {
    const t = now();
    const late = t - lastTick - driftCheckMs;
    lastTick = t;
    // Hidden tabs get their timers throttled (to once a minute in Chrome): that is not sleep.
    if (stopped || hidden || late <= sleepGapMs) return;
    actions.slept(late);
  }, driftCheckMs);
  const unlisten = opts.lifecycle(onSignal);

  return () => {
    stopped = true;
    clearInterval(drift);
    unlisten();
  };
}
