import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { DeviceError, NetworkError } from '../api/errors';
import { reportError } from './notifier';
import { ErrorCode } from '../api/protocol/error-codes';
import { useSessionStore } from '../session/session-store';

export interface AppMeta extends Record<string, unknown> {
  /** The page shows this failure itself: no notification. */
  errorHandled?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: AppMeta;
    mutationMeta: AppMeta;
  }
}

/** -141 is handled by the redirect to login; an abort is not a failure. */
export function isReportable(error: unknown): boolean {
  if (error instanceof DeviceError && error.code === ErrorCode.NOT_LOGGED_IN) return false;
  if (error instanceof DOMException && error.name === 'AbortError') return false;
  return true;
}

export function createQueryClient(report: (error: unknown) => void = reportError): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (!query.meta?.errorHandled && isReportable(error)) report(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _result, mutation) => {
        if (!mutation.meta?.errorHandled && isReportable(error)) report(error);
      },
    }),
    defaultOptions: {
      queries: {
        // Once, and only when the device could not be reached: a device error
        // answers the same the second time.
        retry: (failures, error) => failures < 1 && error instanceof NetworkError,
        staleTime: 15_000,
      },
      // A write is never repeated blindly: the first may have landed.
      mutations: { retry: false },
    },
  });
}

// Fleet mode: one cache per node, so no query key anywhere can mix two nodes'
// answers and every query factory stays as single-node mode wrote it (the
// node is the cache, not a key part). The fleet's own pages key by node id in
// the app's cache (features/fleet/api).
const nodeClients = new Map<string, QueryClient>();

export function nodeQueryClient(node: string): QueryClient {
  let client = nodeClients.get(node);
  if (!client) {
    client = createQueryClient();
    nodeClients.set(node, client);
    watching ??= forgetOnFreshSignIn();
  }
  return client;
}
let watching: (() => void) | null = null;

/**
 * A fresh sign-in on a node (not the renewal of an expired session, which
 * keeps the page and its cache) forgets what that node's cache held: another
 * user may have signed in.
 */
function forgetOnFreshSignIn(): () => void {
  return useSessionStore.subscribe((s, prev) => {
    for (const [node, now] of Object.entries(s.sessions)) {
      const before = prev.sessions[node];
      if (now.sessionId !== null && before?.sessionId == null && !before?.expired) nodeClients.get(node)?.clear();
    }
  });
}
