// The overview's reads, with the client passed in: the page calls them with
// the console's client (through the limiter), bench/overview.ts with its own.
import type { Call } from '../../../api/client';
import { queryAlarms, querySnapshots, type AlarmRecord } from '../../../api/protocol/records';
import { QUERY_MAX } from '../../../api/protocol/limits';
import type { Bucket } from '../model/buckets';
import type { CountFilter } from '../model/plan';

/** total_num of a one-row query: the device counts, we never page for a number. */
export async function fetchCount(call: Call, f: CountFilter, b: Bucket, signal?: AbortSignal): Promise<number> {
  const range = { start_time: b.startTime, stop_time: b.stopTime, start_no: 1, qry_len: 1 };
  if (f.set === 'snapshots') return (await call(querySnapshots, { ...range, channel: f.channel }, { signal })).total_num;
  const lib = f.libId === undefined ? {} : { lib_ids: String(f.libId) };
  return (await call(queryAlarms, { ...range, channel: f.channel, ...lib }, { signal })).total_num;
}

/**
 * 1036 cannot group by person, so the top persons come from paging the day's
 * alarms (newest first, 50 a page) up to this many: 20 requests at most. Past
 * it the page says the ranking covers the newest TOP_SCAN_MAX alarms only.
 */
export const TOP_SCAN_MAX = 1000;
export const TOP_PERSONS = 10;

export interface PersonCount {
  libId: number;
  libName: string;
  libType: number;
  imgId: string;
  imgPath: string;
  name: string;
  count: number;
}

export interface TopPersons {
  persons: PersonCount[];
  /** Alarms read; less than `total` when the scan stopped at TOP_SCAN_MAX. */
  scanned: number;
  total: number;
  requests: number;
}

export function rankPersons(rows: readonly AlarmRecord[], n = TOP_PERSONS): PersonCount[] {
  const by = new Map<string, PersonCount>();
  for (const r of rows) {
    const key = `${r.lib_id}/${r.img_id}`;
    const p = by.get(key);
    if (p) p.count++;
    else
      by.set(key, {
        libId: r.lib_id,
        libName: r.lib_name,
        libType: r.lib_type,
        imgId: r.img_id,
        imgPath: r.img_path,
        name: r.person_name,
        count: 1,
      });
  }
  return [...by.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, n);
}

/** Pages one after the other (each through `limit`), so a long scan never holds more than one slot. */
export async function fetchTopPersons(
  call: Call,
  b: Bucket,
  signal?: AbortSignal,
  limit: <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T> = (t) => t(),
): Promise<TopPersons> {
  const rows: AlarmRecord[] = [];
  let total = 0;
  let requests = 0;
  for (let start = 1; start <= TOP_SCAN_MAX; start += QUERY_MAX) {
    const a = await limit(
      () => call(queryAlarms, { start_time: b.startTime, stop_time: b.stopTime, start_no: start, qry_len: QUERY_MAX }, { signal }),
      signal,
    );
    requests++;
    total = a.total_num;
    rows.push(...a.record);
    if (a.record.length < QUERY_MAX || rows.length >= total) break;
  }
  return { persons: rankPersons(rows), scanned: rows.length, total, requests };
}
