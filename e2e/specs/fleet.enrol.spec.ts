// Enrol once, to many, and a face search across nodes (issue 18), on three
// emulators: one person enrolled on two nodes (the library created on the one
// that lacks it), a batch import to two nodes where one refuses a file (its
// library is full: a capacity of 2 on that emulator), and a search by photo
// whose hits name their node and open that node's person.
import type { Page } from '@playwright/test';
import { createLibrary, getFace, listLibraries } from '../../src/api/protocol';
import { hrefs, onNode } from '../../src/config/paths';
import { DEMO_PASSWORD, DEMO_USER, expect as baseExpect, test } from '../fixtures';
import { startFleet, type Fleet } from '../fleet';
import { FaceSearchPage } from '../pages/face-search-page';
import { FleetPage } from '../pages/fleet-page';
import { realFaces } from '../pages/libraries-data';
import { LibraryGalleryPage } from '../pages/libraries-gallery';
import { LibraryImportPage } from '../pages/libraries-import';

test.use({ locale: 'en-US' });
// Three emulators and the browser share two cores.
const expect = baseExpect.configure({ timeout: 60_000 });

let fleet: Fleet;
test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // node-3's libraries hold 2 faces at most: the third file of a batch is refused there.
  fleet = await startFleet(3, { nodes: [{}, {}, { libraryCapacity: 2 }], demoRecords: 20 });
});
test.afterAll(async () => {
  await fleet?.stop();
});

async function libraryOn(id: string, name: string): Promise<number | undefined> {
  return (await (await fleet.direct(id))(listLibraries, {})).find((l) => l.lib_name === name)?.lib_id;
}

async function signInFleet(page: Page, path: string): Promise<void> {
  const fp = new FleetPage(page);
  await page.goto(fleet.consoleUrl + path);
  await expect(page).toHaveURL(/\/login/);
  // Every node takes the demo password: the sign-in goes straight back to the page.
  await fp.logIn(DEMO_USER, DEMO_PASSWORD);
  await expect(page).toHaveURL(fleet.consoleUrl + path);
}

const stamp = Date.now();
const personId = `fleet-${stamp}`;
const personName = `Mia Chen ${stamp}`;
const enrolLib = `Entrances ${stamp}`;

test('one person enrolled on two nodes: the library is created where it is missing, and each node has them', async ({ page }) => {
  const a = fleet.node('node-1');
  const b = fleet.node('node-2');
  const callA = await fleet.direct(a.id);
  const faces = await realFaces({ url: a.url, call: callA }, 1);
  const { lib_id: libA } = await callA(createLibrary, { lib_name: enrolLib, lib_type: 1 });
  expect(await libraryOn(b.id, enrolLib)).toBeUndefined();

  await signInFleet(page, onNode(a.id, hrefs.library(libA)));
  const gallery = new LibraryGalleryPage(page);
  // An empty library offers "Add person" twice (its header and its empty state).
  await page.getByRole('button', { name: 'Add person' }).first().click();
  await gallery.photoInput().setInputFiles({ name: 'mia.jpg', mimeType: 'image/jpeg', buffer: faces[0]! });
  await expect(gallery.drawer.getByRole('status').filter({ hasText: /Face found, quality \d+/ })).toBeVisible();
  await gallery.fill('Picture id (img_id)', personId);
  await gallery.fill('Name', personName);

  // The node shown is the target by default; the second node lacks the library and says so.
  await expect(gallery.drawer.getByRole('checkbox', { name: `${a.name} (this node)` })).toBeChecked();
  await gallery.drawer.getByRole('checkbox', { name: b.name, exact: true }).check();
  await expect(gallery.drawer.getByText(`No library “${enrolLib}” (Blacklist) on this node.`)).toBeVisible();
  await expect(gallery.drawer.getByRole('radio', { name: 'Create it there' })).toBeChecked();
  await gallery.drawerButton('Enrol on 2 nodes');

  const outcome = gallery.drawer.getByRole('list', { name: 'Outcome per node' });
  await expect(outcome.getByRole('listitem').filter({ hasText: a.name })).toContainText(`Enrolled (img_id ${personId})`);
  await expect(outcome.getByRole('listitem').filter({ hasText: b.name })).toContainText(`Library created, enrolled (img_id ${personId})`);
  await expect(gallery.drawer.getByText('Enrolled on 2 of 2 nodes')).toBeVisible();

  // Each node's own API has the person, in its own library of that name and type.
  expect(await callA(getFace, { lib_id: libA, img_id: personId })).toMatchObject({ person_name: personName });
  const libB = await libraryOn(b.id, enrolLib);
  expect(libB).toBeDefined();
  const callB = await fleet.direct(b.id);
  expect((await callB(listLibraries, {})).find((l) => l.lib_id === libB)?.lib_type).toBe(1);
  expect(await callB(getFace, { lib_id: libB!, img_id: personId })).toMatchObject({ person_name: personName });
  await gallery.drawerButton('Done');
  await expect(gallery.card(personName)).toBeVisible();
});

