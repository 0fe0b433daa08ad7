// Every link a user can click from one page to another, followed: the target
// must show what was clicked (the person's drawer open on their name, the
// camera's area, the probe photo), not only have the right href. The person
// links used to say ?img_id= where the gallery reads ?face=, so the gallery
// opened and the person never did.
import type { Page } from '@playwright/test';
import { getTime, listLibraries, queryAlarms, queryFaces } from '../../src/api/protocol';
import { hrefs } from '../../src/config/paths';
import { expect as baseExpect, test, type Device } from '../fixtures';
import { WallDevice } from '../pages/alarm-wall-device';
import { AlarmWallPage } from '../pages/alarm-wall-page';
import { FaceSearchPage } from '../pages/face-search-page';
import { RecordsPage } from '../pages/records-page';

test.use({ locale: 'en-US' });
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

/** The person drawer of the gallery, open on `name`, in library `libId`. */
async function expectPersonOpen(page: Page, libId: number, name: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/libraries/${libId}\\?`));
  const drawer = page.getByRole('dialog').filter({ has: page.locator('.ant-drawer-body') });
  await expect(drawer).toBeVisible();
  await expect(drawer.locator('.ant-drawer-title')).toHaveText(name);
}

/** One of yesterday's alarms: yesterday's history no longer grows while the spec runs. */
async function yesterdaysAlarm(device: Device) {
  const { sys_time } = await device.call(getTime, {});
  const day = new Date(Date.parse(`${sys_time.slice(0, 10)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const blacklist = (await device.call(listLibraries, {})).find((l) => l.lib_type === 1)!;
  const answer = await device.call(queryAlarms, {
    lib_ids: String(blacklist.lib_id),
    start_time: `${day} 00:00:00`,
    stop_time: `${day} 23:59:59`,
    qry_len: 1,
  });
  expect(answer.total_num, 'the demo history has blacklist alarms yesterday').toBeGreaterThan(0);
  return { alarm: answer.record[0]!, blacklist };
}

test('an alarm record leads to its person, a search with its face and its camera’s detection area', async ({ loggedIn: page, device }) => {
  const { alarm, blacklist } = await yesterdaysAlarm(device);
  const records = new RecordsPage(page);
  await page.goto(hrefs.records({ tab: 'alarms', range: 'yesterday', libIds: [blacklist.lib_id], channel: alarm.channel }));
  await records.heading.waitFor({ timeout: 45_000 });
  await records.detailButtons.first().click();
  const drawer = page.getByRole('dialog', { name: 'Alarm' });
  await expect(drawer).toContainText(alarm.person_name);

  await drawer.getByRole('link', { name: /open this person in the library/i }).click();
  await expectPersonOpen(page, alarm.lib_id, alarm.person_name || alarm.img_id);

  await page.goBack();
  await drawer.getByRole('link', { name: /search this face/i }).click();
  await expect(page.getByText(`Photo from the device: ${alarm.snap_path}`)).toBeVisible();

  await page.goBack();
  await drawer.getByRole('link', { name: `Detection area of ${alarm.camera_name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`ROI & face size · ${alarm.camera_name}`);
});

test('a face search hit opens the person it found', async ({ loggedIn: page, device }) => {
  const lib = (await device.call(listLibraries, {})).find((l) => l.picture_no > 0)!;
  const face = (await device.call(queryFaces, { lib_id: lib.lib_id, start_no: 1, qry_len: 1 })).record[0]!;
  const res = await fetch(`${device.url}/ws/${face.img_path}`);
  expect(res.ok).toBe(true);
  const fs_ = new FaceSearchPage(page);
  await fs_.goto();
  await fs_.givePhoto({ name: `${face.img_id}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(await res.arrayBuffer()) });
  await expect(page.getByText(/^One face found \(quality \d+\)\.$/)).toBeVisible();
  await fs_.searchButton.click();
  const top = fs_.matches.first();
  await expect(top).toContainText(face.person_name);

  await top.getByRole('link', { name: /open in the library/i }).click();
  await expectPersonOpen(page, face.lib_id, face.person_name || face.img_id);
});

test('an alarm on the wall opens the person it matched', async ({ loggedIn: page, device }) => {
  const wall = new AlarmWallPage(page);
  await wall.goto();
  await expect(page.getByRole('status', { name: /live alarms: live/i })).toBeVisible({ timeout: 60_000 });
  const dev = new WallDevice(device.url, device.call);
  const suspect = await dev.person(1);
  const [snapId] = await dev.capture(1, suspect.photo);
  await wall.card(snapId!).click();
  await expect(wall.detail.getByRole('heading', { name: suspect.name })).toBeVisible();

  await wall.detail.getByRole('link', { name: /open in the library/i }).click();
  await expectPersonOpen(page, suspect.libId, suspect.name || suspect.imgId);
});
