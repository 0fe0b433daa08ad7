// The console in front of three nodes (issue 17, docs/fleet-console.md): the
// fleet sign-in with one node refusing, the overview's figures checked against
// each node's own API, and every page per node, a copied link included.
import type { Page } from '@playwright/test';
import { createClient } from '../../src/api/client';
import { getTime, getVersion, listCameras, logout, queryAlarms } from '../../src/api/protocol';
import { formatDeviceTime, parseDeviceTime } from '../../src/api/protocol/device-time';
import { hrefs } from '../../src/config/paths';
import { DEMO_PASSWORD, DEMO_USER, expect, test } from '../fixtures';
import { startFleet, type Fleet } from '../fleet';
import { CamerasPage } from '../pages/cameras-page';
import { FleetPage } from '../pages/fleet-page';
import { ReauthDialog } from '../pages/reauth-dialog';

let fleet: Fleet;
const OTHER_PASSWORD = 'Other@12345';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // node-2 has its own password: the fleet's sign-in is refused there.
  fleet = await startFleet(3, { nodes: [{}, { password: OTHER_PASSWORD }, {}], demoRecords: 60 });
});
test.afterAll(async () => {
  await fleet?.stop();
});

async function signInFleet(page: Page, path = '/'): Promise<FleetPage> {
  const fp = new FleetPage(page);
  await page.goto(fleet.consoleUrl + path);
  await expect(page).toHaveURL(/\/login/);
  await fp.logIn(DEMO_USER, DEMO_PASSWORD);
  await expect(fp.refusals).toBeVisible();
  await fp.goOn.click();
  return fp;
}

test('fleet sign-in: the refusing node is listed with its reason and signs in on its own; the overview shows every node with its figures', async ({
  page,
}) => {
  const fp = new FleetPage(page);
  await page.goto(fleet.consoleUrl + '/');
  await fp.logIn(DEMO_USER, DEMO_PASSWORD);
  const lobby = fleet.node('node-2');
  await expect(fp.refusals).toContainText(lobby.name);
  await expect(fp.refusals).toContainText(/wrong user name or password|用户名或密码错误/i);
  await expect(fp.refusals).not.toContainText(fleet.node('node-1').name);
  await fp.goOn.click();
  await expect(page).toHaveURL(`${fleet.consoleUrl}/`);

  for (const n of fleet.nodes.filter((x) => x.id !== 'node-2')) {
    const call = await fleet.direct(n.id);
    const [version, cameras, time] = await Promise.all([call(getVersion, {}), call(listCameras, {}), call(getTime, {})]);
    const midnight = Math.floor(parseDeviceTime(time.sys_time)! / 86_400_000) * 86_400_000;
    const today = await call(queryAlarms, { start_time: formatDeviceTime(midnight), start_no: 1, qry_len: 1 });
    const online = cameras.camera.filter((c) => c.status === 1).length;
    await expect(fp.field(n.name, /device id|设备 ID/i)).toHaveText(version.device_id);
    await expect(fp.field(n.name, /version|版本/i)).toHaveText(version.version);
    await expect(fp.field(n.name, /cameras online|相机在线/i)).toHaveText(new RegExp(`^${online}\\D+${cameras.camera.length}$`));
    await expect(fp.field(n.name, /computing power|算力/i)).toHaveText(
      `${cameras.used_computing_power} / ${cameras.computing_power_capacity}`,
    );
    await expect(fp.field(n.name, /alarms today|今日报警/i)).toHaveText(String(today.total_num));
    await expect(fp.field(n.name, /^(cpu)$/i)).toHaveText(/^\d+%$/);
    await expect(fp.field(n.name, /memory|内存/i)).toHaveText(/^\d+%$/);
    await expect(fp.field(n.name, /storage|存储/i)).toHaveText(/^\d+%$/);
    expect(version.device_id).toBe(n.deviceId);
  }
  // The node that refused comes first in its site, not signed in, and signs in from its card.
  await expect(fp.field(lobby.name, /connection|连接/i)).toHaveText(/not signed in|未登录/i);
  await fp
    .card(lobby.name)
    .getByRole('button', { name: /sign in to this node|登录此节点/i })
    .click();
  await expect(page).toHaveURL(`${fleet.consoleUrl}/n/node-2`);
  await page.getByLabel(/password|密码/i).fill(OTHER_PASSWORD);
  await page.getByRole('button', { name: new RegExp(lobby.name) }).click();
  await expect(page.getByTestId('device-id')).toHaveText(lobby.deviceId);
  await page.getByRole('link', { name: /all nodes|全部节点/i }).click();
  await expect(fp.field(lobby.name, /device id|设备 ID/i)).toHaveText(lobby.deviceId);
});

