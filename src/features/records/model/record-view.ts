// The records page's whole view lives in the URL (tab, filters, page, page
// size, the open record), so a reload or a shared link shows the same rows.
// Anything malformed in a hand-edited URL is dropped, never sent.
import { PARAMS } from '../../../config/paths';
import { ID_LIST_MAX, QUERY_DEFAULT, QUERY_MAX } from '../../../api/protocol/limits';
import { parseDeviceTime } from '../../../api/protocol/device-time';
import { readCursor, writeCursor, type Cursor } from './fleet-merge';
import { presetRange, TIME_PRESETS, type TimePreset, type TimeRange } from './device-time';

const P = PARAMS.records;
const NODE_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

export type RecordTab = 'snapshots' | 'alarms' | 'bodies';
export const RECORD_TABS: readonly RecordTab[] = ['snapshots', 'alarms', 'bodies'];

export type RangeChoice = TimePreset | 'custom';

export interface RecordView {
  tab: RecordTab;
  /** 1-based. */
  page: number;
  size: number;
  channel?: number;
  /** Snapshots: one library by name (1037 filters by lib_name). */
  libName?: string;
  /** Alarms: libraries by id (1036's lib_ids). */
  libIds: number[];
  libType?: 1 | 2;
  range?: RangeChoice;
  /** Custom range, device-local "yyyy-MM-dd HH:mm:ss". */
  from?: string;
  to?: string;
  /** The record shown in the drawer (snap_id; in fleet mode "<node>/<snap_id>"). */
  open?: string;
  /** Fleet mode: the nodes searched (undefined: every signed-in node). */
  nodes?: string[];
  /** Fleet mode: the merged page starts after this cursor, or ends before it (model/fleet-merge.ts). */
  after?: Cursor;
  before?: Cursor;
}

/** The page sizes offered; all within the device's 50 rows (§1). */
export const PAGE_SIZES = [QUERY_DEFAULT, 20, QUERY_MAX] as const;

const positiveInt = (s: string | null): number | undefined => {
  if (!s || !/^\d{1,9}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1 ? n : undefined;
};

export function readView(params: URLSearchParams): RecordView {
  const tabParam = params.get(P.tab);
  const tab = RECORD_TABS.includes(tabParam as RecordTab) ? (tabParam as RecordTab) : 'snapshots';
  const size = positiveInt(params.get(P.size));
  const type = params.get(P.type);
  const range = params.get(P.range);
  const from = params.get(P.from) ?? undefined;
  const to = params.get(P.to) ?? undefined;
  const libIds = (params.get(P.libs) ?? '')
    .split(',')
    .map((p) => positiveInt(p.trim()))
    .filter((n): n is number => n !== undefined)
    .slice(0, ID_LIST_MAX);
  const view: RecordView = {
    tab,
    page: positiveInt(params.get(P.page)) ?? 1,
    size: size && size <= QUERY_MAX ? size : QUERY_DEFAULT,
    channel: positiveInt(params.get(P.ch)),
    libName: params.get(P.libName) || undefined,
    libIds: [...new Set(libIds)],
    libType: type === '1' ? 1 : type === '2' ? 2 : undefined,
    open: params.get(P.open) || undefined,
  };
  const nodes = params.get(P.nodes);
  if (nodes !== null) view.nodes = [...new Set(nodes.split(',').filter((n) => NODE_ID.test(n)))];
  const after = readCursor(params.get(P.after));
  const before = readCursor(params.get(P.before));
  if (Object.keys(after).length > 0) view.after = after;
  else if (Object.keys(before).length > 0) view.before = before;
  if (range === 'custom') {
    const f = from && parseDeviceTime(from) !== null ? from : undefined;
    const t = to && parseDeviceTime(to) !== null ? to : undefined;
    view.range = 'custom';
    // A start after the stop is a hand-made URL: the device would refuse it (-3596).
    if (!(f && t && f > t)) Object.assign(view, { from: f, to: t });
  } else if (TIME_PRESETS.includes(range as TimePreset)) {
    view.range = range as TimePreset;
  }
  return view;
}

export function writeView(view: RecordView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.tab !== 'snapshots') p.set(P.tab, view.tab);
  if (view.channel !== undefined) p.set(P.ch, String(view.channel));
  if (view.libName) p.set(P.libName, view.libName);
  if (view.libIds.length > 0) p.set(P.libs, view.libIds.join(','));
  if (view.libType !== undefined) p.set(P.type, String(view.libType));
  if (view.range) p.set(P.range, view.range);
  if (view.range === 'custom') {
    if (view.from) p.set(P.from, view.from);
    if (view.to) p.set(P.to, view.to);
  }
  if (view.page !== 1) p.set(P.page, String(view.page));
  if (view.size !== QUERY_DEFAULT) p.set(P.size, String(view.size));
  if (view.open) p.set(P.open, view.open);
  if (view.nodes) p.set(P.nodes, view.nodes.join(','));
  if (view.after && writeCursor(view.after)) p.set(P.after, writeCursor(view.after));
  else if (view.before && writeCursor(view.before)) p.set(P.before, writeCursor(view.before));
  return p;
}

