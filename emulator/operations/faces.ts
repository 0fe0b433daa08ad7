// Over 400 lines: every enrolment path shares enrolPicture() and its codes; each handler is short.
// §3.6-3.12, 3.19, 3.20, 3.27, 3.28: the faces of a library. Every enrolment,
// single, base64 or batch, goes through enrolPicture(), so the rules and the
// codes are the same everywhere (and for the demo seed).
import { BATCH_NAME_CODES, parseBatchName } from '../../src/api/protocol/batch-names';
import { errorText } from '../../src/api/protocol/errors';
import {
  deleteFace,
  deleteFaces,
  enrolBatch,
  enrolBatchB64,
  enrolFace,
  enrolFaceB64,
  EXACT_FACE_FIELDS,
  exportFacesChosen,
  exportFacesPage,
  getFace,
  queryFaces,
  updateFace,
  type FaceRecord,
} from '../../src/api/protocol/faces';
import { IMG_ID_MAX, IMG_ID_PATTERN } from '../../src/api/protocol/limits';
import type { EmulatorContext } from '../context';
import { toCsv } from '../exports/csv';
import { writeExport, type ExportEntry } from '../exports/zip';
import { blobToFeature, featureToBlob } from '../faces/gallery-index';
import { ENROL_QUALITY_MIN, NotAnImageError, type Analysis } from '../faces/types';
import { hasImageExtension, toStoredJpeg } from './face-pictures';
import { handle, Refusal, type Handler, type ReceivedFile } from './handler';
import { containsPattern, facesChanged, requireLibrary } from './libraries';
import { newId, pageArgs, splitIds } from './util';
import { ErrorCode } from '../../src/api/protocol/error-codes';

const {
  BAD_IMAGE,
  FACE_MISSING,
  IMG_ID_EXISTS,
  IMG_ID_TOO_LONG,
  INTERNAL_ERROR,
  LIBRARY_FULL,
  LOW_QUALITY,
  NOTHING_TO_EXPORT,
  NO_FACE,
  PARAM_ERROR,
} = ErrorCode;
/** A query page walks at most about this many rows before it takes the narrow index instead (measured: ~5 ms). */
const WALK_MAX = 5000;
/**
 * Up to this many matches, one pass over the narrow index answers both the
 * count and the page (measured: handing 20 000 seqs to JS and sorting them
 * costs ~8 ms, less than a second pass).
 */
const SPARSE_MAX = 20_000;

export interface PersonFields {
  person_idcard?: string;
  person_name?: string;
  person_gender?: string;
  person_age?: string;
  person_addr?: string;
}

const PERSON_KEYS = ['person_idcard', 'person_name', 'person_gender', 'person_age', 'person_addr'] as const;

const RECORD_COLUMNS = 'create_time, img_id, img_path, lib_id, person_addr, person_age, person_gender, person_idcard, person_name';

function findFace(ctx: EmulatorContext, libId: number, imgId: string): FaceRecord | undefined {
  return ctx.db
    .prepare<[number, string], FaceRecord>(`SELECT ${RECORD_COLUMNS} FROM faces WHERE lib_id = ? AND img_id = ?`)
    .get(libId, imgId);
}

function requireFace(ctx: EmulatorContext, libId: number, imgId: string): FaceRecord {
  requireLibrary(ctx, libId);
  const face = findFace(ctx, libId, imgId);
  if (!face) throw new Refusal(FACE_MISSING);
  return face;
}

function imgIdExists(ctx: EmulatorContext, imgId: string): boolean {
  return ctx.db.prepare('SELECT 1 FROM faces WHERE img_id = ?').get(imgId) !== undefined;
}

function librarySize(ctx: EmulatorContext, libId: number): number {
  return ctx.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM faces WHERE lib_id = ?').get(libId)!.n;
}

function libraryFull(ctx: EmulatorContext, libId: number): boolean {
  return librarySize(ctx, libId) >= ctx.options.libraryCapacity;
}

