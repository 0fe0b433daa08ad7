// The ledger: every person of the source library against every target node.
// Computed from what the nodes answer (1035, paged: node-index.ts) plus, for
// this tab only, the outcomes of the run in progress; nothing is stored
// outside the nodes, so after a reload a refusal is "missing" again until the
// next run asks the node once more.
import type { FaceRecord } from '../../../api/protocol/faces';

/** The person_* fields the device keeps for a face (§3.7), in one fixed order. */
export type PersonAttrs = Pick<FaceRecord, 'img_id' | 'person_name' | 'person_idcard' | 'person_gender' | 'person_age' | 'person_addr'>;

/** The attributes as one comparable string (a separator no clean text holds: text.ts refuses control characters). */
export function attrKey(p: Omit<PersonAttrs, 'img_id'>): string {
  return [p.person_name, p.person_idcard, p.person_gender, p.person_age, p.person_addr].join('\u0001');
}

/** One node's library as the ledger needs it: img_id → attrKey, and when the read started. */
export interface NodeIndex {
  byId: ReadonlyMap<string, string>;
  /** Date.now() when the first page was asked for: run outcomes after it are newer than the index. */
  readAt: number;
}

/** What the run learnt of one person on one node (the tab's memory, never stored). */
export type Outcome = { ok: true; at: number } | { ok: false; at: number; error: unknown };

export type CellState = 'present' | 'missing' | 'different' | 'failed' | 'extra';
export const CELL_STATES: readonly CellState[] = ['present', 'missing', 'different', 'failed', 'extra'];

export interface Cell {
  state: CellState;
  /** A failed cell's refusal (a DeviceError, a network failure), shown through the error mapping. */
  error?: unknown;
}

/**
 * One cell. What the node holds wins over the run's memory (a refusal that
 * the node later shows present was a stale one); an enrolment the run saw
 * succeed counts only until the next read of the node, so a person deleted on
 * the node after the run is "missing" at the next check.
 */
export function cellOf(source: string | undefined, target: string | undefined, outcome: Outcome | undefined, readAt: number): Cell | null {
  if (source === undefined) return target === undefined ? null : { state: 'extra' };
  if (target !== undefined) {
    if (target === source) return { state: 'present' };
    if (outcome?.ok && outcome.at > readAt) return { state: 'present' };
    return { state: 'different' };
  }
  if (outcome && !outcome.ok) return { state: 'failed', error: outcome.error };
  if (outcome?.ok && outcome.at > readAt) return { state: 'present' };
  return { state: 'missing' };
}

export interface LedgerRow {
  imgId: string;
  /** The source's record; undefined for a person only on targets ("extra"). */
  person?: PersonAttrs;
  cells: ReadonlyArray<Cell | null>;
}

export interface LedgerInput {
  /** The source library in its order (creation time, §3.10). */
  source: readonly PersonAttrs[];
  /** Per target, in the columns' order; undefined while that node's index is not read. */
  targets: ReadonlyArray<NodeIndex | undefined>;
  /** Per target, the run's outcomes by img_id. */
  outcomes: ReadonlyArray<ReadonlyMap<string, Outcome> | undefined>;
  /** Changes when the outcomes change in place (a run records into its maps). */
  version?: number;
}

export type StateFilter = CellState | 'all';

/** Counts per target and state, for the filter and the progress. */
export type Counts = Array<Record<CellState, number>>;

const zero = (): Record<CellState, number> => ({ present: 0, missing: 0, different: 0, failed: 0, extra: 0 });

/**
 * The rows matching `filter` (a row matches when any of its cells has that
 * state), and the counts over all rows. Rows are made one pass at a time and
 * only what the filter keeps is held: a 100 000-person library costs the
 * source index and the matching rows, never a copy per view.
 */
export function ledger(
  input: LedgerInput,
  filter: StateFilter,
): { rows: LedgerRow[]; counts: Counts; persons: Record<StateFilter, number> } {
  const counts: Counts = input.targets.map(zero);
  // Persons (rows) with at least one cell in each state: what the filter would show.
  const persons: Record<StateFilter, number> = { ...zero(), all: 0 };
  const rows: LedgerRow[] = [];
  const sourceIds = new Set<string>();
  const row = (imgId: string, person: PersonAttrs | undefined, source: string | undefined) => {
    const seen = new Set<CellState>();
    const cells = input.targets.map((t, i) => {
      if (!t) return null;
      const c = cellOf(source, t.byId.get(imgId), input.outcomes[i]?.get(imgId), t.readAt);
      if (c) {
        counts[i]![c.state]++;
        seen.add(c.state);
      }
      return c;
    });
    persons.all++;
    for (const s of seen) persons[s]++;
    if (filter === 'all' || seen.has(filter)) rows.push({ imgId, person, cells });
  };
  for (const p of input.source) {
    sourceIds.add(p.img_id);
    row(p.img_id, p, attrKey(p));
  }
  // Persons a target holds that the source no longer has: offered for removal.
  const extras = new Set<string>();
  for (const t of input.targets) if (t) for (const id of t.byId.keys()) if (!sourceIds.has(id)) extras.add(id);
  for (const id of extras) row(id, undefined, undefined);
  return { rows, counts, persons };
}

/** Per target, the img_ids in `states` (source order first): what a removal works on. */
export function idsInState(input: LedgerInput, states: readonly CellState[]): string[][] {
  const { rows } = ledger(input, 'all');
  return input.targets.map((_, i) => rows.filter((r) => r.cells[i] && states.includes(r.cells[i]!.state)).map((r) => r.imgId));
}
