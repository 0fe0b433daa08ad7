import { describe, expect, it } from 'vitest';
import type { Call } from '../../../api/client';
import { DeviceError, NetworkError } from '../../../api/errors';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { countOutcomes, enrolOnTargets, newImgId, planTargets, retryPlans, type TargetPlan } from './node-targets';

const staff = { name: 'Staff', type: 2 };
const lists: Record<string, { data?: { lib_id: number; lib_name: string; lib_type: number }[]; error?: unknown }> = {
  a: { data: [{ lib_id: 3, lib_name: 'Staff', lib_type: 2 }] },
  // Same name, other type: not the same library.
  b: { data: [{ lib_id: 7, lib_name: 'Staff', lib_type: 1 }] },
  c: { error: new NetworkError('library.list') },
  d: {},
};

describe('planTargets', () => {
  it('takes the library of the same name and type on each node, and says what it could not', () => {
    const plans = planTargets(['a', 'b', 'c', 'd'], (n) => lists[n]!, staff, { b: 'skip' });
    expect(plans).toEqual([
      { node: 'a', kind: 'library', libId: 3 },
      { node: 'b', kind: 'missing', choice: 'skip' },
      { node: 'c', kind: 'unread', error: lists.c!.error },
      { node: 'd', kind: 'reading' },
    ]);
    expect(planTargets(['b'], (n) => lists[n]!, staff, {})).toEqual([{ node: 'b', kind: 'missing', choice: 'create' }]);
  });
});

/** A fake fleet: each node answers from its own script. */
function fleetCalls(script: Record<string, { create?: () => number; enrol: () => string }>, log: string[]): (node: string) => Call {
  return (node) =>
    (async (op: { name: string }, req: Record<string, unknown>) => {
      log.push(`${node}:${op.name}:${String(req.lib_id ?? req.lib_name)}`);
      const s = script[node]!;
      if (op.name === 'library.create') return { lib_id: s.create!(), lib_name: String(req.lib_name) };
      return { img_id: s.enrol() };
    }) as unknown as Call;
}

describe('enrolOnTargets', () => {
  const img = new File(['x'], 'p.jpg', { type: 'image/jpeg' });
  it('enrols on every node, creates a missing library when asked, skips when asked, and one failure stays its own', async () => {
    const log: string[] = [];
    const plans: TargetPlan[] = [
      { node: 'a', kind: 'library', libId: 3 },
      { node: 'b', kind: 'missing', choice: 'create' },
      { node: 'c', kind: 'missing', choice: 'skip' },
      { node: 'd', kind: 'library', libId: 5 },
      { node: 'e', kind: 'unread', error: new NetworkError('library.list') },
    ];
    const full = new DeviceError(ErrorCode.LIBRARY_FULL, 'full', 'face.enrol');
    const calls = fleetCalls(
      {
        a: { enrol: () => 'P-1' },
        b: { create: () => 9, enrol: () => 'P-1' },
        d: {
          enrol: () => {
            throw full;
          },
        },
      },
      log,
    );
    const out = await enrolOnTargets(plans, staff, { img, img_id: 'P-1', person_name: 'Li' }, calls);
    expect(out).toEqual([
      { node: 'a', kind: 'stored', imgId: 'P-1', created: false },
      { node: 'b', kind: 'stored', imgId: 'P-1', created: true },
      { node: 'c', kind: 'skipped' },
      { node: 'd', kind: 'failed', error: full, created: false, libId: 5 },
      { node: 'e', kind: 'failed', error: plans[4]!.kind === 'unread' ? plans[4]!.error : null, created: false, libId: null },
    ]);
    expect(log).toContain('b:library.create:Staff');
    expect(log).toContain('b:face.enrol:9');
    expect(log.some((l) => l.startsWith('c:'))).toBe(false);
    expect(countOutcomes(out)).toEqual({ stored: 2, failed: 2, skipped: 1 });
    // The retry goes to the failed nodes only, to the library each has now.
    expect(retryPlans(plans, out)).toEqual([{ node: 'd', kind: 'library', libId: 5 }, plans[4]]);
  });

  it('a library created before the enrolment failed is used, not created again, on the retry', async () => {
    const refused = new DeviceError(ErrorCode.NO_FACE, '', 'face.enrol');
    const plans: TargetPlan[] = [{ node: 'b', kind: 'missing', choice: 'create' }];
    const out = await enrolOnTargets(
      plans,
      staff,
      { img, img_id: 'P-2' },
      fleetCalls(
        {
          b: {
            create: () => 11,
            enrol: () => {
              throw refused;
            },
          },
        },
        [],
      ),
    );
    expect(out).toEqual([{ node: 'b', kind: 'failed', error: refused, created: true, libId: 11 }]);
    expect(retryPlans(plans, out)).toEqual([{ node: 'b', kind: 'library', libId: 11 }]);
  });
});

describe('newImgId', () => {
  it('is a valid §3.7 img_id and differs each time', () => {
    const a = newImgId();
    expect(a).toMatch(/^[A-Za-z0-9-]{1,48}$/);
    expect(newImgId()).not.toBe(a);
    expect(newImgId(0, () => 0)).toBe('P-0-000000000000');
  });
});