/** §3.7: a given img_id is at most 48 letters, digits and '-', and new on the device. */
function checkImgId(ctx: EmulatorContext, imgId: string): void {
  if (imgId.length > IMG_ID_MAX) throw new Refusal(IMG_ID_TOO_LONG);
  if (!IMG_ID_PATTERN.test(imgId)) throw new Refusal(PARAM_ERROR);
  if (imgIdExists(ctx, imgId)) throw new Refusal(IMG_ID_EXISTS);
}

/**
 * Enrols one picture into a library and answers its img_id, or throws the
 * device's Refusal. Checks, cheapest first (the reference gives no order):
 * library (-117), img_id (-2754, -3596, -1100), room (-122), file type by name
 * (-1104), decoding (-1104), a face (-1101), its quality (-1102). The stored picture is a JPEG
 * (face-pictures.ts) named by a fresh uuid, not by img_id, as the reference's
 * own img_path shows ("img/1_a2d7ae51-….png" for img_id "test"): a path never
 * names two pictures, so a browser's cached copy is never stale.
 */
export async function enrolPicture(
  ctx: EmulatorContext,
  libId: number,
  picture: ReceivedFile,
  fields: PersonFields & { img_id?: string },
): Promise<string> {
  requireLibrary(ctx, libId);
  // §3.7 note 2: absent or empty → the device assigns one.
  const given = fields.img_id ?? '';
  const imgId = given === '' ? newId() : given;
  if (given !== '') checkImgId(ctx, imgId);
  if (libraryFull(ctx, libId)) throw new Refusal(LIBRARY_FULL);
  if (!hasImageExtension(picture.filename)) throw new Refusal(BAD_IMAGE, `file type of ${picture.filename}`);

  const jpeg = await toStoredJpeg(picture.data);
  let analysis: Analysis;
  try {
    analysis = await ctx.engine.analyse(jpeg);
  } catch (e) {
    if (e instanceof NotAnImageError) throw new Refusal(BAD_IMAGE);
    throw e;
  }
  const main = analysis.faces[0];
  if (!main) throw new Refusal(NO_FACE);
  if (main.quality < ENROL_QUALITY_MIN) throw new Refusal(LOW_QUALITY, `quality ${main.quality}`);

  // Again after the awaits: another request may have taken the id, the room or the library.
  requireLibrary(ctx, libId);
  if (imgIdExists(ctx, imgId)) throw new Refusal(IMG_ID_EXISTS);
  if (libraryFull(ctx, libId)) throw new Refusal(LIBRARY_FULL);

  const imgPath = `img/${libId}_${newId()}.jpg`;
  ctx.files.write(imgPath, jpeg);
  try {
    ctx.db
      .prepare(
        `INSERT INTO faces(img_id, lib_id, img_path, person_idcard, person_name, person_gender, person_age, person_addr, create_time, feature)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        imgId,
        libId,
        imgPath,
        fields.person_idcard ?? '',
        fields.person_name ?? '',
        fields.person_gender ?? '',
        fields.person_age ?? '',
        fields.person_addr ?? '',
        ctx.clock.format(),
        featureToBlob(main.descriptor),
      );
  } catch (e) {
    ctx.files.remove(imgPath);
    throw e;
  }
  facesChanged(ctx, libId);
  return imgId;
}

/**
 * One page of faces in creation order. The page's seqs come from an index
 * alone, and only the rows of the page are read: SQLite reads every row an
 * OFFSET skips, and a row carries its 512-byte descriptor.
 */
function pageOfFaces(
  ctx: EmulatorContext,
  fromWhere: string,
  args: readonly (string | number)[],
  page: { offset: number; limit: number },
): FaceRecord[] {
  return ctx.db
    .prepare<(string | number)[], FaceRecord>(
      `SELECT ${RECORD_COLUMNS} FROM faces WHERE seq IN (SELECT seq ${fromWhere} ORDER BY seq LIMIT ? OFFSET ?) ORDER BY seq`,
    )
    .all(...args, page.limit, page.offset);
}

/** The faces of these seqs (a page: at most QUERY_MAX), in seq order. */
function facesBySeq(ctx: EmulatorContext, seqs: readonly number[]): FaceRecord[] {
  if (seqs.length === 0) return [];
  return ctx.db
    .prepare<number[], FaceRecord>(`SELECT ${RECORD_COLUMNS} FROM faces WHERE seq IN (${seqs.map(() => '?').join(',')}) ORDER BY seq`)
    .all(...seqs);
}

/** The stored descriptor, as §3.6's img_feat: numbers joined by commas. */
function featureText(blob: Buffer | null): string {
  const feature = blob ? blobToFeature(blob) : null;
  return feature ? Array.from(feature, (v) => String(Number(v.toFixed(6)))).join(',') : '';
}

/** Removes faces (rows, then pictures) and tells the library; answers how many went. */
function removeFaces(ctx: EmulatorContext, libId: number, imgIds: readonly string[]): number {
  const find = ctx.db.prepare<[number, string], { img_path: string }>('SELECT img_path FROM faces WHERE lib_id = ? AND img_id = ?');
  const del = ctx.db.prepare('DELETE FROM faces WHERE lib_id = ? AND img_id = ?');
  const paths: string[] = [];
  ctx.db.transaction(() => {
    for (const id of imgIds) {
      const row = find.get(libId, id);
      if (!row) continue;
      del.run(libId, id);
      paths.push(row.img_path);
    }
  })();
  for (const p of paths) ctx.files.remove(p);
  if (paths.length > 0) facesChanged(ctx, libId);
  return paths.length;
}

/** Decodes §3.27's base64 `data`; a data URL's "data:image/…;base64," head is tolerated. */
function fromBase64(img: { filename: string; data: string }): ReceivedFile {
  return { filename: img.filename, data: Buffer.from(img.data.replace(/^data:[^,]*,/, ''), 'base64') };
}

const EXPORT_HEADER = ['img_id', 'person_name', 'person_idcard', 'person_gender', 'person_age', 'person_addr', 'create_time', 'picture'];

/** §3.11 / 3.12: each picture named by its img_id, and one CSV row per face. */
async function exportFaces(ctx: EmulatorContext, faces: readonly FaceRecord[]): Promise<string> {
  const pictures: ExportEntry[] = [];
  const rows: string[][] = [];
  for (const f of faces) {
    const data = ctx.files.read(f.img_path);
    const name = `${f.img_id}.jpg`;
    if (data) pictures.push({ name, data });
    rows.push([f.img_id, f.person_name, f.person_idcard, f.person_gender, f.person_age, f.person_addr, f.create_time, data ? name : '']);
  }
  return writeExport(ctx, 'face', pictures, { header: EXPORT_HEADER, rows });
}

const REPORT_HEADER = ['file_name', 'result', 'code', 'reason', 'img_id'];

/**
 * §3.19 / 3.28: files one after another (so a duplicate img_id inside the batch
 * fails like one already on the device), each file's outcome a row of a CSV
 * report. The report is tmp/image_<uuid>.csv: the reference's example shows
 * "tmp/image_.csv", a name with an empty part; we put the batch's uuid there
 * so two batches' reports never overwrite each other.
 */
async function enrolMany(
  ctx: EmulatorContext,
  libId: number,
  uuid: string,
  files: readonly ReceivedFile[],
): Promise<{ url: string; err_count: number }> {
  requireLibrary(ctx, libId);
  const rows: (string | number)[][] = [];
  let errors = 0;
  for (const file of files) {
    const parsed = parseBatchName(file.filename);
    if (!parsed.ok) {
      const code = BATCH_NAME_CODES[parsed.problem];
      rows.push([file.filename, 'failed', code, errorText(code).en, '']);
      errors++;
      continue;
    }
    const { ext: _ext, ...fields } = parsed.fields;
    try {
      const imgId = await enrolPicture(ctx, libId, file, fields);
      rows.push([file.filename, 'ok', 0, '', imgId]);
    } catch (e) {
      const code = e instanceof Refusal ? e.code : INTERNAL_ERROR;
      if (!(e instanceof Refusal)) ctx.log(`batch enrol of ${file.filename}: ${e instanceof Error ? e.message : String(e)}`);
      rows.push([file.filename, 'failed', code, errorText(code).en, fields.img_id]);
      errors++;
    }
  }
  const url = `tmp/image_${uuid.replace(/[^A-Za-z0-9-]/g, '-')}.csv`;
  ctx.files.write(url, Buffer.from(toCsv(REPORT_HEADER, rows), 'utf8'));
  return { url, err_count: errors };
}

function personOf(req: PersonFields): PersonFields {
  const out: PersonFields = {};
  for (const k of PERSON_KEYS) if (req[k] !== undefined) out[k] = req[k];
  return out;
}

export const facesHandlers: Handler[] = [
  /** §3.6: img is the stored picture as plain base64 (no "data:" prefix), as the reference's example shows raw bytes. */
  handle(getFace, (req, ctx) => {
    const face = requireFace(ctx, req.lib_id, req.img_id);
    const { feature } = ctx.db
      .prepare<[string], { feature: Buffer | null }>('SELECT feature FROM faces WHERE img_id = ?')
      .get(face.img_id)!;
    const img = ctx.files.read(face.img_path);
    return { ...face, img: img ? img.toString('base64') : '', img_feat: featureText(feature) };
  }),

  handle(enrolFace, async (req, ctx) => ({
    img_id: await enrolPicture(ctx, req.lib_id, req.img, { img_id: req.img_id, ...personOf(req) }),
  })),

  handle(enrolFaceB64, async (req, ctx) => ({
    img_id: await enrolPicture(ctx, req.lib_id, fromBase64(req.img), { img_id: req.img_id, ...personOf(req) }),
  })),

  handle(deleteFace, (req, ctx) => {
    requireFace(ctx, req.lib_id, req.img_id);
    removeFaces(ctx, req.lib_id, [req.img_id]);
    return '';
  }),

  /** §3.9: only the fields sent change; "" clears a field. */
  handle(updateFace, (req, ctx) => {
    requireFace(ctx, req.lib_id, req.img_id);
    const changes = Object.entries(personOf(req));
    if (changes.length > 0) {
      ctx.db
        .prepare(`UPDATE faces SET ${changes.map(([k]) => `${k} = ?`).join(', ')} WHERE lib_id = ? AND img_id = ?`)
        .run(...changes.map(([, v]) => v), req.lib_id, req.img_id);
      // The library's update_time follows its faces; descriptors did not change, so no index to drop.
      ctx.db.prepare('UPDATE libraries SET update_time = ? WHERE lib_id = ?').run(ctx.clock.format(), req.lib_id);
    }
    return { img_id: req.img_id, lib_id: req.lib_id };
  }),

  /**
   * §3.10: exact fields are ANDed, each an exact match. fuzzy_key matches a
   * substring of the name, id number or address (LIKE: ASCII letters in any
   * case), or equals the gender ("0"/"1": "男" finds nobody, as the reference
   * says) or the age (a substring of an age would make "2" find 12, 20-29, 32…).
   * Ordered by creation (seq), oldest first.
   */
  handle(queryFaces, (req, ctx) => {
    requireLibrary(ctx, req.lib_id);
    const where = ['lib_id = ?'];
    const args: (string | number)[] = [req.lib_id];
    for (const f of EXACT_FACE_FIELDS) {
      const v = req[f];
      if (v !== undefined && v !== '') {
        where.push(`${f} = ?`);
        args.push(v);
      }
    }
    if (req.fuzzy_key) {
      const like = containsPattern(req.fuzzy_key);
      where.push(
        "(person_name LIKE ? ESCAPE '\\' OR person_idcard LIKE ? ESCAPE '\\' OR person_addr LIKE ? ESCAPE '\\' OR person_gender = ? OR person_age = ?)",
      );
      args.push(like, like, like, req.fuzzy_key, req.fuzzy_key);
    }
    const clause = where.join(' AND ');
    const page = pageArgs(req);
    if (where.length === 1) {
      const n = librarySize(ctx, req.lib_id);
      const record = page.offset < n ? pageOfFaces(ctx, 'FROM faces WHERE lib_id = ?', args, page) : [];
      return { record, result_num: record.length, total_num: n };
    }
    // Filters are tested on a narrow index (store/db.ts), never on the wide rows:
    // the one that can seek to the first exact field, else the covering one.
    const narrow = req.person_idcard ? 'faces_lib_idcard' : !req.person_name && req.person_gender ? 'faces_lib_gender' : 'faces_search';
    // One pass that stops after SPARSE_MAX matches: when it does not stop, it
    // holds every match, and the count and the page come from it.
    const probe = ctx.db
      .prepare<(string | number)[], number>(`SELECT seq FROM faces INDEXED BY ${narrow} WHERE ${clause} LIMIT ${SPARSE_MAX + 1}`)
      .pluck()
      .all(...args);
    if (probe.length <= SPARSE_MAX) {
      const seqs = probe.sort((x, y) => x - y).slice(page.offset, page.offset + page.limit);
      const record = facesBySeq(ctx, seqs);
      return { record, result_num: record.length, total_num: probe.length };
    }
    const n = ctx.db
      .prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM faces INDEXED BY ${narrow} WHERE ${clause}`)
      .get(...args)!.n;
    let record: FaceRecord[] = [];
    if (page.offset < n) {
      // Many matches: walking the library in seq order fills the page after
      // about (offset + limit) × size / matches rows. Past WALK_MAX rows, the
      // narrow index is scanned and its matches sorted instead.
      const rowsToWalk = ((page.offset + page.limit) * librarySize(ctx, req.lib_id)) / n;
      const index = rowsToWalk <= WALK_MAX ? 'faces_lib' : narrow;
      record = pageOfFaces(ctx, `FROM faces INDEXED BY ${index} WHERE ${clause}`, args, page);
    }
    return { record, result_num: record.length, total_num: n };
  }),

  /**
   * §3.11 notes that the device's export fails on commas in the content; ours
   * quotes CSV cells (exports/csv.ts), so a comma exports fine.
   */
  handle(exportFacesPage, async (req, ctx) => {
    requireLibrary(ctx, req.lib_id);
    const { offset, limit } = pageArgs(req);
    const faces = pageOfFaces(ctx, 'FROM faces WHERE lib_id = ?', [req.lib_id], { offset, limit });
    if (faces.length === 0) throw new Refusal(NOTHING_TO_EXPORT);
    return { export_url: await exportFaces(ctx, faces), result_num: faces.length, total_num: librarySize(ctx, req.lib_id) };
  }),

  /**
   * §3.12: total_num is the number of distinct ids asked for (so result_num plus
   * the failed ids make it up), which is what the reference's example shows
   * (2 asked, 2 exported, total 2) for a library §3.11's example shows holding 16.
   */
  handle(exportFacesChosen, async (req, ctx) => {
    requireLibrary(ctx, req.lib_id);
    const ids = [...new Set(splitIds(req.img_ids))];
    const found: FaceRecord[] = [];
    const failed: string[] = [];
    for (const id of ids) {
      const face = findFace(ctx, req.lib_id, id);
      if (face) found.push(face);
      else failed.push(id);
    }
    if (found.length === 0) throw new Refusal(NOTHING_TO_EXPORT);
    return {
      export_url: await exportFaces(ctx, found),
      failed_img_ids: failed.join(','),
      result_num: found.length,
      total_num: ids.length,
    };
  }),

  handle(enrolBatch, (req, ctx) => enrolMany(ctx, req.lib_id, req.uuid, req.img_)),

  handle(enrolBatchB64, (req, ctx) => enrolMany(ctx, req.lib_id, req.uuid, req.imgs.map(fromBase64))),

  /**
   * §3.20 answers no per-id result. We delete the ids that are in the library
   * and answer 0; only when none of them is there do we answer -126, so a
   * caller learns that nothing happened.
   */
  handle(deleteFaces, (req, ctx) => {
    requireLibrary(ctx, req.lib_id);
    const removed = removeFaces(ctx, req.lib_id, [...new Set(splitIds(req.img_ids))]);
    if (removed === 0) throw new Refusal(FACE_MISSING);
    return '';
  }),
];
