// Enrol once, to many (issue 18): the library a person goes to on each target
// node, and what each node did with them. Pure: the drawer and the import
// give it the nodes' library lists and a call per node.
import type { Call } from '../../../api/client';
import { mapBounded } from '../../../api/bounded';
import { enrolFace } from '../../../api/protocol/faces';
import { createLibrary } from '../../../api/protocol/libraries';
import type { PersonInput } from '../api/gallery-queries';

export interface LibraryIdentity {
  name: string;
  type: number;
}

/** A node's library list as its query holds it. */
export interface NodeList {
  data?: readonly { lib_id: number; lib_name: string; lib_type: number }[];
  error?: unknown;
}

export type MissingChoice = 'create' | 'skip';

export type TargetPlan =
  | { node: string; kind: 'library'; libId: number }
  /** No library of that name and type there: created first, or the node skipped, as the user chose. */
  | { node: string; kind: 'missing'; choice: MissingChoice }
  /** Its list could not be read: the node's outcome is that failure. */
  | { node: string; kind: 'unread'; error: unknown }
  | { node: string; kind: 'reading' };

/**
 * "The same library" on another node is the one with the same name and type
 * (ids are each node's own). Names are unique on a node (the device refuses a
 * second one), so there is at most one.
 */
export function planTargets(
  nodes: readonly string[],
  lists: (node: string) => NodeList,
  want: LibraryIdentity,
  choices: Readonly<Record<string, MissingChoice>>,
): TargetPlan[] {
  return nodes.map((node): TargetPlan => {
    const l = lists(node);
    if (l.data) {
      const lib = l.data.find((x) => x.lib_name === want.name && x.lib_type === want.type);
      return lib ? { node, kind: 'library', libId: lib.lib_id } : { node, kind: 'missing', choice: choices[node] ?? 'create' };
    }
    if (l.error !== undefined && l.error !== null) return { node, kind: 'unread', error: l.error };
    return { node, kind: 'reading' };
  });
}

export type NodeOutcome =
  | { node: string; kind: 'stored'; imgId: string; created: boolean }
  /** libId: the library used there (or created on this try), null when none was reached. */
  | { node: string; kind: 'failed'; error: unknown; created: boolean; libId: number | null }
  | { node: string; kind: 'skipped' };

export interface OutcomeCounts {
  stored: number;
  failed: number;
  skipped: number;
}

export function countOutcomes(outcomes: readonly NodeOutcome[]): OutcomeCounts {
  const c: OutcomeCounts = { stored: 0, failed: 0, skipped: 0 };
  for (const o of outcomes) c[o.kind]++;
  return c;
}

/** A retry goes to the nodes that failed, with what each one now has (a library created on the first try is there now). */
export function retryPlans(plans: readonly TargetPlan[], outcomes: readonly NodeOutcome[]): TargetPlan[] {
  const failed = new Map<string, number | null>();
  for (const o of outcomes) if (o.kind === 'failed') failed.set(o.node, o.libId);
  return plans
    .filter((p) => failed.has(p.node))
    .map((p): TargetPlan => {
      const libId = failed.get(p.node);
      return libId != null ? { node: p.node, kind: 'library', libId } : p;
    });
}

/**
 * Several targets and no img_id given: the console picks one, so the person is
 * one img_id on every node (the distribution's ledger pairs them by img_id)
 * and no node waits for another to assign it. §3.7: letters, digits and '-',
 * at most 48; "P-" + time and 48 random bits: 22 characters.
 */
export function newImgId(now: number = Date.now(), random: () => number = Math.random): string {
  const r = Array.from({ length: 12 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `P-${now.toString(36)}-${r}`;
}

/** Nodes enrolled at once: a person is one small request per node; four keep a slow node from holding the rest. */
export const NODES_AT_ONCE = 4;

/**
 * One person on every planned node: a missing library created first when the
 * user chose so, a node's failure its own outcome. Never throws.
 */
export function enrolOnTargets(
  plans: readonly TargetPlan[],
  want: LibraryIdentity,
  person: PersonInput & { img: File; img_id: string },
  callOf: (node: string) => Call,
  limit = NODES_AT_ONCE,
): Promise<NodeOutcome[]> {
  return mapBounded(plans, limit, async (p): Promise<NodeOutcome> => {
    if (p.kind === 'missing' && p.choice === 'skip') return { node: p.node, kind: 'skipped' };
    if (p.kind === 'unread') return { node: p.node, kind: 'failed', error: p.error, created: false, libId: null };
    if (p.kind === 'reading') return { node: p.node, kind: 'skipped' };
    const call = callOf(p.node);
    let created = false;
    let libId: number | null = null;
    try {
      if (p.kind === 'library') libId = p.libId;
      else {
        libId = (await call(createLibrary, { lib_name: want.name, lib_type: want.type === 1 ? 1 : 2 })).lib_id;
        created = true;
      }
      const ans = await call(enrolFace, { lib_id: libId, ...person });
      return { node: p.node, kind: 'stored', imgId: ans.img_id, created };
    } catch (error) {
      return { node: p.node, kind: 'failed', error, created, libId };
    }
  });
}
