// The staged firmware upgrade as data, free of React, timers and the network:
// one node first, then the rest in waves of N; a wave starts when the one
// before it has finished; the first failure stops anything new from starting
// (the nodes already under way finish). The plan is kept in sessionStorage so
// a reload of the page, or the nodes' restarts, lose no progress; the file is
// not kept (the browser cannot store a File, and a firmware is hundreds of MB).
import { z } from 'zod';

export const STEP_STATES = ['pending', 'uploading', 'restarting', 'checking', 'done', 'failed'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** Why a node failed, kept as data so the page can say it in either language. */
export type StepFailure =
  | { kind: 'device'; code: number }
  | { kind: 'network' }
  /** The node came back on the version it had: the install did not take. */
  | { kind: 'unchanged'; version: string }
  /** Not back within the time an upgrade may take (restart-machine's limit). */
  | { kind: 'notBack' };

export interface NodeStep {
  node: string;
  state: StepState;
  /** The version before (1281), read when the plan was made. */
  from: string;
  /** The version after, once checked. */
  to?: string;
  failure?: StepFailure;
  /** When the upload was answered: the restart is followed from here (ms since the epoch). */
  restartAt?: number;
  /** The page was reloaded while this node's upload was being sent: its version says whether it took. */
  interrupted?: boolean;
}

export interface UpgradePlan {
  id: string;
  file: { name: string; size: number };
  /** Nodes per wave after the first node. */
  batch: number;
  /** The upgrade order: the first node, then the rest. */
  order: string[];
  steps: Record<string, NodeStep>;
  /** The user stopped it: nothing new starts. */
  stopped: boolean;
  createdAt: number;
}

export const BATCH_MIN = 1;
/** Nodes are upgraded from this browser: more than this many uploads at once would share its uplink for no gain. */
export const BATCH_MAX = 16;
/** docs/fleet.md: a node list holds at most 256 nodes. */
const NODES_MAX = 256;

export function createPlan(input: {
  id: string;
  first: string;
  rest: readonly string[];
  batch: number;
  file: { name: string; size: number };
  versions: Readonly<Record<string, string>>;
  at: number;
}): UpgradePlan {
  const order = [input.first, ...input.rest.filter((n) => n !== input.first)];
  const batch = Math.min(BATCH_MAX, Math.max(BATCH_MIN, Math.trunc(input.batch) || BATCH_MIN));
  const steps: Record<string, NodeStep> = {};
  for (const node of order) steps[node] = { node, state: 'pending', from: input.versions[node] ?? '' };
  return { id: input.id, file: { ...input.file }, batch, order, steps, stopped: false, createdAt: input.at };
}

/** The waves: [first], then the rest N at a time. */
export function waves(plan: Pick<UpgradePlan, 'order' | 'batch'>): string[][] {
  const [first, ...rest] = plan.order;
  const out: string[][] = first === undefined ? [] : [[first]];
  for (let i = 0; i < rest.length; i += plan.batch) out.push(rest.slice(i, i + plan.batch));
  return out;
}

const ACTIVE: readonly StepState[] = ['uploading', 'restarting', 'checking'];
export const isActive = (s: NodeStep): boolean => ACTIVE.includes(s.state);

export type PlanStatus = 'running' | 'stopping' | 'stopped' | 'failed' | 'done';

/** Where the run is: 'failed' / 'stopped' once nothing is under way after a failure / the user's stop. */
export function planStatus(plan: UpgradePlan): PlanStatus {
  const steps = plan.order.map((n) => plan.steps[n]!);
  if (steps.every((s) => s.state === 'done')) return 'done';
  const failed = steps.some((s) => s.state === 'failed');
  if (!failed && !plan.stopped) return 'running';
  return steps.some(isActive) ? 'stopping' : failed ? 'failed' : 'stopped';
}

/** The nodes to start now: the pending ones of the first wave not yet finished, once every earlier wave is done. */
export function nodesToStart(plan: UpgradePlan): string[] {
  if (planStatus(plan) !== 'running') return [];
  for (const wave of waves(plan)) {
    const steps = wave.map((n) => plan.steps[n]!);
    if (steps.every((s) => s.state === 'done')) continue;
    return steps.filter((s) => s.state === 'pending').map((s) => s.node);
  }
  return [];
}

/** One node moves on. A node that is finished does not move again (a late answer after a reload, say). */
export function updateStep(plan: UpgradePlan, node: string, patch: Partial<Omit<NodeStep, 'node' | 'from'>>): UpgradePlan {
  const step = plan.steps[node];
  if (!step || step.state === 'done' || step.state === 'failed') return plan;
  return { ...plan, steps: { ...plan.steps, [node]: { ...step, ...patch } } };
}

/** The node came back: done on a new version, failed on the old one. */
export function checked(plan: UpgradePlan, node: string, version: string): UpgradePlan {
  const step = plan.steps[node];
  if (!step) return plan;
  if (version !== step.from) return updateStep(plan, node, { state: 'done', to: version, interrupted: false });
  // An upload cut by a reload never reached the device: the node is as it was, to be sent again.
  if (step.interrupted) return updateStep(plan, node, { state: 'pending', interrupted: false });
  return updateStep(plan, node, { state: 'failed', failure: { kind: 'unchanged', version } });
}

/**
 * After a reload: an upload in flight was cut by it (the browser ends the
 * request), so its node is checked instead of followed; nodes restarting or
 * being checked go on where they were.
 */
export function afterReload(plan: UpgradePlan): UpgradePlan {
  let next = plan;
  for (const node of plan.order) {
    if (plan.steps[node]!.state === 'uploading') next = updateStep(next, node, { state: 'checking', interrupted: true });
  }
  return next;
}

/** Pending nodes that will still be upgraded: they need the file (after a reload, chosen again). */
export function remaining(plan: UpgradePlan): string[] {
  return plan.stopped || plan.order.some((n) => plan.steps[n]!.state === 'failed')
    ? []
    : plan.order.filter((n) => plan.steps[n]!.state === 'pending');
}

/** A file chosen again must be the one the plan was made with (name and size: the browser gives nothing surer). */
export const sameFile = (plan: UpgradePlan, file: { name: string; size: number }): boolean =>
  plan.file.name === file.name && plan.file.size === file.size;

export function counts(plan: UpgradePlan): Record<StepState, number> {
  const c = Object.fromEntries(STEP_STATES.map((s) => [s, 0])) as Record<StepState, number>;
  for (const n of plan.order) c[plan.steps[n]!.state]++;
  return c;
}

// ---- Kept in sessionStorage: read back only when well formed ----------------

const failure = z.union([
  z.object({ kind: z.literal('device'), code: z.number().int() }),
  z.object({ kind: z.literal('network') }),
  z.object({ kind: z.literal('unchanged'), version: z.string().max(256) }),
  z.object({ kind: z.literal('notBack') }),
]);
const step = z.object({
  node: z.string().max(32),
  state: z.enum(STEP_STATES),
  from: z.string().max(256),
  to: z.string().max(256).optional(),
  failure: failure.optional(),
  restartAt: z.number().optional(),
  interrupted: z.boolean().optional(),
});
const planSchema = z
  .object({
    id: z.string().max(64),
    file: z.object({ name: z.string().max(1024), size: z.number().nonnegative() }),
    batch: z.number().int().min(BATCH_MIN).max(BATCH_MAX),
    order: z.array(z.string().max(32)).min(1).max(NODES_MAX),
    steps: z.record(z.string(), step),
    stopped: z.boolean(),
    createdAt: z.number(),
  })
  .refine((p) => p.order.every((n) => p.steps[n]?.node === n), 'a step per node');

export function parsePlan(text: string | null): UpgradePlan | null {
  if (!text) return null;
  try {
    const r = planSchema.safeParse(JSON.parse(text));
    return r.success ? (r.data as UpgradePlan) : null;
  } catch {
    return null;
  }
}
