// Issue 4, "session and shell, finished": a session that expires mid-form sends
// the user to the login page and back to the same gallery view (page, search,
// layout), with the half-filled enrol form and its photo restored; nothing is
// sent again by itself.
import { createClient } from '../../src/api/client';
import { createLibrary, enrolFace, logout, queryFaces } from '../../src/api/protocol';
import { DEMO_PASSWORD, DEMO_USER, expect as baseExpect, test } from '../fixtures';
import { realFaces } from '../pages/libraries-data';
import { LibraryGalleryPage } from '../pages/libraries-gallery';
import { LoginPage } from '../pages/login-page';

test.use({ locale: 'en-US' });
// Several suites share 2 cores: a page can take a while to load.
const expect = baseExpect.configure({ timeout: 60_000 });

test('an expired session keeps the gallery view and the unsaved enrol form', async ({ loggedIn: page, device }) => {
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
  await gallery.drawerButton('Enrol');

  // Login page, remembering where the user was.
  const login = new LoginPage(page);
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(login.expiredNotice).toBeVisible();
  const next = decodeURIComponent(new URL(page.url()).searchParams.get('next') ?? '');
  expect(next).toContain(`/libraries/${libId}?`);
  expect(next).toContain('view=table');
  expect(next).toContain(`q=${stamp}`);
  expect(next).toContain('enrol=1');
  await login.logIn(DEMO_USER, DEMO_PASSWORD);

  // Back: same view, the form and its photo restored, nothing sent by itself.
  await expect(page).toHaveURL(new RegExp(`/libraries/${libId}\\?.*view=table`));
  await expect(page.getByRole('table').getByRole('button', { name: `Open Kim ${stamp}` })).toBeVisible();
  await expect(gallery.drawer.getByText('Your unsaved input from last time has been restored.')).toBeVisible();
  await expect(gallery.field('Name')).toHaveValue(`Lee ${stamp}`);
  await expect(gallery.field('Age')).toHaveValue('41');
  await expect(gallery.drawer.getByRole('status').filter({ hasText: /Face found/ })).toBeVisible();
  // Nothing was sent again by itself (Chromium hides multipart bodies from request events, so the library tells).
  expect((await device.call(queryFaces, { lib_id: libId })).total_num).toBe(1);

  // The user sends it again, on purpose.
  await gallery.drawerButton('Enrol');
  await expect(page.getByText(new RegExp(`Lee ${stamp} enrolled`))).toBeVisible();
  expect((await device.call(queryFaces, { lib_id: libId })).total_num).toBe(2);
});
