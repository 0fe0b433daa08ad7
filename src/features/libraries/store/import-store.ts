// The batch import in progress: the rows the user picked and edited, each row's
// outcome, and the run. Client state the device does not own, so zustand; it
// lives as long as the tab, not the page, so an import keeps going while the
// user looks at another page and survives a trip to the login page after a
// session expiry (the run pauses; nothing is lost, nothing is resent blindly).
import { create } from 'zustand';
import { callOn } from '../../../api/device';
import { batchProblems, rowFromFile, sentName, type ImportRow, type PersonFields } from '../lib/import-rows';
import { ImportRunner, type HaltReason, type ItemOutcome, type RunItem, type RunnerEvent, type RunnerState } from '../lib/import-runner';
import { deviceFileUrl } from '../../../api/protocol/files';
import { createLibrary } from '../../../api/protocol/libraries';
import { targetCall } from '../../../api/target-call';
import { currentNode, nodeBase } from '../../../session/node-store';
import { laneKeys, lockedOnAny, type Lane } from '../lib/import-lanes';
import type { LibraryIdentity } from '../lib/node-targets';

export type RowStatus =
  | { kind: 'pending' }
  | { kind: 'sending' }
  /** Had a problem when the run began: not sent. */
  | { kind: 'skipped' }
  /** Cancelled before it was sent. */
  | { kind: 'cancelled' }
  /** Changed by the user after a run: goes with the next one. */
  | { kind: 'edited' }
  | ItemOutcome;

export interface RunInfo {
  state: RunnerState | 'idle';
  halt?: HaltReason;
  /** Files handed to the device in this run. */
  total: number;
  /** Milliseconds spent running (a pause stops the clock), for the rate. */
  activeMs: number;
  /** When the current running stretch began. */
  since: number | null;
  /** Files with an outcome in this run. */
  answered: number;
  runs: number;
}

/** Another target node of the import (fleet mode), as the page planned it (lib/node-targets.ts). */
export interface LanePlan {
  node: string;
  libId: number | null;
  /** No library there and the user chose to create it. */
  create: boolean;
  /** Its libraries could not be read. */
  error?: unknown;
}

interface ImportState {
  libId: number | null;
  /** The node whose library this is (the page's node when the import was opened); its runner calls it, wherever the user is. */
  node: string;
  /** The other target nodes (fleet mode), each with each file's outcome there. */
  lanes: Lane[];
  rows: ImportRow[];
  nextKey: number;
  status: Record<number, RowStatus>;
  run: RunInfo;
  /** Goes up each time a chunk lands with faces stored: the gallery and the counts refresh on it. */
  storedTick: number;
  /** Starts over for a library (refused while a run is under way). */
  open(libId: number, node?: string): boolean;
  /**
   * The other target nodes for the next run (none: this node only). A node
   * already a lane keeps its outcomes (a retry sends it what it lacks).
   */
  setLanes(plans: readonly LanePlan[], library: LibraryIdentity): void;
  /**
   * Appends to the list being prepared; after a finished import (a run made,
   * none under way) a pick starts a new list instead, so the table never mixes
   * the last batch's outcomes with new files. Says which it did.
   */
  addFiles(files: readonly File[]): 'appended' | 'new';
  /** `file`: the row's picture replaced (the chosen face of a group photo, a JPEG). */
  editRow(key: number, fields: PersonFields, file?: File): void;
  setDropped(keys: readonly number[], dropped: boolean): void;
  clear(): void;
  /** Sends every kept row that has no problem and is not stored yet: the first run, and "retry the failures". */
  start(): void;
  pause(): void;
  resume(): void;
  cancel(): void;
}

const IDLE_RUN: RunInfo = { state: 'idle', total: 0, activeMs: 0, since: null, answered: 0, runs: 0 };

export function isRunActive(run: { state: RunInfo['state'] | Lane['state'] }): boolean {
  return (
    run.state === 'running' || run.state === 'pausing' || run.state === 'cancelling' || run.state === 'paused' || run.state === 'preparing'
  );
}

/** The import goes on, on this node or any other target. */
export function importActive(s: { run: RunInfo; lanes: readonly Lane[] }): boolean {
  return isRunActive(s.run) || s.lanes.some(isRunActive);
}

