// Runs the staged upgrade (model/stage-plan.ts) from this tab: one node's
// upload (1292), then its restart followed with the one-node page's probe
// (src/api/settings/restart-*), then its version read again (1281) after a new
// sign-in, since a restarted node has forgotten every session. The plan lives
// in sessionStorage (a reload resumes it); the file and the password live in
// this module's memory only (a reload asks for them again).
import { create } from 'zustand';
import { callOn } from '../../../api/device';
import { DeviceError } from '../../../api/errors';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { getVersion, upgrade } from '../../../api/protocol/system';
import { PROBE_INTERVAL_MS, PROBE_TIMEOUT_MS, RESTART_LIMIT_MS, restartReducer, startRestart } from '../../../api/settings/restart-machine';
import { versionProbe } from '../../../api/settings/restart-probe';
import { signInNode } from '../../../session/session-api';
import { sessionOf, useSessionStore } from '../../../session/session-store';
import { afterReload, checked, nodesToStart, parsePlan, updateStep, type StepFailure, type UpgradePlan } from '../model/stage-plan';

const PLAN_KEY = 'nebula.fleet-upgrade';

interface UpgradeState {
  plan: UpgradePlan | null;
  /** Bytes sent per node, for the upload's bar (not kept: an upload does not survive a reload). */
  progress: Readonly<Record<string, { sent: number; total: number }>>;
  file: File | null;
  /** Nodes waiting for the password to sign in again after their restart. */
  waitingPassword: readonly string[];
}

function readPlan(): UpgradePlan | null {
  try {
    return parsePlan(sessionStorage.getItem(PLAN_KEY));
  } catch {
    return null;
  }
}

export const useUpgradeStore = create<UpgradeState>()(() => ({ plan: readPlan(), progress: {}, file: null, waitingPassword: [] }));

useUpgradeStore.subscribe((s, prev) => {
  if (s.plan === prev.plan) return;
  if (s.plan) sessionStorage.setItem(PLAN_KEY, JSON.stringify(s.plan));
  else sessionStorage.removeItem(PLAN_KEY);
});

let password: string | null = null;
let passwordWaiters: Array<() => void> = [];
const running = new Set<string>();
let resumed = false;

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const get = () => useUpgradeStore.getState();

function setPlan(id: string, change: (p: UpgradePlan) => UpgradePlan) {
  const plan = get().plan;
  // A plan cleared or replaced meanwhile is not written by an old run.
  if (plan && plan.id === id) useUpgradeStore.setState({ plan: change(plan) });
}

function failureOf(e: unknown): StepFailure {
  return e instanceof DeviceError ? { kind: 'device', code: e.code } : { kind: 'network' };
}

const isExpired = (e: unknown) => e instanceof DeviceError && e.code === ErrorCode.NOT_LOGGED_IN;

/** Signs the node in again with the password typed for this run, asking for it when this tab has none. */
async function signInAgain(node: string): Promise<void> {
  for (;;) {
    if (password === null) {
      useUpgradeStore.setState((s) => ({ waitingPassword: [...new Set([...s.waitingPassword, node])] }));
      await new Promise<void>((r) => passwordWaiters.push(r));
      continue;
    }
    const user = sessionOf(node).user ?? Object.values(useSessionStore.getState().sessions).find((s) => s.user)?.user ?? 'admin';
    try {
      await signInNode(node, { user, password });
      useUpgradeStore.setState((s) => ({ waitingPassword: s.waitingPassword.filter((n) => n !== node) }));
      return;
    } catch (e) {
      // A refused password is asked for again; anything else is the caller's (a node not back yet).
      if (e instanceof DeviceError && e.code === ErrorCode.BAD_CREDENTIALS) password = null;
      else throw e;
    }
  }
}

async function upload(plan: UpgradePlan, node: string, file: File): Promise<void> {
  setPlan(plan.id, (p) => updateStep(p, node, { state: 'uploading' }));
  const send = () =>
    callOn(node, { wait: false })(
      upgrade,
      { file },
      {
        onUploadProgress: (sent, total) => useUpgradeStore.setState((s) => ({ progress: { ...s.progress, [node]: { sent, total } } })),
      },
    );
  try {
    try {
      await send();
    } catch (e) {
      // A session that ended before the run reached this node: sign in and send once more.
      if (!isExpired(e)) throw e;
      await signInAgain(node);
      await send();
    }
    setPlan(plan.id, (p) => updateStep(p, node, { state: 'restarting', restartAt: Date.now() }));
  } catch (e) {
    setPlan(plan.id, (p) => updateStep(p, node, { state: 'failed', failure: failureOf(e) }));
  }
}

