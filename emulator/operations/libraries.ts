// §3.1-3.5: face libraries. A library's picture_no is counted from its faces;
// its update_time moves when the library is edited or its faces change.
import { createLibrary, deleteLibrary, listLibraries, queryLibraries, updateLibrary, type Library } from '../../src/api/protocol/libraries';
import type { EmulatorContext } from '../context';
import { onLibraryFacesChanged } from '../faces/changes';
import { handle, Refusal, type Handler } from './handler';
import { pageArgs, splitIds } from './util';
import { ErrorCode } from '../../src/api/protocol/error-codes';

const { LIBRARY_EXISTS, LIBRARY_LIMIT, LIBRARY_MISSING, LIBRARY_WATCHED } = ErrorCode;

interface LibraryRow {
  lib_id: number;
  lib_name: string;
  lib_type: number;
  create_time: string;
  update_time: string;
}

const WITH_COUNT = `SELECT l.lib_id, l.lib_name, l.lib_type, l.create_time, l.update_time,
  (SELECT count(*) FROM faces f WHERE f.lib_id = l.lib_id) AS picture_no FROM libraries l`;

/** The library, or Refusal(-117). */
export function requireLibrary(ctx: EmulatorContext, libId: number): LibraryRow {
  const row = ctx.db
    .prepare<[number], LibraryRow>('SELECT lib_id, lib_name, lib_type, create_time, update_time FROM libraries WHERE lib_id = ?')
    .get(libId);
  if (!row) throw new Refusal(LIBRARY_MISSING);
  return row;
}

/** Marks a library's faces as changed: update_time now, in-memory indexes dropped. */
export function facesChanged(ctx: EmulatorContext, libId: number): void {
  ctx.db.prepare('UPDATE libraries SET update_time = ? WHERE lib_id = ?').run(ctx.clock.format(), libId);
  onLibraryFacesChanged(ctx, libId);
}

/** The libraries a camera watches (its lib_ids "1,2"), over every camera. */
function watchedLibraries(ctx: EmulatorContext): Set<number> {
  const watched = new Set<number>();
  for (const { data } of ctx.db.prepare<[], { data: string }>('SELECT data FROM cameras').all()) {
    let libIds: unknown;
    try {
      libIds = (JSON.parse(data) as { lib_ids?: unknown }).lib_ids;
    } catch {
      continue;
    }
    if (typeof libIds === 'string' || typeof libIds === 'number') {
      for (const id of splitIds(String(libIds))) watched.add(Number(id));
    }
  }
  return watched;
}

function nameTaken(ctx: EmulatorContext, name: string, except = 0): boolean {
  return ctx.db.prepare('SELECT 1 FROM libraries WHERE lib_name = ? AND lib_id <> ?').get(name, except) !== undefined;
}

/** A LIKE pattern matching `s` anywhere, with its own % _ \ taken literally. */
export function containsPattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const librariesHandlers: Handler[] = [
  handle(listLibraries, (_req, ctx): Library[] => ctx.db.prepare<[], Library>(`${WITH_COUNT} ORDER BY l.lib_id`).all()),

  handle(createLibrary, (req, ctx) => {
    if (nameTaken(ctx, req.lib_name)) throw new Refusal(LIBRARY_EXISTS);
    const { n } = ctx.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM libraries').get()!;
    if (n >= ctx.options.libraryCountMax) throw new Refusal(LIBRARY_LIMIT);
    const now = ctx.clock.format();
    const { lastInsertRowid } = ctx.db
      .prepare('INSERT INTO libraries(lib_name, lib_type, create_time, update_time) VALUES (?, ?, ?, ?)')
      .run(req.lib_name, req.lib_type, now, now);
    return { lib_id: Number(lastInsertRowid), lib_name: req.lib_name };
  }),

  handle(deleteLibrary, (req, ctx) => {
    requireLibrary(ctx, req.lib_id);
    if (watchedLibraries(ctx).has(req.lib_id)) throw new Refusal(LIBRARY_WATCHED);
    const paths = ctx.db.prepare<[number], { img_path: string }>('SELECT img_path FROM faces WHERE lib_id = ?').all(req.lib_id);
    ctx.db.transaction(() => {
      ctx.db.prepare('DELETE FROM faces WHERE lib_id = ?').run(req.lib_id);
      ctx.db.prepare('DELETE FROM libraries WHERE lib_id = ?').run(req.lib_id);
    })();
    // After the rows: a picture that fails to go is an orphan file, never a face without its picture.
    for (const { img_path } of paths) ctx.files.remove(img_path);
    onLibraryFacesChanged(ctx, req.lib_id);
    return '';
  }),

  handle(updateLibrary, (req, ctx) => {
    requireLibrary(ctx, req.lib_id);
    if (nameTaken(ctx, req.lib_name, req.lib_id)) throw new Refusal(LIBRARY_EXISTS);
    ctx.db
      .prepare('UPDATE libraries SET lib_name = ?, lib_type = ?, update_time = ? WHERE lib_id = ?')
      .run(req.lib_name, req.lib_type, ctx.clock.format(), req.lib_id);
    return { lib_id: req.lib_id, lib_name: req.lib_name };
  }),

  /**
   * §3.5 says neither "exact" nor "fuzzy" for lib_name (§3.10 says "exact" for
   * each of its fields); we match it as a substring, which is what a search box
   * over a few dozen libraries wants. lib_id and lib_type match exactly.
   */
  handle(queryLibraries, (req, ctx) => {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (req.lib_id !== undefined) {
      where.push('l.lib_id = ?');
      args.push(req.lib_id);
    }
    if (req.lib_name) {
      where.push("l.lib_name LIKE ? ESCAPE '\\'");
      args.push(containsPattern(req.lib_name));
    }
    if (req.lib_type !== undefined) {
      where.push('l.lib_type = ?');
      args.push(req.lib_type);
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const { offset, limit } = pageArgs(req);
    const record = ctx.db
      .prepare<(string | number)[], Library>(`${WITH_COUNT}${clause} ORDER BY l.lib_id LIMIT ? OFFSET ?`)
      .all(...args, limit, offset);
    const { n } = ctx.db.prepare<(string | number)[], { n: number }>(`SELECT count(*) AS n FROM libraries l${clause}`).get(...args)!;
    return { record, result_num: record.length, total_num: n };
  }),
];
