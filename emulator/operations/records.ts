// Snapshot, alarm and body records: queries, exports and delete-all
// (§3.13-3.18, §3.21-3.24). Rows come from store/records.ts.
import { BODY_ATTR_VALUES, FACE_ATTR_VALUES } from '../../src/api/protocol/attributes';
import {
  deleteAllSnapshots,
  exportAlarmsChosen,
  exportAlarmsPage,
  exportBodiesChosen,
  exportBodiesPage,
  exportSnapshotsChosen,
  exportSnapshotsPage,
  queryAlarms,
  queryBodies,
  querySnapshots,
} from '../../src/api/protocol/records';
import type { EmulatorContext } from '../context';
import { writeExport, type ExportEntry } from '../exports/zip';
import {
  countRecords,
  deleteAllRecords,
  pageOfRecords,
  parseMatch,
  recordsById,
  toAlarm,
  toBody,
  toSnapshot,
  type RecordFilter,
  type RecordRow,
  type RecordSet,
} from '../store/records';
import { handle, Refusal, type Handler } from './handler';
import { pageArgs, splitIds } from './util';
import { ErrorCode } from '../../src/api/protocol/error-codes';

/** Appendix A: parameter error, nothing to export. */
const { NOTHING_TO_EXPORT, PARAM_ERROR } = ErrorCode;

interface Filter {
  channel?: number;
  lib_name?: string;
  lib_type?: number;
  lib_ids?: string;
  start_time?: string;
  stop_time?: string;
}

/** The request's filters, checked: channel in the model's range, start not after stop. */
function filterOf(ctx: EmulatorContext, f: Filter): RecordFilter {
  // §3.13: M4s 1..8, M8s 1..16.
  if (f.channel !== undefined && (f.channel < 1 || f.channel > ctx.spec.channels)) throw new Refusal(PARAM_ERROR, 'channel out of range');
  // Our choice: a start after the stop is the caller's slip (-3596), not an empty page.
  if (f.start_time && f.stop_time && f.start_time > f.stop_time) throw new Refusal(PARAM_ERROR, 'start after stop');
  return {
    channel: f.channel,
    lib_name: f.lib_name,
    lib_type: f.lib_type,
    // "" (allowed by the schema) is no library filter.
    lib_ids: splitIds(f.lib_ids).map(Number),
    start_time: f.start_time,
    stop_time: f.stop_time,
  };
}

/** One page, newest first (§3.13's "sorted by capture time", read as latest first), and the count of all matches. */
function findPage(
  ctx: EmulatorContext,
  set: RecordSet,
  f: Filter,
  paging: { start_no?: number; qry_len?: number },
): { rows: RecordRow[]; total: number } {
  const filter = filterOf(ctx, f);
  const { offset, limit } = pageArgs(paging);
  const total = countRecords(ctx, set, filter);
  return { rows: offset < total ? pageOfRecords(ctx, set, filter, offset, limit) : [], total };
}

/** The chosen snap_ids of one set; unknown ids (or ids of another set) are failed. */
function findChosen(ctx: EmulatorContext, set: RecordSet, snapIds: string): { rows: RecordRow[]; asked: number; failed: string[] } {
  const ids = [...new Set(splitIds(snapIds))];
  const rows = recordsById(ctx, set, ids);
  const found = new Set(rows.map((r) => r.snap_id));
  return { rows, asked: ids.length, failed: ids.filter((id) => !found.has(id)) };
}

// ---- exports ------------------------------------------------------------------

const FACE_ATTR_KEYS = [...Object.keys(FACE_ATTR_VALUES), 'st_age_value'];
const BODY_ATTR_KEYS = Object.keys(BODY_ATTR_VALUES);
const SNAP_COLUMNS = [
  'snap_id',
  'trigger',
  'channel',
  'camera_name',
  'position',
  'lib_id',
  'lib_name',
  'lib_type',
  'ranking',
  'similarity',
  'threshold',
  'snap_path',
] as const;
const PERSON_COLUMNS = [
  'img_id',
  'img_path',
  'person_name',
  'person_idcard',
  'person_gender',
  'person_age',
  'person_addr',
  'create_time',
] as const;
const BODY_COLUMNS = ['snap_id', 'trigger', 'channel', 'camera_name', 'position', 'quality', 'snap_path'] as const;

function extension(p: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(p);
  return m ? m[1]!.toLowerCase() : 'jpg';
}

/**
 * The zip: each record's crop as <snap_id>.<ext>; for alarms also the matched
 * library picture once as library/<img_id>.<ext> while the library still holds
 * it; and <prefix>.csv with every field and attribute, naming those files (a
 * missing file leaves its cell empty).
 */
