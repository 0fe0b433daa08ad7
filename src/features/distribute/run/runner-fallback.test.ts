// @vitest-environment jsdom
// The run's worker whose module does not load (an error event, no answer):
// the run goes on this thread from the same commands, and ends, instead of
// standing at "running" with no word.
import { afterEach, expect, it, vi } from 'vitest';
import { jobs, lib, person, sourceFace } from './run-fixtures';

/** A worker that never runs: it only says it failed, after the page posted to it. */
class BrokenWorker {
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  posted = 0;
  terminated = false;
  constructor() {
    setTimeout(() => this.onerror?.(new Event('error')), 50);
  }
  postMessage(): void {
    this.posted++;
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

it('a worker that fails to load: the run goes on this thread and completes', async () => {
  vi.useFakeTimers();
  const workers: BrokenWorker[] = [];
  vi.stubGlobal(
    'Worker',
    class extends BrokenWorker {
      constructor() {
        super();
        workers.push(this);
      }
    },
  );
  const sent: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { msg_id: string; img_id: string };
    sent.push(`${url} ${body.msg_id}`);
    const data = url.includes('/node/src/') ? sourceFace(body.img_id) : { img_id: body.img_id };
    return new Response(JSON.stringify({ code: 0, msg: '', data }));
  });
  const { useNodeStore } = await import('../../../session/node-store');
  const { useSessionStore } = await import('../../../session/session-store');
  const { startRun } = await import('./runner');
  const { useDistributeStore } = await import('./run-store');
  useNodeStore.setState({ fleet: true });
  useSessionStore.getState().start('s1', 'admin', 'src');
  useSessionStore.getState().start('a1', 'admin', 'a');
  const onEnd = vi.fn();
  startRun({
    source: { node: 'src', lib },
    targets: [{ node: 'a', libId: 9 }],
    jobs: [jobs(['p1', 'p2'])],
    person,
    onEnd,
  });
  expect(workers).toHaveLength(1);
  expect(workers[0]!.posted).toBeGreaterThan(0);
  await vi.advanceTimersByTimeAsync(2000);
  expect(workers[0]!.terminated).toBe(true);
  expect(useDistributeStore.getState().run).toMatchObject({ ended: true });
  expect(useDistributeStore.getState().run!.state.nodes[0]).toMatchObject({ ok: 2, failed: 0 });
  expect(onEnd).toHaveBeenCalledTimes(1);
  expect(sent.filter((s) => s.includes('/node/a/')).length).toBe(2);
});
