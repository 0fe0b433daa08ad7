import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { selectSignedIn, useSessionStore } from '../session/session-store';
import { loginPath, paths } from '../config/paths';

/**
 * Watches the session while the app is open: a -141 from any call (the client
 * tells the store) lands the user on the login page, which brings them back
 * here after; a logout lands them there plainly.
 */
export function SessionGuard({ children }: { children: ReactNode }) {
  const signedIn = useSessionStore(selectSignedIn);
  const expired = useSessionStore((s) => s.expired);
  const location = useLocation();
  if (!signedIn) {
    return <Navigate to={expired ? loginPath(location.pathname + location.search + location.hash) : paths.login} replace />;
  }
  return children;
}
