// Every invalid field is caught in the form, and nothing is sent: threshold
// 101, face size 50, a 21-digit SIP id, port 70000 (camera and relay).
import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from '../fixtures';
import { msgIdOf } from '../pages/cameras-device';
import { CamerasPage } from '../pages/cameras-page';
import { CamerasRelays } from '../pages/cameras-relays';

test.use({ locale: 'en-US' });
// Several suites share two cores: a page may take a while to answer.
const expect = baseExpect.configure({ timeout: 90_000 });
test.describe.configure({ timeout: 360_000 });

/**
 * The writes the browser sends to /api/. The camera list refreshes itself
 * every few seconds (516, 1537), so reads are not counted: only 513 (add),
 * 515 (edit) and 1538 (bind a relay) would mean a form let something through.
 */
function watchWrites(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (!r.url().includes('/api/')) return;
    const id = msgIdOf(r.postData());
    if (id === '513' || id === '515' || id === '1538') sent.push(id);
  });
  return sent;
}

test('@tablet the add form catches each invalid field before sending', async ({ loggedIn: page }) => {
  const cameras = new CamerasPage(page);
  const sent = watchWrites(page);
  await cameras.goto('?add=0');
  await expect(cameras.form).toBeVisible();

  await cameras.chooseKind('GB28181 video');
  await cameras.fill({
    'Camera name': `e2e invalid ${Date.now()}`,
    'Camera SIP ID': '1'.repeat(21),
    'SIP server port': '70000',
    'Similarity threshold': '101',
    'Smallest face (px)': '50',
  });
  await cameras.submitButton().click();

  await expect(cameras.form.getByText('The threshold is a whole number from 0 to 100.')).toBeVisible();
  await expect(cameras.form.getByText('A face size is a whole number from 60 to 1000.')).toBeVisible();
  await expect(cameras.form.getByText('A SIP ID is up to 20 digits.')).toBeVisible();
  await expect(cameras.form.getByText('A port is a whole number from 1 to 65535.')).toBeVisible();
  await expect(cameras.field('Camera SIP ID')).toHaveAttribute('aria-invalid', 'true');

  // The largest face below the smallest, and an address that is no address.
  await cameras.fill({ 'Smallest face (px)': '500', 'Largest face (px)': '400', 'SIP server IP': '10.5.4' });
  await cameras.submitButton().click();
  await expect(cameras.form.getByText('The largest face cannot be smaller than the smallest.')).toBeVisible();
  await expect(cameras.form.getByText('Enter a valid IP address or host name.')).toBeVisible();

  // Another kind, other fields: an rtsp URL that is not one.
  await cameras.chooseKind('RTSP video');
  await cameras.fill({ 'RTSP URL': 'http://10.0.0.1/stream' });
  await cameras.submitButton().click();
  await expect(cameras.form.getByText('Enter a valid address starting with rtsp://.')).toBeVisible();

  expect(sent).toEqual([]);
});

test('@tablet the relay form catches port 70000 and a bad address before sending', async ({ loggedIn: page }) => {
  const cameras = new CamerasPage(page);
  const relays = new CamerasRelays(page);
  const sent = watchWrites(page);
  await cameras.goto('?tab=relays');
  await relays.bindButton.click();
  await expect(relays.form).toBeVisible();
  await relays.chooseCamera('Main entrance');
  await relays.fill({ ip: '10.0.0.300', port: '70000', name: 'e2e relay' });
  await relays.submitButton().click();
  await expect(relays.form.getByText('A port is a whole number from 0 to 65535.')).toBeVisible();
  await expect(relays.form.getByText('Enter a valid IPv4 address, such as 10.0.0.2.')).toBeVisible();
  expect(sent).toEqual([]);
});

test('@tablet the edit form catches threshold 101 and sends nothing', async ({ loggedIn: page }) => {
  const cameras = new CamerasPage(page);
  const sent = watchWrites(page);
  await cameras.goto('?edit=1');
  await expect(cameras.form).toBeVisible();
  await cameras.fill({ 'Similarity threshold': '101' });
  await cameras.submitButton().click();
  await expect(cameras.form.getByText('The threshold is a whole number from 0 to 100.')).toBeVisible();
  expect(sent).toEqual([]);
});
