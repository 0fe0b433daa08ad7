// Over 400 lines on purpose: the one gate to the records table and its byte total; split, a write could bypass the count.
// Snapshot records (face, alarm, body): the one way rows get into and out of
// `records`, their pictures under record/ in the file store, the storage they
// take, the paged queries, and how a row reads back as the wire's record
// (§3.13, §3.16, §3.22). Every write must come through here: the byte total
// and the query counts are kept up to date by these functions.
import fs from 'node:fs';
import path from 'node:path';
import type { Statement } from 'better-sqlite3';
import { completeBodyAttr, type BodyAttr, type FaceAttr } from '../../src/api/protocol/attributes';
import type { AlarmRecord, BodyRecord, SnapshotRecord } from '../../src/api/protocol/records';
import type { EmulatorContext } from '../context';
import type { Db } from './db';
import { newId } from '../operations/util';

export const KIND = { face: 1, body: 2 } as const;

/**
 * Every record picture lives under this folder and nothing else does, so
 * deleting all records (§3.21) drops the folder whole instead of a million
 * single unlinks.
 */
export const RECORD_DIR = 'record';

/** The matched library face, copied when the record is made (the face may be deleted later). */
export interface MatchedFace {
  img_id: string;
  img_path: string;
  person_idcard: string;
  person_name: string;
  person_gender: string;
  person_age: string;
  person_addr: string;
  create_time: string;
}

/** The best library candidate of a face snapshot, above the threshold or not. */
export interface Candidate {
  lib_id: number;
  lib_name: string;
  lib_type: number;
  similarity: number;
  /** 1: the best candidate (§3.13). */
  ranking?: number;
  face: MatchedFace;
}

interface NewCommon {
  /** Given by the caller only to keep ids stable (tests); else a fresh UUID, as the device's. */
  snap_id?: string;
  channel: number;
  camera_name: string;
  position: string;
  /** Device-local "yyyy-MM-dd HH:mm:ss"; default now on the device's clock. */
  trigger?: string;
  quality: number;
  /** The crop, JPEG. */
  snap: Uint8Array;
  /** The whole frame, JPEG (the push's snap_frame, §7.4). */
  frame?: Uint8Array;
  /** "x1,y1,x2,y2" of the crop in the frame. */
  box?: string;
}

export interface NewFaceRecord extends NewCommon {
  kind: 'face';
  /** The camera's threshold at capture time. */
  threshold: number;
  candidate?: Candidate | null;
  face_attr: FaceAttr;
}

export interface NewBodyRecord extends NewCommon {
  kind: 'body';
  body_attr: BodyAttr;
}

export type NewRecord = NewFaceRecord | NewBodyRecord;

export interface StoredRecord {
  seq: number;
  snap_id: string;
  snap_path: string;
  frame_path: string;
  trigger: string;
  alarm: boolean;
  bytes: number;
}

/** A row of `records` as SQLite returns it. */
export interface RecordRow {
  seq: number;
  snap_id: string;
  kind: number;
  alarm: number;
  channel: number;
  camera_name: string;
  position: string;
  trigger: string;
  threshold: number;
  quality: number;
  lib_id: number;
  lib_name: string;
  lib_type: number;
  ranking: number;
  similarity: number;
  match: string | null;
  attrs: string;
  snap_path: string;
  frame_path: string;
  box: string;
  bytes: number;
}

/**
 * An alarm is a candidate that reaches the camera's threshold. "Reaches"
 * (>=), not "passes": a threshold of 100 must still be able to alarm on a
 * perfect match.
 */
export function isAlarm(similarity: number, threshold: number): boolean {
  return similarity >= threshold;
}

/** The reference's paths: record/<uuid>.jpg for faces (§3.13); bodies and frames in their own folders. */
export function recordPaths(kind: NewRecord['kind'], snapId: string): { snap: string; frame: string } {
  return {
    snap: kind === 'face' ? `${RECORD_DIR}/${snapId}.jpg` : `${RECORD_DIR}/body/${snapId}.jpg`,
    frame: `${RECORD_DIR}/frame/${snapId}.jpg`,
  };
}

