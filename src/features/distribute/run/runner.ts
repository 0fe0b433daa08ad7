// The run's I/O: reads each person's picture on the source (1032), enrols it on
// each target (1051, base64, so one JSON request per enrolment) or updates its
// attributes (1033), and feeds every answer to the pure schedule
// (model/scheduler.ts). The store is told of progress at most every UPDATE_MS
// and of outcomes (the ledger) at most every LEDGER_MS, so a 1 000-person run
// does not render the page 4 000 times.
import { callOn } from '../../../api/device';
import { DeviceError, NetworkError } from '../../../api/errors';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { enrolFaceB64, getFace, updateFace } from '../../../api/protocol/faces';
import type { Library } from '../../../api/protocol/libraries';
import type { Outcome, PersonAttrs } from '../model/ledger';
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
import { outcomeKey, useDistributeStore, type RunTarget } from './run-store';

const UPDATE_MS = 250;
/**
 * The ledger follows the run at most every second: its update renders the
 * page's table (a page of rows × nodes of tags, the summary, the filter),
 * tens of ms of the main thread each time, which the next enrolments' answers
 * wait behind; the progress (UPDATE_MS) renders only the run's panel.
 */
const LEDGER_MS = 1000;
/**
 * Pictures read ahead per node: twice its requests in flight, so a job finds
 * its picture read even when the source answers slower than the targets (one
 * source serves every target's reads). Small: ~16-100 KB each as base64, and
 * the cache holds at most PHOTO_CACHE_MAX.
 */
export const READ_AHEAD = 2 * PER_NODE_IN_FLIGHT;
/** An enrolment runs the device's face engine: a generous bound before the node counts as not answering. */
const ENROL_TIMEOUT_MS = 60_000;

export interface RunRequest {
  source: { node: string; lib: Library };
  targets: readonly RunTarget[];
  /** Per target, in `targets` order. */
  jobs: readonly (readonly Job[])[];
  /** The source's people by img_id (their attributes, as the source holds them). */
  person: (imgId: string) => PersonAttrs | undefined;
  /** Told once, when the last answer is in (or the run is cancelled). */
  onEnd: () => void;
}

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

let current: Runner | null = null;

class Runner {
  private state: RunState;
  private readonly photos: PhotoCache;
  private readonly outcomes: Map<string, Map<string, Outcome>>;
  private readonly waitingWhy: Record<string, unknown> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  private ledgerTimer: ReturnType<typeof setTimeout> | null = null;
  private ended = false;

  constructor(private readonly req: RunRequest) {
    this.state = createRun(req.targets.map((t, i) => ({ node: t.node, jobs: req.jobs[i] ?? [] })));
    const source = callOn(req.source.node, { wait: false });
    const libId = req.source.lib.lib_id;
    this.photos = new PhotoCache(async (imgId) => (await source(getFace, { img_id: imgId, lib_id: libId })).img);
    for (const jobs of req.jobs) for (const j of jobs) if (j.kind === 'enrol') this.photos.want(j.imgId);
    // Only this run's targets keep what earlier runs learnt: a tab that distributes
    // library after library holds the refusals of the one shown, not of all of them.
    const before = useDistributeStore.getState().outcomes;
    const all = new Map<string, Map<string, Outcome>>();
    for (const t of req.targets) {
      const k = outcomeKey(t.node, t.libId);
      all.set(k, new Map(before.get(k)));
    }
    this.outcomes = all;
    useDistributeStore.setState({ outcomes: all });
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
    const person = this.req.person(job.imgId);
    let result: Settled;
    try {
      if (!person) throw new DeviceError(ErrorCode.FACE_MISSING, '', 'face.get');
      await this.attempt(target, job, person);
      this.record(target, job.imgId, { ok: true, at: Date.now() });
      result = 'ok';
    } catch (e) {
      if (unreachable(e)) {
        this.waitingWhy[node] = e;
        result = 'unreachable';
      } else {
        this.record(target, job.imgId, { ok: false, at: Date.now(), error: e });
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

  private async attempt(target: RunTarget, job: Job, person: PersonAttrs): Promise<void> {
    const call = callOn(target.node, { wait: false });
    const signal = AbortSignal.timeout(ENROL_TIMEOUT_MS);
    if (job.kind === 'update') {
      await call(updateFace, { img_id: job.imgId, lib_id: target.libId, ...personFields(person) }, { signal });
      return;
    }
    const img = await this.photos.get(job.imgId);
    try {
      await call(
        enrolFaceB64,
        { lib_id: target.libId, img_id: job.imgId, ...personFields(person), img: { filename: fileName(job.imgId, img), data: img } },
        { signal },
      );
    } catch (e) {
      // -1100: the img_id is taken on that node. In our library it is an answer
      // that was lost (the node went away after enrolling): done. Elsewhere it is
      // another person's, and the refusal stands.
      if (e instanceof DeviceError && e.code === ErrorCode.IMG_ID_EXISTS) {
        const there = await call(getFace, { img_id: job.imgId, lib_id: target.libId }, { signal }).catch(() => null);
        if (there) return;
      }
      throw e;
    }
  }

  private record(target: RunTarget, imgId: string, outcome: Outcome): void {
    this.outcomes.get(outcomeKey(target.node, target.libId))!.set(imgId, outcome);
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer) clearTimeout(this.timer);
    this.photos.clear();
    this.publish(true);
    this.req.onEnd();
  }

  /** Tells the store: now, or the progress at most every UPDATE_MS and the outcomes at most every LEDGER_MS. */
  private publish(now: boolean): void {
    const view = () => ({
      source: this.req.source,
      targets: this.req.targets,
      state: this.state,
      waitingWhy: { ...this.waitingWhy },
      ended: this.ended,
    });
    const flushRun = () => {
      this.notifyTimer = null;
      useDistributeStore.setState({ run: view() });
    };
    const flushLedger = () => {
      this.ledgerTimer = null;
      useDistributeStore.setState((s) => ({ outcomesVersion: s.outcomesVersion + 1 }));
    };
    if (now) {
      if (this.notifyTimer) clearTimeout(this.notifyTimer);
      if (this.ledgerTimer) clearTimeout(this.ledgerTimer);
      this.notifyTimer = this.ledgerTimer = null;
      // One update: one render.
      useDistributeStore.setState((s) => ({ run: view(), outcomesVersion: s.outcomesVersion + 1 }));
      return;
    }
    this.notifyTimer ??= setTimeout(flushRun, UPDATE_MS);
    this.ledgerTimer ??= setTimeout(flushLedger, LEDGER_MS);
  }
}

/** Starts a run; one at a time per tab (the page offers no start while one is going). */
export function startRun(req: RunRequest): void {
  current = new Runner(req);
  current.start();
}

export function controlRun(action: 'pause' | 'resume' | 'cancel'): void {
  current?.control(action);
}
