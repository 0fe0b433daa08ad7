// Axe on every view of the cameras feature: the list, the add drawer, the
// relays tab and its form, the ROI editor. No serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from '../fixtures';
import { CamerasPage } from '../pages/cameras-page';
import { CamerasRelays } from '../pages/cameras-relays';
import { CamerasRoi } from '../pages/cameras-roi';

test.use({ locale: 'en-US' });
// Several suites share two cores: a page may take a while to answer.
const expect = baseExpect.configure({ timeout: 90_000 });
test.describe.configure({ timeout: 360_000 });

/**
 * The shell's sider is left out: its selected item uses the shell's own
 * colorPrimary (4.499:1 on white), which is the lead's to change; this
 * feature's pages use a compliant blue (components/cameras-theme.tsx).
 */
async function expectNoSeriousViolations(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).exclude('.shell__sider').analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(report, `${what}: serious or critical violations`).toEqual([]);
}

test('@tablet the cameras views have no serious accessibility violations', async ({ loggedIn: page }) => {
  test.setTimeout(360_000);
  const cameras = new CamerasPage(page);
  await cameras.goto();
  await expect(cameras.gauge).toBeVisible();
  await expect(cameras.channelRow(1)).toBeVisible();
  await expectNoSeriousViolations(page, 'camera list');

  await cameras.openAdd();
  await expect(cameras.form).toBeVisible();
  await cameras.chooseKind('GB28181 video');
  await expectNoSeriousViolations(page, 'add drawer');
  // The kind was chosen, so the form is dirty: closing asks first.
  await cameras.form.getByRole('button', { name: 'Cancel' }).click();
  await cameras.confirmDialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(cameras.form).toBeHidden();

  const relays = new CamerasRelays(page);
  await cameras.relaysTab.click();
  await expect(relays.bindButton).toBeVisible();
  await expectNoSeriousViolations(page, 'relays tab');
  await relays.bindButton.click();
  await expect(relays.form).toBeVisible();
  await expectNoSeriousViolations(page, 'relay form');

  const roi = new CamerasRoi(page);
  await roi.goto(1);
  await expect(roi.stage).toBeVisible();
  await expect(roi.x1).toBeVisible();
  await expectNoSeriousViolations(page, 'ROI editor');
});

test('@tablet the page works in Chinese', async ({ loggedIn: page }) => {
  const cameras = new CamerasPage(page);
  await cameras.goto();
  await page.getByRole('group', { name: /language|语言/i }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '相机' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^算力使用情况/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '布控库' })).toBeVisible();
});
