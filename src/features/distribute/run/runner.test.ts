// @vitest-environment jsdom
// The page's side of a run (here on this thread: Node has no Worker, the same
// core runs in place): the store follows the worker's reports; a refusal comes
// back as the api's error class (the ledger words it); a -141 ends that node's
// session in the session store as any call's does, and after the sign-in the
// run goes on with the new session; the end is told once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeviceError } from '../../../api/errors';
import { sessionOf, useSessionStore } from '../../../session/session-store';
import { useNodeStore } from '../../../session/node-store';
import { controlRun, startRun } from './runner';
import { outcomeKey, useDistributeStore } from './run-store';
import { jobs, lib, person, sourceFace } from './run-fixtures';

/** Node a's live session: a request with another one is answered -141. */
let live = 'a1';
const sent: Array<{ node: string; msgId: string; session: string | null }> = [];

beforeEach(() => {
  vi.useFakeTimers();
  live = 'a1';
  sent.length = 0;
  useNodeStore.setState({ fleet: true });
  useSessionStore.getState().start('s1', 'admin', 'src');
  useSessionStore.getState().start('a1', 'admin', 'a');
  useDistributeStore.setState({ run: null, outcomes: new Map(), outcomesVersion: 0 });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const node = /\/node\/(\w+)\//.exec(url)![1]!;
    const body = JSON.parse(String(init.body)) as { msg_id: string; img_id: string };
    const session = (init.headers as Record<string, string>).sessionid ?? null;
    sent.push({ node, msgId: body.msg_id, session });
    const answer = (data: unknown, code = 0) => new Response(JSON.stringify({ code, msg: '', data }));
    if (node === 'src') return answer(sourceFace(body.img_id));
    if (session !== live) return answer(null, -141);
    if (body.img_id === 'p2') return answer(null, -1101);
    return answer({ img_id: body.img_id });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('runner (the page side)', () => {
  it('the store follows the run; a refusal is the api error; the end is told once', async () => {
    const onEnd = vi.fn();
    startRun({ source: { node: 'src', lib }, targets: [{ node: 'a', libId: 9 }], jobs: [jobs(['p1', 'p2', 'p3'])], person, onEnd });
    // At once, before any answer: the page shows the run going.
    expect(useDistributeStore.getState().run).toMatchObject({ ended: false, state: { status: 'running' } });
    await vi.advanceTimersByTimeAsync(1000);
    const run = useDistributeStore.getState().run!;
    expect(run.ended).toBe(true);
    expect(run.state.nodes[0]).toMatchObject({ ok: 2, failed: 1, jobs: jobs(['p1', 'p2', 'p3']) });
    const outcomes = useDistributeStore.getState().outcomes.get(outcomeKey('a', 9))!;
    expect(outcomes.get('p1')?.ok).toBe(true);
    const p2 = outcomes.get('p2');
    expect(p2?.ok === false && p2.error instanceof DeviceError && p2.error.code).toBe(-1101);
    expect(onEnd).toHaveBeenCalledTimes(1);
    // The session goes with each request, never in its URL.
    expect(sent.filter((s) => s.node === 'a').every((s) => s.session === 'a1')).toBe(true);
  });

  it("a -141 ends the node's session here; after the sign-in the run goes on with the new one", async () => {
    live = 'a2';
    const onEnd = vi.fn();
    startRun({ source: { node: 'src', lib }, targets: [{ node: 'a', libId: 9 }], jobs: [jobs(['p1', 'p3'])], person, onEnd });
    await vi.advanceTimersByTimeAsync(300);
    expect(sessionOf('a')).toMatchObject({ sessionId: null, expired: true });
    expect(sessionOf('src').sessionId).toBe('s1');
    const waiting = useDistributeStore.getState().run!;
    expect(waiting.waitingWhy.a).toBeInstanceOf(DeviceError);
    expect(onEnd).not.toHaveBeenCalled();
    // The user signs in again on the node (its own page, or the sign-in over the page).
    useSessionStore.getState().start('a2', 'admin', 'a');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(useDistributeStore.getState().run).toMatchObject({ ended: true, state: { nodes: [{ ok: 2, failed: 0 }] } });
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('cancel is a message: nothing new starts, the run ends', async () => {
    startRun({
      source: { node: 'src', lib },
      targets: [{ node: 'a', libId: 9 }],
      jobs: [jobs(['p1', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'])],
      person,
      onEnd: () => undefined,
    });
    controlRun('cancel');
    await vi.advanceTimersByTimeAsync(1000);
    const run = useDistributeStore.getState().run!;
    expect(run).toMatchObject({ ended: true, state: { status: 'cancelled' } });
    expect(run.state.nodes[0]!.ok).toBeLessThanOrEqual(4);
  });
});
