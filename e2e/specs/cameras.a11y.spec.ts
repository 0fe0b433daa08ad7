// Axe on every view of the cameras feature: the list, the add drawer, the
// relays tab and its form, the ROI editor. No serious or critical violation.
import type { Page } from '@playwright/test';
import { seriousViolations } from '../axe';
import { expect as baseExpect, test } from '../fixtures';
import { CamerasPage } from '../pages/cameras-page';
import { CamerasRelays } from '../pages/cameras-relays';
import { CamerasRoi } from '../pages/cameras-roi';

test.use({ locale: 'en-US' });
// Several suites share two cores: a page may take a while to answer.
const expect = baseExpect.configure({ timeout: 90_000 });
test.describe.configure({ timeout: 360_000 });

async function expectNoSeriousViolations(page: Page, what: string) {
  expect(await seriousViolations(page, what)).toEqual([]);
}

test('the cameras views have no serious accessibility violations', async ({ loggedIn: page }) => {
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

test('the page works in Chinese', async ({ loggedIn: page }) => {
  const cameras = new CamerasPage(page);
  await cameras.goto();
  await page
    .getByRole('group', { name: /language|语言/i })
    .getByRole('button', { name: '中文' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '相机' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^算力使用情况/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '布控库' })).toBeVisible();
});