/** crypto.randomUUID needs a secure context; a device reached over plain http is not one. */
function newUuid(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) {
    return crypto.randomUUID();
  }
  const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex(4)}-${hex(2)}-${hex(2)}-${hex(2)}-${hex(6)}`;
}

/** A node's report, from that node (the import goes on while the user looks at another node). */
const fetchTextOn =
  (node: string) =>
  async (devicePath: string): Promise<string> => {
    const res = await fetch(deviceFileUrl(devicePath, nodeBase(node)), { cache: 'no-store' });
    if (!res.ok) throw new Error(`report ${res.status}`);
    return res.text();
  };

let runner: ImportRunner | null = null;
const laneRunners = new Map<string, ImportRunner>();
let library: LibraryIdentity | null = null;

/**
 * Problems are a property of the whole list (two files with one img_id): when
 * any row changes, a row left out of the last run for a problem that is gone
 * now is "fixed, goes with the next run", whichever of the pair was edited.
 */
function revalidated(rows: readonly ImportRow[], status: Record<number, RowStatus>): Record<number, RowStatus> {
  const problems = batchProblems(rows);
  let next = status;
  for (const r of rows) {
    if (status[r.key]?.kind !== 'skipped' || r.dropped || problems.has(r.key)) continue;
    if (next === status) next = { ...status };
    next[r.key] = { kind: 'edited' };
  }
  return next;
}

export const useImportStore = create<ImportState>()((set, get) => {
  const onEvent = (e: RunnerEvent) => {
    const s = get();
    if (e.type === 'sending' || e.type === 'requeued') {
      const status = { ...s.status };
      for (const k of e.keys) status[k] = { kind: e.type === 'sending' ? 'sending' : 'pending' };
      set({ status });
    } else if (e.type === 'outcomes') {
      const status = { ...s.status };
      for (const [k, o] of e.outcomes) status[k] = o;
      const stored = [...e.outcomes.values()].some((o) => o.kind === 'stored');
      set({ status, run: { ...s.run, answered: s.run.answered + e.outcomes.size }, storedTick: s.storedTick + (stored ? 1 : 0) });
    } else {
      const now = Date.now();
      const wasRunning = s.run.since !== null;
      const running = e.state === 'running' || e.state === 'pausing' || e.state === 'cancelling';
      let { activeMs, since } = s.run;
      if (wasRunning && !running) {
        activeMs += now - (since ?? now);
        since = null;
      } else if (!wasRunning && running) since = now;
      const status = { ...s.status };
      if (e.state === 'cancelled') {
        for (const [k, v] of Object.entries(status)) if (v.kind === 'pending') status[Number(k)] = { kind: 'cancelled' };
      }
      set({
        status,
        run: { ...s.run, state: e.state, halt: e.state === 'running' ? undefined : (e.halt ?? s.run.halt), activeMs, since },
      });
    }
  };

  const updateLanes = (fn: (l: Lane) => Lane) => set({ lanes: get().lanes.map(fn) });
  const updateLane = (node: string, fn: (l: Lane) => Lane) => updateLanes((l) => (l.node === node ? fn(l) : l));

  /** A lane's runner events: its own outcomes, progress and halts (a node down pauses that node alone). */
  const laneEvent = (node: string) => (e: RunnerEvent) => {
    if (e.type === 'sending' || e.type === 'requeued') {
      updateLane(node, (l) => {
        const status = { ...l.status };
        for (const k of e.keys) status[k] = { kind: e.type === 'sending' ? 'sending' : 'pending' };
        return { ...l, status };
      });
    } else if (e.type === 'outcomes') {
      updateLane(node, (l) => {
        const status = { ...l.status };
        for (const [k, o] of e.outcomes) status[k] = o;
        return { ...l, status, answered: l.answered + e.outcomes.size };
      });
    } else {
      updateLane(node, (l) => {
        const status = { ...l.status };
        if (e.state === 'cancelled')
          for (const [k, v] of Object.entries(status)) if (v.kind === 'pending') status[Number(k)] = { kind: 'cancelled' };
        return { ...l, status, state: e.state, halt: e.state === 'running' ? undefined : (e.halt ?? l.halt) };
      });
    }
  };

  const runLane = (node: string, libId: number, items: RunItem[]) => {
    const r = new ImportRunner(libId, items, { call: targetCall(node), fetchText: fetchTextOn(node), newUuid }, laneEvent(node));
    laneRunners.set(node, r);
    r.start();
  };

  /** Every other target node: its rows pending, its library created first when asked, its runner started. */
  const startLanes = (rows: readonly ImportRow[], problems: ReadonlyMap<number, unknown>) => {
    laneRunners.clear();
    for (const lane of get().lanes) {
      const keys = laneKeys(rows, problems, lane.status);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const items = keys.map((k) => {
        const r = byKey.get(k)!;
        return { key: k, file: r.file, name: sentName(r.fields, r.ext), imgId: r.fields.img_id };
      });
      const status = { ...lane.status };
      for (const k of keys) status[k] = { kind: 'pending' };
      for (const r of rows) if (!r.dropped && problems.has(r.key)) status[r.key] = { kind: 'skipped' };
      if (lane.error !== undefined) {
        updateLane(lane.node, (l) => ({ ...l, state: 'failed' }));
        continue;
      }
      if (lane.libId === null && !lane.create) {
        updateLane(lane.node, (l) => ({ ...l, state: 'skipped' }));
        continue;
      }
      updateLane(lane.node, (l) => ({
        ...l,
        status,
        total: items.length,
        answered: 0,
        halt: undefined,
        state: lane.libId === null ? 'preparing' : 'paused',
      }));
      if (lane.libId !== null) {
        runLane(lane.node, lane.libId, items);
        continue;
      }
      const lib = library;
      if (!lib) continue;
      targetCall(lane.node)(createLibrary, { lib_name: lib.name, lib_type: lib.type === 1 ? 1 : 2 }).then(
        ({ lib_id }) => {
          // Cancelled while the library was being made: it stays (it is empty), nothing is sent.
          if (get().lanes.find((l) => l.node === lane.node)?.state !== 'preparing') return;
          updateLane(lane.node, (l) => ({ ...l, libId: lib_id }));
          runLane(lane.node, lib_id, items);
        },
        (error: unknown) => {
          updateLane(lane.node, (l) => {
            const st = { ...l.status };
            // Nothing went: the column says why (the lane's error), not "cancelled".
            for (const k of keys) delete st[k];
            return { ...l, state: 'failed', error, status: st };
          });
        },
      );
    }
  };

  return {
    libId: null,
    node: currentNode(),
    lanes: [],
    rows: [],
    nextKey: 1,
    status: {},
    run: IDLE_RUN,
    storedTick: 0,

    open: (libId, node = currentNode()) => {
      const s = get();
      if (s.libId === libId && s.node === node) return true;
      if (importActive(s)) return false;
      runner = null;
      laneRunners.clear();
      set({ libId, node, rows: [], status: {}, run: IDLE_RUN, lanes: [] });
      return true;
    },

    setLanes: (plans, lib) => {
      const s = get();
      if (importActive(s)) return;
      library = lib;
      const had = new Map(s.lanes.map((l) => [l.node, l]));
      set({
        lanes: plans.map((p): Lane => {
          const old = had.get(p.node);
          return {
            node: p.node,
            libId: p.libId ?? old?.libId ?? null,
            create: p.create,
            state: 'idle',
            error: p.error,
            status: old?.status ?? {},
            total: 0,
            answered: 0,
          };
        }),
      });
    },

    addFiles: (files) => {
      const s = get();
      let key = s.nextKey;
      const added = files.map((f) => rowFromFile(f, key++));
      if (s.run.runs > 0 && !importActive(s)) {
        runner = null;
        laneRunners.clear();
        set({
          rows: added,
          status: {},
          run: IDLE_RUN,
          nextKey: key,
          lanes: s.lanes.map((l) => ({ ...l, status: {}, state: 'idle', total: 0, answered: 0 })),
        });
        return 'new';
      }
      set({ rows: [...s.rows, ...added], nextKey: key });
      return 'appended';
    },

    editRow: (key, fields, file) => {
      const s = get();
      const status = { ...s.status };
      // An edited row that failed stays in view as edited, and goes with the next run.
      const old = status[key];
      // A row on its way keeps the name it was queued with; a stored row is on the device (on any node: one person everywhere).
      if (old && (old.kind === 'pending' || old.kind === 'sending' || old.kind === 'stored')) return;
      if (
        lockedOnAny(
          key,
          s.lanes.map((l) => l.status),
        )
      )
        return;
      if (old) status[key] = { kind: 'edited' };
      const rows = s.rows.map((r) => (r.key === key ? { ...r, fields, unreadName: false, ...(file ? { file, ext: 'jpg' } : {}) } : r));
      set({ rows, status: revalidated(rows, status) });
    },

    setDropped: (keys, dropped) => {
      const s = get();
      const wanted = new Set(keys);
      const rows = s.rows.map((r) => {
        const st = s.status[r.key]?.kind;
        // A row on its way or on the device stays.
        if (!wanted.has(r.key) || st === 'stored' || st === 'sending' || st === 'pending') return r;
        if (
          lockedOnAny(
            r.key,
            s.lanes.map((l) => l.status),
          )
        )
          return r;
        return { ...r, dropped };
      });
      set({ rows, status: revalidated(rows, s.status) });
    },

    clear: () => {
      const s = get();
      if (importActive(s)) return;
      runner = null;
      laneRunners.clear();
      set({ rows: [], status: {}, run: IDLE_RUN, lanes: s.lanes.map((l) => ({ ...l, status: {}, state: 'idle', total: 0, answered: 0 })) });
    },

    start: () => {
      const s = get();
      if (s.libId === null || importActive(s)) return;
      const problems = batchProblems(s.rows);
      const status = { ...s.status };
      const items = [];
      for (const r of s.rows) {
        if (r.dropped || status[r.key]?.kind === 'stored') continue;
        if (problems.has(r.key)) {
          status[r.key] = { kind: 'skipped' };
          continue;
        }
        status[r.key] = { kind: 'pending' };
        items.push({ key: r.key, file: r.file, name: sentName(r.fields, r.ext), imgId: r.fields.img_id });
      }
      // The import's own node, wherever the user is when a chunk goes (callOn, not the page's `call`).
      runner = new ImportRunner(s.libId, items, { call: callOn(s.node), fetchText: fetchTextOn(s.node), newUuid }, onEvent);
      set({ status, run: { ...IDLE_RUN, state: 'paused', total: items.length, runs: s.run.runs + 1 } });
      startLanes(s.rows, problems);
      runner.start();
    },

    pause: () => {
      runner?.pause();
      for (const r of laneRunners.values()) r.pause();
    },
    resume: () => {
      if (get().run.state === 'paused') runner?.resume();
      for (const [node, r] of laneRunners) if (get().lanes.find((l) => l.node === node)?.state === 'paused') r.resume();
    },
    cancel: () => {
      runner?.cancel();
      for (const r of laneRunners.values()) r.cancel();
      // A lane still creating its library never starts.
      updateLanes((l) => (l.state === 'preparing' ? { ...l, state: 'cancelled' } : l));
    },
  };
});

/** Counts for the progress bar and the summary. */
export interface ImportCounts {
  rows: number;
  kept: number;
  dropped: number;
  problems: number;
  ready: number;
  stored: number;
  refused: number;
  unknown: number;
  skipped: number;
  cancelled: number;
  waiting: number;
}

export function countRows(rows: readonly ImportRow[], status: Record<number, RowStatus>, problems: Map<number, unknown>): ImportCounts {
  const c: ImportCounts = {
    rows: rows.length,
    kept: 0,
    dropped: 0,
    problems: 0,
    ready: 0,
    stored: 0,
    refused: 0,
    unknown: 0,
    skipped: 0,
    cancelled: 0,
    waiting: 0,
  };
  for (const r of rows) {
    if (r.dropped) {
      c.dropped++;
      continue;
    }
    c.kept++;
    const st = status[r.key]?.kind;
    if (problems.has(r.key)) c.problems++;
    if (st === 'stored') c.stored++;
    else if (st === 'refused') c.refused++;
    else if (st === 'unknown') c.unknown++;
    else if (st === 'skipped') c.skipped++;
    else if (st === 'cancelled') c.cancelled++;
    else if (st === 'pending' || st === 'sending') c.waiting++;
    if (st !== 'stored' && st !== 'pending' && st !== 'sending' && !problems.has(r.key)) c.ready++;
  }
  return c;
}

// Closing the tab mid-import loses the rest of it: the browser asks first.
if (typeof window !== 'undefined') {
  const warn = (e: BeforeUnloadEvent) => {
    e.preventDefault();
    // Older browsers need returnValue set to show the prompt.
    e.returnValue = '';
  };
  let warning = false;
  useImportStore.subscribe((s) => {
    const active = importActive(s);
    if (active && !warning) window.addEventListener('beforeunload', warn);
    if (!active && warning) window.removeEventListener('beforeunload', warn);
    warning = active;
  });
}
