// The run's I/O, apart from the worker global so a test can drive it with fake
// nodes: reads each person's picture on the source (1032), enrols it on each
// target (1051, base64, so one JSON request per enrolment) or updates its
// attributes (1033), and feeds every answer to the pure schedule
// (model/scheduler.ts). In the browser it runs in a worker (run.worker.ts): the
// requests' work (Chromium's loader, JSON of ~100 KB bodies, the answers'
// checks) stays off the page's main thread, which was the limit at ~400
// requests a second (docs/fleet-distribute.md). The page is told of progress
// at most every UPDATE_MS and of outcomes (the ledger) at most every LEDGER_MS.
import { createClient, type Call } from '../../../api/client';
import { DeviceError, NetworkError, ProtocolError, RequestError } from '../../../api/errors';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { enrolFaceB64, getFace, updateFace } from '../../../api/protocol/faces';
import type { PersonAttrs } from '../model/ledger';
import {
  cancel,
  createRun,
  finished,
  nextWake,
  pause,
  PER_NODE_IN_FLIGHT,
  resume,
  settle,
  take,
  type Job,
  type RunState,
  type Settled,
} from '../model/scheduler';
import { PhotoCache } from './photo-cache';
import type { RunCommand, RunReport, WireError, WireNodeRun, WireOutcome } from './run-protocol';

export const UPDATE_MS = 250;
/**
 * The ledger follows the run at most every second: its update renders the
 * page's table (a page of rows × nodes of tags, the summary, the filter),
 * tens of ms of the main thread each time; the progress (UPDATE_MS) renders
 * only the run's panel.
 */
export const LEDGER_MS = 1000;
/**
 * Pictures read ahead per node: twice its requests in flight, so a job finds
 * its picture read even when the source answers slower than the targets (one
 * source serves every target's reads). Small: ~16-100 KB each as base64, and
 * the cache holds at most PHOTO_CACHE_MAX.
 */
export const READ_AHEAD = 2 * PER_NODE_IN_FLIGHT;
/** An enrolment runs the device's face engine: a generous bound before the node counts as not answering. */
const ENROL_TIMEOUT_MS = 60_000;

type StartCommand = Extract<RunCommand, { type: 'start' }>;

/** A picture's file name for §3.27: the device looks at the extension (-1104 otherwise). */
function fileName(imgId: string, b64: string): string {
  return `${imgId}.${b64.startsWith('iVBOR') ? 'png' : 'jpg'}`;
}

const personFields = (p: PersonAttrs) => ({
  person_name: p.person_name,
  person_idcard: p.person_idcard,
  // §3.10 answers a string; §3.7 takes "0", "1" or nothing.
  person_gender: p.person_gender === '0' ? ('0' as const) : p.person_gender === '1' ? ('1' as const) : ('' as const),
  person_age: p.person_age,
  person_addr: p.person_addr,
});

/** A failure that says nothing about the person: the node (or the source) did not answer. Its job is done again later. */
function unreachable(e: unknown): boolean {
  if (e instanceof DeviceError) return e.code === ErrorCode.NOT_LOGGED_IN;
  if (e instanceof NetworkError) return true;
  return e instanceof DOMException && (e.name === 'AbortError' || e.name === 'TimeoutError');
}

/** An error as it crosses to the page (the classes do not survive a postMessage). */
export function toWire(e: unknown): WireError {
  if (e instanceof DeviceError) return { kind: 'device', code: e.code, msg: e.deviceMsg, op: e.operation };
  if (e instanceof NetworkError)
    return {
      kind: 'network',
      op: e.operation,
      ...(e.status === undefined ? {} : { status: e.status }),
      ...(e.node === undefined ? {} : { node: e.node }),
    };
  if (e instanceof ProtocolError) return { kind: 'protocol', op: e.operation, detail: e.detail };
  if (e instanceof RequestError) return { kind: 'request', op: e.operation, detail: e.detail };
  if (e instanceof Error) return { kind: 'other', name: e.name, message: e.message };
  return { kind: 'other', name: 'Error', message: String(e) };
}

