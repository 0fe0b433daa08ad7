// A security officer looks for yesterday's blacklist alarms on one camera,
// opens one, and exports them all to a zip.
import fs from 'node:fs';
import yauzl from 'yauzl';
import { getTime, listCameras, listLibraries, queryAlarms } from '../../src/api/protocol';
import { seriousViolations } from '../axe';
import { expect as baseExpect, test, type Device } from '../fixtures';
import { RecordsPage } from '../pages/records-page';
import { hrefs } from '../../src/config/paths';

test.use({ locale: 'en-US' });
// Exports are real work, and other suites share the 2-core machine.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

/** The device's yesterday, from its own clock. */
function yesterdayOf(sysTime: string): { start: string; stop: string } {
  const day = new Date(Date.parse(`${sysTime.slice(0, 10)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { start: `${day} 00:00:00`, stop: `${day} 23:59:59` };
}

function zipEntries(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Yesterday's blacklist alarms, on the camera that saw most of them (the demo history is random but seeded). */
async function yesterdaysBlacklistAlarms(device: Device) {
  const { sys_time } = await device.call(getTime, {});
  const { start, stop } = yesterdayOf(sys_time);
  const blacklist = (await device.call(listLibraries, {})).find((l) => l.lib_type === 1)!;
  const cameras = (await device.call(listCameras, {})).camera;
  let best = { channel: 0, name: '', total: 0 };
  for (const c of cameras) {
    const a = await device.call(queryAlarms, {
      channel: c.channel,
      lib_ids: String(blacklist.lib_id),
      start_time: start,
      stop_time: stop,
      qry_len: 1,
    });
    if (a.total_num > best.total) best = { channel: c.channel, name: c.camera_name, total: a.total_num };
  }
  expect(best.total, 'the demo history has blacklist alarms yesterday').toBeGreaterThan(0);
  const expected = await device.call(queryAlarms, {
    channel: best.channel,
    lib_ids: String(blacklist.lib_id),
    start_time: start,
    stop_time: stop,
    qry_len: 50,
  });
  return { start, stop, blacklist, camera: best, expected };
}

test("finds yesterday's blacklist alarms on one camera and opens one: both faces, attributes in words", async ({
  loggedIn: page,
  device,
}) => {
  const { start, stop, blacklist, camera, expected } = await yesterdaysBlacklistAlarms(device);
  const records = new RecordsPage(page);
  await records.goto();
  await expect(records.heading).toHaveText('Records');
  await records.tab('Alarms').click();
  await records.choose('Camera', `${camera.name} (channel ${camera.channel})`);
  await records.choose('Libraries', blacklist.lib_name);
  await records.choose('Time', 'Yesterday');

  await expect(page).toHaveURL(/tab=alarms/);
  await expect(page).toHaveURL(/range=yesterday/);
  await expect(page.getByText(`Device time ${start} to ${stop}`)).toBeVisible();
  await expect(page.getByText(`${expected.total_num} record${expected.total_num === 1 ? '' : 's'}, newest first`)).toBeVisible();
  await expect(records.dataRows).toHaveCount(Math.min(expected.total_num, 10));

  // A reload keeps the view.
  await records.reload();
  await expect(page.getByText(`${expected.total_num} record${expected.total_num === 1 ? '' : 's'}, newest first`)).toBeVisible();

  // The newest one: both faces and the attributes in words.
  const first = expected.record[0]!;
  await records.detailButtons.first().click();
  const drawer = page.getByRole('dialog', { name: 'Alarm' });
  await expect(drawer).toBeVisible({ timeout: 20_000 });
  const capture = drawer.getByRole('img', { name: `Face captured by ${first.camera_name} at ${first.trigger}` });
  const libraryPhoto = drawer.getByRole('img', { name: `Library photo of ${first.person_name}` });
  for (const img of [capture, libraryPhoto]) {
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
  }
  await expect(drawer).toContainText(first.person_name);
  await expect(drawer).toContainText(`Gender${first.face_attr.gender_code === 'male' ? 'Male' : 'Female'}`);
  await expect(drawer).toContainText('Expression');
  await expect(drawer).toContainText(`Estimated age${Math.round(Number(first.face_attr.st_age_value))} years`);
  await expect(drawer).not.toContainText(/st_|_type_none|color_type/);
  await expect(drawer).toContainText(/history keeps the crop alone/);
  await expect(drawer.getByRole('link', { name: /open this person in the library/i })).toHaveAttribute(
    'href',
    hrefs.person(first.lib_id, first.img_id),
  );
  await expect(drawer.getByRole('link', { name: /search this face/i })).toHaveAttribute(
    'href',
    `/face-search?snap=${encodeURIComponent(first.snap_path)}`,
  );
  await expect(page).toHaveURL(new RegExp(`open=${first.snap_id}`));

  expect(await seriousViolations(page)).toEqual([]);
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(page).not.toHaveURL(/open=/);
});

test('exports those alarms through the proxy and the zip holds the pictures and the CSV', async ({ loggedIn: page, device }, testInfo) => {
  const { blacklist, camera, expected } = await yesterdaysBlacklistAlarms(device);
  const records = new RecordsPage(page);
  // The view of the previous test, as a shared link would bring it.
  await records.goto(`?tab=alarms&ch=${camera.channel}&libs=${blacklist.lib_id}&range=yesterday`);
  await expect(page.getByText(`${expected.total_num} record${expected.total_num === 1 ? '' : 's'}, newest first`)).toBeVisible();

  // The whole filter: one file (fewer than 500), downloading by itself after the one click.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), records.exportFiltered()]);
  const link = records.fileLink(1);
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(records.exportDialog.getByRole('status')).toContainText('Export finished: 1 file, downloading.');
  expect(await seriousViolations(page)).toEqual([]);

  expect(download.suggestedFilename()).toMatch(/^alarm_.*\.zip$/);
  const saved = testInfo.outputPath('alarms.zip');
  await download.saveAs(saved);
  const entries = await zipEntries(saved);
  const csvName = [...entries.keys()].find((n) => n.endsWith('.csv'));
  expect(csvName).toBeTruthy();
  const csv = entries.get(csvName!)!.toString('utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toContain('person_name');
  expect(lines).toHaveLength(expected.total_num + 1);
  for (const r of expected.record) {
    expect(entries.has(`${r.snap_id}.jpg`), r.snap_id).toBe(true);
    expect(csv).toContain(r.snap_id);
  }
  expect([...entries.keys()].some((n) => n.startsWith('library/'))).toBe(true);
  fs.rmSync(saved);
  await records.exportDialog.getByRole('button', { name: 'Done' }).click();
  await expect(records.exportDialog).toBeHidden();
});

test('the delete-all confirmation counts what is lost and waits for the typed word (cancelled here)', async ({
  loggedIn: page,
  device,
}) => {
  const total = (await device.call(queryAlarms, { qry_len: 1 })).total_num;
  const records = new RecordsPage(page);
  await records.goto();
  await records.deleteAllButton.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`of them alarms`);
  await expect(dialog).toContainText(`(${total} of them alarms)`);
  const confirm = dialog.getByRole('button', { name: 'Delete all records' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type “DELETE” to confirm').fill('delete');
  await expect(confirm).toBeDisabled();
  // Every spec shares this emulator's history: cancel, never confirm here.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await device.call(queryAlarms, { qry_len: 1 })).total_num).toBeGreaterThanOrEqual(total);
});
