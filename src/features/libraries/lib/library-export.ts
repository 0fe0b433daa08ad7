// §3.11 (1038) exports at most 500 faces a request: a whole library is exported
// page after page, one zip per page. No React here: the dialog only shows the
// progress this reports and calls pause / resume / cancel.
//
// One file per page, not one combined download: the device writes one zip per
// request, and joining them would mean holding the whole library in the
// browser's memory (100 000 faces are gigabytes; no zip library is bundled and
// streaming to disk needs the File System Access API, which only Chromium has).
// Each page's zip downloads as it is ready and stays listed with its link.
import type { Call } from '../../../api/client';
import { DeviceError } from '../../../api/errors';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { exportFacesPage } from '../../../api/protocol/faces';
import { EXPORT_MAX } from '../../../api/protocol/limits';

/** One page's zip on the device. */
export interface ExportedPart {
  /** 1-based page number. */
  page: number;
  /** The first person's position (start_no) and how many the zip holds. */
  start: number;
  count: number;
  /** Device path (tmp/…zip), for deviceFileUrl. */
  url: string;
}

export type ExportStatus = 'running' | 'paused' | 'cancelled' | 'done';

export interface ExportProgress {
  status: ExportStatus;
  /** Faces exported so far, and the library's size as the device last said it. */
  done: number;
  total: number;
  parts: readonly ExportedPart[];
  /** Why it paused by itself (a failed page: resume asks for that page again). */
  error: unknown;
}

export interface LibraryExportOptions {
  /** Faces a request (1038's qry_len, at most 500). */
  pageSize?: number;
  /** Each new state, as it changes. */
  onProgress?: (p: ExportProgress) => void;
  /** Each page's zip, as soon as the device has written it. */
  onPart?: (part: ExportedPart) => void;
}

/**
 * Pages through a library with 1038. `run()` resolves when the export is done
 * or cancelled. Pause takes effect between pages (the page being packed is
 * kept); cancel also aborts the request in flight. A page that fails pauses
 * the export with its error, and `resume()` asks for the same page again, so a
 * dropped connection in page 150 of 200 does not start over. The device's
 * total is re-read with every page: faces enrolled or deleted meanwhile shift
 * the pages (the device numbers them in creation order), which the count shows.
 */
export class LibraryExport {
  private progress: ExportProgress = { status: 'running', done: 0, total: 0, parts: [], error: null };
  private readonly abort = new AbortController();
  private wake: (() => void) | null = null;
  private readonly pageSize: number;

  constructor(
    private readonly send: Call,
    private readonly libId: number,
    private readonly opts: LibraryExportOptions = {},
  ) {
    this.pageSize = Math.max(1, Math.min(EXPORT_MAX, opts.pageSize ?? EXPORT_MAX));
  }

  get state(): ExportProgress {
    return this.progress;
  }

  pause(): void {
    if (this.progress.status === 'running') this.set({ status: 'paused' });
  }

  resume(): void {
    if (this.progress.status !== 'paused') return;
    this.set({ status: 'running', error: null });
    this.wake?.();
  }

  cancel(): void {
    if (this.progress.status === 'done' || this.progress.status === 'cancelled') return;
    this.set({ status: 'cancelled' });
    this.abort.abort();
    this.wake?.();
  }

  async run(): Promise<ExportProgress> {
    let start = 1;
    let total = Infinity;
    while (start <= total) {
      await this.whilePaused();
      if (this.cancelled()) return this.progress;
      try {
        const ans = await this.send(
          exportFacesPage,
          { lib_id: this.libId, start_no: start, qry_len: this.pageSize },
          { signal: this.abort.signal },
        );
        total = ans.total_num;
        if (ans.result_num === 0) break;
        const part: ExportedPart = { page: this.progress.parts.length + 1, start, count: ans.result_num, url: ans.export_url };
        start += ans.result_num;
        this.set({ done: this.progress.done + ans.result_num, total, parts: [...this.progress.parts, part] });
        this.opts.onPart?.(part);
      } catch (e) {
        if (this.cancelled()) return this.progress;
        // An empty library (or one emptied meanwhile) has nothing to export: done, not failed.
        if (e instanceof DeviceError && e.code === ErrorCode.NOTHING_TO_EXPORT) break;
        this.set({ status: 'paused', error: e });
      }
    }
    this.set({ status: 'done', total: Math.max(this.progress.done, Number.isFinite(total) ? total : 0) });
    return this.progress;
  }

  // A method, not an inline comparison: cancel() may run during any await.
  private cancelled(): boolean {
    return this.progress.status === 'cancelled';
  }

  private whilePaused(): Promise<void> {
    if (this.progress.status !== 'paused') return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = null;
        resolve();
      };
    });
  }

  private set(patch: Partial<ExportProgress>): void {
    this.progress = { ...this.progress, ...patch };
    this.opts.onProgress?.(this.progress);
  }
}
