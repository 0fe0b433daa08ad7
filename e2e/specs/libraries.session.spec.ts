// Issue 4, then issue 14 item 1: a session that expires mid-form keeps the user
// on the same gallery view (page, search, layout) with the half-filled enrol
// form and its photo; the password is asked for over the page and the Enrol
// that met the expiry is sent once, after the new login.
import { createClient } from '../../src/api/client';
import { createLibrary, enrolFace, logout, queryFaces } from '../../src/api/protocol';
import { DEMO_PASSWORD, expect as baseExpect, test } from '../fixtures';
import { realFaces } from '../pages/libraries-data';
import { LibraryGalleryPage } from '../pages/libraries-gallery';
import { ReauthDialog } from '../pages/reauth-dialog';

test.use({ locale: 'en-US' });
// Several suites share 2 cores: a page can take a while to load.
const expect = baseExpect.configure({ timeout: 60_000 });

test('an expired session keeps the gallery view and the unsaved enrol form, and sends it after the new login', async ({
  loggedIn: page,
  device,
}) => {
  test.setTimeout(420_000);
  const stamp = Date.now();
  const faces = await realFaces(device, 2);
  const { lib_id: libId } = await device.call(createLibrary, { lib_name: `Session ${stamp}`, lib_type: 1 });
  await device.call(enrolFace, {
    lib_id: libId,
    person_name: `Kim ${stamp}`,
    img: new File([new Uint8Array(faces[1]!)], 'kim.jpg', { type: 'image/jpeg' }),
  });

  const gallery = new LibraryGalleryPage(page);
  const view = `view=table&size=20&q=${stamp}`;
  await gallery.goto(libId, view);
  await expect(page.getByRole('table').getByRole('button', { name: `Open Kim ${stamp}` })).toBeVisible();

  // A half-filled enrol form, with its photo.
  await gallery.openEnrol();
  await gallery.photoInput().setInputFiles({ name: 'lee.jpg', mimeType: 'image/jpeg', buffer: faces[0]! });
  await expect(gallery.drawer.getByRole('status').filter({ hasText: /Face found/ })).toBeVisible();
  await gallery.fill('Name', `Lee ${stamp}`);
  await gallery.fill('Age', '41');

  // The device forgets the browser's session (30 idle minutes): ended from outside,
  // this session only, so other specs running beside this one keep theirs.
  const sessionId = await page.evaluate(
    () => (JSON.parse(sessionStorage.getItem('nebula.session') ?? '{}') as { state?: { sessionId?: string } }).state?.sessionId ?? null,
  );
  expect(sessionId).toBeTruthy();
  await createClient({ baseUrl: device.url, getSession: () => sessionId })(logout, {});
  const url = page.url();
  await gallery.drawerButton('Enrol');

  // Asked for the password over the page: same view, the form and its photo still there.
  const reauth = new ReauthDialog(page);
  await expect(reauth.dialog).toBeVisible();
  expect(page.url()).toBe(url);
  await expect(gallery.field('Name')).toHaveValue(`Lee ${stamp}`);
  await expect(gallery.field('Age')).toHaveValue('41');
  await expect(gallery.drawer.getByRole('status').filter({ hasText: /Face found/ })).toBeVisible();
  // Nothing was stored while the session was gone (Chromium hides multipart bodies from request events, so the library tells).
  expect((await device.call(queryFaces, { lib_id: libId })).total_num).toBe(1);

  // Logged in again, the Enrol that met the expiry is sent, once.
  await reauth.logIn(DEMO_PASSWORD);
  await expect(page.getByText(new RegExp(`Lee ${stamp} enrolled`))).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/libraries/${libId}\\?view=table&size=20&q=${stamp}`));
  await expect(page.getByRole('table').getByRole('button', { name: `Open Kim ${stamp}` })).toBeVisible();
  expect((await device.call(queryFaces, { lib_id: libId })).total_num).toBe(2);
});