test("a batch import to two nodes: a column per node, the refusing node's reason in words", async ({ page }) => {
  const a = fleet.node('node-1');
  const c = fleet.node('node-3');
  const callA = await fleet.direct(a.id);
  const faces = await realFaces({ url: a.url, call: callA }, 3);
  const name = `Batch ${stamp}`;
  const { lib_id: libA } = await callA(createLibrary, { lib_name: name, lib_type: 2 });
  await (
    await fleet.direct(c.id)
  )(createLibrary, { lib_name: name, lib_type: 2 });

  await signInFleet(page, onNode(a.id, hrefs.libraryImport(libA)));
  const imp = new LibraryImportPage(page);
  await page.getByRole('checkbox', { name: c.name, exact: true }).check();
  const files = [0, 1, 2].map((i) => ({
    name: `Batch${i}_batch-${stamp}-${i}_#_${i % 2}_${30 + i}_#.jpg`,
    mimeType: 'image/jpeg',
    buffer: faces[i % faces.length]!,
  }));
  await imp.filesInput.setInputFiles(files);
  await expect(imp.summary('Ready')).toContainText('3');
  await imp.button('Import the files (3)');
  await expect(imp.status).toContainText('Finished', { timeout: 120_000 });

  // A column per node: node-1 stored all three; node-3's library was full at the third.
  const colA = `${a.name} · ${a.site}`;
  const colC = `${c.name} · ${c.site}`;
  await expect(imp.table.getByRole('columnheader', { name: colA })).toBeVisible();
  await expect(imp.table.getByRole('columnheader', { name: colC })).toBeVisible();
  const headers = await imp.table.getByRole('columnheader').allInnerTexts();
  const at = (h: string) => headers.findIndex((x) => x.trim() === h);
  const cell = (file: string, col: string) => imp.row(file).getByRole('cell').nth(at(col));
  for (const f of files) await expect(cell(f.name, colA)).toHaveText('Stored');
  await expect(cell(files[0]!.name, colC)).toHaveText('Stored');
  await expect(cell(files[1]!.name, colC)).toHaveText('Stored');
  await expect(cell(files[2]!.name, colC)).toHaveText('Refused: The number of images has reached the limit (-122)');
});

test('a face search across nodes names the node of each hit, and the person link opens that node', async ({ page }) => {
  const a = fleet.node('node-1');
  const b = fleet.node('node-2');
  const faces = await realFaces({ url: a.url, call: await fleet.direct(a.id) }, 1);
  await signInFleet(page, onNode(a.id, hrefs.faceSearch()));
  const fs = new FaceSearchPage(page);
  await page.getByRole('checkbox', { name: b.name, exact: true }).check();
  await fs.givePhoto({ name: 'probe.jpg', mimeType: 'image/jpeg', buffer: faces[0]! });
  await expect(fs.photo()).toBeVisible();
  await page.getByRole('button', { name: 'Search on 2 nodes' }).click();

  // The person is on both nodes: one hit each, each naming its node.
  const hits = fs.matches.filter({ hasText: personName });
  await expect(hits).toHaveCount(2);
  await expect(hits.filter({ hasText: `On ${a.name} · ${a.site}` })).toHaveCount(1);
  const onB = hits.filter({ hasText: `On ${b.name} · ${b.site}` });
  await expect(onB).toHaveCount(1);

  const libB = await libraryOn(b.id, enrolLib);
  await onB.getByRole('link', { name: 'Open in the library' }).click();
  await expect(page).toHaveURL(`${fleet.consoleUrl}${onNode(b.id, hrefs.person(libB!, personId))}`);
  await expect(page.getByTestId('device-id')).toHaveText(b.deviceId);
  await expect(page.getByRole('dialog').getByText(personName).first()).toBeVisible();
});
