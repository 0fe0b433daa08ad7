// Specs seed through the console's own protocol client and act through the UI.
import { test as base, expect, type Page } from '@playwright/test';
import { createClient, type Call } from '../src/api/client';
import { login } from '../src/api/protocol';
import { SESSION_STORAGE_KEY } from '../src/session/session-key';

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
    // A session of the page's own, put where the console keeps it before the
    // first page loads: the login form is the session specs' to test, and
    // skipping it saves seconds in every other spec. Seeded once per tab, so a
    // logout or an expiry in the spec is not undone by the next navigation.
    const url = process.env.EMULATOR_URL!;
    const sessionId = await createClient({ baseUrl: url, getSession: () => null })(login, {
      user_name: DEMO_USER,
      user_pwd: DEMO_PASSWORD,
    });
    const stored = JSON.stringify({ state: { sessionId, user: DEMO_USER }, version: 0 });
    await page.addInitScript(
      ([key, value]) => {
        if (sessionStorage.getItem('e2e.seeded')) return;
        sessionStorage.setItem('e2e.seeded', '1');
        sessionStorage.setItem(key, value);
      },
      [SESSION_STORAGE_KEY, stored] as const,
    );
    await page.goto('/');
    await expect(page.getByRole('navigation').first()).toBeVisible();
    await use(page);
  },
});

export { expect };
