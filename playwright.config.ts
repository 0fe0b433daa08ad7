import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium';

// scripts/test.ts installs Chromium first when it is missing; run alone,
// Playwright gets a clear message from e2e/global-setup.ts instead.
const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: 'e2e/specs',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // One worker: the emulator, the preview server and Chromium already fill two
  // cores, and a second browser made every test 2-3 times slower (the whole
  // run took longer, not shorter).
  workers: 1,
  // CI gets one retry so that a single timing stall on a shared 2-core runner
  // does not hold back a landing; npm test names every test that needed it
  // ("flaky"), and locally there is none, so flakiness is still seen and mended.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: process.env.CONSOLE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  // One emulator serves the whole run: specs that restart the device (@restart)
  // run last, alone, so they cannot log the others out mid-test.
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } },
      grepInvert: /@restart|@viewports/,
    },
    {
      name: 'tablet',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1024, height: 768 }, hasTouch: true },
      grep: /@tablet/,
      grepInvert: /@restart/,
    },
    // Every page at a landscape and an upright tablet and a phone, in both
    // languages (issue 14): the spec sets each size itself.
    {
      name: 'viewports',
      use: { ...devices['Desktop Chrome'] },
      grep: /@viewports/,
    },
    {
      name: 'restarts',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } },
      grep: /@restart/,
      dependencies: ['desktop', 'tablet', 'viewports'],
    },
  ],
});
