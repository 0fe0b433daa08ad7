// Issue 4, batch import: a folder of 33 files, some names malformed, one photo
// without a face, one file no picture at all. The preview names each problem
// before anything is sent; the report names each failure; fixing one row and
// retrying stores it. Keyboard only; axe on the import page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createLibrary, getFace, queryFaces } from '../../src/api/protocol';
import { expect as baseExpect, test } from '../fixtures';
import { seriousViolations } from '../pages/libraries-axe';
import { blankPhoto, realFaces } from '../pages/libraries-data';
import { LibraryImportPage } from '../pages/libraries-import';
import { press } from '../pages/libraries-keys';

test.use({ locale: 'en-US' });
// Several suites share 2 cores: a page can take a while to load.
const expect = baseExpect.configure({ timeout: 60_000 });

async function noSeriousViolations(page: Page, where: string, within?: string): Promise<void> {
  expect.soft(await seriousViolations(page, where, within)).toEqual([]);
}

test('batch import of a folder: problems first, per-file report, fix and retry', async ({ loggedIn: page, device }) => {
  test.setTimeout(420_000);
  const stamp = Date.now();
  const faces = await realFaces(device, 3);
  const { lib_id: libId, lib_name: libName } = await device.call(createLibrary, { lib_name: `Import ${stamp}`, lib_type: 2 });

  // The folder: 28 good files, one photo without a face, three bad names, one text file.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-import-'));
  const folder = path.join(dir, `staff-${stamp}`);
  fs.mkdirSync(folder);
  for (let i = 0; i < 28; i++) {
    fs.writeFileSync(path.join(folder, `Person${i}_imp-${stamp}-${i}_ID${i}_${i % 2}_${20 + i}_Block ${i}.jpg`), faces[i % faces.length]!);
  }
  const noFace = `Nobody_imp-${stamp}-nf_#_#_#_#.jpg`;
  fs.writeFileSync(path.join(folder, noFace), await blankPhoto());
  const badGender = `Gina_imp-${stamp}-g_#_5_30_#.jpg`;
  const unread = 'IMG_0001.jpg';
  const badId = `Ivan_imp ${stamp}_#_1_40_#.jpg`;
  for (const [i, name] of [badGender, unread, badId].entries()) fs.writeFileSync(path.join(folder, name), faces[i]!);
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a picture');

  try {
    const imp = new LibraryImportPage(page);
    await imp.goto(libId);
    await expect(page.getByRole('heading', { level: 1, name: `Batch import into “${libName}”` })).toBeVisible();
    await imp.folderInput.setInputFiles(folder);

    // Every name checked before anything is sent.
    await expect(imp.summary('Files')).toContainText('33');
    await expect(imp.summary('Ready')).toContainText('29');
    await expect(imp.summary('With problems')).toContainText('4');
    await imp.show('Problems');
    await expect(imp.row(badGender)).toContainText('Gender must be 0 (female) or 1 (male)');
    await expect(imp.row(unread)).toContainText('Name is not name_imgid_idnumber_gender_age_address');
    await expect(imp.row(badId)).toContainText('img_id: letters, digits and - only');
    await expect(imp.row('notes.txt')).toContainText('Not a picture type the node takes');
    await noSeriousViolations(page, 'import preview');

    // Run: 29 sent, 28 stored, the faceless photo refused by the device.
    await imp.button('Import the files (29)');
    await expect(imp.status).toContainText('Finished', { timeout: 180_000 });
    await expect(imp.status).toContainText('29 of 29 answered, 28 stored, 1 failed');
    await imp.show('Failed');
    await expect(imp.row(noFace)).toContainText('Refused: No face detected (-1101)');
    for (const name of [badGender, unread, badId, 'notes.txt']) await expect(imp.row(name)).toContainText('Not sent: has a problem');
    expect((await device.call(queryFaces, { lib_id: libId })).total_num).toBe(28);
    expect(await device.call(getFace, { lib_id: libId, img_id: `imp-${stamp}-7` })).toMatchObject({
      person_name: 'Person7',
      person_idcard: 'ID7',
      person_gender: '1',
      person_age: '27',
      person_addr: 'Block 7',
    });

    // The results as CSV name every failure.
    const download = page.waitForEvent('download');
    await imp.button('Download results (CSV)');
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFfile,sent_as,result,code,reason,img_id');
    expect(csv).toMatch(new RegExp(`${noFace.replace(/[.#]/g, '\\$&')},refused,-1101,No face detected`));
    expect(csv).toContain(`/${badGender},,not sent (problem),,Gender must be 0 (female) or 1 (male)`);
    expect(csv).toContain(`/${unread},,not sent (problem),,Name is not name_imgid_idnumber_gender_age_address`);
    expect(csv).toContain('/notes.txt,,not sent (problem),,Not a picture type the node takes');
    expect(csv.match(/,stored,0,/g)).toHaveLength(28);

    // Fix one row, drop the faceless one, retry: only the fixed one is sent, and stored.
    await imp.fixRow(`staff-${stamp}/${unread}`, { Name: 'Irene Fixed', Age: '29' });
    await expect(imp.row(unread)).toContainText('Irene Fixed');
    await expect(imp.row(unread)).toContainText('Fixed, not sent yet');
    await imp.button(`Drop staff-${stamp}/${noFace}`);
    await imp.button('Retry the failures and new files (1)');
    await expect(imp.status).toContainText('Finished', { timeout: 60_000 });
    await imp.show('Stored');
    await expect(imp.row(unread)).toContainText('Stored');
    const all = await device.call(queryFaces, { lib_id: libId, person_name: 'Irene Fixed' });
    expect(all.record).toHaveLength(1);
    expect(all.record[0]!.person_age).toBe('29');
    await noSeriousViolations(page, 'import results');

    // A pick after a finished import starts a new list: the last batch's outcomes are not mixed in.
    const next = path.join(dir, `Next_imp-${stamp}-n_#_1_33_#.jpg`);
    fs.writeFileSync(next, faces[0]!);
    await imp.filesInput.setInputFiles(next);
    await expect(imp.summary('Files')).toHaveText(/Files\s*1$/);
    await expect(page.getByText('New list started with 1 file (the finished import was closed)')).toBeVisible();
    // Clearing asks first, saying how many; Cancel keeps the list.
    await imp.button('Clear the list');
    await expect(imp.dialog).toContainText('Clear the list of 1 file?');
    await press(imp.dialog.getByRole('button', { name: 'Cancel' }));
    await expect(imp.dialog).toHaveCount(0);
    await expect(imp.summary('Files')).toHaveText(/Files\s*1$/);
    await imp.button('Clear the list');
    await press(imp.dialog.getByRole('button', { name: 'Clear the list' }));
    await expect(imp.table).toHaveCount(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
