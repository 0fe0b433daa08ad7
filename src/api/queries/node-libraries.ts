// Fleet mode: the library lists of the target nodes of an operation (enrol
// once to many, a search across nodes). They live in the cache of the page's
// node, keyed by the target's id, so no key mixes two nodes' answers; the
// page's own node reads its shared list (libraries.ts) as every screen does.
import { queryOptions, useQueries } from '@tanstack/react-query';
import { targetCall } from '../target-call';
import { listLibraries } from '../protocol/libraries';
import { currentNode } from '../../session/node-store';
import { libraryQueries } from './libraries';

export const nodeLibraryQueries = {
  all: () => ['target-node', 'libraries'] as const,
  list: (node: string) =>
    node === currentNode()
      ? libraryQueries.list()
      : queryOptions({
          queryKey: [...nodeLibraryQueries.all(), node] as const,
          queryFn: ({ signal }) => targetCall(node)(listLibraries, {}, { signal }),
          // A node down answers its error at once on the page; the next look is the retry.
          retry: false,
          meta: { errorHandled: true },
        }),
};

export type NodeLibraries = Awaited<ReturnType<ReturnType<typeof libraryQueries.list>['queryFn'] & {}>>;

/** Each node's list, by node: `{ data }`, `{ error }`, or `{}` while it is read. */
export function useNodeLibraries(nodes: readonly string[]): (node: string) => { data?: NodeLibraries; error?: unknown } {
  const results = useQueries({ queries: nodes.map((n) => nodeLibraryQueries.list(n)) });
  const byNode = new Map(nodes.map((n, i) => [n, results[i]!]));
  return (node) => {
    const r = byNode.get(node);
    if (!r) return {};
    if (r.data) return { data: r.data };
    return r.error ? { error: r.error } : {};
  };
}
