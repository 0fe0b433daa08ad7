// The installer draws the region of interest over a real frame of the
// channel, sets the face sizes with the squares, saves, reloads and finds the
// same; the next captures show under the editor.
//
// The frame: the scene the node pushes for the channel (a capture triggered
// through the emulator's fault route). If the capture pipeline is not running
// (400 "not running"), the spec uploads a screenshot instead, as an installer
// would, and says so in an annotation.
import sharp from 'sharp';
import type { Call } from '../../src/api/client';
import { listCameras, updateCamera, type CameraRecord } from '../../src/api/protocol/cameras';
import { expect as baseExpect, test } from '../fixtures';
import { triggerCapture } from '../pages/cameras-device';
import { CamerasRoi } from '../pages/cameras-roi';

test.use({ locale: 'en-US' });
// Several suites share two cores: a page may take a while to answer.
const expect = baseExpect.configure({ timeout: 90_000 });
test.describe.configure({ timeout: 360_000 });

/** Each project edits its own demo camera (both are rtsp / onvif, which have an ROI). */
const channelFor = (project: string) => (project === 'tablet' ? 2 : 1);

async function screenshotJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 1920, height: 1080, channels: 3, background: { r: 40, g: 90, b: 120 } } })
    .jpeg({ quality: 70 })
    .toBuffer();
}

async function cameraOn(call: Call, channel: number): Promise<CameraRecord> {
  const cam = (await call(listCameras, {})).camera.find((c) => c.channel === channel);
  if (!cam) throw new Error(`no demo camera on channel ${channel}`);
  return cam;
}

test("@tablet draws an ROI over the channel's frame, sets face sizes by the squares, and finds both after a reload", async ({
  loggedIn: page,
  device,
}, testInfo) => {
  test.setTimeout(300_000);
  const channel = channelFor(testInfo.project.name);
  const before = await cameraOn(device.call, channel);
  const roi = new CamerasRoi(page);
  try {
    await roi.goto(channel);
    await expect(roi.stage).toBeVisible();
    await expect(page.getByText('Live stream: connected')).toBeVisible();

    // The frame to draw on: the node's latest capture of this channel, else an uploaded screenshot.
    // A capture can miss the browser (the socket reconnecting, no face passing the camera's
    // filters): a few tries before falling back.
    let outcome = await triggerCapture(device.url, channel);
    let shown = false;
    for (let attempt = 0; attempt < 3 && !/not running/.test(outcome.reason); attempt++) {
      if (outcome.pushed) {
        shown = await expect(roi.source(/Latest capture/))
          .toBeChecked({ timeout: 20_000 })
          .then(() => true)
          .catch(() => false);
        if (shown) break;
      }
      outcome = await triggerCapture(device.url, channel);
    }
    if (shown) {
      testInfo.annotations.push({ type: 'frame', description: 'drew on the frame the node pushed for the channel' });
      await expect(roi.sourceNote).toContainText('The latest scene the device pushed for this channel');
    } else {
      testInfo.annotations.push({
        type: 'frame',
        description: `no pushed frame (${outcome.reason || 'not received'}): drew on an uploaded screenshot`,
      });
      await roi.uploadFrame({ name: 'camera-view.jpg', mimeType: 'image/jpeg', buffer: await screenshotJpeg() });
      await expect(roi.source(/Uploaded picture/)).toBeChecked();
      await expect(roi.sourceNote).toContainText('not sent to the device');
    }

    // Draw: press at a quarter of the frame, release at three quarters.
    await roi.chooseShape(/^Region of interest$/);
    await roi.drag({ x: 480, y: 270 }, { x: 1440, y: 810 });
    const drawn = await Promise.all([roi.x1, roi.y1, roi.x2, roi.y2].map(async (l) => Number(await l.inputValue())));
    const [x1, y1, x2, y2] = drawn as [number, number, number, number];
    for (const [got, want] of [
      [x1, 480],
      [y1, 270],
      [x2, 1440],
      [y2, 810],
    ] as const) {
      expect(Math.abs(got - want)).toBeLessThanOrEqual(4);
    }
    await expect(roi.dirtyState).toHaveText('Unsaved changes');

    // A fine move with the keyboard: Shift+Right is 10 px.
    await roi.stage.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect(roi.x1).toHaveValue(String(x1 + 10));
    await expect(roi.x2).toHaveValue(String(x2 + 10));

    // The largest-face square, resized by its bottom-right handle, 200 frame px inwards.
    await roi.chooseShape(/^Largest face square$/);
    const [mx, my, msize] = await roi.square('max');
    await roi.drag({ x: mx + msize, y: my + msize }, { x: mx + msize - 200, y: my + msize - 200 });
    const faceMax = Number(await roi.faceMax.inputValue());
    expect(Math.abs(faceMax - (msize - 200))).toBeLessThanOrEqual(6);
    // The smallest-face square, moved (a ruler: its size stays).
    const faceMinBefore = await roi.faceMin.inputValue();
    const [nx, ny, nsize] = await roi.square('min');
    await roi.drag({ x: nx + nsize / 2, y: ny + nsize / 2 }, { x: nx + nsize / 2 - 300, y: ny + nsize / 2 + 100 });
    expect((await roi.square('min'))[0]).toBeLessThan(nx);
    await expect(roi.faceMin).toHaveValue(faceMinBefore);

    await roi.save.click();
    await expect(page.getByText('ROI and face sizes saved')).toBeVisible();
    await expect(roi.dirtyState).toHaveText('No changes');
    const savedRoi = `${x1 + 10},${y1},${x2 + 10},${y2}`;
    const stored = await cameraOn(device.call, channel);
    expect(stored.camera_roi).toBe(savedRoi);
    expect(stored.facesize_max).toBe(faceMax);

    // After saving, the channel's next captures show under the editor.
    if (shown) {
      const next = await triggerCapture(device.url, channel);
      if (next.pushed) await expect(roi.captures.getByRole('listitem').first()).toBeVisible();
      else await expect(page.getByText(/Waiting for this channel’s next captures/)).toBeVisible();
    } else {
      await expect(page.getByText(/Waiting for this channel’s next captures/)).toBeVisible();
    }

    await page.reload();
    await expect(roi.stage).toBeVisible();
    await expect(roi.x1).toHaveValue(String(x1 + 10));
    await expect(roi.y1).toHaveValue(String(y1));
    await expect(roi.x2).toHaveValue(String(x2 + 10));
    await expect(roi.y2).toHaveValue(String(y2));
    await expect(roi.faceMax).toHaveValue(String(faceMax));
  } finally {
    await device.call(updateCamera, {
      channel,
      camera_roi: before.camera_roi ?? '',
      facesize_min: before.facesize_min,
      facesize_max: before.facesize_max,
    });
  }
});

