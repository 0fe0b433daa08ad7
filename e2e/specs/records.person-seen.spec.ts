// Issue 16, "where was this person seen": from an alarm's details to the
// person's timeline over the last 7 days by the device's clock, which lists
// exactly the person's alarms in the range: checked against 1036 paged here
// and filtered by img_id (the device has no such filter).
import { formatDeviceTime, parseDeviceTime } from '../../src/api/protocol/device-time';
import { queryAlarms, type AlarmRecord } from '../../src/api/protocol/records';
import { getTime } from '../../src/api/protocol/system';
import { hrefs } from '../../src/config/paths';
import type { Device } from '../fixtures';
import { expect as baseExpect, test } from '../fixtures';

test.use({ locale: 'en-US' });
const expect = baseExpect.configure({ timeout: 60_000 });
const DAY = 86_400_000;

async function allAlarms(device: Device, libId: number, start: string, stop: string): Promise<AlarmRecord[]> {
  const out: AlarmRecord[] = [];
  for (let no = 1; ; no += 50) {
    const page = await device.call(queryAlarms, { lib_ids: String(libId), start_time: start, stop_time: stop, start_no: no, qry_len: 50 });
    out.push(...page.record);
    if (page.record.length === 0 || no + 50 > page.total_num) return out;
  }
}

test("a person's timeline lists exactly their alarms of the last 7 days, a row per camera", async ({ loggedIn: page, device }) => {
  test.setTimeout(180_000);
  const now = parseDeviceTime((await device.call(getTime, {})).sys_time)!;
  const start = formatDeviceTime(Math.floor(now / DAY) * DAY - 6 * DAY);
  // The person with the most alarms among the newest 50 (the demo history has several).
  const newest = (await device.call(queryAlarms, { start_time: start, qry_len: 50 })).record;
  const counts = new Map<string, number>();
  for (const r of newest) counts.set(r.img_id, (counts.get(r.img_id) ?? 0) + 1);
  const [imgId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const first = newest.find((r) => r.img_id === imgId)!;

  // From the alarm's details in the records page.
  await page.goto(hrefs.records({ tab: 'alarms', open: first.snap_id }));
  const drawer = page.getByRole('dialog', { name: 'Alarm' });
  await drawer.getByRole('link', { name: 'Where was this person seen' }).click();
  await expect(page).toHaveURL(new RegExp(`/records/person/${first.lib_id}/${imgId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Where ${first.person_name} was seen`);

  const status = page.getByRole('status').filter({ hasText: /^Read \d+ of \d+ pages/ });
  await expect(status).toHaveText(/^Read (\d+) of \1 pages/);
  await expect(page.getByRole('progressbar', { name: 'Alarms read' })).toHaveAttribute('aria-valuenow', '100');

  // The page's range stops at the device's clock as it read it; nothing is captured meanwhile (rate 0).
  const stop = formatDeviceTime(parseDeviceTime((await device.call(getTime, {})).sys_time)!);
  const expected = (await allAlarms(device, first.lib_id, start, stop)).filter((r) => r.img_id === imgId);
  expect(expected.length).toBeGreaterThan(0);
  await expect(status).toContainText(expected.length === 1 ? '1 alarm of this person' : `${expected.length} alarms of this person`);

  const timeline = page.getByRole('region', { name: 'Alarms on a time axis, a row per camera' });
  const dots = timeline.getByRole('button', { name: /open the alarm$/ });
  await expect(dots).toHaveCount(expected.length);
  const shown = (await dots.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? ''))).map((l) => {
    const m = /, (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d), similarity (\d+)%/.exec(l);
    return m ? `${m[1]} ${m[2]}` : l;
  });
  expect(shown.sort()).toEqual(expected.map((r) => `${r.trigger} ${r.similarity}`).sort());
  // A row per camera that saw them.
  const channels = new Set(expected.map((r) => r.channel));
  await expect(timeline.getByRole('list', { name: 'Cameras' }).getByRole('listitem')).toHaveCount(channels.size);

  // A dot opens its alarm (by keyboard: alarms minutes apart overlap on a week's axis).
  await dots.first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Alarm' })).toBeVisible();
});

test('leaving the timeline stops its reading of the alarms', async ({ loggedIn: page, device }) => {
  const newest = (await device.call(queryAlarms, { qry_len: 1 })).record[0]!;
  // The first page of the scan is held until the user has gone elsewhere.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  let asked = 0;
  // The scan's pages only. The overview, where the fixture lands, counts the
  // same library's alarms with one-row 1036 queries: one still in flight when
  // the route was set was counted (and held), and the overview's requests
  // aborted by leaving it stood for the scan's own abort.
  const scanPage = (body: string | null): boolean => {
    const b = (body ? JSON.parse(body) : {}) as { msg_id?: string; lib_ids?: string; qry_len?: number };
    return b.msg_id === '1036' && b.lib_ids === String(newest.lib_id) && b.qry_len !== 1;
  };
  await page.route('**/api/json', async (route) => {
    if (scanPage(route.request().postData())) {
      asked++;
      await held;
    }
    await route.fallback().catch(() => undefined);
  });
  const failed = new Promise<string>((resolve) =>
    page.on('requestfailed', (r) => {
      if (r.url().endsWith('/api/json') && scanPage(r.postData())) resolve(r.failure()?.errorText ?? '');
    }),
  );
  await page.goto(hrefs.personSeen(newest.lib_id, newest.img_id));
  await expect.poll(() => asked).toBe(1);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cameras' }).click();
  await expect(page).toHaveURL(/\/cameras/);
  expect(await failed).toMatch(/ABORTED/);
  release();
  // No further page was asked for.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(asked).toBe(1);
});
