// Issue 14, item 1: an expired session never navigates away from unsaved input.
// The password is asked for over the page, and the Save that met the expiry is
// sent once the user has logged in again.
import { listCameras, updateCamera } from '../../src/api/protocol';
import { DEMO_PASSWORD, expect, test } from '../fixtures';
import { CamerasPage } from '../pages/cameras-page';
import { ReauthDialog, endBrowserSession } from '../pages/reauth-dialog';

test.use({ locale: 'en-US' });

async function cameraOne(device: { call: import('../../src/api/client').Call }) {
  const { camera: cameras } = await device.call(listCameras, {});
  const cam = cameras.find((c) => c.channel === 1);
  if (!cam) throw new Error('the demo has no camera on channel 1');
  return cam;
}

test('@tablet a camera edit survives the session ending while the user types, and while saving', async ({ loggedIn: page, device }) => {
  const before = await cameraOne(device);
  try {
    const cameras = new CamerasPage(page);
    const reauth = new ReauthDialog(page);
    await cameras.goto('?edit=1');
    await expect(cameras.form).toBeVisible();
    const name = `Gate ${Date.now() % 100000}`;
    await cameras.fill({ 'Camera name': name });

    // The device forgets the session while the drawer is open and changed: the
    // next background poll meets -141, and the page stays, edits and all.
    await endBrowserSession(page, device.url);
    await expect(reauth.dialog).toBeVisible({ timeout: 45_000 });
    await expect(page).toHaveURL(/\/cameras\?edit=1$/);
    await expect(cameras.field('Camera name')).toHaveValue(name);
    await reauth.logIn(DEMO_PASSWORD);
    await expect(reauth.dialog).toBeHidden();
    await expect(cameras.field('Camera name')).toHaveValue(name);

    // Now the session ends again and the user presses Save: asked in place, then sent.
    await endBrowserSession(page, device.url);
    await cameras.submitButton().click();
    await expect(reauth.dialog).toBeVisible();
    await expect(page).toHaveURL(/\/cameras\?edit=1$/);
    await expect(cameras.field('Camera name')).toHaveValue(name);
    await reauth.logIn(DEMO_PASSWORD);
    await expect(cameras.form).toBeHidden();
    await expect.poll(async () => (await cameraOne(device)).camera_name).toBe(name);
    expect(before.camera_name).not.toBe(name);
  } finally {
    // Other specs find this camera by its demo name.
    await device.call(updateCamera, { channel: 1, camera_name: before.camera_name });
  }
});