// ---- the row itself --------------------------------------------------------

const INSERT_SQL = `INSERT INTO records
  (snap_id, kind, alarm, channel, camera_name, position, trigger, threshold, quality,
   lib_id, lib_name, lib_type, ranking, similarity, match, attrs, snap_path, frame_path, box, bytes)
  VALUES (@snap_id, @kind, @alarm, @channel, @camera_name, @position, @trigger, @threshold, @quality,
   @lib_id, @lib_name, @lib_type, @ranking, @similarity, @match, @attrs, @snap_path, @frame_path, @box, @bytes)`;

export type RecordInsert = Omit<RecordRow, 'seq'>;

const statements = new WeakMap<Db, Statement<[RecordInsert]>>();
function insertStatement(db: Db): Statement<[RecordInsert]> {
  let s = statements.get(db);
  if (!s) {
    s = db.prepare<[RecordInsert]>(INSERT_SQL);
    statements.set(db, s);
  }
  return s;
}

/** The columns of a new record, with its picture paths and byte count decided by the caller. */
export function recordColumns(
  rec: Omit<NewFaceRecord, 'snap' | 'frame'> | Omit<NewBodyRecord, 'snap' | 'frame'>,
  at: { snap_id: string; trigger: string; snap_path: string; frame_path: string; bytes: number },
): RecordInsert {
  const base = {
    snap_id: at.snap_id,
    channel: rec.channel,
    camera_name: rec.camera_name,
    position: rec.position,
    trigger: at.trigger,
    quality: rec.quality,
    snap_path: at.snap_path,
    frame_path: at.frame_path,
    box: rec.box ?? '',
    bytes: at.bytes,
  };
  if (rec.kind === 'body') {
    return {
      ...base,
      kind: KIND.body,
      alarm: 0,
      threshold: 0,
      lib_id: 0,
      lib_name: '',
      lib_type: 0,
      ranking: 0,
      similarity: -1,
      match: null,
      attrs: JSON.stringify(rec.body_attr),
    };
  }
  const c = rec.candidate ?? null;
  // §3.13's schema note: no library compared → lib_id 0, "" , 0, ranking 0, similarity -1.
  return {
    ...base,
    kind: KIND.face,
    alarm: c && isAlarm(c.similarity, rec.threshold) ? 1 : 0,
    threshold: rec.threshold,
    lib_id: c?.lib_id ?? 0,
    lib_name: c?.lib_name ?? '',
    lib_type: c?.lib_type ?? 0,
    ranking: c ? (c.ranking ?? 1) : 0,
    similarity: c?.similarity ?? -1,
    match: c ? JSON.stringify(c.face) : null,
    attrs: JSON.stringify(rec.face_attr),
  };
}

/**
 * Stores one record: its crop (and frame) as their own files, then the row.
 * Every snapshot — demo history, live capture — comes in here, so the byte
 * count behind 1288's cur_storage stays right.
 */
export function insertRecord(ctx: EmulatorContext, rec: NewRecord): StoredRecord {
  const snap_id = rec.snap_id ?? newId();
  const trigger = rec.trigger ?? ctx.clock.format();
  const paths = recordPaths(rec.kind, snap_id);
  let bytes = ctx.files.write(paths.snap, rec.snap);
  let frame_path = '';
  if (rec.frame) {
    bytes += ctx.files.write(paths.frame, rec.frame);
    frame_path = paths.frame;
  }
  const row = recordColumns(rec, { snap_id, trigger, snap_path: paths.snap, frame_path, bytes });
  const info = insertStatement(ctx.db).run(row);
  addStorage(ctx, bytes);
  noteInserted(ctx.db, row);
  return { seq: Number(info.lastInsertRowid), snap_id, snap_path: paths.snap, frame_path, trigger, alarm: row.alarm === 1, bytes };
}

/**
 * Bulk rows whose pictures are already stored and shared (the benchmark's
 * million records point at a handful of files under record/bench/). Not for
 * the live device: there every snapshot has its own file. Runs in one
 * transaction per call; `bytes` is counted as if each row owned its pictures.
 */
