// The browser's one client: same origin (the proxy, or the device serving its
// own console), the session from the session store, -141 ends the session.
// Query factories and mutations call `call(op, req, { signal })`; no hook wraps it.
//
// The one import from src/api into a feature: every call needs the session, and
// the session store owns it.
import { createClient, type Call } from './client';
import { useSessionStore, waitForSession } from '../features/session/session-store';

export const call: Call = createClient({
  baseUrl: '',
  getSession: () => useSessionStore.getState().sessionId,
  onSessionExpired: () => useSessionStore.getState().expire(),
  // Unsaved work stays on screen: the call waits for the sign-in over the page.
  renewSession: waitForSession,
});
