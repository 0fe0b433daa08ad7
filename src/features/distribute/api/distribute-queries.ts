// What the distribute page reads of each node, keyed by node id in the app's
// cache (as the fleet overview's reads are: docs/fleet-console.md). The
// ledger's indexes are never refreshed on their own: a run's end and the
// "check again" button invalidate them, so a big library is read only when
// asked (a 10 000-person library is 200 pages of 1035 per node).
import { queryOptions } from '@tanstack/react-query';
import { callOn } from '../../../api/device';
import { queryFaces } from '../../../api/protocol/faces';
import { listLibraries } from '../../../api/protocol/libraries';
import { QUERY_MAX } from '../../../api/protocol/limits';
import { attrKey, type NodeIndex, type PersonAttrs } from '../model/ledger';

/** One page may take long on a loaded device; past this the node is "not answering". */
const PAGE_TIMEOUT_MS = 20_000;

const bounded = (signal: AbortSignal) => ({ signal: AbortSignal.any([signal, AbortSignal.timeout(PAGE_TIMEOUT_MS)]) });

/**
 * Every person of a library, paged by §3.10's maximum (50) in creation order.
 * `take` keeps what the caller needs of each row, so a target's index holds an
 * img_id and one string per person and never the records.
 */
async function pageAll(node: string, libId: number, signal: AbortSignal, take: (r: PersonAttrs) => void): Promise<void> {
  const call = callOn(node, { wait: false });
  for (let start = 1; ; start += QUERY_MAX) {
    const page = await call(queryFaces, { lib_id: libId, start_no: start, qry_len: QUERY_MAX }, bounded(signal));
    for (const r of page.record) take(r);
    // Fewer than a page, or past the total: done. A library that changes while it is read is read again by the next check.
    if (page.record.length < QUERY_MAX || start + QUERY_MAX > page.total_num) return;
  }
}

export interface SourceLibrary {
  people: PersonAttrs[];
  readAt: number;
}

export const distributeQueries = {
  all: () => ['distribute'] as const,
  node: (node: string) => [...distributeQueries.all(), node] as const,
  libraries: (node: string) =>
    queryOptions({
      queryKey: [...distributeQueries.node(node), 'libraries'] as const,
      queryFn: ({ signal }) => callOn(node, { wait: false })(listLibraries, {}, bounded(signal)),
      retry: false,
      meta: { errorHandled: true },
    }),
  /** The source library: its people in order, with their attributes. */
  source: (node: string, libId: number) =>
    queryOptions({
      queryKey: [...distributeQueries.node(node), 'library', libId, 'source'] as const,
      queryFn: async ({ signal }): Promise<SourceLibrary> => {
        const readAt = Date.now();
        const people: PersonAttrs[] = [];
        await pageAll(node, libId, signal, (r) =>
          people.push({
            img_id: r.img_id,
            person_name: r.person_name,
            person_idcard: r.person_idcard,
            person_gender: r.person_gender,
            person_age: r.person_age,
            person_addr: r.person_addr,
          }),
        );
        return { people, readAt };
      },
      staleTime: Infinity,
      retry: false,
      meta: { errorHandled: true },
    }),
  /** A target's library: img_id → attributes, for the ledger. */
  index: (node: string, libId: number) =>
    queryOptions({
      queryKey: [...distributeQueries.node(node), 'library', libId, 'index'] as const,
      queryFn: async ({ signal }): Promise<NodeIndex> => {
        const readAt = Date.now();
        const byId = new Map<string, string>();
        await pageAll(node, libId, signal, (r) => byId.set(r.img_id, attrKey(r)));
        return { byId, readAt };
      },
      staleTime: Infinity,
      retry: false,
      meta: { errorHandled: true },
    }),
};