export function insertSharedRecords(ctx: EmulatorContext, rows: Iterable<RecordInsert>): number {
  const stmt = insertStatement(ctx.db);
  let n = 0;
  let bytes = 0;
  ctx.db.transaction(() => {
    for (const row of rows) {
      stmt.run(row);
      bytes += row.bytes;
      n++;
    }
  })();
  addStorage(ctx, bytes);
  forgetCounts(ctx.db);
  return n;
}

// ---- storage ----------------------------------------------------------------

/** The byte total, summed once per process and kept up to date by every write and delete here. */
const storage = new WeakMap<Db, number>();

function addStorage(ctx: EmulatorContext, bytes: number): void {
  const cur = storage.get(ctx.db);
  if (cur !== undefined) storage.set(ctx.db, cur + bytes);
}

/** Bytes the records' pictures take (1288's cur_storage is this in MB). */
export function storageUsedBytes(ctx: EmulatorContext): number {
  let cur = storage.get(ctx.db);
  if (cur === undefined) {
    cur = ctx.db.prepare<[], { n: number | null }>('SELECT SUM(bytes) AS n FROM records').get()?.n ?? 0;
    storage.set(ctx.db, cur);
  }
  return cur;
}

// ---- deleting ---------------------------------------------------------------

let trashCounter = 0;

/**
 * §3.21: every record and every record picture. DELETE without WHERE is
 * SQLite's truncate (no per-row work), and the picture folder is moved out of
 * the served tree at once and removed in the background, so a million records
 * go in well under a second.
 */
export function deleteAllRecords(ctx: EmulatorContext): void {
  ctx.db.exec('DELETE FROM records');
  storage.set(ctx.db, 0);
  forgetCounts(ctx.db);
  const dir = ctx.files.resolve(RECORD_DIR);
  if (!dir || !fs.existsSync(dir)) return;
  const trash = path.join(path.dirname(ctx.files.root), 'trash');
  fs.mkdirSync(trash, { recursive: true });
  const target = path.join(trash, `record-${process.pid}-${Date.now()}-${++trashCounter}`);
  fs.renameSync(dir, target);
  // Everything in trash/, so what a crash left behind goes too.
  for (const old of fs.readdirSync(trash)) fs.rm(path.join(trash, old), { recursive: true, force: true }, () => {});
}

/**
 * Drops the oldest `count` records and their pictures (for a storage policy
 * that overwrites when full, §6.4). Answers the bytes freed. "Oldest" is the
 * first stored (seq, the rowid: no sort over a million rows), which is the
 * capture order unless the clock was set back.
 */
export function deleteOldestRecords(ctx: EmulatorContext, count: number): number {
  const rows = ctx.db
    .prepare<[number], Pick<RecordRow, 'seq' | 'snap_path' | 'frame_path' | 'bytes'>>(
      'SELECT seq, snap_path, frame_path, bytes FROM records ORDER BY seq LIMIT ?',
    )
    .all(count);
  if (rows.length === 0) return 0;
  const del = ctx.db.prepare<[number]>('DELETE FROM records WHERE seq = ?');
  let freed = 0;
  ctx.db.transaction(() => {
    for (const r of rows) {
      del.run(r.seq);
      freed += r.bytes;
    }
  })();
  forgetCounts(ctx.db);
  for (const r of rows) {
    // Shared bench pictures stay: other rows still point at them.
    if (!r.snap_path.startsWith(`${RECORD_DIR}/bench/`)) ctx.files.remove(r.snap_path);
    if (r.frame_path && !r.frame_path.startsWith(`${RECORD_DIR}/bench/`)) ctx.files.remove(r.frame_path);
  }
  addStorage(ctx, -freed);
  return freed;
}

// ---- querying -----------------------------------------------------------------

/** Face snapshots (alarms included), alarms only, bodies. */
export type RecordSet = 'face' | 'alarm' | 'body';

/** A query's filters, already checked (channel range, times) by the handler. */
export interface RecordFilter {
  channel?: number;
  lib_name?: string;
  lib_type?: number;
  lib_ids?: readonly number[];
  start_time?: string;
  stop_time?: string;
}