/** The page's side of toWire: the same classes, so describeError words them as any call's. */
export function fromWire(w: WireError): Error {
  switch (w.kind) {
    case 'device':
      return new DeviceError(w.code, w.msg, w.op);
    case 'network':
      return new NetworkError(w.op, w.status, { node: w.node });
    case 'protocol':
      return new ProtocolError(w.op, w.detail);
    case 'request':
      return new RequestError(w.op, w.detail);
    case 'other': {
      const e = new Error(w.message);
      e.name = w.name;
      return e;
    }
  }
}

export interface CoreDeps {
  /** A node's client: its base and the session the worker was last told. */
  clientFor: (node: string) => Call;
  report: (r: RunReport) => void;
}

/** One run: started by its command, steered by the others. */
export class RunCore {
  private state: RunState;
  private readonly photos: PhotoCache;
  private readonly people: Map<string, PersonAttrs>;
  private readonly waitingWhy: Record<string, WireError> = {};
  private pending: WireOutcome[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  private ledgerTimer: ReturnType<typeof setTimeout> | null = null;
  private ended = false;

  constructor(
    private readonly req: StartCommand,
    private readonly deps: CoreDeps,
  ) {
    this.state = createRun(req.targets.map((t, i) => ({ node: t.node, jobs: req.jobs[i] ?? [] })));
    this.people = new Map(req.people.map((p) => [p.img_id, p]));
    const source = deps.clientFor(req.source.node);
    const libId = req.source.libId;
    this.photos = new PhotoCache(async (imgId) => (await source(getFace, { img_id: imgId, lib_id: libId })).img);
    for (const jobs of req.jobs) for (const j of jobs) if (j.kind === 'enrol') this.photos.want(j.imgId);
  }

  start(): void {
    this.publish(true);
    this.pump();
  }

  control(action: 'pause' | 'resume' | 'cancel'): void {
    this.state = action === 'pause' ? pause(this.state) : action === 'resume' ? resume(this.state) : cancel(this.state);
    this.pump();
    this.publish(true);
  }

  /** A node signed in again: it is asked now, not at the end of its backoff (up to RETRY_MAX_MS). */
  retryNow(node: string): void {
    const now = Date.now();
    this.state = {
      ...this.state,
      nodes: this.state.nodes.map((n) => (n.node === node && n.retryAt !== null && n.retryAt > now ? { ...n, retryAt: now } : n)),
    };
    this.pump();
  }

  private pump(): void {
    if (this.ended) return;
    const t = take(this.state, Date.now());
    this.state = t.state;
    for (const s of t.start) void this.run(s.node, s.job);
    for (const n of this.state.nodes) this.readAhead(n.jobs, n.next);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const wake = nextWake(this.state);
    if (wake !== null) this.timer = setTimeout(() => this.pump(), Math.max(0, wake - Date.now()));
    if (finished(this.state)) this.end();
  }

  /** The pictures of a node's next jobs, read while its current ones enrol. */
  private readAhead(jobs: readonly Job[], next: number): void {
    if (this.state.status !== 'running') return;
    for (let i = next; i < Math.min(jobs.length, next + READ_AHEAD); i++) if (jobs[i]!.kind === 'enrol') this.photos.warm(jobs[i]!.imgId);
  }

  private async run(node: string, job: Job): Promise<void> {
    const target = this.req.targets.find((t) => t.node === node)!;
    const person = this.people.get(job.imgId);
    let result: Settled;
    try {
      if (!person) throw new DeviceError(ErrorCode.FACE_MISSING, '', 'face.get');
      await this.attempt(target.node, target.libId, job, person);
      this.pending.push({ node, imgId: job.imgId, at: Date.now() });
      result = 'ok';
    } catch (e) {
      if (unreachable(e)) {
        this.waitingWhy[node] = toWire(e);
        result = 'unreachable';
      } else {
        this.pending.push({ node, imgId: job.imgId, at: Date.now(), error: toWire(e) });
        result = 'refused';
      }
    }
    if (result !== 'unreachable') {
      delete this.waitingWhy[node];
      if (job.kind === 'enrol') this.photos.done(job.imgId);
    }
    this.state = settle(this.state, node, job, result, Date.now());
    this.pump();
    this.publish(false);
  }

  private async attempt(node: string, libId: number, job: Job, person: PersonAttrs): Promise<void> {
    const call = this.deps.clientFor(node);
    const signal = AbortSignal.timeout(ENROL_TIMEOUT_MS);
    if (job.kind === 'update') {
      await call(updateFace, { img_id: job.imgId, lib_id: libId, ...personFields(person) }, { signal });
      return;
    }
    const img = await this.photos.get(job.imgId);
    try {
      await call(
        enrolFaceB64,
        { lib_id: libId, img_id: job.imgId, ...personFields(person), img: { filename: fileName(job.imgId, img), data: img } },
        { signal },
      );
    } catch (e) {
      // -1100: the img_id is taken on that node. In our library it is an answer
      // that was lost (the node went away after enrolling): done. Elsewhere it is
      // another person's, and the refusal stands.
      if (e instanceof DeviceError && e.code === ErrorCode.IMG_ID_EXISTS) {
        const there = await call(getFace, { img_id: job.imgId, lib_id: libId }, { signal }).catch(() => null);
        if (there) return;
      }
      throw e;
    }
  }

  /** Forgotten: its answers still in flight change nothing and tell nothing. */
  stop(): void {
    this.ended = true;
    for (const t of [this.timer, this.notifyTimer, this.ledgerTimer]) if (t) clearTimeout(t);
    this.photos.clear();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer) clearTimeout(this.timer);
    this.photos.clear();
    this.publish(true);
  }

