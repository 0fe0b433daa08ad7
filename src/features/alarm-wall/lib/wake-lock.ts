// The kiosk keeps the screen on (Screen Wake Lock API). The browser lets go of
// the lock whenever the tab is hidden (another window, a locked session), so
// it is asked for again each time the page is visible again. Browsers offer
// the API only in a secure context (HTTPS, or localhost): a wall PC opening
// the console at http://<LAN address> has no navigator.wakeLock at all, and
// the wall says what to do instead of failing quietly.
import { useEffect, useState } from 'react';

export type WakeLockState =
  /** Not asked for (not in kiosk mode). */
  | 'idle'
  | 'held'
  /** The page is not on HTTPS nor localhost: the API is not there. */
  | 'insecure'
  /** A secure page in a browser without the API. */
  | 'unsupported'
  /** The browser said no (a power saver, a policy); asked again when the page is shown again. */
  | 'refused';

interface WakeLockSentinelLike {
  released: boolean;
  release(): Promise<void>;
  addEventListener(type: 'release', fn: () => void): void;
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

export interface WakeEnv {
  secure: boolean;
  wakeLock: WakeLockLike | undefined;
}

export function browserWakeEnv(): WakeEnv {
  const nav = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { wakeLock?: WakeLockLike });
  return { secure: typeof window !== 'undefined' && window.isSecureContext, wakeLock: nav?.wakeLock };
}

/** Why the lock cannot even be asked for, or null when it can. */
export function wakeLockUnavailable(env: WakeEnv): 'insecure' | 'unsupported' | null {
  if (env.wakeLock) return null;
  return env.secure ? 'unsupported' : 'insecure';
}

/** Holds the screen awake while `active`; returns how that is going. */
export function useWakeLock(active: boolean, env: () => WakeEnv = browserWakeEnv): WakeLockState {
  const [state, setState] = useState<WakeLockState>('idle');
  useEffect(() => {
    if (!active) {
      setState('idle');
      return;
    }
    const e = env();
    const missing = wakeLockUnavailable(e);
    if (missing || !e.wakeLock) {
      setState(missing ?? 'unsupported');
      return;
    }
    const api = e.wakeLock;
    let sentinel: WakeLockSentinelLike | null = null;
    let stopped = false;
    let asking = false;
    const acquire = () => {
      if (stopped || asking || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      asking = true;
      api.request('screen').then(
        (s) => {
          asking = false;
          if (stopped) {
            void s.release();
            return;
          }
          sentinel = s;
          setState('held');
          // A hidden tab loses it (visibilitychange asks again when shown);
          // released while shown (a power saver) is asked again at once.
          s.addEventListener('release', () => {
            if (!stopped && document.visibilityState === 'visible') acquire();
          });
        },
        () => {
          asking = false;
          if (!stopped) setState('refused');
        },
      );
    };
    const onVisible = () => acquire();
    document.addEventListener('visibilitychange', onVisible);
    acquire();
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisible);
      if (sentinel && !sentinel.released) void sentinel.release();
    };
  }, [active, env]);
  return state;
}
