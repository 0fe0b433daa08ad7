// The distribution in progress, in this tab's memory only (what the device
// does not own: which jobs are left, what each target answered). It outlives
// the page while the tab stays, so leaving for a node's page and coming back
// finds the run where it is; a reload ends it, and the ledger, read from the
// nodes again, shows what is left to do.
import { create } from 'zustand';
import type { Library } from '../../../api/protocol/libraries';
import type { Outcome } from '../model/ledger';
import type { RunState } from '../model/scheduler';

export interface RunTarget {
  node: string;
  libId: number;
}

export interface RunView {
  source: { node: string; lib: Library };
  targets: readonly RunTarget[];
  state: RunState;
  /** Why a waiting node is waiting (its last failure), by node. */
  waitingWhy: Readonly<Record<string, unknown>>;
  ended: boolean;
}

interface DistributeStore {
  run: RunView | null;
  /** Per `${node}:${libId}` of a target, the outcomes by img_id: the failed cells' reasons, after the run too. */
  outcomes: ReadonlyMap<string, ReadonlyMap<string, Outcome>>;
  /** Bumped (at most a few times a second) when outcomes change, so views recompute. */
  outcomesVersion: number;
}

export const useDistributeStore = create<DistributeStore>(() => ({ run: null, outcomes: new Map(), outcomesVersion: 0 }));

export const outcomeKey = (node: string, libId: number) => `${node}:${libId}`;
