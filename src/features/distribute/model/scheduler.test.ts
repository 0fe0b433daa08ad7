import { describe, expect, it } from 'vitest';
import { cancel, createRun, finished, nextWake, nodePhase, overall, pause, resume, retryDelay, settle, take, type Job } from './scheduler';

const jobs = (n: number): Job[] => Array.from({ length: n }, (_, seq) => ({ imgId: `p${seq}`, kind: 'enrol' as const, seq }));

describe('scheduler', () => {
  it('keeps at most the limit in flight per node, each node on its own', () => {
    let s = createRun([
      { node: 'a', jobs: jobs(5) },
      { node: 'b', jobs: jobs(1) },
    ]);
    const t = take(s, 0, 2);
    expect(t.start.map((x) => `${x.node}:${x.job.imgId}`)).toEqual(['a:p0', 'a:p1', 'b:p0']);
    s = t.state;
    expect(take(s, 0, 2).start).toEqual([]);
    s = settle(s, 'a', jobs(1)[0]!, 'ok', 0);
    expect(take(s, 0, 2).start.map((x) => x.job.imgId)).toEqual(['p2']);
  });

  it('a node that goes away waits, is probed one request at a time, and resumes where it stopped', () => {
    let s = createRun([{ node: 'a', jobs: jobs(4) }]);
    let t = take(s, 0, 2);
    s = t.state;
    s = settle(s, 'a', t.start[1]!.job, 'unreachable', 0);
    s = settle(s, 'a', t.start[0]!.job, 'unreachable', 0);
    expect(nodePhase(s, s.nodes[0]!)).toBe('waiting');
    expect(nextWake(s)).toBe(retryDelay(2));
    expect(take(s, retryDelay(2) - 1).start).toEqual([]);
    t = take(s, retryDelay(2));
    expect(t.start.map((x) => x.job.imgId)).toEqual(['p0']);
    s = settle(t.state, 'a', t.start[0]!.job, 'ok', retryDelay(2));
    expect(nodePhase(s, s.nodes[0]!)).toBe('running');
    t = take(s, retryDelay(2), 2);
    expect(t.start.map((x) => x.job.imgId)).toEqual(['p1', 'p2']);
  });

  it('backs off doubling to 15 s', () => {
    expect([1, 2, 3, 5, 9].map(retryDelay)).toEqual([1000, 2000, 4000, 15000, 15000]);
  });

  it('pause starts nothing new, resume goes on, cancel ends once the requests in flight are answered', () => {
    let s = createRun([{ node: 'a', jobs: jobs(3) }]);
    const t = take(s, 0, 1);
    s = pause(t.state);
    expect(take(s, 0).start).toEqual([]);
    expect(nodePhase(s, s.nodes[0]!)).toBe('paused');
    s = resume(s);
    expect(take(s, 0, 2).start.map((x) => x.job.imgId)).toEqual(['p1']);
    s = cancel(s);
    expect(finished(s)).toBe(false);
    s = settle(s, 'a', t.start[0]!.job, 'refused', 0);
    expect(finished(s)).toBe(true);
    expect(overall(s)).toEqual({ done: 1, ok: 0, failed: 1, total: 3 });
  });

  it('finishes when every job is answered', () => {
    let s = createRun([{ node: 'a', jobs: jobs(2) }]);
    const t = take(s, 0, 4);
    s = t.state;
    for (const x of t.start) s = settle(s, 'a', x.job, 'ok', 0);
    expect(finished(s)).toBe(true);
    expect(nodePhase(s, s.nodes[0]!)).toBe('done');
  });
});
