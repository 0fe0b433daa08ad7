// Issue 4, libraries: create a blacklist, rename / retype, delete refused while a
// camera uses it (the cameras are named), deleted once the binding is gone.
// Keyboard only; an axe scan of the page and its dialogs.
import type { Page } from '@playwright/test';
import { addCamera, deleteCamera, listLibraries, updateCamera } from '../../src/api/protocol';
import { expect as baseExpect, test } from '../fixtures';
import { seriousViolations } from '../pages/libraries-axe';
import { press } from '../pages/libraries-keys';
import { LibrariesListPage } from '../pages/libraries-list';

test.use({ locale: 'en-US' });
// Several suites share 2 cores: a page can take a while to load.
const expect = baseExpect.configure({ timeout: 60_000 });

async function noSeriousViolations(page: Page, where: string, within?: string): Promise<void> {
  expect.soft(await seriousViolations(page, where, within)).toEqual([]);
}

test('create, edit and delete a library, named cameras blocking the delete @tablet', async ({ loggedIn: page, device }) => {
  test.setTimeout(420_000);
  const stamp = Date.now();
  const name = `Blacklist ${stamp}`;
  const list = new LibrariesListPage(page);
  await list.goto();
  await expect(list.heading).toBeVisible();
  await expect(list.table.getByRole('row').nth(1)).toBeVisible();
  await noSeriousViolations(page, 'libraries page');

  // Create a blacklist; a duplicate name is refused before sending.
  await list.create(name, 'Blacklist');
  await expect(page.getByText(`Library “${name}” created`)).toBeVisible();
  const row = list.row(name);
  await expect(row).toContainText('Blacklist');
  await expect(row).toContainText('No camera');

  let sent = 0;
  page.on('request', (r) => {
    if (r.url().includes('/api/json') && r.postData()?.includes('"1025"')) sent++;
  });
  await list.create(name, 'Whitelist');
  await expect(list.dialog.getByText('A library with this name exists')).toBeVisible();
  expect(sent).toBe(0);
  await noSeriousViolations(page, 'create dialog', '.ant-modal');
  // Esc on a dirty form asks first.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Discard unsaved changes?' })).toBeVisible();
  await list.confirm('Discard changes');
  await expect(list.dialog).toHaveCount(0);

  // Rename and make it a whitelist, then back.
  await list.edit(name, `${name} b`, 'Whitelist');
  await expect(list.row(`${name} b`)).toContainText('Whitelist');
  await list.edit(`${name} b`, name, 'Blacklist');
  await expect(list.row(name)).toContainText('Blacklist');

  // A camera watches it: the node refuses, and the page names the camera.
  const libId = (await device.call(listLibraries, {})).find((l) => l.lib_name === name)!.lib_id;
  const cameraName = `Gate ${stamp}`;
  const { channel } = await device.call(addCamera, {
    camera_mode: 'IMAGE',
    camera_name: cameraName,
    ip: '192.168.9.9',
    port: 80,
    camera_user: 'admin',
    camera_pwd: 'admin',
    threshold: 80,
    lib_ids: String(libId),
  });
  try {
    await page.reload();
    await expect(list.row(name)).toContainText(cameraName);
    await noSeriousViolations(page, 'libraries page');

    await list.askDelete(name);
    const confirm = page.getByRole('dialog', { name: `Delete library “${name}”?` });
    await expect(confirm).toContainText('Its faces (0)');
    await expect(confirm).toContainText(cameraName);
    await list.confirm('Delete library');
    const refused = page.getByRole('dialog', { name: `Library “${name}” is in use by cameras and cannot be deleted` });
    await expect(refused).toBeVisible();
    await expect(refused.getByRole('list', { name: 'Cameras using this library' })).toContainText(`${cameraName} (channel ${channel})`);
    await expect(refused.getByRole('link', { name: 'Go to Cameras' })).toBeVisible();
    await press(refused.getByRole('button', { name: 'Close' }));
    await expect(list.row(name)).toBeVisible();
    // Both dialogs gone (they fade out) before the next one opens.
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The binding goes (as on the cameras page); now the delete goes through.
    await device.call(updateCamera, { channel, lib_ids: '' });
    await list.askDelete(name);
    await list.confirm('Delete library');
    await expect(page.getByText(`Library “${name}” deleted`)).toBeVisible();
    await expect(list.row(name)).toHaveCount(0);
    expect((await device.call(listLibraries, {})).some((l) => l.lib_id === libId)).toBe(false);
  } finally {
    await device.call(deleteCamera, { channel });
  }
});
