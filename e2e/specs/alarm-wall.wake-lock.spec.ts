// Issue 16: the kiosk keeps the screen awake (Screen Wake Lock), and on a page
// that is not a secure context (http://<LAN address>) it says what to do
// instead of failing quietly or showing "denied". navigator.wakeLock is
// stubbed before the page loads: headless Chromium grants nothing to watch.
import { expect as baseExpect, test } from '../fixtures';
import { AlarmWallPage } from '../pages/alarm-wall-page';

test.use({ locale: 'en-US' });
const expect = baseExpect.configure({ timeout: 30_000 });

declare global {
  interface Window {
    __wakeRequests?: string[];
  }
}

test('in kiosk mode the wake lock is requested, and not outside it', async ({ loggedIn: page }) => {
  await page.addInitScript(() => {
    window.__wakeRequests = [];
    const sentinel = { released: false, release: async () => undefined, addEventListener: () => undefined };
    Object.defineProperty(Navigator.prototype, 'wakeLock', {
      configurable: true,
      get: () => ({
        request: async (type: string) => {
          window.__wakeRequests!.push(type);
          return sentinel;
        },
      }),
    });
  });
  const wall = new AlarmWallPage(page);
  await wall.goto();
  await expect(wall.kioskButton).toBeVisible();
  expect(await page.evaluate(() => window.__wakeRequests)).toEqual([]);

  await wall.goto('?kiosk=1');
  await expect(wall.kiosk).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__wakeRequests)).toEqual(['screen']);
  await expect(wall.kiosk.getByRole('alert').filter({ hasText: /screen on/ })).toHaveCount(0);
});

test('on a page that is not HTTPS the kiosk says how to keep the screen on and how to get notifications', async ({ loggedIn: page }) => {
  // What http://<LAN address> looks like to the page: no wakeLock, not a secure context.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'isSecureContext', { configurable: true, get: () => false });
    Object.defineProperty(Navigator.prototype, 'wakeLock', { configurable: true, get: () => undefined });
  });
  const wall = new AlarmWallPage(page);
  await wall.goto('?kiosk=1');
  await expect(
    wall.kiosk.getByRole('alert').filter({ hasText: 'Open the console over HTTPS, or at http://localhost on this PC' }),
  ).toBeVisible();
  await wall.kiosk.getByRole('button', { name: 'Volume' }).click();
  await expect(page.getByText('Browsers allow desktop notifications only on HTTPS')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Allow desktop notifications' })).toHaveCount(0);
});
