import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { selectSignedIn, useSessionStore } from '../session/session-store';
import { paths } from '../config/paths';
import { useNodeStore } from '../session/node-store';

/**
 * Watches the session while the app is open. A -141 from any call (the client
 * tells the store) never navigates away from the page: the page stays, with
 * whatever the user typed, and a dialog over it asks for the password (or a
 * kept wall display logs in again by itself); the calls that met the expiry
 * are sent once the new session starts (the dialog: app-layout.tsx). A logout
 * lands on the login page.
 */
export function SessionGuard({ children }: { children: ReactNode }) {
  const fleet = useNodeStore((s) => s.fleet);
  // Fleet mode: a node's logout or expiry leaves the others; the last one out lands on the login page.
  const signedIn = useSessionStore((s) => (fleet ? Object.values(s.sessions).some((n) => n.sessionId !== null) : selectSignedIn(s)));
  const expired = useSessionStore((s) => (fleet ? Object.values(s.sessions).some((n) => n.expired) : s.expired));
  if (!signedIn && !expired) return <Navigate to={paths.login} replace />;
  return children;
}
