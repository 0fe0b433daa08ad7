// The run's core (the worker's body) against fake nodes: a target that goes
// away mid-run is asked again and goes on where it stopped; a lost answer
// (-1100 for our own library) counts as done; a refusal crosses with its code;
// a -141 is reported and the node goes on with the session the page sends next.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../../../api/client';
import { DeviceError, NetworkError, ProtocolError, RequestError } from '../../../api/errors';
import type { Operation } from '../../../api/protocol/operation';
import { PER_NODE_IN_FLIGHT } from '../model/scheduler';
import { fromWire, RunCore, serveRun, toWire } from './run-core';
import type { RunCommand, RunReport, WireOutcome } from './run-protocol';
import { jobs, person, sourceFace } from './run-fixtures';

type Req = { img_id?: string; lib_id?: number };
const behaviour: Record<string, (op: Operation, req: Req) => unknown> = {};
const fakeCall =
  (node: string): Call =>
  // The fake answers what the test says, typed as the operation's answer.
  async (op, req) =>
    behaviour[node]!(op, req as Req) as never;

const start = (ids: string[]): Extract<RunCommand, { type: 'start' }> => ({
  type: 'start',
  source: { node: 'src', base: '/node/src', session: 's', libId: 1 },
  targets: [{ node: 'a', base: '/node/a', session: 's', libId: 9 }],
  jobs: [jobs(ids)],
  people: ids.map(person),
});
const updates = (reports: RunReport[]) => reports.flatMap((r) => (r.type === 'update' ? [r] : []));
const lastRun = (reports: RunReport[]) => updates(reports).findLast((r) => r.run)?.run;
const outcomesOf = (reports: RunReport[]) =>
  new Map(updates(reports).flatMap((r) => (r.outcomes ?? []).map((o): [string, WireOutcome] => [o.imgId, o])));

beforeEach(() => {
  vi.useFakeTimers();
  behaviour.src = (op, req) => sourceFace(req.img_id!);
});
afterEach(() => vi.useRealTimers());

describe('run core', () => {
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
    const reports: RunReport[] = [];
    new RunCore(start(ids), { clientFor: fakeCall, report: (r) => reports.push(r) }).start();
    // The page hears at most every 250 ms.
    await vi.advanceTimersByTimeAsync(300);
    expect(lastRun(reports)?.waitingWhy.a).toEqual({ kind: 'network', op: 'face.enrolB64' });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(enrolled).toEqual(ids);
    const run = lastRun(reports)!;
    expect(run.ended).toBe(true);
    expect(run.nodes[0]).toMatchObject({ ok: 5, failed: 0, attempts: 0 });
    // The jobs stay on the page: not sent with every update.
    expect(run.nodes[0]).not.toHaveProperty('jobs');
    expect(updates(reports).filter((r) => r.run?.ended)).toHaveLength(1);
  });

  it('-1100 for a person already in our library is done; a refusal crosses with its code', async () => {
    behaviour.a = (op, req) => {
      if (op.name === 'face.get') return sourceFace(req.img_id!, 9, '');
      if (req.img_id === 'p1') throw new DeviceError(-1100, '', op.name);
      if (req.img_id === 'p2') throw new DeviceError(-1101, 'no face', op.name);
      return { img_id: req.img_id };
    };
    const reports: RunReport[] = [];
    new RunCore(start(['p1', 'p2', 'p3']), { clientFor: fakeCall, report: (r) => reports.push(r) }).start();
    await vi.advanceTimersByTimeAsync(1000);
    const outcomes = outcomesOf(reports);
    expect(outcomes.get('p1')?.error).toBeUndefined();
    expect(outcomes.get('p3')?.error).toBeUndefined();
    expect(outcomes.get('p2')?.error).toEqual({ kind: 'device', code: -1101, msg: 'no face', op: 'face.enrolB64' });
    expect(lastRun(reports)!.nodes[0]).toMatchObject({ ok: 2, failed: 1 });
  });

  it('pause starts nothing new until resume; cancel ends the run once those in flight are answered', async () => {
    const answers: Array<() => void> = [];
    behaviour.a = (_op, req) => new Promise((resolve) => answers.push(() => resolve({ img_id: req.img_id })));
    const reports: RunReport[] = [];
    const core = new RunCore(start(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']), { clientFor: fakeCall, report: (r) => reports.push(r) });
    core.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(answers).toHaveLength(PER_NODE_IN_FLIGHT);
    core.control('pause');
    for (const a of answers.splice(0)) a();
    await vi.advanceTimersByTimeAsync(300);
    expect(answers).toHaveLength(0);
    expect(lastRun(reports)).toMatchObject({ status: 'paused', ended: false });
    core.control('resume');
    await vi.advanceTimersByTimeAsync(0);
    expect(answers).toHaveLength(2);
    core.control('cancel');
    for (const a of answers.splice(0)) a();
    await vi.advanceTimersByTimeAsync(300);
    expect(lastRun(reports)).toMatchObject({ status: 'cancelled', ended: true });
    expect(lastRun(reports)!.nodes[0]).toMatchObject({ ok: 6 });
  });

  it('errors cross as data and come back as the same classes', () => {
    for (const e of [
      new DeviceError(-122, 'full', 'face.enrolB64'),
      new NetworkError('face.get', 502),
      new NetworkError('face.get'),
      new ProtocolError('face.get', 'no envelope'),
      new RequestError('face.enrolB64', 'img: too big'),
    ]) {
      const back = fromWire(structuredClone(toWire(e)));
      expect(back).toBeInstanceOf(e.constructor);
      expect(back.message).toBe(e.message);
    }
    // The node goes with it: the page's words name the node, not the console's address.
    expect((fromWire(structuredClone(toWire(new NetworkError('face.get', 502, { node: 'lobby' })))) as NetworkError).node).toBe('lobby');
    const timeout = fromWire(toWire(new DOMException('signal timed out', 'TimeoutError')));
    expect(timeout.name).toBe('TimeoutError');
  });
});

