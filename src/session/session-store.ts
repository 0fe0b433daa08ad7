// The session id (§2.1) lives in sessionStorage only: it survives a reload of
// this tab, dies with the tab, and is never put in a URL, localStorage or a log.
// The password is never stored anywhere.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { SESSION_STORAGE_KEY } from './session-key';

interface SessionState {
  sessionId: string | null;
  /** For the header; not a secret. */
  user: string | null;
  /** True after the device answered -141: the login page says why the user is there. */
  expired: boolean;
  /** The console saw the restart happen (its overlay): the login page says so, not "idle". */
  restarted: boolean;
  start(sessionId: string, user: string): void;
  /** A -141 from any call: the device forgot us (30 idle minutes, a restart). */
  expire(cause?: 'restart'): void;
  /** Logout. */
  clear(): void;
}

export { SESSION_STORAGE_KEY };

// Calls that met -141 wait here for the next sign-in (true) or a logout (false).
let waiting: Array<(renewed: boolean) => void> = [];
function settle(renewed: boolean) {
  const all = waiting;
  waiting = [];
  for (const resolve of all) resolve(renewed);
}

export const useSessionStore = create<SessionState>()(
  persist(
    (set, get) => ({
      sessionId: null,
      user: null,
      expired: false,
      restarted: false,
      start: (sessionId, user) => {
        set({ sessionId, user, expired: false, restarted: false });
        settle(true);
      },
      expire: (cause) => {
        if (get().sessionId) set({ sessionId: null, expired: true, restarted: cause === 'restart' });
        // A poll's -141 often comes before the restart overlay knows why: the better reason wins.
        else if (cause === 'restart' && get().expired) set({ restarted: true });
      },
      clear: () => {
        set({ sessionId: null, user: null, expired: false, restarted: false });
        settle(false);
      },
    }),
    {
      name: SESSION_STORAGE_KEY,
      storage: createJSONStorage(() => sessionStorage),
      // The reason is kept too: a poll can meet -141 and land on the login page
      // just before the user reloads it, and the reason must survive that.
      partialize: (s) => ({ sessionId: s.sessionId, user: s.user, expired: s.expired, restarted: s.restarted }),
    },
  ),
);

/**
 * For the client after a -141: a session started since (another call already
 * renewed it) answers at once; otherwise wait for the user to sign in again over
 * the page (true) or to give up and log out (false).
 */
export function waitForSession(): Promise<boolean> {
  if (useSessionStore.getState().sessionId !== null) return Promise.resolve(true);
  return new Promise((resolve) => waiting.push(resolve));
}

/** The user chose to log in afresh (perhaps as someone else): the calls that met -141 fail. */
export function abandonWaitingCalls(): void {
  settle(false);
}

export const selectSignedIn = (s: SessionState): boolean => s.sessionId !== null;