test('@tablet exact numbers are checked as typed, and the region resets to the full frame', async ({
  loggedIn: page,
  device,
}, testInfo) => {
  const channel = channelFor(testInfo.project.name);
  const before = await cameraOn(device.call, channel);
  const roi = new CamerasRoi(page);
  try {
    await roi.goto(channel);
    await expect(roi.stage).toBeVisible();
    // Outside the frame: said once, and not applied.
    await roi.x2.fill('5000');
    await expect(page.getByRole('alert').filter({ hasText: 'The region must lie inside the 1920 × 1080 frame.' })).toBeVisible();
    await expect(roi.dirtyState).toHaveText('Fix the numbers in red to save');
    await expect(roi.save).toBeDisabled();
    // Right of left: applied at once.
    await roi.x2.fill('900');
    await roi.x1.fill('100');
    await expect(roi.dirtyState).toHaveText('Unsaved changes');
    await expect(page.getByTestId('roi-area')).toContainText(`Area ${(800 * 1080).toLocaleString('en-US')} of at most`);
    await roi.reset.click();
    await expect(roi.x1).toHaveValue('0');
    await expect(roi.x2).toHaveValue('1920');
    // The full frame is the device's own "no ROI": nothing left to save.
    if ((before.camera_roi ?? '') === '') await expect(roi.dirtyState).toHaveText('No changes');
  } finally {
    await device.call(updateCamera, { channel, camera_roi: before.camera_roi ?? '' });
  }
});

test('@tablet no save while a face size on screen is invalid; after a save the page shows what the device holds', async ({
  loggedIn: page,
  device,
}, testInfo) => {
  const channel = channelFor(testInfo.project.name);
  const before = await cameraOn(device.call, channel);
  const roi = new CamerasRoi(page);
  try {
    await roi.goto(channel);
    await expect(roi.stage).toBeVisible();
    // A moved region (a change to save), then face sizes no device takes.
    await roi.x1.fill('100');
    await expect(roi.dirtyState).toHaveText('Unsaved changes');
    await roi.faceMin.fill('500');
    await roi.faceMax.fill('300');
    await expect(roi.dirtyState).toHaveText('Fix the numbers in red to save');
    await expect(roi.save).toBeDisabled();
    await roi.faceMax.press('Enter');
    expect((await cameraOn(device.call, channel)).facesize_min).toBe(before.facesize_min);

    // Put right, saved: the device holds what the page shows.
    await roi.faceMin.fill('120');
    await roi.faceMax.fill('380');
    await expect(roi.dirtyState).toHaveText('Unsaved changes');
    await roi.save.click();
    await expect(roi.dirtyState).toHaveText('No changes');
    const after = await cameraOn(device.call, channel);
    expect([after.facesize_min, after.facesize_max]).toEqual([120, 380]);
    await expect(roi.faceMin).toHaveValue('120');
    await expect(roi.faceMax).toHaveValue('380');
    await expect(roi.x1).toHaveValue('100');
  } finally {
    await device.call(updateCamera, {
      channel,
      camera_roi: before.camera_roi ?? '',
      facesize_min: before.facesize_min ?? 50,
      facesize_max: before.facesize_max ?? 400,
    });
  }
});
