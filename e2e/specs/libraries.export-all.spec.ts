// Issue 16: a library of 1 200 exported whole (§3.11, 500 a zip) from the
// gallery, with its progress, a pause between pages and every zip listed; the
// zips together hold exactly the library's people.
import type { Route } from '@playwright/test';
import yauzl from 'yauzl';
import { createLibrary, deleteLibrary, queryFaces } from '../../src/api/protocol';
import { expect as baseExpect, test } from '../fixtures';
import { fillLibrary } from '../pages/libraries-data';
import { LibraryGalleryPage } from '../pages/libraries-gallery';

test.use({ locale: 'en-US' });
const expect = baseExpect.configure({ timeout: 60_000 });

function zipNames(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

test('a 1 200-face library exports completely, 500 a zip, with progress and pause', async ({ loggedIn: page, device }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const prefix = `x${stamp}`;
  const { lib_id: libId } = await device.call(createLibrary, { lib_name: `Export all ${stamp}`, lib_type: 2 });
  try {
    await fillLibrary(device.url, libId, 1200, prefix);
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));

    // The second page is held until the test has pressed Pause: the pause is seen between pages, not raced.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/json', async (route: Route) => {
      const body = route.request().postDataJSON() as { msg_id?: string; start_no?: number };
      if (body.msg_id === '1038' && body.start_no === 501) await held;
      await route.fallback();
    });

    const gallery = new LibraryGalleryPage(page);
    await gallery.goto(libId);
    await expect(page.getByText('Faces: 1,200')).toBeVisible();
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Export the whole library…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the whole library' });
    await expect(dialog).toContainText('1,200 people will be exported as 3 zip files of at most 500 each');
    await dialog.getByRole('button', { name: 'Start the export' }).click();

    const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
    const status = dialog.getByRole('status');
    await expect(status).toHaveText('500 of 1,200 exported, 1 file');
    await expect(bar).toHaveAttribute('aria-valuenow', '41');
    await dialog.getByRole('button', { name: 'Pause' }).click();
    release();
    await expect(status).toHaveText('1,000 of 1,200 exported, 2 files Paused.');
    await expect(dialog.getByRole('button', { name: 'Resume' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Resume' }).click();
    await expect(status).toHaveText('Export complete: 1,200 people in 3 files.');
    await expect(bar).toHaveAttribute('aria-valuenow', '100');

    const files = dialog.getByRole('list', { name: 'Exported files' }).getByRole('link');
    await expect(files).toHaveText(['People 1–500', 'People 501–1,000', 'People 1,001–1,200']);
    const names: string[] = [];
    for (const href of await files.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const res = await page.request.get(href);
      expect(res.ok()).toBe(true);
      names.push(...(await zipNames(await res.body())).filter((n) => n.endsWith('.jpg')));
    }
    // Exactly the library's people, each once.
    const ids = (await device.call(queryFaces, { lib_id: libId, qry_len: 1 })).total_num;
    expect(ids).toBe(1200);
    expect(new Set(names).size).toBe(1200);
    expect(names.every((n) => n.startsWith(`${prefix}-`))).toBe(true);
    // Each zip downloaded by itself as it was ready.
    await expect.poll(() => downloads.length).toBe(3);
  } finally {
    await device.call(deleteLibrary, { lib_id: libId });
  }
});
