// The browser's one client: same origin (the proxy, or the device serving its
// own console), the session from the session store, -141 ends the session.
// Query factories and mutations call `call(op, req, { signal })`; no hook wraps it.
//
// Every call needs the session: the store is shared infrastructure in
// src/session (not a feature), so src/api imports no feature.
import { createClient, type Call } from './client';
import { useSessionStore } from '../session/session-store';

export const call: Call = createClient({
  baseUrl: '',
  getSession: () => useSessionStore.getState().sessionId,
  onSessionExpired: () => useSessionStore.getState().expire(),
});
