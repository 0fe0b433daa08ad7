// Relays (§10): bind a camera to a relay, see it listed with its status, unbind it.
import { listRelays } from '../../src/api/protocol/cameras';
import { expect as baseExpect, test } from '../fixtures';
import { CamerasPage } from '../pages/cameras-page';
import { CamerasRelays } from '../pages/cameras-relays';

test.use({ locale: 'en-US' });
// Several suites share two cores: a page may take a while to answer.
const expect = baseExpect.configure({ timeout: 90_000 });
test.describe.configure({ timeout: 360_000 });

test('@tablet binds a relay to a camera and removes it', async ({ loggedIn: page, device }, testInfo) => {
  const cameras = new CamerasPage(page);
  const relays = new CamerasRelays(page);
  const name = `e2e relay ${testInfo.project.name} ${Date.now()}`;
  await cameras.goto();
  await cameras.relaysTab.click();
  await expect(page).toHaveURL(/tab=relays/);

  await relays.bindButton.click();
  await expect(relays.form).toBeVisible();
  await relays.chooseCamera('Main entrance');
  await relays.fill({ ip: '10.30.0.5', port: '5679', name });
  await relays.submitButton().click();
  await expect(page.getByText(`Relay “${name}” bound`)).toBeVisible();
  await expect(relays.form).toBeHidden();
  const row = relays.row(name);
  await expect(row).toContainText('10.30.0.5:5679');
  await expect(row).toContainText('Online');
  const bound = (await device.call(listRelays, {})).find((r) => r.dev_name === name);
  expect(bound).toMatchObject({ camera_channel: 1, dev_ip: '10.30.0.5', dev_port: 5679 });

  // The tab is in the URL: a reload comes back to it.
  await page.reload();
  await expect(relays.row(name)).toBeVisible();

  await relays.unbind(name);
  await expect(page.getByText('Relay unbound')).toBeVisible();
  await expect(relays.row(name)).toHaveCount(0);
  expect((await device.call(listRelays, {})).some((r) => r.dev_name === name)).toBe(false);
});
