// The alarm wall as a supervisor uses it: alarms appear as the device pushes
// them, blacklist matches chime and stay on top until acknowledged, a card
// opens on the scene, and the keyboard does it all. The shared emulator may
// push captures of its own (a few a second), so cards are found by capture id.
import type { Page } from '@playwright/test';
import { seriousViolations } from '../axe';
import { expect as baseExpect, test } from '../fixtures';
import { WallDevice } from '../pages/alarm-wall-device';
import { AlarmWallPage } from '../pages/alarm-wall-page';
import { hrefs } from '../../src/config/paths';

test.use({ locale: 'en-US' });
// Each spec waits for the live socket and for the emulator's captures: slower than a form on a busy machine.
test.describe.configure({ timeout: 150_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

/** The header's light says the push is live: from here on, nothing pushed is missed. */
async function openLive(page: Page, query = ''): Promise<AlarmWallPage> {
  const wall = new AlarmWallPage(page);
  await wall.goto(query);
  // Generous: on a busy 2-core machine the first load can take a while.
  await expect(page.getByRole('status', { name: /live alarms: live/i })).toBeVisible({ timeout: 60_000 });
  return wall;
}

test('the wall shows an alarm the device pushes within a second', async ({ loggedIn: page, device }) => {
  const wall = await openLive(page);
  const dev = new WallDevice(device.url, device.call);
  const staff = await dev.person(2);
  const [snapId] = await dev.capture(4, staff.photo);
  const pushedAt = Date.now();
  await expect(wall.card(snapId!)).toBeVisible({ timeout: 1000 });
  expect(Date.now() - pushedAt).toBeLessThan(1000);
  await expect(wall.card(snapId!)).toHaveAccessibleName(
    new RegExp(`^Whitelist: ${staff.name}, Similarity \\d+%, .*Turnstile A, .*not acknowledged$`),
  );
  await expect(wall.card(snapId!)).toContainText(/just now|\d+ seconds? ago/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a blacklist alarm chimes and stays on top until acknowledged', async ({ loggedIn: page, device }) => {
  const wall = await openLive(page);
  const dev = new WallDevice(device.url, device.call);
  // Start from a quiet wall (the demo's own captures may hold blacklist alarms). The click is also
  // the gesture browsers want before they let a page play sound.
  await page.getByRole('heading', { level: 1, name: 'Live alarm wall' }).click();
  if (await wall.ackAll.isEnabled()) await wall.ackAll.click();
  const chimesBefore = await wall.chimes();

  const suspect = await dev.person(1);
  const [bl] = await dev.capture(1, suspect.photo);
  await expect(wall.card(bl!)).toHaveAccessibleName(new RegExp(`^Blacklist: ${suspect.name}, .*not acknowledged$`));
  await expect(wall.card(bl!).getByText('Blacklist', { exact: true })).toBeVisible();
  await expect.poll(() => wall.chimes()).toBeGreaterThan(chimesBefore);

  // Newer, calm alarms arrive: the blacklist card stays above them.
  const staff = await dev.person(2, 1);
  const [wl] = await dev.capture(4, staff.photo);
  await expect(wall.card(wl!)).toBeVisible();
  const order = await wall.order();
  expect(order.indexOf(bl!)).toBeGreaterThanOrEqual(0);
  expect(order.indexOf(bl!)).toBeLessThan(order.indexOf(wl!));
  // Above it there is nothing but other unacknowledged blacklist alarms.
  for (const id of order.slice(0, order.indexOf(bl!))) {
    await expect(wall.card(id)).toHaveAccessibleName(/^Blacklist: .*not acknowledged$/);
  }

  await wall.ackButton(bl!).click();
  await expect(wall.card(bl!)).toHaveAccessibleName(/, Acknowledged$/);
  // The cards hold still while the pointer is on them: it leaves, the acknowledged card goes down.
  await page.mouse.move(0, 0);
  await expect
    .poll(async () => {
      const now = await wall.order();
      return now.indexOf(wl!) < now.indexOf(bl!);
    })
    .toBe(true);
});

test('cards hold still under the pointer: new alarms wait in a count until it leaves', async ({ loggedIn: page, device }) => {
  const wall = await openLive(page);
  const dev = new WallDevice(device.url, device.call);
  const staff = await dev.person(2, 3);
  const [a] = await dev.capture(4, staff.photo);
  const [b] = await dev.capture(4, staff.photo);
  await expect(wall.card(a!)).toBeVisible();
  await expect(wall.card(b!)).toBeVisible();

  // About to acknowledge b: the pointer rests on its button.
  await wall.ackButton(b!).hover();
  const before = await wall.ackButton(b!).boundingBox();
  const orderBefore = await wall.order();
  const arrived = [...(await dev.capture(4, staff.photo)), ...(await dev.capture(4, staff.photo))];
  await expect(page.getByRole('status').filter({ hasText: /new alarms? waits? while the pointer is on the cards/ })).toContainText(
    /^\d+ new alarms? waits? while/,
  );
  for (const id of arrived) await expect(wall.card(id)).toHaveCount(0);
  expect(await wall.ackButton(b!).boundingBox()).toEqual(before);
  expect(await wall.order()).toEqual(orderBefore);
  // The click lands on b's own button.
  await wall.ackButton(b!).click();
  await expect(wall.card(b!)).toHaveAccessibleName(/, Acknowledged$/);

  // The pointer leaves: the waiting alarms come in.
  await page.mouse.move(0, 0);
  for (const id of arrived) await expect(wall.card(id)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /while the pointer is on the cards/ })).toHaveCount(0);
});

test('a card opens on the scene with the face outlined, the attributes and the ways on', async ({ loggedIn: page, device }) => {
  const wall = await openLive(page);
  const dev = new WallDevice(device.url, device.call);
  const suspect = await dev.person(1, 1);
  const [bl] = await dev.capture(1, suspect.photo);
  await wall.card(bl!).click();

  await expect(wall.detail).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]alarm=${bl}`));
  await expect(wall.detail.getByRole('heading', { name: suspect.name })).toBeVisible();
  await expect(wall.detail.getByRole('img', { name: 'Scene, the captured face outlined' })).toBeVisible();
  await expect(wall.detail.getByTestId('face-box')).toBeVisible();
  await expect(wall.detail.getByRole('link', { name: /open in the library/i })).toHaveAttribute(
    'href',
    hrefs.person(suspect.libId, suspect.imgId),
  );
  await expect(wall.detail.getByRole('link', { name: /search this face/i })).toHaveAttribute(
    'href',
    /^\/face-search\?snap=record%2F.+\.jpg$/,
  );
  await expect(wall.detail.getByText('Face attributes')).toBeVisible();
  await expect(wall.detail.getByText('Expression', { exact: true })).toBeVisible();
  await expect(wall.detail.getByText(bl!)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(wall.detail).toBeHidden();
  await expect(page).not.toHaveURL(/alarm=/);
});

test('the keyboard: Space pauses, arrows move, Enter opens, A acknowledges, M mutes', async ({ loggedIn: page, device }) => {
  const wall = await openLive(page);
  const dev = new WallDevice(device.url, device.call);
  const staff = await dev.person(2, 2);
  const [first] = await dev.capture(4, staff.photo);
  const [other] = await dev.capture(4, staff.photo);
  await expect(wall.card(first!)).toBeVisible();
  await expect(wall.card(other!)).toBeVisible();

  await page.keyboard.press('Space');
  await expect(wall.resume).toBeVisible();
  const [held] = await dev.capture(4, staff.photo);
  await expect(wall.pausedBanner).toContainText(/\(\d+ waiting\)/);
  await expect(wall.card(held!)).toHaveCount(0);

  // Paused, the wall holds still: walk it.
  await page.keyboard.press('ArrowRight');
  await expect(wall.cards.first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(wall.cards.nth(1)).toBeFocused();
  const second = await wall.cards.nth(1).getAttribute('data-snap-id');
  await page.keyboard.press('Enter');
  await expect(wall.detail).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`alarm=${second}`));
  await page.keyboard.press('a');
  await expect(wall.detail.getByText('Acknowledged')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(wall.detail).toBeHidden();
  await expect(wall.card(second!)).toHaveAccessibleName(/, Acknowledged$/);

  await page.keyboard.press('Space');
  await expect(wall.pause).toBeVisible();
  await expect(wall.card(held!)).toBeVisible();

  await page.keyboard.press('m');
  await expect(wall.unmute).toHaveAttribute('aria-pressed', 'true');
  // The preference outlives the page.
  await page.reload();
  await expect(page.getByRole('status', { name: /live alarms: live/i })).toBeVisible({ timeout: 60_000 });
  await expect(wall.unmute).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('m');
  await expect(wall.mute).toHaveAttribute('aria-pressed', 'false');
});
