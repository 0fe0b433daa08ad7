// The merged alarm wall against three nodes (issue 17, docs/fleet-console.md):
// alarms of every node in one wall with their node; one node's socket dropped
// and recovered with nothing lost or duplicated, checked against that node's
// own history (1036); the other nodes live meanwhile; filters by node.
import type { Page } from '@playwright/test';
import { getTime, listCameras, queryAlarms } from '../../src/api/protocol';
import { hrefs } from '../../src/config/paths';
import { DEMO_PASSWORD, DEMO_USER, expect as baseExpect, test } from '../fixtures';
import { startFleet, type Fleet, type FleetNode } from '../fleet';
import { WallDevice } from '../pages/alarm-wall-device';
import { AlarmWallPage } from '../pages/alarm-wall-page';
import { FleetPage } from '../pages/fleet-page';

let fleet: Fleet;

test.use({
  locale: 'en-US',
  // While a node's socket is down the browser logs the failed upgrade.
  allowConsoleErrors: ['Failed to load resource', 'WebSocket connection'],
});
test.describe.configure({ mode: 'serial', timeout: 150_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  fleet = await startFleet(3, { demoRecords: 40 });
});
test.afterAll(async () => {
  await fleet?.stop();
});

async function device(n: FleetNode): Promise<WallDevice> {
  return new WallDevice(n.url, await fleet.direct(n.id), n.faultToken ?? undefined);
}

/**
 * A library person of the node and the cameras that compare with their
 * library (each node's demo wires its own): a capture there is a match, which
 * the alarm history (1036) holds, so a gap's captures can come back from it.
 */
async function matchable(dev: WallDevice, index: number): Promise<{ photo: string; libId: number; channels: number[] }> {
  const cams = (await dev.call(listCameras, {})).camera;
  // Whitelists first (no chime); a node whose cameras watch blacklists only, a blacklist person.
  for (const type of [2, 1] as const) {
    const person = await dev.person(type, index);
    const channels = cams.filter((c) => c.lib_ids.split(',').some((id) => Number(id.trim()) === person.libId)).map((c) => c.channel);
    if (channels.length) return { ...person, channels };
  }
  throw new Error(`no camera of ${dev.url} compares with a library`);
}

/** The merged wall, signed in to every node. */
async function openWall(page: Page, query = ''): Promise<AlarmWallPage> {
  await page.goto(`${fleet.consoleUrl}/login?next=${encodeURIComponent(hrefs.fleetAlarmWall() + query)}`);
  await new FleetPage(page).logIn(DEMO_USER, DEMO_PASSWORD);
  await expect(page).toHaveURL(new RegExp(`/alarm-wall${query.replace('?', '\\?')}$`));
  for (const n of fleet.nodes) await expect(nodeState(page, n)).toHaveAccessibleName(`${n.name}: live`, { timeout: 60_000 });
  // The sign-in's click left the pointer where cards now come, and a wall holds still under the pointer.
  await page.mouse.move(1, 1);
  return new AlarmWallPage(page);
}

const nodeState = (page: Page, n: FleetNode) =>
  page.getByRole('region', { name: /node connections/i }).getByRole('status', { name: new RegExp(`^${n.name}:`) });

