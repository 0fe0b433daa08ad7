// The wall survives the network and the device: a dropped socket and a device
// restart are shown, and the alarms pushed meanwhile appear after recovery
// (from the alarm history, §3.16), once each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startEmulator } from '../../emulator/index';
import { startServer } from '../../server/app';
import { createClient } from '../../src/api/client';
import { login } from '../../src/api/protocol';
import { DEMO_PASSWORD, DEMO_USER, expect as baseExpect, test } from '../fixtures';
import { WallDevice } from '../pages/alarm-wall-device';
import { AlarmWallPage } from '../pages/alarm-wall-page';
import { LoginPage } from '../pages/login-page';
import { ReauthDialog } from '../pages/reauth-dialog';

test.use({
  locale: 'en-US',
  // While the device is away the proxy answers 5xx and the socket cannot open: Chromium logs both.
  allowConsoleErrors: ['Failed to load resource', 'WebSocket connection'],
});
// Each spec waits for the live socket and for the emulator's captures: slower than a form on a busy machine.
test.describe.configure({ timeout: 150_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

const liveLight = (page: Page) => page.getByRole('status', { name: /^live alarms:/i });

test('a dropped socket is shown, and the alarms pushed meanwhile appear after it is back, once each', async ({
  loggedIn: page,
  device,
}) => {
  const wall = new AlarmWallPage(page);
  await wall.goto();
  await expect(liveLight(page)).toHaveAccessibleName(/: live$/i, { timeout: 60_000 });
  const dev = new WallDevice(device.url, device.call);
  const staff = await dev.person(2, 5);
  const suspect = await dev.person(1, 3);

  // Hold the console's next key request (1286): the gap lasts until we let it go.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/json', async (route) => {
    if (/"msg_id":"1286"/.test(route.request().postData() ?? '')) await held;
    await route.fallback();
  });

  await dev.dropSockets();
  await expect(wall.streamBanner).toContainText(/connection .* was lost; reconnecting/i);
  await expect(wall.streamBanner).toContainText(/connection closed \(code \d+\)/);
  await expect(liveLight(page)).toHaveAccessibleName(/reconnecting/i);

  const meanwhile = [...(await dev.capture(4, staff.photo)), ...(await dev.capture(1, suspect.photo))];
  expect(meanwhile).toHaveLength(2);
  for (const id of meanwhile) await expect(wall.card(id)).toHaveCount(0);

  release();
  await expect(liveLight(page)).toHaveAccessibleName(/: live$/i);
  await expect(page.getByRole('alert').filter({ hasText: /back live: \d+ alarms fetched/i })).toBeVisible();
  for (const id of meanwhile) {
    await expect(wall.card(id)).toHaveCount(1);
    await expect(wall.card(id).getByText('Recovered')).toBeVisible();
  }
  // And nothing came twice.
  const order = await wall.order();
  expect(new Set(order).size).toBe(order.length);
});

test('a device restart is shown; after logging in again the alarms pushed meanwhile appear, once each', async ({ page }) => {
  test.setTimeout(180_000);
  // A device of its own: a restart ends every session on the device, and the other specs share the common one.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-e2e-wall-restart-'));
  const emulator = await startEmulator({ port: 0, dataDir, demo: true, quiet: true, demoRecords: 100, rate: 0 });
  // The production server's code, pointed at this device.
  const server = await startServer({ root: process.env.E2E_DIST ?? 'dist', deviceUrl: emulator.url, host: '127.0.0.1', port: 0 });
  const base = server.url;
  try {
    expect(base).toBeTruthy();
    let session: string | null = null;
    const call = createClient({ baseUrl: emulator.url, getSession: () => session });
    session = await call(login, { user_name: DEMO_USER, user_pwd: DEMO_PASSWORD });
    const dev = new WallDevice(emulator.url, call, emulator.faultToken);
    const staff = await dev.person(2);
    const suspect = await dev.person(1);

    const loginPage = new LoginPage(page);
    await page.goto(`${base}/login?next=${encodeURIComponent('/alarm-wall')}`);
    await loginPage.logIn(DEMO_USER, DEMO_PASSWORD);
    const wall = new AlarmWallPage(page);
    await expect(liveLight(page)).toHaveAccessibleName(/: live$/i, { timeout: 60_000 });
    const [before] = await dev.capture(4, staff.photo);
    await expect(wall.card(before!)).toBeVisible();

    await dev.restart(4);
    await expect(wall.streamBanner).toContainText(/reconnecting|cannot be reached/i);
    await expect(liveLight(page)).toHaveAccessibleName(/reconnecting|unreachable/i);
    await emulator.whenUp();

    // The device forgot every session: the console asks for the password over the wall, saying why.
    const reauth = new ReauthDialog(page);
    await expect(reauth.dialog).toBeVisible({ timeout: 30_000 });
    await expect(reauth.dialog).toContainText(/restarted|ended/);
    await expect(page).toHaveURL(/\/alarm-wall$/);
    const meanwhile = [...(await dev.capture(4, staff.photo)), ...(await dev.capture(1, suspect.photo))];
    expect(meanwhile).toHaveLength(2);

    await reauth.logIn(DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/alarm-wall$/);
    await expect(liveLight(page)).toHaveAccessibleName(/: live$/i);
    for (const id of meanwhile) {
      await expect(wall.card(id)).toHaveCount(1);
      await expect(wall.card(id).getByText('Recovered')).toBeVisible();
    }
    await expect(wall.card(before!)).toHaveCount(1);
    const order = await wall.order();
    expect(new Set(order).size).toBe(order.length);
  } finally {
    await page.close();
    await server.close();
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
