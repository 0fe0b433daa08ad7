// Foundation, part 4: browser → proxy → emulator, through the login page.
import { createClient } from '../../src/api/client';
import { getVersion, logout } from '../../src/api/protocol';
import { seriousViolations } from '../axe';
import { DEMO_PASSWORD, DEMO_USER, expect, test } from '../fixtures';
import { LoginPage } from '../pages/login-page';
import { ReauthDialog, endBrowserSession } from '../pages/reauth-dialog';

test.use({ locale: 'en-US' });

const SESSION_KEY = 'nebula.session';

/** The header's "which device is this" group. */
const deviceSummary = (page: import('@playwright/test').Page) => page.getByRole('group', { name: /^(device|设备信息)$/i });

test('logs in by the labels and shows the device in the header', async ({ page, device }) => {
  const version = await device.call(getVersion, {});
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(DEMO_USER, DEMO_PASSWORD);

  await expect(page).toHaveURL(/\/$/);
  const summary = deviceSummary(page);
  await expect(summary).toContainText(version.version);
  await expect(summary).toContainText(version.device_id);
  await expect(summary).toContainText(/SenseNebula-M(4|8)s/);
});

test('a wrong password is said in words, in English and in Chinese', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(DEMO_USER, 'not-the-password');
  await expect(login.failure).toContainText('Wrong user name or password');
  await expect(page).toHaveURL(/\/login/);

  await login.chooseLanguage('中文');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(login.failure).toContainText('用户名或密码错误');
});

test('a user name outside the rule is refused before anything is sent', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  let sent = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/')) sent++;
  });
  await login.logIn('no spaces allowed', 'x');
  await expect(page.getByText(/letters, digits and @ \. - _ only/)).toBeVisible();
  expect(sent).toBe(0);
});

test('logout ends the session and returns to the login page', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(DEMO_USER, DEMO_PASSWORD);
  await expect(deviceSummary(page)).toBeVisible();

  await page.getByRole('button', { name: /log out|退出登录/i }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(login.userName).toBeVisible();
  expect(await page.evaluate((k) => sessionStorage.getItem(k), SESSION_KEY)).not.toContain('"sessionId":"');

  // The app is closed again.
  await page.goto('/cameras');
  await expect(page).toHaveURL(/\/login\?next=%2Fcameras$/);
});

test('a reload keeps the session, which lives in sessionStorage only', async ({ page }) => {
  const login = new LoginPage(page);
  // The overview: the shell's own page (the feature pages have their own specs).
  await login.goto('/?page=2');
  await login.logIn(DEMO_USER, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/\?page=2$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\/\?page=2$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  const stored = await page.evaluate(() => ({
    session: sessionStorage.getItem('nebula.session'),
    local: Object.keys(localStorage)
      .map((k) => `${k}=${localStorage.getItem(k)}`)
      .join('\n'),
  }));
  const sessionId = (JSON.parse(stored.session ?? '{}') as { state?: { sessionId?: string } }).state?.sessionId;
  expect(sessionId).toBeTruthy();
  expect(page.url()).not.toContain(sessionId!);
  expect(stored.local).not.toContain(sessionId!);
  expect(stored.local).not.toContain(DEMO_PASSWORD);
});

test('a session the device ended is renewed over the page, or through the login page by choice', async ({ page, device }) => {
  const login = new LoginPage(page);
  await login.goto('/?tab=device');
  await login.logIn(DEMO_USER, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  // End the browser's session from outside, as 30 idle minutes or a restart would.
  const sessionId = await page.evaluate(
    (k) => (JSON.parse(sessionStorage.getItem(k) ?? '{}') as { state?: { sessionId?: string } }).state?.sessionId ?? null,
    SESSION_KEY,
  );
  expect(sessionId).toBeTruthy();
  const asBrowser = createClient({ baseUrl: device.url, getSession: () => sessionId });
  await asBrowser(logout, {});

  // A reload meets -141: the page stays, and the password is asked for over it.
  await page.reload();
  const reauth = new ReauthDialog(page);
  await expect(reauth.dialog).toBeVisible();
  await expect(page).toHaveURL(/\/\?tab=device$/);
  await reauth.logIn(DEMO_PASSWORD);
  await expect(reauth.dialog).toBeHidden();
  await expect(page).toHaveURL(/\/\?tab=device$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  // "Log in as another user" is the way to the login page, and back here after.
  await endBrowserSession(page, device.url);
  await page.reload();
  await reauth.otherUser.click();
  await expect(page).toHaveURL(/\/login\?next=%2F%3Ftab%3Ddevice$/);
  await login.logIn(DEMO_USER, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/\?tab=device$/);
});

test('the shell and the overview have no serious accessibility violations, light or dark @tablet', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  expect(await seriousViolations(page, 'login')).toEqual([]);
  await login.logIn(DEMO_USER, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.ant-statistic-skeleton, .ant-skeleton')).toHaveCount(0);
  expect(await seriousViolations(page, 'overview, light')).toEqual([]);
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Switch to the light theme' })).toBeVisible();
  expect(await seriousViolations(page, 'overview, dark')).toEqual([]);
  // Put the preference back: it outlives the page.
  await page.getByRole('button', { name: 'Switch to the light theme' }).click();
});
