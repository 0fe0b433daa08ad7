// Sends a batch import through 1030 (§3.19) in chunks, a bounded number at a
// time, and learns each file's outcome from the CSV report the device writes
// for every chunk. No React: the import store drives it and mirrors its events.
//
// Why 1030 and not 1029 file by file: one request per chunk instead of one per
// file, and the device itself reports every file (stored with its img_id, or
// refused with its code), which is as exact as 1029's answer. When a report
// cannot be read (another firmware's columns, a lost file), the outcome is
// recovered without guessing: err_count 0 means every file is stored, and a
// file with an img_id is looked up with 1032; only what is still unknown is
// said to be unknown.
import type { Call } from '../../../api/client';
import { DeviceError, NetworkError } from '../../../api/errors';
import { enrolBatch, getFace } from '../../../api/protocol/faces';
import { parseCsv, unguard } from '../../../api/protocol/csv';
import { ErrorCode } from '../../../api/protocol/error-codes';

export interface RunItem {
  key: number;
  file: Blob;
  /** The §3.19 name the file is sent under. */
  name: string;
  /** '' when the device assigns one. */
  imgId: string;
}

export type ItemOutcome =
  | { kind: 'stored'; imgId: string }
  /** code null: the device refused it without saying why (no readable report). */
  | { kind: 'refused'; code: number | null; reason: string }
  /** The chunk may or may not have landed: a network failure, or no report and no img_id to look up. */
  | { kind: 'unknown'; why: 'network' | 'report' };

export type HaltReason = 'session' | 'network' | 'library';

export type RunnerEvent =
  | { type: 'sending'; keys: number[] }
  | { type: 'outcomes'; outcomes: Map<number, ItemOutcome> }
  /** Refused before the device read them (-141): back in the queue, sent again on resume. */
  | { type: 'requeued'; keys: number[] }
  | { type: 'state'; state: RunnerState; halt?: HaltReason };

export type RunnerState = 'running' | 'pausing' | 'paused' | 'cancelling' | 'cancelled' | 'done';

export interface RunnerOptions {
  call: Call;
  /** Reads a device file (the report) as text; through the proxy in the browser. */
  fetchText: (devicePath: string) => Promise<string>;
  newUuid: () => string;
  /** Files per request. */
  chunkFiles?: number;
  /** Bytes per request: a chunk closes at whichever limit comes first. */
  chunkBytes?: number;
  /** Requests in flight. Two keep the device busy while the next chunk uploads. */
  concurrency?: number;
}

export const CHUNK_FILES = 20;
export const CHUNK_BYTES = 8 * 1024 * 1024;
export const CONCURRENCY = 2;

/** The columns of the report, found by header so their order does not matter. */
interface ReportRow {
  fileName: string;
  ok: boolean;
  code: number | null;
  reason: string;
  imgId: string;
}

/** The report's rows, or null when it does not have the columns we need. */
export function readReport(text: string): ReportRow[] | null {
  const rows = parseCsv(text);
  const head = rows[0]?.map((h) => h.trim().toLowerCase());
  if (!head) return null;
  const col = (...names: string[]) => head.findIndex((h) => names.includes(h));
  const file = col('file_name', 'filename', 'file');
  const result = col('result', 'status');
  const code = col('code', 'err_code');
  const reason = col('reason', 'msg', 'message');
  const imgId = col('img_id');
  if (file < 0 || (result < 0 && code < 0)) return null;
  return rows.slice(1).map((r) => {
    const codeText = code >= 0 ? unguard(r[code] ?? '').trim() : '';
    const codeNum = /^-?\d+$/.test(codeText) ? Number(codeText) : null;
    const resultText = result >= 0 ? (r[result] ?? '').trim().toLowerCase() : '';
    const ok = result >= 0 ? ['ok', 'success', '0', 'true'].includes(resultText) : codeNum === 0;
    return {
      fileName: unguard(r[file] ?? ''),
      ok,
      code: ok ? 0 : codeNum,
      reason: reason >= 0 ? unguard(r[reason] ?? '') : '',
      imgId: imgId >= 0 ? unguard(r[imgId] ?? '') : '',
    };
  });
}

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

export class ImportRunner {
  private readonly queue: RunItem[];
  private inFlight = 0;
  private state: RunnerState = 'paused';
  private readonly chunkFiles: number;
  private readonly chunkBytes: number;
  private readonly concurrency: number;

  constructor(
    private readonly libId: number,
    items: readonly RunItem[],
    private readonly opts: RunnerOptions,
    private readonly onEvent: (e: RunnerEvent) => void,
  ) {
    this.queue = [...items];
    this.chunkFiles = opts.chunkFiles ?? CHUNK_FILES;
    this.chunkBytes = opts.chunkBytes ?? CHUNK_BYTES;
    this.concurrency = opts.concurrency ?? CONCURRENCY;
  }

  get current(): RunnerState {
    return this.state;
  }

  /** Items not yet handed to the device. */
  get waiting(): readonly RunItem[] {
    return this.queue;
  }

  start(): void {
    if (this.state !== 'paused') return;
    this.setState('running');
    this.pump();
  }

  resume(): void {
    this.start();
  }

  /** No new chunk is sent; the ones in flight finish (their outcome is worth knowing). */
  pause(): void {
    if (this.state !== 'running') return;
    this.setState(this.inFlight > 0 ? 'pausing' : 'paused');
  }

