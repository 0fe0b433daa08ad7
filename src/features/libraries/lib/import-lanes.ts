// A batch import to several nodes (issue 18, fleet mode): the node shown runs
// the import as before; each other target node is a lane with its own runner
// (its own bounded requests in flight), its own library (same name and type,
// or created at the start) and each file's outcome there. Pure, tested beside.
import type { HaltReason, RunnerState } from './import-runner';
import type { ResultStatus } from './import-report';

export type LaneState = RunnerState | 'idle' | 'preparing' | 'skipped' | 'failed';

export interface Lane {
  node: string;
  /** Its library (found by name and type, or created); null until created, or when skipped or failed. */
  libId: number | null;
  /** No library there: the user's choice, applied when the run starts. */
  create: boolean;
  state: LaneState;
  halt?: HaltReason;
  /** Why the lane could not start: its libraries unread, the library not created. */
  error?: unknown;
  status: Readonly<Record<number, ResultStatus>>;
  total: number;
  answered: number;
}

/**
 * The import's state over the node shown and every lane: running while any
 * runs; paused when none runs and one waits (a node halted for its session or
 * its network pauses alone, and Resume goes on with it); over when all are.
 */
export function combinedState(states: readonly LaneState[]): LaneState {
  const live = states.filter((s) => s !== 'idle' && s !== 'skipped' && s !== 'failed');
  if (live.length === 0) return states.includes('failed') || states.includes('skipped') ? 'done' : 'idle';
  for (const s of ['running', 'preparing', 'pausing', 'cancelling', 'paused'] as const)
    if (live.includes(s)) return s === 'preparing' ? 'running' : s;
  return live.includes('cancelled') ? 'cancelled' : 'done';
}

/** Rows that go to a lane in a run: kept, without a problem, and not already on that node. */
export function laneKeys(
  rows: readonly { key: number; dropped: boolean }[],
  problems: ReadonlyMap<number, unknown>,
  status: Readonly<Record<number, ResultStatus>>,
): number[] {
  return rows.filter((r) => !r.dropped && !problems.has(r.key) && status[r.key]?.kind !== 'stored').map((r) => r.key);
}

/** A row on its way or on any node stays as it is: one person, the same on every node. */
export function lockedOnAny(key: number, statuses: readonly Readonly<Record<number, ResultStatus>>[]): boolean {
  return statuses.some((s) => {
    const k = s[key]?.kind;
    return k === 'pending' || k === 'sending' || k === 'stored';
  });
}
