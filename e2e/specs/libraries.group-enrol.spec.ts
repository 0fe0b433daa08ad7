// Issue 14 item 6: enrolling from a group photo. The user picks the second
// face from the left; the device then holds that person (a search with the
// device's own crop of face 2 finds them, far above face 1), and the detail
// shows their face boxed on the stored picture.
import fs from 'node:fs';
import path from 'node:path';
import { createLibrary, detectFaces, queryFaces, searchFace } from '../../src/api/protocol';
import { leftToRight } from '../../src/api/protocol/face-box';
import { expect as baseExpect, test } from '../fixtures';
import { LibraryGalleryPage } from '../pages/libraries-gallery';

test.use({ locale: 'en-US' });
// The face engine is real work on a shared 2-core machine.
const expect = baseExpect.configure({ timeout: 60_000 });

const SAMPLE = path.resolve('node_modules/@vladmandic/face-api/demo/sample1.jpg');

test('a group photo: the user chooses face 2, and face 2 is who is enrolled', async ({ loggedIn: page, device }) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const bytes = fs.readFileSync(SAMPLE);
  const faces = leftToRight(
    await device.call(detectFaces, { img: new File([new Uint8Array(bytes)], 'sample1.jpg', { type: 'image/jpeg' }) }),
  );
  expect(faces.length).toBeGreaterThan(2);
  const { lib_id: libId } = await device.call(createLibrary, { lib_name: `Group ${stamp}`, lib_type: 1 });

  const gallery = new LibraryGalleryPage(page);
  // An empty library offers "Add person" twice (toolbar and empty state): the drawer's own address.
  await gallery.goto(libId, 'enrol=1');
  await gallery.photoInput().setInputFiles({ name: 'sample1.jpg', mimeType: 'image/jpeg', buffer: bytes });
  await expect(gallery.drawer.getByText(`The photo shows ${faces.length} faces. Choose the person to enrol:`)).toBeVisible();
  // Nothing is taken silently: no face, no enrolment.
  await expect(gallery.drawer.getByRole('button', { name: 'Enrol' })).toBeDisabled();
  await expect(gallery.drawer.getByText('Choose which face of the photo to enrol first.')).toBeVisible();

  await gallery.drawer.getByRole('radio', { name: /^Face 2 \(quality \d+\)$/ }).check();
  await expect(gallery.drawer.getByRole('status').filter({ hasText: /^Face 2 will be enrolled/ })).toBeVisible();
  await expect(gallery.drawer.getByRole('img', { name: 'Chosen photo sample1-face2.jpg' })).toBeVisible();
  const imgId = `group-${stamp}`;
  await gallery.fill('Picture id (img_id)', imgId);
  await gallery.fill('Name', `Second From Left ${stamp}`);
  await gallery.drawerButton('Enrol');
  await expect(gallery.card(`Second From Left ${stamp}`)).toBeVisible();

  // The device holds face 2: its own crop of face 2 finds the person, face 1's scores far lower.
  const stored = (await device.call(queryFaces, { lib_id: libId, start_no: 1, qry_len: 10 })).record;
  expect(stored.map((f) => f.img_id)).toEqual([imgId]);
  const score = async (n: number) => {
    const res = await fetch(`${device.url}/ws/${faces[n]!.img_path}`);
    const img = new File([new Uint8Array(await res.arrayBuffer())], `face${n}.jpg`, { type: 'image/jpeg' });
    const answer = await device.call(searchFace, { img, lib_ids: String(libId), threshold: 1, topk: 1 });
    return answer.topn.find((m) => m.img_id === imgId)?.similarity ?? 0;
  };
  const second = await score(1);
  const first = await score(0);
  expect(second).toBeGreaterThanOrEqual(80);
  expect(second - first).toBeGreaterThan(20);

  // The detail shows the stored picture with the enrolled face boxed.
  await gallery.open(`Second From Left ${stamp}`);
  await expect(page.getByRole('dialog').getByRole('img', { name: `Photo of Second From Left ${stamp}` })).toBeVisible();
  await expect(page.getByRole('dialog').getByTestId('face-box')).toBeVisible();
});
