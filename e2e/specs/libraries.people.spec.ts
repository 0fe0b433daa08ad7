// Issue 4, the gallery: enrol a person from a real face photo (detection first),
// find them by the quick search, edit their age, export a selection and open
// the zip, delete a selection. Keyboard only; axe on the gallery, the drawers
// and the table view.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import yauzl from 'yauzl';
import { createLibrary, enrolFace, getFace, queryFaces } from '../../src/api/protocol';
import { expect as baseExpect, test } from '../fixtures';
import { seriousViolations } from '../pages/libraries-axe';
import { realFaces } from '../pages/libraries-data';
import { LibraryGalleryPage } from '../pages/libraries-gallery';
import { press, toggle } from '../pages/libraries-keys';

test.use({ locale: 'en-US' });
// Several suites share 2 cores: a page can take a while to load.
const expect = baseExpect.configure({ timeout: 60_000 });

async function noSeriousViolations(page: Page, where: string, within?: string): Promise<void> {
  expect.soft(await seriousViolations(page, where, within)).toEqual([]);
}

function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
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

test('enrol from a photo, find, edit, export and delete people', async ({ loggedIn: page, device }) => {
  test.setTimeout(420_000);
  const stamp = Date.now();
  const faces = await realFaces(device, 3);
  expect(faces.length).toBeGreaterThanOrEqual(3);
  const { lib_id: libId } = await device.call(createLibrary, { lib_name: `People ${stamp}`, lib_type: 1 });
  // Two others already there, so the search has something to leave out.
  for (const [i, who] of ['Olga Petrova', 'Omar Haddad'].entries()) {
    await device.call(enrolFace, {
      lib_id: libId,
      img_id: `seed-${stamp}-${i}`,
      person_name: who,
      img: new File([new Uint8Array(faces[i + 1]!)], 'seed.jpg', { type: 'image/jpeg' }),
    });
  }

  const gallery = new LibraryGalleryPage(page);
  await gallery.goto(libId);
  await expect(gallery.card('Olga Petrova')).toBeVisible();
  await noSeriousViolations(page, 'gallery');

  // Enrol: the photo first, checked by the device, then the person.
  await gallery.openEnrol();
  await expect(page).toHaveURL(/enrol=1/);
  await gallery.photoInput().setInputFiles({ name: 'ann.jpg', mimeType: 'image/jpeg', buffer: faces[0]! });
  await expect(gallery.drawer.getByRole('status').filter({ hasText: /Face found, quality \d+/ })).toBeVisible();
  await expect(gallery.drawer.getByRole('img', { name: 'Chosen photo ann.jpg' })).toBeVisible();
  await expect(gallery.drawer.getByRole('progressbar', { name: 'Face quality' })).toBeVisible();

  // img_id rules before sending: nothing goes out while it is wrong.
  let enrolRequests = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/form') && (r.postData() ?? '').includes('1029')) enrolRequests++;
  });
  const imgId = `ann-${stamp}`;
  await gallery.fill('Picture id (img_id)', 'not valid!');
  await gallery.fill('Name', `Ann Lee ${stamp}`);
  await gallery.drawerButton('Enrol');
  await expect(gallery.drawer.getByText('An img_id has letters, digits and hyphens (-) only.')).toBeVisible();
  expect(enrolRequests).toBe(0);
  await gallery.fill('Picture id (img_id)', imgId);
  await gallery.chooseGender('Female');
  await gallery.fill('Age', '34');
  await gallery.fill('Address', 'Harbour Road 5');
  await noSeriousViolations(page, 'enrol drawer', '.ant-drawer');
  await gallery.drawerButton('Enrol');
  await expect(page.getByText(`Ann Lee ${stamp} enrolled (img_id ${imgId})`)).toBeVisible();
  await expect(page).not.toHaveURL(/enrol=1/);
  await expect(gallery.card(`Ann Lee ${stamp}`)).toBeVisible();
  const stored = await device.call(getFace, { lib_id: libId, img_id: imgId });
  expect(stored).toMatchObject({ person_name: `Ann Lee ${stamp}`, person_gender: '0', person_age: '34', person_addr: 'Harbour Road 5' });

  // Quick search: the URL carries it; the others are left out.
  await gallery.quickFind(`Lee ${stamp}`);
  await expect(page).toHaveURL(/q=Lee/);
  await expect(gallery.card(`Ann Lee ${stamp}`)).toBeVisible();
  await expect(gallery.card('Olga Petrova')).toHaveCount(0);
  // Exact filters are another mode: switching leaves the quick search behind, never both.
  await gallery.mode('Exact filters');
  await expect(gallery.quickSearch).toHaveCount(0);
  await expect(page).toHaveURL(/mode=exact/);
  expect(page.url()).not.toContain('q=');
  await gallery.mode('Quick search');
  await gallery.quickFind(`Lee ${stamp}`);

  // Edit the age in the person's drawer.
  await gallery.open(`Ann Lee ${stamp}`);
  await expect(gallery.drawer.getByRole('img', { name: `Photo of Ann Lee ${stamp}` })).toBeVisible();
  await noSeriousViolations(page, 'person drawer', '.ant-drawer');
  await gallery.drawerButton('Edit');
  await gallery.fill('Age', '200');
  await gallery.drawerButton('Save');
  await expect(gallery.drawer.getByText('Age is a whole number from 1 to 120.')).toBeVisible();
  await gallery.fill('Age', '35');
  await gallery.drawerButton('Save');
  await expect(page.getByText(`Ann Lee ${stamp} saved`)).toBeVisible();
  await expect(gallery.drawer.getByRole('row').filter({ hasText: 'Age' })).toContainText('35');
  expect((await device.call(getFace, { lib_id: libId, img_id: imgId })).person_age).toBe('35');
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/face=/);

  // Export a selection and open the zip.
  await gallery.quickFind('');
  await expect(gallery.card('Olga Petrova')).toBeVisible();
  await gallery.select(`Ann Lee ${stamp}`);
  await gallery.select('Olga Petrova');
  await expect(gallery.selectionBar).toContainText('2 selected');
  const download = page.waitForEvent('download');
  await press(gallery.selectionBar.getByRole('button', { name: 'Export selected' }));
  const file = await (await download).path();
  await expect(page.getByRole('dialog', { name: 'Export the selection (2)' })).toContainText('Export finished: 1 file, downloading.');
  const entries = await zipEntries(file);
  expect(entries).toEqual(expect.arrayContaining([`${imgId}.jpg`, `seed-${stamp}-0.jpg`]));
  expect(entries.some((e) => e.endsWith('.csv'))).toBe(true);
  expect(fs.statSync(file).size).toBeGreaterThan(1000);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Export the selection (2)' })).toHaveCount(0);

  // The table view, then delete the selection (confirm, progress, result).
  await toggle(page.getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { name: 'Table' }));
  await expect(page).toHaveURL(/view=table/);
  await expect(page.getByRole('table').getByRole('button', { name: 'Open Olga Petrova' })).toBeVisible();
  await noSeriousViolations(page, 'table view');
  await press(gallery.selectionBar.getByRole('button', { name: 'Clear selection' }));
  await toggle(page.getByRole('checkbox', { name: 'Select Olga Petrova' }));
  await press(gallery.selectionBar.getByRole('button', { name: 'Delete selected' }));
  const bulk = page.getByRole('dialog', { name: /Delete from .* \(1 selected\)/ });
  await expect(bulk).toContainText('Olga Petrova');
  await press(bulk.getByRole('button', { name: 'Delete them (1)' }));
  await expect(bulk.getByText('All deleted (1).')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(bulk).toHaveCount(0);
  await expect(page.getByRole('table').getByRole('button', { name: 'Open Olga Petrova' })).toHaveCount(0);
  const left = await device.call(queryFaces, { lib_id: libId });
  expect(left.record.map((f) => f.person_name).sort()).toEqual(['Omar Haddad', `Ann Lee ${stamp}`].sort());
  // Reload keeps the view.
  await page.reload();
  await expect(page.getByRole('table').getByRole('button', { name: `Open Ann Lee ${stamp}` })).toBeVisible();
});
