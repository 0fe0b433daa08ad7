// "Where was this person seen": 1036 (§3.16) filters alarms by library, camera
// and time but not by person (no img_id), so the person's alarms are found by
// reading the library's alarms in the range, 50 a request (1036's maximum),
// newest first, and keeping those with the person's img_id. No React here.
import type { Call } from '../../../api/client';
import { queryAlarms, type AlarmRecord } from '../../../api/protocol/records';
import { QUERY_MAX } from '../../../api/protocol/limits';

/**
 * At most this many alarms are read for one timeline: 400 requests, which a
 * node answers in well under a minute (1036 takes 2-30 ms on the emulator's
 * million-record store; a node and the network add to that). A busy library
 * can hold far more in a week, and reading all of it would keep the node busy
 * for minutes while its cameras keep capturing: past the cap the scan stops
 * and the page says up to when it read, so the user narrows the range.
 */
export const SEEN_SCAN_CAP = 20_000;

export interface SeenScanRequest {
  libId: number;
  imgId: string;
  /** Device wall times, both inclusive. The stop is fixed when the scan starts: alarms arriving meanwhile do not shift the pages. */
  start: string;
  stop: string;
}

export type SeenScanStatus = 'running' | 'done' | 'capped' | 'cancelled';

export interface SeenScanProgress {
  status: SeenScanStatus;
  /** Pages (of 50) read, and how many the range holds as the device last counted. */
  pagesRead: number;
  pagesTotal: number;
  /** Alarms read, and the library's alarms in the range. */
  read: number;
  total: number;
  /** The person's alarms found so far, newest first, each once. */
  found: readonly AlarmRecord[];
  /**
   * When capped: the trigger of the oldest alarm read. Alarms from `start` up
   * to this time were not read (1036 answers newest first).
   */
  readBackTo: string | null;
}

export interface SeenScanOptions {
  signal?: AbortSignal;
  onProgress?: (p: SeenScanProgress) => void;
  cap?: number;
  pageSize?: number;
}

/**
 * Reads the library's alarms in the range, page after page, until the range
 * is read or `cap` alarms were. A duplicate (a record read on two pages, if
 * the device's order moved under the scan) is kept once. Errors (and an abort)
 * reject: the caller shows them and keeps the progress it had.
 */
export async function scanPersonAlarms(send: Call, req: SeenScanRequest, opts: SeenScanOptions = {}): Promise<SeenScanProgress> {
  const size = Math.max(1, Math.min(QUERY_MAX, opts.pageSize ?? QUERY_MAX));
  const cap = opts.cap ?? SEEN_SCAN_CAP;
  const seen = new Set<string>();
  let p: SeenScanProgress = { status: 'running', pagesRead: 0, pagesTotal: 0, read: 0, total: 0, found: [], readBackTo: null };
  const report = (patch: Partial<SeenScanProgress>) => {
    p = { ...p, ...patch };
    opts.onProgress?.(p);
  };
  let startNo = 1;
  for (;;) {
    if (p.read >= cap) {
      report({ status: 'capped' });
      return p;
    }
    opts.signal?.throwIfAborted();
    const ans = await send(
      queryAlarms,
      { lib_ids: String(req.libId), start_time: req.start, stop_time: req.stop, start_no: startNo, qry_len: Math.min(size, cap - p.read) },
      { signal: opts.signal },
    );
    const mine = ans.record.filter((r) => r.img_id === req.imgId && !seen.has(r.snap_id));
    for (const r of mine) seen.add(r.snap_id);
    const last = ans.record.at(-1);
    startNo += ans.record.length;
    report({
      pagesRead: p.pagesRead + 1,
      pagesTotal: Math.ceil(ans.total_num / size),
      read: p.read + ans.record.length,
      total: ans.total_num,
      found: mine.length ? [...p.found, ...mine] : p.found,
      readBackTo: last?.trigger ?? p.readBackTo,
    });
    if (ans.record.length === 0 || startNo > ans.total_num) {
      report({ status: 'done' });
      return p;
    }
  }
}
