// The batch import in progress: the rows the user picked and edited, each row's
// outcome, and the run. Client state the device does not own, so zustand; it
// lives as long as the tab, not the page, so an import keeps going while the
// user looks at another page and survives a trip to the login page after a
// session expiry (the run pauses; nothing is lost, nothing is resent blindly).
import { create } from 'zustand';
import { call } from '../../../api/device';
import { batchProblems, rowFromFile, sentName, type ImportRow, type PersonFields } from '../lib/import-rows';
import { ImportRunner, type HaltReason, type ItemOutcome, type RunnerEvent, type RunnerState } from '../lib/import-runner';
import { deviceFileUrl } from '../../../api/protocol/files';

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

interface ImportState {
  libId: number | null;
  rows: ImportRow[];
  nextKey: number;
  status: Record<number, RowStatus>;
  run: RunInfo;
  /** Goes up each time a chunk lands with faces stored: the gallery and the counts refresh on it. */
  storedTick: number;
  /** Starts over for a library (refused while a run is under way). */
  open(libId: number): boolean;
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

export function isRunActive(run: RunInfo): boolean {
  return run.state === 'running' || run.state === 'pausing' || run.state === 'cancelling' || run.state === 'paused';
}

/** crypto.randomUUID needs a secure context; a device reached over plain http is not one. */
function newUuid(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) {
    return crypto.randomUUID();
  }
  const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex(4)}-${hex(2)}-${hex(2)}-${hex(2)}-${hex(6)}`;
}

async function fetchText(devicePath: string): Promise<string> {
  const res = await fetch(deviceFileUrl(devicePath), { cache: 'no-store' });
  if (!res.ok) throw new Error(`report ${res.status}`);
  return res.text();
}

let runner: ImportRunner | null = null;

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

  return {
    libId: null,
    rows: [],
    nextKey: 1,
    status: {},
    run: IDLE_RUN,
    storedTick: 0,

    open: (libId) => {
      const s = get();
      if (s.libId === libId) return true;
      if (isRunActive(s.run)) return false;
      runner = null;
      set({ libId, rows: [], status: {}, run: IDLE_RUN });
      return true;
    },

    addFiles: (files) => {
      const s = get();
      let key = s.nextKey;
      const added = files.map((f) => rowFromFile(f, key++));
      if (s.run.runs > 0 && !isRunActive(s.run)) {
        runner = null;
        set({ rows: added, status: {}, run: IDLE_RUN, nextKey: key });
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
      // A row on its way keeps the name it was queued with; a stored row is on the device.
      if (old && (old.kind === 'pending' || old.kind === 'sending' || old.kind === 'stored')) return;
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
        return { ...r, dropped };
      });
      set({ rows, status: revalidated(rows, s.status) });
    },

    clear: () => {
      if (isRunActive(get().run)) return;
      runner = null;
      set({ rows: [], status: {}, run: IDLE_RUN });
    },

    start: () => {
      const s = get();
      if (s.libId === null || isRunActive(s.run)) return;
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
      runner = new ImportRunner(s.libId, items, { call, fetchText, newUuid }, onEvent);
      set({ status, run: { ...IDLE_RUN, state: 'paused', total: items.length, runs: s.run.runs + 1 } });
      runner.start();
    },

    pause: () => runner?.pause(),
    resume: () => {
      if (get().run.state === 'paused') runner?.resume();
    },
    cancel: () => runner?.cancel(),
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
    const active = isRunActive(s.run) && s.run.state !== 'cancelled';
    if (active && !warning) window.addEventListener('beforeunload', warn);
    if (!active && warning) window.removeEventListener('beforeunload', warn);
    warning = active;
  });
}
