// Before a run: which library each target uses, and the jobs per target.
import type { Library } from '../../../api/protocol/libraries';
import { ledger, type CellState, type LedgerInput } from './ledger';
import type { Job } from './scheduler';

export type TargetLibrary = { kind: 'use'; libId: number } | { kind: 'create' } | { kind: 'clash'; libId: number; type: number };

/**
 * The target's library for the source's: the same name (exactly, as the
 * device compares it) and type. A library of that name and another type is a
 * clash: the device refuses a second one of the name (-119), and enrolling a
 * watch list into a staff list would be wrong, so that node is left out.
 */
export function targetLibrary(libs: readonly Library[], source: Pick<Library, 'lib_name' | 'lib_type'>): TargetLibrary {
  const same = libs.find((l) => l.lib_name === source.lib_name);
  if (!same) return { kind: 'create' };
  if (same.lib_type !== source.lib_type) return { kind: 'clash', libId: same.lib_id, type: same.lib_type };
  return { kind: 'use', libId: same.lib_id };
}

/** What a run does per target: enrol the missing and failed (of `states`), update the different. */
export function jobsFor(input: LedgerInput, states: readonly CellState[]): Job[][] {
  const { rows } = ledger(input, 'all');
  const jobs: Job[][] = input.targets.map(() => []);
  rows.forEach((r, seq) => {
    if (!r.person) return;
    r.cells.forEach((c, i) => {
      if (!c || !states.includes(c.state)) return;
      if (c.state === 'missing' || c.state === 'failed') jobs[i]!.push({ imgId: r.imgId, kind: 'enrol', seq });
      else if (c.state === 'different') jobs[i]!.push({ imgId: r.imgId, kind: 'update', seq });
    });
  });
  return jobs;
}
