// A security officer searches the libraries with photos: an enrolled person's
// picture, a group photo (the second face), two photos 1:1, bad photos, a
// snapshot taken from the device, and every face of a photo detected.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { getTime, listLibraries, queryAlarms, queryFaces } from '../../src/api/protocol';
import { shiftDeviceTime } from '../../src/api/protocol/device-time';
import { seriousViolations } from '../axe';
import { expect as baseExpect, test, type Device } from '../fixtures';
import { FaceSearchPage, type PhotoFile } from '../pages/face-search-page';
import { hrefs } from '../../src/config/paths';

test.use({ locale: 'en-US' });
// The face engine is real work, and other suites share the 2-core machine.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const SAMPLE_DIR = path.resolve('node_modules/@vladmandic/face-api/demo');
const jpeg = (name: string, buffer: Buffer): PhotoFile => ({ name, mimeType: 'image/jpeg', buffer });

/** An enrolled person of a library, with the picture the device holds for them (GET /ws/<img_path>). */
async function enrolledPerson(device: Device, index: number) {
  const lib = (await device.call(listLibraries, {})).find((l) => l.picture_no > index)!;
  const face = (await device.call(queryFaces, { lib_id: lib.lib_id, start_no: index + 1, qry_len: 1 })).record[0]!;
  const res = await fetch(`${device.url}/ws/${face.img_path}`);
  expect(res.ok).toBe(true);
  return { lib, face, photo: jpeg(`${face.img_id}.jpg`, Buffer.from(await res.arrayBuffer())) };
}

test('a photo of an enrolled person finds them first, linked to their library entry', async ({ loggedIn: page, device }) => {
  const { face, photo } = await enrolledPerson(device, 0);
  const fs_ = new FaceSearchPage(page);
  await fs_.goto();
  await expect(fs_.heading).toHaveText('Face search');
  await fs_.givePhoto(photo);
  await expect(fs_.photo()).toBeVisible();
  await expect(page.getByText(/^One face found \(quality \d+\)\.$/)).toBeVisible();
  await fs_.searchButton.click();

  await expect(fs_.matches.first()).toBeVisible();
  const top = fs_.matches.first();
  await expect(top).toContainText('No. 1');
  await expect(top).toContainText(face.person_name);
  await expect(top.getByRole('img', { name: `Library photo of ${face.person_name}` })).toBeVisible();
  await expect(top.getByRole('link', { name: /open in the library/i })).toHaveAttribute('href', hrefs.person(face.lib_id, face.img_id));
  await expect(page.getByText(/Searched in all libraries, threshold 60/)).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);
});

test('a group photo: the officer picks the second face and searches that one', async ({ loggedIn: page }) => {
  const fs_ = new FaceSearchPage(page);
  await fs_.goto();
  await fs_.givePhoto(jpeg('sample1.jpg', fs.readFileSync(path.join(SAMPLE_DIR, 'sample1.jpg'))));
  await expect(page.getByText(/^The photo shows \d+ faces\. Choose the one to search:$/)).toBeVisible();
  await expect(fs_.face(1)).toBeChecked();
  await fs_.face(2).check();
  await expect(fs_.searchButton).toHaveText('Search face 2');
  await fs_.searchButton.click();
  await expect(page.getByText(/^Face 2 searched in all libraries, threshold 60/)).toBeVisible();
  // The demo people are cut from these very photos: the second face is someone enrolled.
  await expect(fs_.matches.first()).toContainText('No. 1');
});

test('two photos compared 1:1: side by side, a score and what it means', async ({ loggedIn: page, device }) => {
  const a = await enrolledPerson(device, 0);
  const b = await enrolledPerson(device, 1);
  const fs_ = new FaceSearchPage(page);
  await fs_.goto('?mode=compare');
  await expect(fs_.mode(/compare two photos/i)).toHaveAttribute('aria-selected', 'true');
  await fs_.givePhoto(a.photo, fs_.dropZone(/^photo 1:/i));
  await expect(page.getByRole('img', { name: 'Photo 1 to compare' })).toBeVisible();
  await fs_.givePhoto(b.photo, fs_.dropZone(/^photo 2:/i));
  await expect(page.getByRole('img', { name: 'Photo 2 to compare' })).toBeVisible();
  await page.getByRole('button', { name: 'Compare' }).click();
  const result = page.getByRole('status').filter({ hasText: 'Similarity' });
  await expect(result).toContainText(/\d+\s*\/ 100/);
  await expect(result).toContainText(/Almost certainly the same person|Probably the same person|Cannot tell|Probably different people/);
  await expect(result).toContainText(/cameras alarm at \d+–\d+/);
  await expect(result).toContainText('usual reference values');

  // The same picture on both sides: the same person beyond doubt.
  await fs_.givePhoto(a.photo, fs_.dropZone(/^photo 2:/i));
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(result).toContainText('Almost certainly the same person');

  expect(await seriousViolations(page)).toEqual([]);
});

