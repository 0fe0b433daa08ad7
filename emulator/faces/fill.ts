// A big library in one statement, for tests that need one (a 1 200-face export):
// rows sharing one copy of a demo face's picture and descriptor, the same
// shortcut as bench/gallery.ts, never what a device stores. 1 200 enrolments
// over HTTP would each run the face engine.
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
