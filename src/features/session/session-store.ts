// The session id (§2.1) lives in sessionStorage only: it survives a reload of
// this tab, dies with the tab, and is never put in a URL, localStorage or a log.
// The password is never stored anywhere.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface SessionState {
  sessionId: string | null;
  /** For the header; not a secret. */
  user: string | null;
  /** True after the device answered -141: the login page says why the user is there. */
  expired: boolean;
  start(sessionId: string, user: string): void;
  /** A -141 from any call: the device forgot us (30 idle minutes, a restart). */
  expire(): void;
  /** Logout. */
  clear(): void;
}

export const SESSION_STORAGE_KEY = 'nebula.session';

export const useSessionStore = create<SessionState>()(
  persist(
    (set, get) => ({
      sessionId: null,
      user: null,
      expired: false,
      start: (sessionId, user) => set({ sessionId, user, expired: false }),
      expire: () => {
        if (get().sessionId) set({ sessionId: null, expired: true });
      },
      clear: () => set({ sessionId: null, user: null, expired: false }),
    }),
    {
      name: SESSION_STORAGE_KEY,
      storage: createJSONStorage(() => sessionStorage),
      partialize: (s) => ({ sessionId: s.sessionId, user: s.user }),
    },
  ),
);

export const selectSignedIn = (s: SessionState): boolean => s.sessionId !== null;