test("bad photos get the device's reason in words and nothing on the page is lost", async ({ loggedIn: page, device }) => {
  const { face, photo } = await enrolledPerson(device, 0);
  const fs_ = new FaceSearchPage(page);
  await fs_.goto();
  await fs_.givePhoto(photo);
  await fs_.searchButton.click();
  await expect(fs_.matches.first()).toContainText(face.person_name);

  // Not a picture at all, named like one.
  await fs_.givePhoto({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('meeting notes, not a picture\n'.repeat(40)) });
  await expect(fs_.rejection).toContainText('The photo “notes.jpg” was not taken');
  await expect(fs_.rejection).toContainText('Incorrect image format or broken image');
  await expect(fs_.rejection).toContainText('The previous photo and its results are still here.');
  await expect(fs_.photo()).toBeVisible();
  await expect(fs_.matches.first()).toContainText(face.person_name);

  // A picture without a face.
  const grey = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 120, g: 130, b: 140 } } })
    .jpeg()
    .toBuffer();
  await fs_.givePhoto(jpeg('wall.jpg', grey));
  await expect(fs_.rejection).toContainText('The photo “wall.jpg” was not taken');
  await expect(fs_.rejection).toContainText('No face detected');
  await expect(fs_.rejection).toContainText('Use a photo with a clear, frontal face.');
  await expect(fs_.matches.first()).toContainText(face.person_name);
});

test('"search this face" from an alarm takes the snapshot from the device and searches it', async ({ loggedIn: page, device }) => {
  // An alarm of the seeded history (captures cut from enrolled faces), not one another spec pushed live:
  // live captures vary their light and framing, and a tight crop of one can hold no face the device finds.
  const { sys_time } = await device.call(getTime, {});
  const alarm = (await device.call(queryAlarms, { stop_time: shiftDeviceTime(sys_time, -2 * 3600), qry_len: 1 })).record[0]!;
  const fs_ = new FaceSearchPage(page);
  await fs_.goto(`?snap=${encodeURIComponent(alarm.snap_path)}`);
  await expect(page.getByText(`Photo from the device: ${alarm.snap_path}`)).toBeVisible();
  await expect(fs_.photo()).toBeVisible();
  // Searched at once: the demo history's captures are cut from enrolled faces, so someone comes first.
  await expect(page.getByText(/^Searched in all libraries, threshold 60/)).toBeVisible();
  await expect(fs_.matches.first()).toContainText('No. 1');
});

test('detection boxes every face of a group photo with its quality and attributes in words', async ({ loggedIn: page }) => {
  const fs_ = new FaceSearchPage(page);
  await fs_.goto('?mode=detect');
  await fs_.givePhoto(jpeg('sample1.jpg', fs.readFileSync(path.join(SAMPLE_DIR, 'sample1.jpg'))));
  await expect(page.getByText(/^\d+ faces found$/)).toBeVisible();
  const rows = page
    .getByRole('table')
    .locator('tbody')
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: /search face \d+/i }) });
  const n = Number((await page.getByText(/^\d+ faces found$/).textContent())!.split(' ')[0]);
  expect(n).toBeGreaterThan(1);
  await expect(rows).toHaveCount(n);
  await expect(rows.first()).toContainText(/Gender.*(Male|Female)/);
  await expect(rows.first()).toContainText('Expression');
  await expect(rows.first().getByRole('img', { name: 'Crop of face 1' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(/st_|_type_none/);
  // On to a search with one of them.
  await rows.nth(1).getByRole('link', { name: 'Search face 2' }).click();
  await expect(page).toHaveURL(/\/face-search\?snap=tmp%2F/);
  await expect(fs_.matches.first()).toContainText('No. 1');
  expect(await seriousViolations(page)).toEqual([]);
});
