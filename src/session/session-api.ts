import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/device';
import { login, logout } from '../api/protocol/session';
import { useSessionStore } from './session-store';

export interface Credentials {
  user: string;
  password: string;
}

/** §2.1. The login form shows its own errors (in words), so no notification. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, password }: Credentials) => call(login, { user_name: user, user_pwd: password }),
    meta: { errorHandled: true },
    onSuccess: (sessionId, { user }) => {
      // Nothing of an earlier session (another user, perhaps) may show.
      queryClient.clear();
      useSessionStore.getState().start(sessionId, user);
    },
  });
}

/**
 * §2.2. The session ends here whatever the device answers: a user who clicked
 * "log out" is out, even if the device is unreachable or already forgot us.
 * The session guard then shows the login page.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(logout, {}),
    meta: { errorHandled: true },
    onSettled: () => {
      useSessionStore.getState().clear();
      queryClient.clear();
    },
  });
}