/**
 * The WHERE of a query. Times are "yyyy-MM-dd HH:mm:ss" on both sides, so
 * string comparison is time comparison; both ends are inclusive. The set's
 * own term is literal so SQLite picks the covering indexes of store/db.ts
 * (the alarm one is partial on "alarm = 1"). lib_name matches the name the
 * record carries (the name at capture: a later rename does not rewrite
 * history); "" is no filter.
 */
function whereOf(set: RecordSet, f: RecordFilter): { sql: string; params: (string | number)[] } {
  const terms: string[] = [set === 'alarm' ? 'alarm = 1' : set === 'face' ? `kind = ${KIND.face}` : `kind = ${KIND.body}`];
  const params: (string | number)[] = [];
  const add = (term: string, ...values: (string | number)[]) => {
    terms.push(term);
    params.push(...values);
  };
  if (f.channel !== undefined) add('channel = ?', f.channel);
  if (f.start_time) add('trigger >= ?', f.start_time);
  if (f.stop_time) add('trigger <= ?', f.stop_time);
  if (f.lib_name) add('lib_name = ?', f.lib_name);
  if (f.lib_type !== undefined) add('lib_type = ?', f.lib_type);
  if (f.lib_ids && f.lib_ids.length > 0) add(`lib_id IN (${f.lib_ids.map(() => '?').join(',')})`, ...f.lib_ids);
  return { sql: terms.join(' AND '), params };
}

/** The same filter in JS, to keep cached counts exact as records come in. */
function matches(set: RecordSet, f: RecordFilter, r: RecordInsert): boolean {
  if (set === 'alarm' ? r.alarm !== 1 : r.kind !== (set === 'face' ? KIND.face : KIND.body)) return false;
  if (f.channel !== undefined && r.channel !== f.channel) return false;
  if (f.start_time && r.trigger < f.start_time) return false;
  if (f.stop_time && r.trigger > f.stop_time) return false;
  if (f.lib_name && r.lib_name !== f.lib_name) return false;
  if (f.lib_type !== undefined && r.lib_type !== f.lib_type) return false;
  if (f.lib_ids && f.lib_ids.length > 0 && !f.lib_ids.includes(r.lib_id)) return false;
  return true;
}

