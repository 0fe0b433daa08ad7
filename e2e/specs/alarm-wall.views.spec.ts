// Filters narrow the wall and live in the URL; kiosk mode fills the screen,
// hides the console's chrome, shows a clock, and survives a reload.
import type { Page } from '@playwright/test';
import { seriousViolations } from '../axe';
import { expect as baseExpect, test } from '../fixtures';
import { WallDevice } from '../pages/alarm-wall-device';
import { AlarmWallPage } from '../pages/alarm-wall-page';

test.use({ locale: 'en-US' });
// Each spec waits for the live socket and for the emulator's captures: slower than a form on a busy machine.
test.describe.configure({ timeout: 150_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

async function openLive(page: Page, query = ''): Promise<AlarmWallPage> {
  const wall = new AlarmWallPage(page);
  await wall.goto(query);
  await expect(
    page.getByRole('status', { name: /live alarms: live/i }).or(page.getByRole('region', { name: /kiosk mode/i }).getByText('Live')),
  ).toBeVisible({ timeout: 60_000 });
  return wall;
}

test('filters narrow the wall and are kept in the URL', async ({ loggedIn: page, device }) => {
  const wall = await openLive(page);
  const dev = new WallDevice(device.url, device.call);
  const suspect = await dev.person(1, 2);
  const staff = await dev.person(2, 3);
  const [bl] = await dev.capture(1, suspect.photo);
  const [wl] = await dev.capture(4, staff.photo);
  await expect(wall.card(bl!)).toBeVisible();
  await expect(wall.card(wl!)).toBeVisible();

  await wall.chooseOption(wall.cameras, '闸机 A Turnstile A');
  await expect(page).toHaveURL(/[?&]ch=4(&|$)/);
  await expect(wall.card(bl!)).toHaveCount(0);
  await expect(wall.card(wl!)).toBeVisible();
  await expect(wall.cards.filter({ hasNotText: 'Turnstile A' })).toHaveCount(0);

  // Camera and list type together: nothing on Turnstile A is a blacklist match.
  await wall.chooseOption(wall.listType, 'Blacklist');
  await expect(page).toHaveURL(/list=black/);
  await expect(wall.card(wl!)).toHaveCount(0);

  await wall.clearFilters.click();
  await expect(page).not.toHaveURL(/ch=|list=/);
  await expect(wall.card(bl!)).toBeVisible();

  await wall.chooseOption(wall.listType, 'Blacklist');
  await expect(wall.card(wl!)).toHaveCount(0);
  await expect(wall.card(bl!)).toBeVisible();
  await expect(wall.cards.filter({ hasNotText: 'Blacklist' })).toHaveCount(0);

  // A reload (or a shared link) restores the view.
  await page.reload();
  await expect(page.getByRole('status', { name: /live alarms: live/i })).toBeVisible({ timeout: 60_000 });
  await expect(wall.filters).toContainText('Blacklist');
  const [wl2] = await dev.capture(4, staff.photo);
  const [bl2] = await dev.capture(1, suspect.photo);
  await expect(wall.card(bl2!)).toBeVisible();
  await expect(wall.card(wl2!)).toHaveCount(0);

  // Strangers off, by the switch.
  await wall.clearFilters.click();
  await wall.strangers.click();
  await expect(page).toHaveURL(/strangers=0/);
  await expect(wall.cards.filter({ hasText: 'Unknown person' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

test("the tile layout keeps each card in its place, outlines the newest, and survives a reload and the menu's link", async ({
  loggedIn: page,
  device,
}) => {
  const wall = await openLive(page);
  const dev = new WallDevice(device.url, device.call);
  const staff = await dev.person(2, 6);
  const [first] = await dev.capture(4, staff.photo);
  await expect(wall.card(first!)).toBeVisible();

  await wall.chooseLayout(/^tiles$/i);
  await expect(page).toHaveURL(/layout=tiles/);
  await expect(wall.layoutRadio(/^tiles$/i)).toBeChecked();
  await expect(wall.card(first!)).toBeVisible();
  const before = await wall.card(first!).boundingBox();

  const [next] = await dev.capture(4, staff.photo);
  await expect(wall.card(next!)).toBeVisible();
  await expect(wall.newestLabel).toBeVisible();
  await expect.poll(() => wall.isNewest(next!)).toBe(true);
  expect(await wall.isNewest(first!)).toBe(false);
  // The earlier card did not move for the new one.
  expect(await wall.card(first!).boundingBox()).toEqual(before);

  await wall.card(next!).click();
  await expect(wall.detail).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(wall.detail).toBeHidden();

  await page.reload();
  await expect(page.getByRole('status', { name: /live alarms: live/i })).toBeVisible({ timeout: 60_000 });
  await expect(wall.layoutRadio(/^tiles$/i)).toBeChecked();
  const [third] = await dev.capture(4, staff.photo);
  await expect(wall.card(third!)).toBeVisible();
  await expect.poll(() => wall.isNewest(third!)).toBe(true);
  // The counts follow the tiles within a quarter second: scanned once they have.
  await expect(wall.ackAll).toBeEnabled();
  expect(await seriousViolations(page)).toEqual([]);

  // Away and back by the menu, whose link names no layout: the one last chosen in this browser.
  await wall.navigation.getByRole('link', { name: 'Cameras' }).click();
  await expect(page).toHaveURL(/\/cameras/);
  await wall.navigation.getByRole('link', { name: 'Alarm wall' }).click();
  await expect(page).not.toHaveURL(/layout=/);
  await expect(wall.layoutRadio(/^tiles$/i)).toBeChecked();
  await expect(wall.card(third!)).toBeVisible();

  await wall.chooseLayout(/^flow$/i);
  await expect(page).toHaveURL(/layout=flow/);
  await expect(wall.cards.first()).toHaveAttribute('data-snap-id', third!);
});

test('kiosk mode fills the screen without the console around it, and survives a reload', async ({ loggedIn: page, device }) => {
  const wall = await openLive(page);
  const dev = new WallDevice(device.url, device.call);
  const staff = await dev.person(2, 4);

  await wall.kioskButton.click();
  await expect(page).toHaveURL(/kiosk=1/);
  await expect(wall.kiosk).toBeVisible();
  await expect(wall.clock).toHaveText(/\d{2}:\d{2}:\d{2}/);
  await expect(wall.navigation).toBeHidden();
  await expect(page.getByRole('button', { name: /log out/i })).toBeHidden();

  const [wl] = await dev.capture(4, staff.photo);
  await expect(wall.card(wl!)).toBeVisible();
  // The grid fits the screen: no card runs past the bottom, nothing scrolls.
  const viewport = page.viewportSize()!;
  for (const box of await wall.cards.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.bottom).toBeLessThanOrEqual(viewport.height);
    // Cards stay readable at a distance: no narrower than the kiosk grid's 320 px columns.
    expect(box.width).toBeGreaterThanOrEqual(320);
  }
  expect(await seriousViolations(page)).toEqual([]);

  await page.reload();
  await expect(wall.kiosk.getByText('Live', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(wall.clock).toBeVisible();
  await expect(wall.navigation).toBeHidden();
  const [after] = await dev.capture(4, staff.photo);
  await expect(wall.card(after!)).toBeVisible();

  await wall.exitKiosk.click();
  await expect(page).not.toHaveURL(/kiosk=/);
  await expect(wall.navigation).toBeVisible();
});