  /** Tells the page: now, or the progress at most every UPDATE_MS and the outcomes at most every LEDGER_MS. */
  private publish(now: boolean): void {
    // The end told everything at once.
    if (this.ended && !now) return;
    const run = () => ({
      status: this.state.status,
      // Each node's counters; its jobs stay on the page.
      nodes: this.state.nodes.map((n): WireNodeRun => ({
        node: n.node,
        next: n.next,
        requeued: n.requeued,
        inFlight: n.inFlight,
        ok: n.ok,
        failed: n.failed,
        attempts: n.attempts,
        retryAt: n.retryAt,
      })),
      waitingWhy: { ...this.waitingWhy },
      ended: this.ended,
    });
    const outcomes = () => {
      const o = this.pending;
      this.pending = [];
      return o;
    };
    if (now) {
      if (this.notifyTimer) clearTimeout(this.notifyTimer);
      if (this.ledgerTimer) clearTimeout(this.ledgerTimer);
      this.notifyTimer = this.ledgerTimer = null;
      // One update: one render.
      this.deps.report({ type: 'update', run: run(), outcomes: outcomes() });
      return;
    }
    this.notifyTimer ??= setTimeout(() => {
      this.notifyTimer = null;
      this.deps.report({ type: 'update', run: run() });
    }, UPDATE_MS);
    this.ledgerTimer ??= setTimeout(() => {
      this.ledgerTimer = null;
      this.deps.report({ type: 'update', outcomes: outcomes() });
    }, LEDGER_MS);
  }
}

/**
 * The worker's body: one run at a time (a start ends the one before: the page
 * starts none while one is going), the nodes' clients made from the bases
 * and sessions the page sent. A -141 is reported (the page ends that session
 * and sends the new one after the sign-in); meanwhile the node waits as one not answering.
 */
export function serveRun(report: (r: RunReport) => void, fetchImpl?: typeof fetch): (c: RunCommand) => void {
  const sessions = new Map<string, string | null>();
  const clients = new Map<string, Call>();
  let core: RunCore | null = null;
  return (c) => {
    switch (c.type) {
      case 'start':
        core?.stop();
        clients.clear();
        for (const n of [c.source, ...c.targets]) {
          sessions.set(n.node, n.session);
          const node = n.node;
          clients.set(
            node,
            createClient({
              baseUrl: n.base,
              getSession: () => sessions.get(node) ?? null,
              onSessionExpired: (sent) => report({ type: 'expired', node, session: sent }),
              // Its failures to connect name the node, not the console's address (device-error.ts).
              node,
              fetch: fetchImpl,
            }),
          );
        }
        core = new RunCore(c, { clientFor: (node) => clients.get(node)!, report });
        core.start();
        break;
      case 'control':
        core?.control(c.action);
        break;
      case 'session':
        sessions.set(c.node, c.session);
        if (c.session !== null) core?.retryNow(c.node);
        break;
    }
  };
}