/** Prepared statements by SQL text: the filter combinations are few. */
const prepared = new WeakMap<Db, Map<string, Statement>>();
function statement(db: Db, sql: string): Statement {
  let m = prepared.get(db);
  if (!m) prepared.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/**
 * Counting every match is the slow half of a query: ~50 ms over 860 000
 * snapshots on 2 cores, where the page itself takes ~1 ms. Counts are kept per
 * filter (the few a console pages through) and bumped by insertRecord when a
 * new record matches, so paging stays exact without counting again. Bulk
 * inserts and deletes drop them; an entry also expires after a minute, so a
 * write that bypassed this module cannot leave a count wrong for long.
 */
interface CachedCount {
  set: RecordSet;
  filter: RecordFilter;
  n: number;
  at: number;
}
const COUNTS_MAX = 64;
const COUNT_TTL_MS = 60_000;
const counts = new WeakMap<Db, Map<string, CachedCount>>();

function countsOf(db: Db): Map<string, CachedCount> {
  let m = counts.get(db);
  if (!m) counts.set(db, (m = new Map()));
  return m;
}

function noteInserted(db: Db, row: RecordInsert): void {
  for (const c of counts.get(db)?.values() ?? []) if (matches(c.set, c.filter, row)) c.n++;
}

function forgetCounts(db: Db): void {
  counts.get(db)?.clear();
}

/** How many records match (total_num). */
export function countRecords(ctx: EmulatorContext, set: RecordSet, f: RecordFilter): number {
  const w = whereOf(set, f);
  const key = `${w.sql}|${JSON.stringify(w.params)}`;
  const m = countsOf(ctx.db);
  const hit = m.get(key);
  const now = Date.now();
  if (hit && now - hit.at < COUNT_TTL_MS) {
    // Most recently used last: the first entry is the one to evict.
    m.delete(key);
    m.set(key, hit);
    return hit.n;
  }
  const n = (statement(ctx.db, `SELECT COUNT(*) AS n FROM records WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
  m.delete(key);
  m.set(key, { set, filter: { ...f, lib_ids: f.lib_ids ? [...f.lib_ids] : undefined }, n, at: now });
  if (m.size > COUNTS_MAX) m.delete(m.keys().next().value!);
  return n;
}

/**
 * One page of matches, newest first (trigger, then seq, descending). The
 * page's seqs come from the covering index alone, then only those rows are
 * read, so a deep OFFSET steps over index entries, not table rows.
 */
export function pageOfRecords(ctx: EmulatorContext, set: RecordSet, f: RecordFilter, offset: number, limit: number): RecordRow[] {
  const w = whereOf(set, f);
  const seqs = (
    statement(ctx.db, `SELECT seq FROM records WHERE ${w.sql} ORDER BY trigger DESC, seq DESC LIMIT ? OFFSET ?`).all(
      ...w.params,
      limit,
      offset,
    ) as { seq: number }[]
  ).map((r) => r.seq);
  if (seqs.length === 0) return [];
  const rows = statement(ctx.db, `SELECT * FROM records WHERE seq IN (${seqs.map(() => '?').join(',')})`).all(...seqs) as RecordRow[];
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.map((s) => bySeq.get(s)).filter((r): r is RecordRow => r !== undefined);
}

/** Records of a set by snap_id, in the order asked; ids the set does not hold are left out. */
export function recordsById(ctx: EmulatorContext, set: RecordSet, snapIds: readonly string[]): RecordRow[] {
  if (snapIds.length === 0) return [];
  const term = set === 'alarm' ? 'alarm = 1' : `kind = ${set === 'face' ? KIND.face : KIND.body}`;
  const found = statement(ctx.db, `SELECT * FROM records WHERE snap_id IN (${snapIds.map(() => '?').join(',')}) AND ${term}`).all(
    ...snapIds,
  ) as RecordRow[];
  const byId = new Map(found.map((r) => [r.snap_id, r]));
  return snapIds.map((id) => byId.get(id)).filter((r): r is RecordRow => r !== undefined);
}

// ---- reading back -----------------------------------------------------------

const EMPTY_MATCH: MatchedFace = {
  img_id: '',
  img_path: '',
  person_idcard: '',
  person_name: '',
  person_gender: '',
  person_age: '',
  person_addr: '',
  create_time: '',
};

export function parseMatch(row: Pick<RecordRow, 'match'>): MatchedFace {
  if (!row.match) return EMPTY_MATCH;
  return { ...EMPTY_MATCH, ...(JSON.parse(row.match) as Partial<MatchedFace>) };
}

/** §3.13's record. */
export function toSnapshot(row: RecordRow): SnapshotRecord {
  return {
    camera_name: row.camera_name,
    channel: row.channel,
    lib_id: row.lib_id,
    lib_name: row.lib_name,
    lib_type: row.lib_type,
    position: row.position,
    ranking: row.ranking,
    similarity: row.similarity,
    snap_id: row.snap_id,
    snap_path: row.snap_path,
    threshold: row.threshold,
    trigger: row.trigger,
    face_attr: JSON.parse(row.attrs) as FaceAttr,
  };
}

/** §3.16's record: the snapshot and the matched face's person. */
export function toAlarm(row: RecordRow): AlarmRecord {
  const m = parseMatch(row);
  return {
    ...toSnapshot(row),
    create_time: m.create_time,
    img_id: m.img_id,
    img_path: m.img_path,
    person_addr: m.person_addr,
    person_age: m.person_age,
    person_gender: m.person_gender,
    person_idcard: m.person_idcard,
    person_name: m.person_name,
  };
}

/** §3.22's record. */
export function toBody(row: RecordRow): BodyRecord {
  return {
    camera_name: row.camera_name,
    channel: row.channel,
    position: row.position,
    quality: row.quality,
    snap_id: row.snap_id,
    snap_path: row.snap_path,
    trigger: row.trigger,
    body_attr: completeBodyAttr(JSON.parse(row.attrs) as Record<string, string>),
  };
}
