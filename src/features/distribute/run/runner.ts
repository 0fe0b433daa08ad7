// The page's side of a run: starts the run's worker (run.worker.ts, the
// requests; run-core.ts) and keeps what the page shows in the store: the
// progress and the outcomes (the ledger), as the worker reports them, already
// coalesced there (UPDATE_MS, LEDGER_MS). Pause / resume / cancel are messages.
// The nodes' sessions stay in the session store (sessionStorage): the worker is
// given each node's id and told when it changes; a -141 it meets ends the
// session here as any call's does, and the node waits ("not answering") until
// the user signs in again.
import type { Library } from '../../../api/protocol/libraries';
import { expireIfCurrent, sessionOf, useSessionStore } from '../../../session/session-store';
import { nodeBase } from '../../../session/node-store';
import type { Outcome, PersonAttrs } from '../model/ledger';
import { createRun, type Job } from '../model/scheduler';
import { fromWire, serveRun } from './run-core';
import type { RunCommand, RunReport, WireNode } from './run-protocol';
import { outcomeKey, useDistributeStore, type RunTarget, type RunView } from './run-store';

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

interface Port {
  post: (c: RunCommand) => void;
  /** Who hears the reports: the run going now (one at a time per tab). */
  listen: (onReport: (r: RunReport) => void) => void;
}

let shared: Port | null = null;

/**
 * The worker where there are workers; else (Node's tests) the same core on this
 * thread. One worker for the tab, kept between runs: a run's start does not
 * wait for the worker's module to load again.
 */
function port(): Port {
  if (shared) return shared;
  let listener: (r: RunReport) => void = () => undefined;
  const onReport = (r: RunReport) => listener(r);
  const listen = (l: (r: RunReport) => void) => {
    listener = l;
  };
  if (typeof Worker === 'undefined') return (shared = { post: serveRun(onReport), listen });
  // Until the worker first answers, what was sent to it is kept: should its
  // module not load (an error event, no answer), the run goes on this thread
  // instead, from the same commands, slower but never silent.
  let sentBeforeAnswer: RunCommand[] | null = [];
  let post: (c: RunCommand) => void;
  const worker = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module', name: 'distribute' });
  worker.onmessage = (ev: MessageEvent<RunReport>) => {
    sentBeforeAnswer = null;
    onReport(ev.data);
  };
  worker.onerror = () => {
    const replay = sentBeforeAnswer;
    if (!replay) return;
    worker.terminate();
    post = serveRun(onReport);
    sentBeforeAnswer = null;
    for (const c of replay) post(c);
  };
  post = (c) => {
    sentBeforeAnswer?.push(c);
    worker.postMessage(c);
  };
  return (shared = { post: (c) => post(c), listen });
}

let current: PageRun | null = null;

class PageRun {
  private readonly outcomes = new Map<string, Map<string, Outcome>>();
  private readonly libOf = new Map<string, number>();
  /** The session each node's requests carry in the worker, as last sent. */
  private readonly sent = new Map<string, string | null>();
  private readonly port: Port;
  private unsubscribe: () => void = () => undefined;
  private ended = false;

  constructor(private readonly req: RunRequest) {
    // Only this run's targets keep what earlier runs learnt: a tab that distributes
    // library after library holds the refusals of the one shown, not of all of them.
    const before = useDistributeStore.getState().outcomes;
    for (const t of req.targets) {
      const k = outcomeKey(t.node, t.libId);
      this.outcomes.set(k, new Map(before.get(k)));
      this.libOf.set(t.node, t.libId);
    }
    this.port = port();
    this.port.listen((r) => this.onReport(r));
  }

  start(): void {
    const state = createRun(this.req.targets.map((t, i) => ({ node: t.node, jobs: this.req.jobs[i] ?? [] })));
    useDistributeStore.setState((s) => ({
      outcomes: this.outcomes,
      outcomesVersion: s.outcomesVersion + 1,
      run: { source: this.req.source, targets: this.req.targets, state, waitingWhy: {}, ended: false },
    }));
    const wire = (node: string): WireNode => {
      const session = sessionOf(node).sessionId;
      this.sent.set(node, session);
      return { node, base: nodeBase(node), session };
    };
    const people: PersonAttrs[] = [];
    const seen = new Set<string>();
    for (const jobs of this.req.jobs)
      for (const j of jobs) {
        if (seen.has(j.imgId)) continue;
        seen.add(j.imgId);
        const p = this.req.person(j.imgId);
        if (p) people.push(p);
      }
    // A session changed on the page (the sign-in after a -141): the worker's next request carries it.
    this.unsubscribe = useSessionStore.subscribe((s) => {
      for (const [node, was] of this.sent) {
        const now = s.sessions[node]?.sessionId ?? null;
        if (now === was) continue;
        this.sent.set(node, now);
        this.port.post({ type: 'session', node, session: now });
      }
    });
    this.port.post({
      type: 'start',
      source: { ...wire(this.req.source.node), libId: this.req.source.lib.lib_id },
      targets: this.req.targets.map((t) => ({ ...wire(t.node), libId: t.libId })),
      jobs: this.req.jobs,
      people,
    });
  }

  control(action: 'pause' | 'resume' | 'cancel'): void {
    if (!this.ended) this.port.post({ type: 'control', action });
  }

  private onReport(r: RunReport): void {
    if (r.type === 'expired') {
      expireIfCurrent(r.node, r.session);
      return;
    }
    for (const o of r.outcomes ?? []) {
      const libId = this.libOf.get(o.node);
      if (libId === undefined) continue;
      this.outcomes
        .get(outcomeKey(o.node, libId))
        ?.set(o.imgId, o.error ? { ok: false, at: o.at, error: fromWire(o.error) } : { ok: true, at: o.at });
    }
    const run = r.run;
    const view: RunView | undefined = run && {
      source: this.req.source,
      targets: this.req.targets,
      state: { status: run.status, nodes: run.nodes.map((n, i) => ({ ...n, jobs: this.req.jobs[i] ?? [] })) },
      waitingWhy: Object.fromEntries(Object.entries(run.waitingWhy).map(([node, e]) => [node, fromWire(e)])),
      ended: run.ended,
    };
    // One update: one render.
    useDistributeStore.setState((s) => ({
      ...(view ? { run: view } : {}),
      ...(r.outcomes?.length ? { outcomesVersion: s.outcomesVersion + 1 } : {}),
    }));
    if (run?.ended && !this.ended) {
      this.ended = true;
      this.unsubscribe();
      this.req.onEnd();
    }
  }
}

/** Starts a run; one at a time per tab (the page offers no start while one is going). */
export function startRun(req: RunRequest): void {
  current = new PageRun(req);
  current.start();
}

export function controlRun(action: 'pause' | 'resume' | 'cancel'): void {
  current?.control(action);
}
