// The runner against fake nodes: a target that goes away mid-run is asked
// again and goes on where it stopped; a lost answer (-1100 for our own
// library) counts as done; a refusal is kept with its error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeviceError, NetworkError } from '../../../api/errors';
import type { Operation } from '../../../api/protocol/operation';
import type { PersonAttrs } from '../model/ledger';
import { PER_NODE_IN_FLIGHT } from '../model/scheduler';
import { outcomeKey, useDistributeStore } from './run-store';

type Req = { img_id?: string; lib_id?: number };
const behaviour: Record<string, (op: Operation, req: Req) => unknown> = {};
vi.mock('../../../api/device', () => ({
  callOn: (node: string) => async (op: Operation, req: Req) => behaviour[node]!(op, req),
}));
const { startRun } = await import('./runner');

const person = (id: string): PersonAttrs => ({
  img_id: id,
  person_name: id,
  person_idcard: '',
  person_gender: '1',
  person_age: '',
  person_addr: '',
});
const lib = { lib_id: 1, lib_name: 'L', lib_type: 1, picture_no: 0, create_time: '', update_time: '' };
const jobs = (ids: string[]) => ids.map((imgId, seq) => ({ imgId, kind: 'enrol' as const, seq }));

beforeEach(() => {
  vi.useFakeTimers();
  useDistributeStore.setState({ run: null, outcomes: new Map(), outcomesVersion: 0 });
  behaviour.src = (op, req) => ({ ...person(req.img_id!), img: 'AAAA', img_feat: '', img_path: '', lib_id: 1, create_time: '' });
});
afterEach(() => vi.useRealTimers());

describe('runner', () => {
  it('a target that goes away is asked again and resumes where it stopped, each person once', async () => {
    const enrolled: string[] = [];
    // Every request of the first volley fails, then the first probe: the node is waiting.
    let away = PER_NODE_IN_FLIGHT + 1;
    behaviour.a = (op, req) => {
      if (away > 0) {
        away--;
        throw new NetworkError(op.name);
      }
      enrolled.push(req.img_id!);
      return { img_id: req.img_id };
    };
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const onEnd = vi.fn();
    startRun({ source: { node: 'src', lib }, targets: [{ node: 'a', libId: 9 }], jobs: [jobs(ids)], person, onEnd });
    // The store hears at most every 250 ms.
    await vi.advanceTimersByTimeAsync(300);
    expect(useDistributeStore.getState().run?.waitingWhy.a).toBeInstanceOf(NetworkError);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(enrolled).toEqual(ids);
    expect(onEnd).toHaveBeenCalledTimes(1);
    const run = useDistributeStore.getState().run!;
    expect(run.ended).toBe(true);
    expect(run.state.nodes[0]).toMatchObject({ ok: 5, failed: 0, attempts: 0 });
  });

  it('-1100 for a person already in our library is done; a refusal is kept with its error', async () => {
    behaviour.a = (op, req) => {
      if (op.name === 'face.get') return { ...person(req.img_id!), img: '', img_feat: '', img_path: '', lib_id: 9, create_time: '' };
      if (req.img_id === 'p1') throw new DeviceError(-1100, '', op.name);
      if (req.img_id === 'p2') throw new DeviceError(-1101, '', op.name);
      return { img_id: req.img_id };
    };
    startRun({
      source: { node: 'src', lib },
      targets: [{ node: 'a', libId: 9 }],
      jobs: [jobs(['p1', 'p2', 'p3'])],
      person,
      onEnd: () => {},
    });
    await vi.advanceTimersByTimeAsync(1000);
    const outcomes = useDistributeStore.getState().outcomes.get(outcomeKey('a', 9))!;
    expect(outcomes.get('p1')?.ok).toBe(true);
    expect(outcomes.get('p3')?.ok).toBe(true);
    const p2 = outcomes.get('p2');
    expect(p2?.ok === false && p2.error instanceof DeviceError && p2.error.code).toBe(-1101);
    expect(useDistributeStore.getState().run!.state.nodes[0]).toMatchObject({ ok: 2, failed: 1 });
  });
});
