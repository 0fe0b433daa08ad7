import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, callOn } from '../api/device';
import { login, logout } from '../api/protocol/session';
import { isFleet, useNodeStore } from './node-store';
import { sessionOf, useSessionStore } from './session-store';

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
    // Fleet mode: out of every node signed in (each node's cache is forgotten at its next sign-in).
    mutationFn: async () => {
      if (!isFleet()) {
        await call(logout, {});
        return;
      }
      await Promise.allSettled(
        signedInNodes().map((n) => callOn(n, { wait: false })(logout, {}, { signal: AbortSignal.timeout(NODE_SIGN_IN_TIMEOUT_MS) })),
      );
    },
    meta: { errorHandled: true },
    onSettled: () => {
      if (isFleet()) for (const n of useNodeStore.getState().nodes) useSessionStore.getState().clear(n.id);
      else useSessionStore.getState().clear();
      queryClient.clear();
    },
  });
}

const signedInNodes = () =>
  useNodeStore
    .getState()
    .nodes.map((n) => n.id)
    .filter((id) => sessionOf(id).sessionId !== null);

/** A node down or slow answers "unreachable" after this, never holding the others' sign-in. */
export const NODE_SIGN_IN_TIMEOUT_MS = 10_000;

/** One node's sign-in (fleet mode): its session starts, or the device's refusal is thrown. */
export async function signInNode(node: string, { user, password }: Credentials): Promise<void> {
  const sessionId = await callOn(node, { wait: false })(
    login,
    { user_name: user, user_pwd: password },
    { signal: AbortSignal.timeout(NODE_SIGN_IN_TIMEOUT_MS) },
  );
  useSessionStore.getState().start(sessionId, user, node);
}

export interface NodeRefusal {
  readonly node: string;
  readonly error: unknown;
}

/** Fleet sign-in: the same credentials on every node at once (sites usually share them); the nodes that refused, in list order. */
export async function signInEverywhere(credentials: Credentials): Promise<NodeRefusal[]> {
  const nodes = useNodeStore.getState().nodes.map((n) => n.id);
  const results = await Promise.all(
    nodes.map((node) =>
      signInNode(node, credentials).then(
        () => null,
        (error: unknown): NodeRefusal => ({ node, error }),
      ),
    ),
  );
  return results.filter((r): r is NodeRefusal => r !== null);
}