/** A filter change: back to the first page, the drawer closed. */
export function withFilter(view: RecordView, change: Partial<RecordView>): RecordView {
  return { ...view, ...change, page: 1, after: undefined, before: undefined, open: undefined };
}

/** Whether the range needs the device's clock before anything can be asked. */
export function needsClock(view: RecordView): boolean {
  return view.range !== undefined && view.range !== 'custom';
}

/** The view's time range; null while a preset waits for the device's clock. */
export function timeRange(view: RecordView, now: number | null): TimeRange | null {
  if (!view.range) return {};
  if (view.range === 'custom') return { start_time: view.from, stop_time: view.to };
  return now === null ? null : presetRange(view.range, now);
}

interface Common {
  channel?: number;
  start_time?: string;
  stop_time?: string;
}
export interface SnapshotFilter extends Common {
  lib_name?: string;
  lib_type?: 1 | 2;
}
export interface AlarmFilter extends Common {
  lib_ids?: string;
  lib_name?: string;
  lib_type?: 1 | 2;
}
export type BodyFilter = Common;

export type FilterRequest =
  | { tab: 'snapshots'; filter: SnapshotFilter }
  | { tab: 'alarms'; filter: AlarmFilter }
  | { tab: 'bodies'; filter: BodyFilter };

const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;

/**
 * The device's filter fields for the view's tab; fields a tab does not take are left out.
 * Across nodes (`fleet`) a library id means a different library on every node:
 * alarms are filtered by the library's name there (1036 takes lib_name too).
 */
export function filterRequest(view: RecordView, range: TimeRange, { fleet = false }: { fleet?: boolean } = {}): FilterRequest {
  const common: Common = { channel: view.channel, start_time: range.start_time, stop_time: range.stop_time };
  switch (view.tab) {
    case 'snapshots':
      return { tab: 'snapshots', filter: clean({ ...common, lib_name: view.libName, lib_type: view.libType }) };
    case 'alarms':
      if (fleet) return { tab: 'alarms', filter: clean({ ...common, lib_name: view.libName, lib_type: view.libType }) };
      return {
        tab: 'alarms',
        filter: clean({ ...common, lib_ids: view.libIds.length > 0 ? view.libIds.join(',') : undefined, lib_type: view.libType }),
      };
    case 'bodies':
      return { tab: 'bodies', filter: clean(common) };
  }
}

/** §1: start_no is 1-based. */
export function pageRequest(view: Pick<RecordView, 'page' | 'size'>): { start_no: number; qry_len: number } {
  return { start_no: (view.page - 1) * view.size + 1, qry_len: view.size };
}