  /** Stops for good once the chunks in flight are answered; the rest is never sent. */
  cancel(): void {
    if (this.state === 'cancelled' || this.state === 'done' || this.state === 'cancelling') return;
    this.setState(this.inFlight > 0 ? 'cancelling' : 'cancelled');
  }

  private setState(state: RunnerState, halt?: HaltReason): void {
    this.state = state;
    this.onEvent({ type: 'state', state, halt });
  }

  private halt(reason: HaltReason): void {
    if (this.state === 'cancelling' || this.state === 'cancelled') return;
    this.setState(this.inFlight > 0 ? 'pausing' : 'paused', reason);
  }

  private takeChunk(): RunItem[] {
    const chunk: RunItem[] = [];
    let bytes = 0;
    while (this.queue.length > 0 && chunk.length < this.chunkFiles) {
      const next = this.queue[0]!;
      if (chunk.length > 0 && bytes + next.file.size > this.chunkBytes) break;
      chunk.push(this.queue.shift()!);
      bytes += next.file.size;
    }
    return chunk;
  }

  private pump(): void {
    while (this.state === 'running' && this.inFlight < this.concurrency && this.queue.length > 0) {
      const chunk = this.takeChunk();
      this.inFlight++;
      this.onEvent({ type: 'sending', keys: chunk.map((i) => i.key) });
      void this.send(chunk).finally(() => {
        this.inFlight--;
        if (this.state === 'running') this.pump();
        else if (this.inFlight === 0) this.idle();
      });
    }
    if (this.inFlight === 0) this.idle();
  }

  /** Nothing in flight: a pause or a cancel takes effect, or the run is over. */
  private idle(): void {
    if (this.state === 'pausing') this.setState('paused');
    else if (this.state === 'cancelling') this.setState('cancelled');
    else if (this.state === 'running' && this.queue.length === 0) this.setState('done');
  }

  private async send(chunk: RunItem[]): Promise<void> {
    const files = chunk.map((i) => new File([i.file], i.name, { type: i.file.type }));
    let answer: { url: string; err_count: number };
    try {
      answer = await this.opts.call(enrolBatch, { lib_id: this.libId, uuid: this.opts.newUuid(), img_: files });
    } catch (e) {
      this.failChunk(chunk, e);
      return;
    }
    const outcomes = await this.outcomesOf(chunk, answer);
    this.onEvent({ type: 'outcomes', outcomes });
  }

  private failChunk(chunk: RunItem[], e: unknown): void {
    const all = (outcome: ItemOutcome) => new Map(chunk.map((i) => [i.key, outcome]));
    if (e instanceof DeviceError && e.code === ErrorCode.NOT_LOGGED_IN) {
      // The device read nothing of it: safe to send again once the user is back.
      this.queue.unshift(...chunk);
      this.onEvent({ type: 'requeued', keys: chunk.map((i) => i.key) });
      this.halt('session');
      return;
    }
    if (e instanceof DeviceError) {
      this.onEvent({ type: 'outcomes', outcomes: all({ kind: 'refused', code: e.code, reason: e.deviceMsg }) });
      if (e.code === ErrorCode.LIBRARY_MISSING) this.halt('library');
      return;
    }
    // A network failure (or an answer we could not read): the chunk may have landed. Not sent again blindly.
    this.onEvent({ type: 'outcomes', outcomes: all({ kind: 'unknown', why: 'network' }) });
    if (e instanceof NetworkError) this.halt('network');
  }

  private async outcomesOf(chunk: RunItem[], answer: { url: string; err_count: number }): Promise<Map<number, ItemOutcome>> {
    const out = new Map<number, ItemOutcome>();
    let report: ReportRow[] | null = null;
    try {
      report = answer.url ? readReport(await this.opts.fetchText(answer.url)) : null;
    } catch {
      report = null;
    }
    if (report) {
      const used = new Set<number>();
      for (const item of chunk) {
        // In order, so two files of the same name (from two folders) each find their own row.
        const at = report.findIndex((r, i) => !used.has(i) && baseName(r.fileName) === item.name);
        if (at < 0) continue;
        used.add(at);
        const r = report[at]!;
        out.set(item.key, r.ok ? { kind: 'stored', imgId: r.imgId || item.imgId } : { kind: 'refused', code: r.code, reason: r.reason });
      }
    }
    const missing = chunk.filter((i) => !out.has(i.key));
    if (missing.length === 0) return out;
    if (answer.err_count === 0) {
      for (const i of missing) out.set(i.key, { kind: 'stored', imgId: i.imgId });
      return out;
    }
    if (!report && answer.err_count >= chunk.length) {
      for (const i of missing) out.set(i.key, { kind: 'refused', code: null, reason: '' });
      return out;
    }
    for (const i of missing) out.set(i.key, await this.lookUp(i));
    return out;
  }

  /** 1032 tells whether a file with a known img_id is there. */
  private async lookUp(item: RunItem): Promise<ItemOutcome> {
    if (!item.imgId) return { kind: 'unknown', why: 'report' };
    try {
      await this.opts.call(getFace, { lib_id: this.libId, img_id: item.imgId });
      return { kind: 'stored', imgId: item.imgId };
    } catch (e) {
      if (e instanceof DeviceError && e.code === ErrorCode.FACE_MISSING) return { kind: 'refused', code: null, reason: '' };
      return { kind: 'unknown', why: 'report' };
    }
  }
}
