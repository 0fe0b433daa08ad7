// Face search across nodes (issue 18): one probe, a 1:N search (§5.1) on each
// chosen node's libraries, the hits merged by score with the node named on
// each. Pure, beside its tests; the panel gives it a call per node.
import { mapBounded } from '../../../api/bounded';
import { ID_LIST_MAX } from '../../../api/protocol/limits';
import type { Candidate } from '../../../api/protocol/recognition';

interface Lib {
  lib_id: number;
  lib_name: string;
  lib_type: number;
}

/** A library the user chooses across nodes: its name and type (ids are each node's own). */
export const libKey = (l: { lib_name: string; lib_type: number }): string => `${l.lib_type}:${l.lib_name}`;

/** Every library of the nodes, once per name and type, in name order. */
export function libraryChoices(lists: readonly (readonly Lib[])[]): { key: string; name: string; type: number; nodes: number }[] {
  const seen = new Map<string, { key: string; name: string; type: number; nodes: number }>();
  for (const list of lists) {
    for (const l of list) {
      const k = libKey(l);
      const had = seen.get(k);
      if (had) had.nodes++;
      else seen.set(k, { key: k, name: l.lib_name, type: l.lib_type, nodes: 1 });
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.type - b.type);
}

/** A node's ids for the chosen libraries (none chosen: all of its own), at most §5.1's ID_LIST_MAX. */
export function libraryIdsOn(list: readonly Lib[], chosen: readonly string[]): number[] {
  const want = new Set(chosen);
  return list
    .filter((l) => want.size === 0 || want.has(libKey(l)))
    .map((l) => l.lib_id)
    .slice(0, ID_LIST_MAX);
}

export type NodeSearch =
  | { node: string; kind: 'hits'; hits: readonly Candidate[] }
  | { node: string; kind: 'failed'; error: unknown }
  /** None of the chosen libraries is on that node. */
  | { node: string; kind: 'no-library' };

export interface NodeHit extends Candidate {
  node: string;
}

/**
 * Every node's hits in one list, best first. Scores of one engine compare
 * across nodes (the same model and scale, §5.1); a tie keeps the nodes' order,
 * then each node's own ranking.
 */
export function mergeHits(results: readonly NodeSearch[]): NodeHit[] {
  const order = new Map(results.map((r, i) => [r.node, i]));
  const all: NodeHit[] = [];
  for (const r of results) if (r.kind === 'hits') for (const h of r.hits) all.push({ ...h, node: r.node });
  return all.sort((a, b) => b.similarity - a.similarity || order.get(a.node)! - order.get(b.node)! || a.ranking - b.ranking);
}

/** Nodes searched at once: a 1:N search is one request per node, cheap for the browser; four bound a large fleet. */
export const NODES_AT_ONCE = 4;

/** A node to search: its ids of the chosen libraries, or why its libraries could not be read. */
export type NodeTarget = { node: string; libIds: readonly number[] } | { node: string; error: unknown };

/** The same probe on every node, each with its own libraries; a node's failure is its own result. Never throws. */
export function searchOnNodes(
  nodes: readonly NodeTarget[],
  /** One node's §5.1 search in those libraries (comma list): its hits. */
  search: (node: string, libIds: string) => Promise<readonly Candidate[]>,
  limit = NODES_AT_ONCE,
): Promise<NodeSearch[]> {
  return mapBounded(nodes, limit, async (target): Promise<NodeSearch> => {
    const { node } = target;
    if ('error' in target) return { node, kind: 'failed', error: target.error };
    const { libIds } = target;
    if (libIds.length === 0) return { node, kind: 'no-library' };
    try {
      return { node, kind: 'hits', hits: await search(node, libIds.join(',')) };
    } catch (error) {
      return { node, kind: 'failed', error };
    }
  });
}
