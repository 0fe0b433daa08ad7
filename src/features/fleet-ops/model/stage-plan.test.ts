import { describe, expect, it } from 'vitest';
import {
  afterReload,
  checked,
  counts,
  createPlan,
  nodesToStart,
  parsePlan,
  planStatus,
  remaining,
  sameFile,
  updateStep,
  waves,
  type UpgradePlan,
} from './stage-plan';

const make = (batch = 1, nodes = ['a', 'b', 'c', 'd', 'e']) =>
  createPlan({
    id: 'p1',
    first: nodes[0]!,
    rest: nodes,
    batch,
    file: { name: 'nebula.tar.bz2', size: 10 },
    versions: Object.fromEntries(nodes.map((n) => [n, 'V1'])),
    at: 0,
  });

const finish = (p: UpgradePlan, n: string) => checked(updateStep(p, n, { state: 'checking' }), n, 'V2');

describe('staged upgrade plan', () => {
  it('one node first, then the rest N at a time', () => {
    expect(waves(make(1))).toEqual([['a'], ['b'], ['c'], ['d'], ['e']]);
    expect(waves(make(2))).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
    expect(waves(make(10))).toEqual([['a'], ['b', 'c', 'd', 'e']]);
    // Out of range is brought into range; the first node is never repeated.
    expect(make(0).batch).toBe(1);
    expect(make(1000).batch).toBe(16);
    expect(
      createPlan({ id: 'x', first: 'c', rest: ['a', 'c'], batch: 1, file: { name: 'f', size: 1 }, versions: {}, at: 0 }).order,
    ).toEqual(['c', 'a']);
  });

  it('starts a wave only when the one before it is done', () => {
    let p = make(2);
    expect(nodesToStart(p)).toEqual(['a']);
    p = updateStep(p, 'a', { state: 'uploading' });
    expect(nodesToStart(p)).toEqual([]);
    p = finish(p, 'a');
    expect(p.steps.a).toMatchObject({ state: 'done', to: 'V2' });
    expect(nodesToStart(p)).toEqual(['b', 'c']);
    p = finish(updateStep(p, 'c', { state: 'uploading' }), 'b');
    // c is still under way: the next wave waits.
    expect(nodesToStart(p)).toEqual([]);
    p = finish(p, 'c');
    expect(nodesToStart(p)).toEqual(['d', 'e']);
    p = finish(finish(p, 'd'), 'e');
    expect(planStatus(p)).toBe('done');
    expect(nodesToStart(p)).toEqual([]);
  });

  it('stops at the first failure: the nodes under way finish, nothing new starts', () => {
    let p = finish(make(2), 'a');
    p = updateStep(p, 'b', { state: 'uploading' });
    p = updateStep(p, 'c', { state: 'restarting' });
    p = updateStep(p, 'b', { state: 'failed', failure: { kind: 'device', code: -3603 } });
    expect(planStatus(p)).toBe('stopping');
    expect(nodesToStart(p)).toEqual([]);
    p = finish(p, 'c');
    expect(planStatus(p)).toBe('failed');
    expect(counts(p)).toMatchObject({ done: 2, failed: 1, pending: 2 });
    expect(remaining(p)).toEqual([]);
    // A finished step does not move again.
    expect(updateStep(p, 'b', { state: 'uploading' })).toBe(p);
  });

  it('a node back on its old version failed', () => {
    const p = checked(updateStep(make(), 'a', { state: 'checking' }), 'a', 'V1');
    expect(p.steps.a).toMatchObject({ state: 'failed', failure: { kind: 'unchanged', version: 'V1' } });
    expect(planStatus(p)).toBe('failed');
    expect(nodesToStart(p)).toEqual([]);
  });

  it('the user stops it: nothing new starts', () => {
    const p = { ...finish(make(), 'a'), stopped: true };
    expect(planStatus(p)).toBe('stopped');
    expect(nodesToStart(p)).toEqual([]);
  });

  it('after a reload an upload in flight is checked: sent again if the version did not move, done if it did', () => {
    let p = updateStep(make(), 'a', { state: 'uploading' });
    p = afterReload(p);
    expect(p.steps.a).toMatchObject({ state: 'checking', interrupted: true });
    const again = checked(p, 'a', 'V1');
    expect(again.steps.a).toMatchObject({ state: 'pending', interrupted: false });
    expect(nodesToStart(again)).toEqual(['a']);
    expect(remaining(again)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(checked(p, 'a', 'V2').steps.a).toMatchObject({ state: 'done', to: 'V2' });
    // A restart under way is followed on, not reset.
    const r = afterReload(updateStep(make(), 'a', { state: 'restarting', restartAt: 5 }));
    expect(r.steps.a).toMatchObject({ state: 'restarting', restartAt: 5 });
  });

  it('survives sessionStorage, and refuses what is not a plan', () => {
    const p = finish(make(2), 'a');
    expect(parsePlan(JSON.stringify(p))).toEqual(p);
    expect(parsePlan(null)).toBeNull();
    expect(parsePlan('{')).toBeNull();
    expect(parsePlan(JSON.stringify({ ...p, batch: 99 }))).toBeNull();
    expect(parsePlan(JSON.stringify({ ...p, order: ['a', 'zz'] }))).toBeNull();
    expect(parsePlan(JSON.stringify({ ...p, steps: { ...p.steps, a: { ...p.steps.a, state: 'exploded' } } }))).toBeNull();
  });

  it('a file chosen again must be the same one', () => {
    const p = make();
    expect(sameFile(p, { name: 'nebula.tar.bz2', size: 10 })).toBe(true);
    expect(sameFile(p, { name: 'nebula.tar.bz2', size: 11 })).toBe(false);
  });
});
