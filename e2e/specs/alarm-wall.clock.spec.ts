// The wall when the device's clock steps: its zone set an hour ahead and
// corrected. Alarms of the hour ahead must not stay on top of current ones, and
// a drop afterwards must bring back the alarms it missed (the console used to
// read every gap from an hour ahead, and lose them).
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

test.use({ locale: 'en-US', allowConsoleErrors: ['WebSocket connection'] });
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

const liveLight = (page: Page) => page.getByRole('status', { name: /^live alarms:/i });

test('alarms of an hour the clock ran ahead do not stay on top, and a drop afterwards loses nothing', async ({ page }) => {
  // A device of its own: its history keeps alarms stamped an hour ahead, which the other specs need not see.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-e2e-wall-clock-'));
  const emulator = await startEmulator({ port: 0, dataDir, demo: true, quiet: true, demoRecords: 50, rate: 0 });
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

    await page.goto(`${base}/login?next=${encodeURIComponent('/alarm-wall')}`);
    await new LoginPage(page).logIn(DEMO_USER, DEMO_PASSWORD);
    const wall = new AlarmWallPage(page);
    await expect(liveLight(page)).toHaveAccessibleName(/: live$/i, { timeout: 60_000 });

    await dev.stepClock(3600);
    const ahead = [...(await dev.capture(4, staff.photo)), ...(await dev.capture(4, staff.photo))];
    for (const id of ahead) await expect(wall.card(id)).toBeVisible();
    await dev.stepClock(-3600);
    const [current] = await dev.capture(1, suspect.photo);
    await expect(wall.card(current!)).toBeVisible();
    // The newest alarm is on top, not the ones stamped an hour ahead.
    expect((await wall.order())[0]).toBe(current);

    // A drop, held open while the device records on.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/json', async (route) => {
      if (/"msg_id":"1286"/.test(route.request().postData() ?? '')) await held;
      await route.fallback();
    });
    await dev.dropSockets();
    await expect(liveLight(page)).toHaveAccessibleName(/reconnecting/i);
    const meanwhile = [...(await dev.capture(4, staff.photo)), ...(await dev.capture(1, suspect.photo))];
    release();
    await expect(liveLight(page)).toHaveAccessibleName(/: live$/i);
    for (const id of meanwhile) {
      await expect(wall.card(id)).toHaveCount(1);
      await expect(wall.card(id).getByText('Recovered')).toBeVisible();
    }
    const order = await wall.order();
    expect(new Set(order).size).toBe(order.length);
    // What came after the correction sits above the hour ahead.
    for (const id of [current!, ...meanwhile]) for (const a of ahead) expect(order.indexOf(id)).toBeLessThan(order.indexOf(a));
  } finally {
    await page.close();
    await server.close();
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
