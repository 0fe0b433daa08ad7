// The browser's one client: same origin (the proxy, or the device serving its
// own console), the session from the session store, -141 ends the session.
// Query factories and mutations call `call(op, req, { signal })`; no hook wraps it.
//
// Every call needs the session: the store is shared infrastructure in
// src/session (not a feature), so src/api imports no feature.
import { createClient, type Call } from './client';
import { useSessionStore, waitForSession } from '../session/session-store';

export const call: Call = createClient({
  baseUrl: '',
  getSession: () => useSessionStore.getState().sessionId,
  // A -141 for a session already replaced (a call sent before the user logged
  // in again) must not end the new one.
  onSessionExpired: (sent) => {
    if (useSessionStore.getState().sessionId === sent) useSessionStore.getState().expire();
  },
  // Unsaved work stays on screen: the call waits for the sign-in over the page.
  renewSession: waitForSession,
});