describe('the worker body (serveRun)', () => {
  it('a -141 is reported with the session it carried; the node waits, then goes on with the session the page sends', async () => {
    const seen: Array<{ node: string; msgId: string; session: string | null }> = [];
    let live = 's1';
    const fetchFake = (async (url: string, init: RequestInit) => {
      const node = /\/node\/(\w+)\//.exec(url)![1]!;
      const body = JSON.parse(String(init.body)) as { msg_id: string; img_id: string };
      const session = (init.headers as Record<string, string>).sessionid ?? null;
      seen.push({ node, msgId: body.msg_id, session });
      const answer = (data: unknown, code = 0) => new Response(JSON.stringify({ code, msg: '', data }));
      if (node === 'src') return answer(sourceFace(body.img_id));
      if (session !== live) return answer(null, -141);
      return answer({ img_id: body.img_id });
    }) as typeof fetch;
    const reports: RunReport[] = [];
    const serve = serveRun((r) => reports.push(r), fetchFake);
    live = 's2';
    serve({ ...start(['p1', 'p2']), targets: [{ node: 'a', base: '/node/a', session: 's1', libId: 9 }] });
    await vi.advanceTimersByTimeAsync(300);
    expect(reports.filter((r) => r.type === 'expired')).toContainEqual({ type: 'expired', node: 'a', session: 's1' });
    expect(lastRun(reports)?.waitingWhy.a).toMatchObject({ kind: 'device', code: -141 });
    // Signed in again on the page: the worker is told, the next probe carries it.
    serve({ type: 'session', node: 'a', session: 's2' });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(lastRun(reports)).toMatchObject({ ended: true, nodes: [{ ok: 2, failed: 0 }] });
    expect(seen.filter((s) => s.node === 'a' && s.msgId === '1051' && s.session === 's2')).toHaveLength(2);
  });

  it("a node the worker cannot reach is named in what it reports (the page words it with the node's name)", async () => {
    const fetchFake = (async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { img_id: string };
      if (url.startsWith('/node/a/')) return new Response('Bad Gateway', { status: 502 });
      return new Response(
        JSON.stringify({
          code: 0,
          msg: '',
          data: sourceFace(body.img_id),
        }),
      );
    }) as typeof fetch;
    const reports: RunReport[] = [];
    serveRun((r) => reports.push(r), fetchFake)({ ...start(['p1']), targets: [{ node: 'a', base: '/node/a', session: 's1', libId: 9 }] });
    await vi.advanceTimersByTimeAsync(300);
    expect(lastRun(reports)?.waitingWhy.a).toEqual({ kind: 'network', op: 'face.enrolB64', status: 502, node: 'a' });
  });

  it('a node signed in again is asked at once, not at the end of its backoff', async () => {
    const seen: Array<{ node: string; session: string | null; at: number }> = [];
    const fetchFake = (async (url: string, init: RequestInit) => {
      const node = /\/node\/(\w+)\//.exec(url)![1]!;
      const body = JSON.parse(String(init.body)) as { img_id: string };
      const session = (init.headers as Record<string, string>).sessionid ?? null;
      seen.push({ node, session, at: Date.now() });
      const answer = (data: unknown, code = 0) => new Response(JSON.stringify({ code, msg: '', data }));
      if (node === 'src') return answer(sourceFace(body.img_id));
      return session === 's2' ? answer({ img_id: body.img_id }) : answer(null, -141);
    }) as typeof fetch;
    const reports: RunReport[] = [];
    const serve = serveRun((r) => reports.push(r), fetchFake);
    serve({ ...start(['p1']), targets: [{ node: 'a', base: '/node/a', session: 's1', libId: 9 }] });
    // Tries at 0, 1, 3 and 7 s: the next would be 15 s on.
    await vi.advanceTimersByTimeAsync(8_000);
    const signedIn = Date.now();
    serve({ type: 'session', node: 'a', session: 's2' });
    await vi.advanceTimersByTimeAsync(100);
    expect(seen.filter((s) => s.node === 'a' && s.session === 's2' && s.at - signedIn < 100)).toHaveLength(1);
    expect(lastRun(reports)).toMatchObject({ ended: true, nodes: [{ ok: 1, failed: 0 }] });
  });
});
