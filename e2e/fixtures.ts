// Specs seed through the console's own protocol client and act through the UI.
import { test as base, expect, type Page } from '@playwright/test';
import { createClient, type Call } from '../src/api/client';
import { login } from '../src/api/protocol';

export const DEMO_USER = 'admin';
export const DEMO_PASSWORD = 'Admin@12345';

export interface Device {
  url: string;
  /** Logged in, from the test process (not the browser). */
  call: Call;
}

interface Fixtures {
  device: Device;
  /** Logs the page in through the login form and waits for the app. */
  loggedIn: Page;
  /** Console errors the spec expects (matched by substring); anything else fails it. */
  allowConsoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  allowConsoleErrors: [[], { option: true }],
  device: async ({}, use) => {
    const url = process.env.EMULATOR_URL;
    if (!url) throw new Error('EMULATOR_URL unset: run through playwright.config.ts (global setup)');
    let session: string | null = null;
    const call = createClient({ baseUrl: url, getSession: () => session });
    session = await call(login, { user_name: DEMO_USER, user_pwd: DEMO_PASSWORD });
    await use({ url, call });
  },
  page: async ({ page, allowConsoleErrors }, use, testInfo) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (!allowConsoleErrors.some((a) => text.includes(a))) errors.push(`console: ${text}`);
    });
    await use(page);
    if (testInfo.status === testInfo.expectedStatus && errors.length > 0) {
      throw new Error(`Unexpected console errors:\n${errors.join('\n')}`);
    }
  },
  loggedIn: async ({ page }, use) => {
    await page.goto('/login');
    await page.getByLabel(/user name|用户名/i).fill(DEMO_USER);
    await page.getByLabel(/password|密码/i).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /log in|登录/i }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await use(page);
  },
});

export { expect };
