// The run's schedule, as pure functions over a plain state: which enrolment
// starts next on which node, what an answer does to the state, when a node that
// went away is tried again. run/runner.ts does the I/O and calls these.

/**
 * Requests in flight per target node: 4. The device enrols one face at a time
 * (one face engine), so a second request waiting on it hides the round trip,
 * and more only wait in its queue. What the other two buy is slack: the run
 * starts a node's next request only when its thread (the run's worker,
 * run/run-core.ts) takes the answer, and on a busy PC that thread shares the
 * cores with the page's rendering and Chromium's own work per request; with 4
 * a stall of up to three enrolment times leaves the node busy. The cost: at most 4 answers come after pause or
 * cancel. It was 2 while the browser's 6 HTTP/1.1 connections to the console's
 * one origin were shared by every node; with TLS the server speaks HTTP/2
 * (server/app.ts), all requests on one connection. bench:distribute, nodes
 * taking 100 ms an answer, page over HTTP/2 against a bare script with the same
 * bound: 89-92 % with 2, 82-99 % with 4 (docs/fleet-distribute.md).
 */
export const PER_NODE_IN_FLIGHT = 4;
/** A node that went away is asked again after 1 s, doubling to this. */
export const RETRY_MAX_MS = 15_000;

export type JobKind = 'enrol' | 'update';
export interface Job {
  imgId: string;
  kind: JobKind;
  /** Its place in the source library: requeued jobs go back in this order. */
  seq: number;
}

export interface NodeRun {
  node: string;
  jobs: readonly Job[];
  /** The next job not yet started (jobs are never copied or shifted). */
  next: number;
  /** Jobs whose request did not reach the node, to do first, by seq. */
  requeued: readonly Job[];
  inFlight: number;
  ok: number;
  failed: number;
  /** Consecutive answers that did not come (network, timeout): 0 while the node answers. */
  attempts: number;
  /** While the node is away: when to ask it again. */
  retryAt: number | null;
}

export type RunStatus = 'running' | 'paused' | 'cancelled';
export interface RunState {
  status: RunStatus;
  nodes: readonly NodeRun[];
}

export type NodePhase = 'running' | 'waiting' | 'paused' | 'cancelled' | 'done';
export type Settled = 'ok' | 'refused' | 'unreachable';

export function createRun(plan: ReadonlyArray<{ node: string; jobs: readonly Job[] }>): RunState {
  return {
    status: 'running',
    nodes: plan.map((p) => ({
      node: p.node,
      jobs: p.jobs,
      next: 0,
      requeued: [],
      inFlight: 0,
      ok: 0,
      failed: 0,
      attempts: 0,
      retryAt: null,
    })),
  };
}

const left = (n: NodeRun) => n.jobs.length - n.next + n.requeued.length;

export function retryDelay(attempts: number): number {
  return Math.min(RETRY_MAX_MS, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * The jobs to start now, and the state with them in flight. A node that went
 * away gets one request at a time (a probe) once its retry time has come; the
 * first answer puts it back to full speed.
 */
export function take(
  state: RunState,
  now: number,
  limit = PER_NODE_IN_FLIGHT,
): { state: RunState; start: Array<{ node: string; job: Job }> } {
  if (state.status !== 'running') return { state, start: [] };
  const start: Array<{ node: string; job: Job }> = [];
  const nodes = state.nodes.map((n) => {
    if (n.retryAt !== null && n.retryAt > now) return n;
    const cap = n.attempts > 0 ? 1 : limit;
    if (n.inFlight >= cap || left(n) === 0) return n;
    let { next, requeued, inFlight } = n;
    while (inFlight < cap && (requeued.length > 0 || next < n.jobs.length)) {
      let job: Job;
      if (requeued.length > 0) {
        job = requeued[0]!;
        requeued = requeued.slice(1);
      } else job = n.jobs[next++]!;
      start.push({ node: n.node, job });
      inFlight++;
    }
    return { ...n, next, requeued, inFlight, retryAt: null };
  });
  return { state: { ...state, nodes }, start };
}

/** An answer (or its absence) for one job. A request that did not reach the node is done again later, from where it stopped. */
export function settle(state: RunState, node: string, job: Job, result: Settled, now: number): RunState {
  const nodes = state.nodes.map((n) => {
    if (n.node !== node) return n;
    const inFlight = n.inFlight - 1;
    if (result === 'unreachable') {
      const attempts = n.attempts + 1;
      const requeued = [...n.requeued, job].sort((a, b) => a.seq - b.seq);
      return { ...n, inFlight, requeued, attempts, retryAt: now + retryDelay(attempts) };
    }
    return {
      ...n,
      inFlight,
      attempts: 0,
      retryAt: null,
      ok: n.ok + (result === 'ok' ? 1 : 0),
      failed: n.failed + (result === 'refused' ? 1 : 0),
    };
  });
  return { ...state, nodes };
}

export function pause(state: RunState): RunState {
  return state.status === 'running' ? { ...state, status: 'paused' } : state;
}
export function resume(state: RunState): RunState {
  return state.status === 'paused' ? { ...state, status: 'running' } : state;
}
/** No new request starts; those in flight are answered (at most PER_NODE_IN_FLIGHT per node). */
export function cancel(state: RunState): RunState {
  return { ...state, status: 'cancelled' };
}

export function nodePhase(state: RunState, n: NodeRun): NodePhase {
  if (left(n) === 0 && n.inFlight === 0) return 'done';
  if (state.status === 'cancelled') return 'cancelled';
  if (n.attempts > 0) return 'waiting';
  if (state.status === 'paused') return 'paused';
  return 'running';
}

/** Nothing in flight and nothing more will start. */
export function finished(state: RunState): boolean {
  const idle = state.nodes.every((n) => n.inFlight === 0);
  return idle && (state.status === 'cancelled' || state.nodes.every((n) => left(n) === 0));
}

/** The earliest time a waiting node is to be asked again, for the runner's timer. */
export function nextWake(state: RunState): number | null {
  if (state.status !== 'running') return null;
  let at: number | null = null;
  for (const n of state.nodes) if (n.retryAt !== null && n.inFlight === 0 && (at === null || n.retryAt < at)) at = n.retryAt;
  return at;
}

export interface Progress {
  done: number;
  ok: number;
  failed: number;
  total: number;
}

export function progressOf(n: NodeRun): Progress {
  return { done: n.ok + n.failed, ok: n.ok, failed: n.failed, total: n.jobs.length };
}

export function overall(state: RunState): Progress {
  return state.nodes
    .map(progressOf)
    .reduce((a, b) => ({ done: a.done + b.done, ok: a.ok + b.ok, failed: a.failed + b.failed, total: a.total + b.total }), {
      done: 0,
      ok: 0,
      failed: 0,
      total: 0,
    });
}