/** The one-node restart overlay's machine: the node must go away (or forget us), then answer. */
async function follow(plan: UpgradePlan, node: string, restartAt: number): Promise<void> {
  const probe = versionProbe(sessionOf(node).sessionId, node);
  let state = startRestart('upgrade', restartAt);
  const never = new AbortController().signal;
  for (;;) {
    state = restartReducer(state, { type: 'probe', result: await probe(never), at: Date.now() });
    if (state.phase === 'back') {
      setPlan(plan.id, (p) => updateStep(p, node, { state: 'checking' }));
      return;
    }
    state = restartReducer(state, { type: 'tick', at: Date.now() });
    if (state.late) {
      setPlan(plan.id, (p) => updateStep(p, node, { state: 'failed', failure: { kind: 'notBack' } }));
      return;
    }
    await delay(PROBE_INTERVAL_MS);
  }
}

/** 1281 once the node is back, signed in again if it forgot us. */
async function check(plan: UpgradePlan, node: string, restartAt: number | undefined): Promise<void> {
  const deadline = (restartAt ?? Date.now()) + RESTART_LIMIT_MS.upgrade;
  for (;;) {
    try {
      const v = await callOn(node, { wait: false })(getVersion, {}, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      setPlan(plan.id, (p) => checked(p, node, v.version));
      return;
    } catch (answer) {
      let e = answer;
      if (isExpired(e)) {
        try {
          await signInAgain(node);
          continue;
        } catch (signInError) {
          e = signInError;
        }
      }
      if (e instanceof DeviceError && !isExpired(e)) {
        setPlan(plan.id, (p) => updateStep(p, node, { state: 'failed', failure: failureOf(e) }));
        return;
      }
      if (Date.now() > deadline) {
        setPlan(plan.id, (p) => updateStep(p, node, { state: 'failed', failure: { kind: 'notBack' } }));
        return;
      }
      await delay(PROBE_INTERVAL_MS);
    }
  }
}

async function drive(planId: string, node: string): Promise<void> {
  for (;;) {
    const plan = get().plan;
    if (!plan || plan.id !== planId) return;
    const step = plan.steps[node]!;
    if (step.state === 'pending') {
      const file = get().file;
      // Stopped or failed meanwhile, or no file (after a reload): wait for the page.
      if (!file || !nodesToStart(plan).includes(node)) return;
      await upload(plan, node, file);
    } else if (step.state === 'restarting') await follow(plan, node, step.restartAt ?? Date.now());
    else if (step.state === 'checking') await check(plan, node, step.restartAt);
    else return;
  }
}

function run(node: string): void {
  const plan = get().plan;
  if (!plan || running.has(node)) return;
  running.add(node);
  void drive(plan.id, node).finally(() => {
    running.delete(node);
    pump();
  });
}

/** Starts whatever the plan says may start now. */
function pump(): void {
  const plan = get().plan;
  if (!plan || !get().file) return;
  for (const node of nodesToStart(plan)) run(node);
}

export function startUpgrade(plan: UpgradePlan, file: File, pass: string): void {
  password = pass || null;
  resumed = true;
  useUpgradeStore.setState({ plan, file, progress: {}, waitingPassword: [] });
  pump();
}

/** The page opened: a plan from before a reload goes on where it was (once per page load). */
export function resumeUpgrade(): void {
  let plan = get().plan;
  if (!plan) return;
  if (!resumed) {
    resumed = true;
    plan = afterReload(plan);
    useUpgradeStore.setState({ plan });
  }
  for (const node of plan.order) {
    const s = plan.steps[node]!.state;
    if (s === 'restarting' || s === 'checking') run(node);
  }
  pump();
}

export function provideFile(file: File): void {
  useUpgradeStore.setState({ file });
  pump();
}

export function providePassword(pass: string): void {
  password = pass;
  const waiters = passwordWaiters;
  passwordWaiters = [];
  for (const w of waiters) w();
}

export function stopUpgrade(): void {
  const plan = get().plan;
  if (plan) useUpgradeStore.setState({ plan: { ...plan, stopped: true } });
}

/** Forget a finished or stopped plan (the page refuses while nodes are under way). */
export function clearUpgrade(): void {
  useUpgradeStore.setState({ plan: null, file: null, progress: {}, waitingPassword: [] });
}
