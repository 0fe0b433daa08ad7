// What the page and the run's worker (run.worker.ts) say to each other. The
// run's requests go from the worker: the page's main thread only hears the
// progress (at most every UPDATE_MS) and the outcomes (at most every LEDGER_MS).
import type { PersonAttrs } from '../model/ledger';
import type { Job, NodeRun, RunStatus } from '../model/scheduler';

/** A node as the worker reaches it: its base URL (the console's `/node/<id>` on this origin) and its session. */
export interface WireNode {
  readonly node: string;
  readonly base: string;
  /** The node's session id, from the session store (sessionStorage stays its only home); null: signed out. */
  readonly session: string | null;
}

export type RunCommand =
  | {
      readonly type: 'start';
      readonly source: WireNode & { readonly libId: number };
      readonly targets: ReadonlyArray<WireNode & { readonly libId: number }>;
      /** Per target, in `targets` order. */
      readonly jobs: ReadonlyArray<readonly Job[]>;
      /** The source's people the jobs name, as the source holds them. */
      readonly people: readonly PersonAttrs[];
    }
  | { readonly type: 'control'; readonly action: 'pause' | 'resume' | 'cancel' }
  /** A node's session changed on the page (signed in again after -141, or out: null). */
  | { readonly type: 'session'; readonly node: string; readonly session: string | null };

/** An error as it crosses: rebuilt into the api's error classes on the page, so the error mapping words it. */
export type WireError =
  | { readonly kind: 'device'; readonly code: number; readonly msg: string; readonly op: string }
  | { readonly kind: 'network'; readonly op: string; readonly status?: number; readonly node?: string }
  | { readonly kind: 'protocol'; readonly op: string; readonly detail: string }
  | { readonly kind: 'request'; readonly op: string; readonly detail: string }
  | { readonly kind: 'other'; readonly name: string; readonly message: string };

/** A node's run without its jobs (the page holds them: they are not sent again with every update). */
export type WireNodeRun = Omit<NodeRun, 'jobs'>;

export interface WireOutcome {
  readonly node: string;
  readonly imgId: string;
  readonly at: number;
  /** Absent: enrolled (or updated). */
  readonly error?: WireError;
}

export type RunReport =
  | {
      readonly type: 'update';
      readonly run?: {
        readonly status: RunStatus;
        readonly nodes: readonly WireNodeRun[];
        readonly waitingWhy: Readonly<Record<string, WireError>>;
        readonly ended: boolean;
      };
      /** Answered since the last update. */
      readonly outcomes?: readonly WireOutcome[];
    }
  /** A node answered -141 to a request sent with this session: the page ends that session as any call's -141 does. */
  | { readonly type: 'expired'; readonly node: string; readonly session: string | null };
