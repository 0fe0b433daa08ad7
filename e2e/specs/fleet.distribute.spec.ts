// Distribute a library across a fleet (issue 18), on three emulators: node-1's
// 30-person library to node-2 and node-3, node-3 with room for 25 faces per
// library, and one person whose stored photo has no face. The ledger is
// checked against what each node's own API answers.
import { createLibrary, deleteFace, getFace, queryFaces, updateFace } from '../../src/api/protocol';
import { listLibraries } from '../../src/api/protocol/libraries';
import { hrefs } from '../../src/config/paths';
import { DEMO_PASSWORD, DEMO_USER, expect, test } from '../fixtures';
import { startFleet, type Fleet } from '../fleet';
import { DistributePage } from '../pages/distribute-page';
import { FleetPage } from '../pages/fleet-page';
import { blankPhoto } from '../pages/libraries-data';

let fleet: Fleet;
let srcLib: number;
const LIB = 'Entrance watch list';
const id = (n: number) => `dist-${String(n).padStart(6, '0')}`;
const SMALL = 25;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

async function libOn(node: string): Promise<number> {
  const lib = (await (await fleet.direct(node))(listLibraries, {})).find((l) => l.lib_name === LIB);
  if (!lib) throw new Error(`no ${LIB} on ${node}`);
  return lib.lib_id;
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  fleet = await startFleet(3, { nodes: [{}, {}, { libraryCapacity: SMALL }], demoRecords: 20 });
  const call = await fleet.direct('node-1');
  srcLib = (await call(createLibrary, { lib_name: LIB, lib_type: 1 })).lib_id;
  await fleet.fault('node-1', 'faces/fill', { libId: srcLib, count: 30, prefix: 'dist' });
  await call(updateFace, {
    lib_id: srcLib,
    img_id: id(5),
    person_name: 'Li Lei',
    person_idcard: '110105199001011234',
    person_gender: '1',
    person_age: '35',
    person_addr: 'Gate 3',
  });
  // Enrolled by an older engine: today's nodes find no face in it.
  await fleet.fault('node-1', 'faces/picture', {
    libId: srcLib,
    imgId: id(1),
    photo: `data:image/jpeg;base64,${(await blankPhoto()).toString('base64')}`,
  });
});
test.afterAll(async () => {
  await fleet?.stop();
});

test('a library distributed to two nodes: the ledger names each refusal, a retry with room completes it, removals and drift are found', async ({
  page,
}) => {
  const fp = new FleetPage(page);
  await page.goto(fleet.consoleUrl + '/');
  await fp.logIn(DEMO_USER, DEMO_PASSWORD);
  await expect(page).toHaveURL(`${fleet.consoleUrl}/`);
  // From the library's own page on the source node.
  await page.goto(`${fleet.consoleUrl}/n/node-1${hrefs.library(srcLib)}`);
  await page.getByRole('link', { name: 'Distribute to other nodes' }).click();
  await expect(page).toHaveURL(/\/distribute\?src=node-1&lib=/);

  const d = new DistributePage(page);
  const n2 = fleet.node('node-2').name;
  const n3 = fleet.node('node-3').name;
  await expect(page.getByRole('checkbox', { name: new RegExp(n2) })).toBeChecked();
  await expect(page.getByText(`Library “${LIB}” will be created`)).toHaveCount(2);
  await expect(d.summaryOf(n2)).toContainText('0 present, 30 missing');

  await d.button(/^distribute$/i).click();
  await expect(d.confirm).toContainText('Create the library on 2 nodes?');
  await d.confirm.getByRole('button', { name: 'Create and distribute' }).click();
  await expect(d.runNode(n2)).toContainText('Done');
  await expect(d.runNode(n3)).toContainText('Done');
  await expect(d.runNode(n2)).toContainText('30 of 30, 1 failed');
  await expect(d.runNode(n3)).toContainText('30 of 30, 5 failed');
  // Read again from the nodes after the run.
  await expect(d.summaryOf(n2)).toContainText('29 present, 0 missing, 0 differ, 1 failed');
  await expect(d.summaryOf(n3)).toContainText(`${SMALL} present, 0 missing, 0 differ, 5 failed`);

  // Exactly those as failed, each with the device's reason.
  await d.show(/^failed/i);
  await expect(d.rows()).toHaveCount(5);
  const noFace = d.row(id(1));
  await expect(noFace.getByText('No face detected')).toHaveCount(2);
  await expect(d.table.getByText('The number of images has reached the limit')).toHaveCount(4);
  // The attributes came with the person.
  const n2Lib = await libOn('node-2');
  const copied = await (await fleet.direct('node-2'))(getFace, { lib_id: n2Lib, img_id: id(5) });
  expect([copied.person_name, copied.person_idcard, copied.person_gender, copied.person_age, copied.person_addr]).toEqual([
    'Li Lei',
    '110105199001011234',
    '1',
    '35',
    'Gate 3',
  ]);

  // Room again on node-3: the retry completes it, the no-face photo stays refused.
  await fleet.fault('node-3', 'library-capacity', { capacity: 100 });
  await d.button(/^retry failed \(6\)$/i).click();
  await expect(d.runNode(n3)).toContainText('5 of 5, 1 failed');
  await expect(d.runNode(n3)).toContainText('Done');
  await expect(d.summaryOf(n3)).toContainText('29 present, 0 missing, 0 differ, 1 failed');
  await expect(d.rows()).toHaveCount(1);
  await expect(noFace).toBeVisible();
  const n3Lib = await libOn('node-3');
  expect((await (await fleet.direct('node-3'))(queryFaces, { lib_id: n3Lib, qry_len: 1 })).total_num).toBe(29);

  // A person deleted on the source is offered for removal on the targets (asked first).
  await (
    await fleet.direct('node-1')
  )(deleteFace, { lib_id: srcLib, img_id: id(30) });
  await d.button(/^check again$/i).click();
  await d.show(/^not on the source/i);
  await expect(d.rows()).toHaveCount(1);
  await expect(d.row(id(30))).toBeVisible();
  await d.button(/^remove those not on the source \(2\)$/i).click();
  await expect(d.confirm).toContainText('Delete 2 persons from the target nodes?');
  await d.confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(d.rows()).toHaveCount(0);
  await expect(d.confirm).toHaveCount(0);
  await expect((await fleet.direct('node-2'))(getFace, { lib_id: n2Lib, img_id: id(30) })).rejects.toThrow(/-126/);

  // A person deleted on node-2 through that node's own page (another tab: this one keeps its run's memory)
  // is missing there at the next check.
  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    page.evaluate((url) => void window.open(url), `/n/node-2${hrefs.person(n2Lib, id(10))}`),
  ]);
  await tab.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await tab
    .getByRole('dialog', { name: /^Delete dist 000010\?$/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(tab.getByText('dist 000010 deleted')).toBeVisible();
  await tab.close();
  // Back to this tab: a tab behind another gets no animation frames (antd's dialogs close on them).
  await page.bringToFront();
  await d.button(/^check again$/i).click();
  await expect(d.summaryOf(n2)).toContainText('27 present, 1 missing, 0 differ, 1 failed');
  await expect(d.summaryOf(n3)).toContainText('28 present, 0 missing, 0 differ, 1 failed');
  await d.show(/^missing/i);
  await expect(d.rows()).toHaveCount(1);
  await expect(d.row(id(10)).getByText('Missing')).toHaveCount(1);

  // On a phone the page is no wider than the screen (the ledger scrolls inside its box).
  await d.show(/^all/i);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath('distribute-390.png'), fullPage: true });
});