test("a page per node: node B's cameras are node B's, the picker keeps the page, and a copied link opens node B's page", async ({
  page,
  context,
}) => {
  const b = fleet.node('node-3');
  const a = fleet.node('node-1');
  const fp = await signInFleet(page, `/n/${b.id}/cameras`);
  // Back where the link pointed, after the sign-in.
  await expect(page).toHaveURL(`${fleet.consoleUrl}/n/${b.id}/cameras`);
  await expect(page.getByTestId('device-id')).toHaveText(b.deviceId);
  const camerasOf = async (id: string) => (await (await fleet.direct(id))(listCameras, {})).camera.map((c) => c.camera_name);
  const bCameras = await camerasOf(b.id);
  const cameras = new CamerasPage(page);
  const shows = async (names: string[]) => {
    for (const name of names) await expect(cameras.row(name)).toBeVisible();
  };
  await shows(bCameras);

  // The picker: the same section on node A.
  await fp.pick(a.name);
  await expect(page).toHaveURL(`${fleet.consoleUrl}/n/${a.id}/cameras`);
  await expect(page.getByTestId('device-id')).toHaveText(a.deviceId);
  const aCameras = await camerasOf(a.id);
  await shows(aCameras);
  // Node B's own cameras (the ones node A has not) are gone.
  for (const name of bCameras.filter((n) => !aCameras.includes(n))) await expect(cameras.row(name)).toHaveCount(0);

  // Links on node A's pages are node A's.
  await page.getByRole('link', { name: /^records$|^记录$/i }).click();
  await expect(page).toHaveURL(`${fleet.consoleUrl}/n/${a.id}${hrefs.records()}`);

  // A copied link of node B's page, in a new tab (a new tab has no session: it signs in first).
  const copied = `/n/${b.id}/cameras?tab=relays`;
  const other = await context.newPage();
  const ofp = await signInFleet(other, copied);
  await expect(other).toHaveURL(`${fleet.consoleUrl}${copied}`);
  await expect(other.getByTestId('device-id')).toHaveText(b.deviceId);
  await expect(ofp.pickerShows).toContainText(b.name);
  await other.close();
});

test("one node's expiry asks for that node's password over its page; the other nodes keep their sessions", async ({ page }) => {
  const b = fleet.node('node-3');
  const a = fleet.node('node-1');
  await signInFleet(page, `/n/${b.id}/cameras?tab=relays`);
  await expect(page.getByTestId('device-id')).toHaveText(b.deviceId);
  const sessionOf = (id: string) =>
    page.evaluate(
      (node) =>
        (JSON.parse(sessionStorage.getItem('nebula.session') ?? '{}') as { state?: { sessions?: Record<string, { sessionId?: string }> } })
          .state?.sessions?.[node]?.sessionId ?? null,
      id,
    );
  const sessionB = await sessionOf(b.id);
  const sessionA = await sessionOf(a.id);
  expect(sessionB).toBeTruthy();
  // Node B forgets the browser's session (30 idle minutes), from outside.
  await createClient({ baseUrl: b.url, getSession: () => sessionB })(logout, {});
  const url = page.url();
  // The relays tab reads the camera list every 10 s: that read meets the -141 and asks,
  // whatever the user does meanwhile (a click of ours could land under the dialog).
  const reauth = new ReauthDialog(page);
  await expect(reauth.dialog).toBeVisible();
  await expect(reauth.dialog).toContainText(b.name);
  // Node A's session is untouched: it still answers for it.
  expect(await sessionOf(a.id)).toBe(sessionA);
  expect((await createClient({ baseUrl: a.url, getSession: () => sessionA })(getVersion, {})).device_id).toBe(a.deviceId);
  await reauth.logIn(DEMO_PASSWORD);
  await expect(reauth.dialog).toBeHidden();
  // The user's place is kept: the same node, page and tab.
  await expect(page).toHaveURL(url);
  expect(url).toContain(`/n/${b.id}/cameras?tab=relays`);
  expect(await sessionOf(a.id)).toBe(sessionA);
  await expect(page.getByTestId('device-id')).toHaveText(b.deviceId);
});

test("on a phone, a node page's header keeps the node picker and log out on the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const fp = await signInFleet(page, '/n/node-1/cameras');
  await expect(page).toHaveURL(`${fleet.consoleUrl}/n/node-1/cameras`);
  const width = page.viewportSize()!.width;
  for (const control of [page.getByRole('button', { name: /log out/i }), fp.pickerShows]) {
    // Polled: the header settles once the live light and the phone breakpoint have come in.
    await expect
      .poll(async () => {
        const box = await control.boundingBox();
        return box !== null && box.x >= 0 && box.x + box.width <= width;
      })
      .toBe(true);
  }
});