test('alarms of all three nodes in one wall, each with its node; one node dropped and back: its gap from its history, once each, the others live throughout; filter by node', async ({
  page,
}) => {
  const [a, b, c] = fleet.nodes as [FleetNode, FleetNode, FleetNode];
  const wall = await openWall(page);
  const devices = new Map<string, WallDevice>();
  for (const n of fleet.nodes) devices.set(n.id, await device(n));
  const dev = (n: FleetNode) => devices.get(n.id)!;
  const staff = new Map<string, Awaited<ReturnType<typeof matchable>>>();
  for (const n of fleet.nodes) staff.set(n.id, await matchable(dev(n), 1));
  const capture = async (n: FleetNode, i = 0) => {
    const s = staff.get(n.id)!;
    return dev(n).capture(s.channels[i % s.channels.length]!, s.photo);
  };

  // One capture per node: each on the wall under its node's key, naming its node and site.
  for (const n of fleet.nodes) {
    const [id] = await capture(n);
    const card = wall.card(`${n.id}:${id}`);
    await expect(card).toHaveCount(1);
    await expect(card).toContainText(n.name);
    if (n.site) await expect(card).toContainText(n.site);
  }

  // Node B's history from here on is what the wall must hold of it, exactly.
  const bCall = await fleet.direct(b.id);
  const from = (await bCall(getTime, {})).sys_time;

  // Hold node B's next key request (1286): its gap lasts until we let it go.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(`**/node/${b.id}/api/json`, async (route) => {
    if (/"msg_id":"1286"/.test(route.request().postData() ?? '')) await held;
    await route.fallback();
  });
  await dev(b).dropSockets();
  await expect(nodeState(page, b)).toHaveAccessibleName(new RegExp(`^${b.name}: (reconnecting|connecting)`));

  // B captures while away; A and C go on, live.
  const missed = [...(await capture(b)), ...(await capture(b, 1))];
  expect(missed).toHaveLength(2);
  const [meanwhileA] = await capture(a, 1);
  const [meanwhileC] = await capture(c, 1);
  await expect(wall.card(`${a.id}:${meanwhileA}`)).toHaveCount(1);
  await expect(wall.card(`${c.id}:${meanwhileC}`)).toHaveCount(1);
  await expect(nodeState(page, a)).toHaveAccessibleName(`${a.name}: live`);
  await expect(nodeState(page, c)).toHaveAccessibleName(`${c.name}: live`);
  for (const id of missed) await expect(wall.card(`${b.id}:${id}`)).toHaveCount(0);

  release();
  await expect(nodeState(page, b)).toHaveAccessibleName(`${b.name}: live`);
  for (const id of missed) {
    await expect(wall.card(`${b.id}:${id}`)).toHaveCount(1);
    await expect(wall.card(`${b.id}:${id}`).getByText('Recovered')).toBeVisible();
  }
  // After it is back, live again.
  const [after] = await capture(b, 2);
  await expect(wall.card(`${b.id}:${after}`)).toHaveCount(1);

  // Against B's own history: every alarm it stored since `from` is on the wall once, and no other of B's.
  // (`from` is whole seconds: the capture before the drop may share its second, and is in it too.)
  const history = await bCall(queryAlarms, { start_time: from, start_no: 1, qry_len: 50 });
  const stored = history.record.map((r) => `${b.id}:${r.snap_id}`);
  expect(stored).toEqual(expect.arrayContaining([...missed, after!].map((id) => `${b.id}:${id}`)));
  for (const key of stored) await expect(wall.card(key)).toHaveCount(1);
  const order = await wall.order();
  expect(new Set(order).size).toBe(order.length);

  // Filter by node: only A's, in the URL; cleared, all again.
  await wall.chooseOption(page.getByRole('combobox', { name: /^nodes$/i }), a.name);
  await expect(page).toHaveURL(new RegExp(`[?&]node=${a.id}(&|$)`));
  await expect(wall.card(`${a.id}:${meanwhileA}`)).toHaveCount(1);
  await expect(wall.card(`${c.id}:${meanwhileC}`)).toHaveCount(0);
  await expect(wall.card(`${b.id}:${after}`)).toHaveCount(0);
  expect((await wall.order()).every((k) => k.startsWith(`${a.id}:`))).toBe(true);
  await wall.clearFilters.click();
  await expect(wall.card(`${c.id}:${meanwhileC}`)).toHaveCount(1);
});

test("an alarm's links go to its own node's pages", async ({ page }) => {
  const c = fleet.nodes[2]!;
  const wall = await openWall(page);
  const dev = await device(c);
  const person = await matchable(dev, 2);
  const [id] = await dev.capture(person.channels[0]!, person.photo);
  await wall.card(`${c.id}:${id}`).click();
  await expect(wall.detail).toBeVisible();
  await expect(wall.detail.getByRole('link', { name: /in the gallery|library/i }).first()).toHaveAttribute(
    'href',
    new RegExp(`^/n/${c.id}/libraries/${person.libId}\\?face=`),
  );
});

test('left for another page and opened again by the menu, the wall shows what it showed (acknowledged stays so) and what came meanwhile', async ({
  page,
}) => {
  const [a, b] = fleet.nodes as [FleetNode, FleetNode, FleetNode];
  const wall = await openWall(page);
  const devA = await device(a);
  const devB = await device(b);
  const [personA, personB] = [await matchable(devA, 3), await matchable(devB, 3)];
  const [seen] = await devA.capture(personA.channels[0]!, personA.photo);
  await expect(wall.card(`${a.id}:${seen}`)).toHaveCount(1);
  await wall.ackButton(`${a.id}:${seen}`).click();
  await expect(wall.card(`${a.id}:${seen}`)).toHaveAccessibleName(/, Acknowledged$/);

  await wall.navigation.getByRole('link', { name: 'All nodes' }).click();
  await expect(new FleetPage(page).card(a.name)).toBeVisible();
  // Node B captures while nobody watches: its history (1036) holds the match.
  const [meanwhile] = await devB.capture(personB.channels[0]!, personB.photo);

  await wall.navigation.getByRole('link', { name: 'Fleet alarm wall' }).click();
  await expect(wall.card(`${a.id}:${seen}`)).toHaveAccessibleName(/, Acknowledged$/);
  await expect(wall.card(`${b.id}:${meanwhile}`)).toHaveCount(1);
  for (const n of fleet.nodes) await expect(nodeState(page, n)).toHaveAccessibleName(`${n.name}: live`);
  // Every node live again, its gap read: the alarm from history is there once, not again from the push.
  await expect(wall.card(`${b.id}:${meanwhile}`)).toHaveCount(1);
});
