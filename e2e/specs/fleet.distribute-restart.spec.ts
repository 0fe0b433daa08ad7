// A target restarts in the middle of a distribution (issue 18: "a node that
// goes away mid-run resumes where it stopped"). A restart ends the node's
// sessions, so coming back is not enough: the run's panel offers that node's
// sign-in, and once signed in the run goes on there and completes, nothing
// lost or sent twice (checked against the node's own API).
import { createLibrary, queryFaces } from '../../src/api/protocol';
import { listLibraries } from '../../src/api/protocol/libraries';
import { hrefs } from '../../src/config/paths';
import { DEMO_PASSWORD, DEMO_USER, expect, test } from '../fixtures';
import { startFleet, type Fleet } from '../fleet';
import { DistributePage } from '../pages/distribute-page';
import { FleetPage } from '../pages/fleet-page';

let fleet: Fleet;
let srcLib: number;
const LIB = 'Restart watch list';
const PERSONS = 40;

test.describe.configure({ timeout: 120_000 });
// The node's answers while it is away (502 from the console's server) are the browser's own log lines.
test.use({ allowConsoleErrors: ['Failed to load resource'] });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fleet = await startFleet(2, { demoRecords: 10 });
  const call = await fleet.direct('node-1');
  srcLib = (await call(createLibrary, { lib_name: LIB, lib_type: 1 })).lib_id;
  await fleet.fault('node-1', 'faces/fill', { libId: srcLib, count: PERSONS, prefix: 'rst' });
});
test.afterAll(async () => {
  await fleet?.stop();
});

test('a target restarted mid-run: the panel asks for its sign-in, then the run completes there, each person once', async ({ page }) => {
  const fp = new FleetPage(page);
  await page.goto(fleet.consoleUrl + '/');
  await fp.logIn(DEMO_USER, DEMO_PASSWORD);
  await expect(page).toHaveURL(`${fleet.consoleUrl}/`);
  // A node that takes its time over each enrolment: the run is still going when it restarts.
  await fleet.fault('node-2', 'latency', { ms: 400 });
  await page.goto(`${fleet.consoleUrl}${hrefs.distribute({ src: 'node-1', lib: srcLib })}`);

  const d = new DistributePage(page);
  const n2 = fleet.node('node-2').name;
  await expect(d.summaryOf(n2)).toContainText(`0 present, ${PERSONS} missing`);
  await d.button(/^distribute$/i).click();
  await d.confirm.getByRole('button', { name: 'Create and distribute' }).click();
  const node = d.runNode(n2);
  await expect(node).toContainText(new RegExp(`Running\\s*([4-9]|[1-3]\\d) of ${PERSONS},`));

  await fleet.fault('node-2', 'restart', { seconds: 2 });
  await expect(node).toContainText(`${n2}'s session has ended`, { timeout: 30_000 });
  await expect(node).toContainText('Node not answering, trying again');
  await node.getByLabel('Password').fill(DEMO_PASSWORD);
  await node.getByRole('button', { name: `Sign in to ${n2}` }).click();

  await expect(node).toContainText('Done', { timeout: 30_000 });
  await expect(node).toContainText(`${PERSONS} of ${PERSONS}, 0 failed`);
  await expect(node.getByRole('button', { name: `Sign in to ${n2}` })).toHaveCount(0);
  await expect(d.summaryOf(n2)).toContainText(`${PERSONS} present, 0 missing, 0 differ, 0 failed`);
  const target = (await (await fleet.direct('node-2'))(listLibraries, {})).find((l) => l.lib_name === LIB);
  expect((await (await fleet.direct('node-2'))(queryFaces, { lib_id: target!.lib_id, qry_len: 1 })).total_num).toBe(PERSONS);
});