async function exportRows(ctx: EmulatorContext, set: RecordSet, rows: RecordRow[]): Promise<string> {
  const pictures: ExportEntry[] = [];
  const libraryFiles = new Map<string, string>();
  const csvRows: unknown[][] = [];
  for (const row of rows) {
    const snapData = ctx.files.read(row.snap_path);
    const snapFile = snapData ? `${row.snap_id}.${extension(row.snap_path)}` : '';
    if (snapData) pictures.push({ name: snapFile, data: snapData });
    const attrs = JSON.parse(row.attrs) as Record<string, string>;
    if (set === 'body') {
      csvRows.push([...BODY_COLUMNS.map((c) => row[c]), ...BODY_ATTR_KEYS.map((k) => attrs[k] ?? ''), snapFile]);
      continue;
    }
    const base = [...SNAP_COLUMNS.map((c) => row[c]), ...FACE_ATTR_KEYS.map((k) => attrs[k] ?? '')];
    if (set === 'face') {
      csvRows.push([...base, snapFile]);
      continue;
    }
    const m = parseMatch(row);
    let libFile = m.img_id ? libraryFiles.get(m.img_id) : undefined;
    if (libFile === undefined && m.img_id && m.img_path) {
      const data = ctx.files.read(m.img_path);
      libFile = data ? `library/${m.img_id}.${extension(m.img_path)}` : '';
      if (data) pictures.push({ name: libFile, data });
      libraryFiles.set(m.img_id, libFile);
    }
    csvRows.push([...base, ...PERSON_COLUMNS.map((c) => m[c]), snapFile, libFile ?? '']);
  }
  const header =
    set === 'body'
      ? [...BODY_COLUMNS, ...BODY_ATTR_KEYS, 'picture']
      : set === 'face'
        ? [...SNAP_COLUMNS, ...FACE_ATTR_KEYS, 'picture']
        : [...SNAP_COLUMNS, ...FACE_ATTR_KEYS, ...PERSON_COLUMNS, 'picture', 'library_picture'];
  const prefix = set === 'face' ? 'catch' : set;
  return writeExport(ctx, prefix, pictures, { header, rows: csvRows });
}

/** §3.14 / §3.17 / §3.23: a page; total_num counts every match. */
async function exportPage(
  ctx: EmulatorContext,
  set: RecordSet,
  req: Filter & { start_no?: number; qry_len?: number },
): Promise<{ export_url: string; result_num: number; total_num: number }> {
  const { rows, total } = findPage(ctx, set, req, req);
  if (rows.length === 0) throw new Refusal(NOTHING_TO_EXPORT);
  return { export_url: await exportRows(ctx, set, rows), result_num: rows.length, total_num: total };
}

/**
 * §3.15 / §3.18 / §3.24: chosen ids. total_num is how many were asked (§3.24:
 * "the total chosen"), result_num how many were exported, failed_img_ids the
 * rest (ids this set does not hold). None found: -2100.
 */
async function exportChosen(
  ctx: EmulatorContext,
  set: RecordSet,
  snapIds: string,
): Promise<{ export_url: string; result_num: number; total_num: number; failed_img_ids: string }> {
  const { rows, asked, failed } = findChosen(ctx, set, snapIds);
  if (rows.length === 0) throw new Refusal(NOTHING_TO_EXPORT);
  return {
    export_url: await exportRows(ctx, set, rows),
    result_num: rows.length,
    total_num: asked,
    failed_img_ids: failed.join(','),
  };
}

// ---- handlers -------------------------------------------------------------------

export const recordsHandlers: Handler[] = [
  handle(querySnapshots, (req, ctx) => {
    const { rows, total } = findPage(ctx, 'face', req, req);
    return { record: rows.map(toSnapshot), result_num: rows.length, total_num: total };
  }),
  handle(exportSnapshotsPage, (req, ctx) => exportPage(ctx, 'face', req)),
  handle(exportSnapshotsChosen, (req, ctx) => exportChosen(ctx, 'face', req.snap_ids)),

  handle(queryAlarms, (req, ctx) => {
    const { rows, total } = findPage(ctx, 'alarm', req, req);
    return { record: rows.map(toAlarm), result_num: rows.length, total_num: total };
  }),
  handle(exportAlarmsPage, (req, ctx) => exportPage(ctx, 'alarm', req)),
  handle(exportAlarmsChosen, (req, ctx) => exportChosen(ctx, 'alarm', req.snap_ids)),

  handle(deleteAllSnapshots, (_req, ctx) => {
    deleteAllRecords(ctx);
    return '';
  }),

  handle(queryBodies, (req, ctx) => {
    const { rows, total } = findPage(ctx, 'body', req, req);
    return { record: rows.map(toBody), result_num: rows.length, total_num: total };
  }),
  handle(exportBodiesPage, (req, ctx) => exportPage(ctx, 'body', req)),
  handle(exportBodiesChosen, (req, ctx) => exportChosen(ctx, 'body', req.snap_ids)),
];
