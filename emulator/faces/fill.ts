// A big library in one statement, for tests that need one (a 1 200-face export):
// rows sharing one copy of a demo face's picture and descriptor, the same
// shortcut as bench/gallery.ts, never what a device stores. 1 200 enrolments
// over HTTP would each run the face engine.
import crypto from 'node:crypto';
import type { EmulatorContext } from '../context';
import { onLibraryFacesChanged } from './changes';

/** At most this many per call: enough for any test, small enough to stay quick. */
const FILL_MAX = 200_000;

/**
 * Adds `count` faces to library `libId`, img_ids `<prefix>-<n>` and names
 * `<prefix> <n>` (n from 1, zero-padded to 6). Answers how many were added;
 * throws when the library is missing or no face exists to copy.
 */
export function fillFaces(ctx: EmulatorContext, libId: number, count: number, prefix: string): number {
  const lib = ctx.db.prepare<[number], { lib_id: number }>('SELECT lib_id FROM libraries WHERE lib_id = ?').get(libId);
  if (!lib) throw new Error(`no library ${libId}`);
  const source = ctx.db
    .prepare<[], { img_path: string; feature: Buffer | null }>(
      'SELECT img_path, feature FROM faces WHERE feature IS NOT NULL ORDER BY seq LIMIT 1',
    )
    .get();
  const picture = source ? ctx.files.read(source.img_path) : null;
  if (!source || !picture) throw new Error('no enrolled face to copy');
  // One picture per fill: deleting the library removes it (once per row, which is harmless).
  const imgPath = `img/fill/${libId}-${prefix}.jpg`;
  ctx.files.write(imgPath, picture);
  const insert = ctx.db.prepare(
    `INSERT INTO faces(img_id, lib_id, img_path, person_idcard, person_name, person_gender, person_age, person_addr, create_time, feature)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const n = Math.max(0, Math.min(FILL_MAX, Math.trunc(count)));
  const now = ctx.clock.format();
  ctx.db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const no = String(i).padStart(6, '0');
      insert.run(`${prefix}-${no}`, libId, imgPath, '', `${prefix} ${no}`, '', '', '', now, source.feature);
    }
  })();
  onLibraryFacesChanged(ctx, libId);
  return n;
}

/**
 * Gives one face another stored picture, without the engine's checks: a face
 * enrolled by an older engine that a node of today would refuse (a picture
 * with no face). Its own new path, so a picture shared by a fill stays.
 */
export function setFacePicture(ctx: EmulatorContext, libId: number, imgId: string, jpeg: Buffer): boolean {
  const row = ctx.db
    .prepare<[number, string], { img_path: string }>('SELECT img_path FROM faces WHERE lib_id = ? AND img_id = ?')
    .get(libId, imgId);
  if (!row) return false;
  const imgPath = `img/${libId}_${crypto.randomUUID()}.jpg`;
  ctx.files.write(imgPath, jpeg);
  ctx.db.prepare('UPDATE faces SET img_path = ? WHERE lib_id = ? AND img_id = ?').run(imgPath, libId, imgId);
  onLibraryFacesChanged(ctx, libId);
  return true;
}
