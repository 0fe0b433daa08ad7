// A supervisor opens the console: every number of the overview equals what
// the device answers when asked directly (through the API, by this test, with
// its own buckets on the device's clock), and a bar leads to the records
// filtered to it, which count the same.
import { getTime, listCameras, listLibraries, queryAlarms, querySnapshots } from '../../src/api/protocol';
import { expect, test, type Device } from '../fixtures';
import { OverviewPage, type ChartName } from '../pages/overview-page';
import type { Page } from '@playwright/test';

test.describe.configure({ timeout: 240_000 });

const pad = (n: number) => String(n).padStart(2, '0');
/** "yyyy-MM-dd" moved by `n` days (calendar arithmetic in UTC: the text is the device's wall time). */
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
const hourRange = (day: string, h: number) => ({ start_time: `${day} ${pad(h)}:00:00`, stop_time: `${day} ${pad(h)}:59:59` });
const dayRange = (day: string) => ({ start_time: `${day} 00:00:00`, stop_time: `${day} 23:59:59` });

interface Expected {
  today: string;
  hour: number;
  alarmsToday: number[];
  alarmsYesterday: number[];
  snapshotsToday: number[];
  days: number[];
  cameras: number[];
  libraries: { id: number; count: number }[];
  persons: Map<string, number>;
}

/** Counts taken from the device directly: total_num of one-row queries, and today's alarms read whole for the persons. */
async function fromDevice(device: Device): Promise<Expected> {
  const { call } = device;
  const { sys_time } = await call(getTime, {});
  const today = sys_time.slice(0, 10);
  const hour = Number(sys_time.slice(11, 13));
  const alarms = async (r: object) => (await call(queryAlarms, { ...r, start_no: 1, qry_len: 1 })).total_num;
  const snaps = async (r: object) => (await call(querySnapshots, { ...r, start_no: 1, qry_len: 1 })).total_num;
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const yesterday = addDays(today, -1);
  const cams = (await call(listCameras, {})).camera;
  const libs = [...(await call(listLibraries, {}))].sort((a, b) => a.lib_type - b.lib_type || a.lib_id - b.lib_id);
  const persons = new Map<string, number>();
  for (let start = 1; ; start += 50) {
    const page = await call(queryAlarms, { ...dayRange(today), start_no: start, qry_len: 50 });
    for (const r of page.record) persons.set(`${r.person_name}|${r.lib_name}`, (persons.get(`${r.person_name}|${r.lib_name}`) ?? 0) + 1);
    if (page.record.length < 50) break;
  }
  return {
    today,
    hour,
    alarmsToday: await Promise.all(hours.map((h) => (h > hour ? Promise.resolve(0) : alarms(hourRange(today, h))))),
    alarmsYesterday: await Promise.all(hours.map((h) => alarms(hourRange(yesterday, h)))),
    snapshotsToday: await Promise.all(hours.map((h) => (h > hour ? Promise.resolve(0) : snaps(hourRange(today, h))))),
    days: await Promise.all([-6, -5, -4, -3, -2, -1, 0].map((n) => alarms(dayRange(addDays(today, n))))),
    cameras: await Promise.all(cams.map((c) => alarms({ ...dayRange(today), channel: c.channel }))),
    libraries: await Promise.all(
      libs.map(async (l) => ({ id: l.lib_id, count: await alarms({ ...dayRange(today), lib_ids: String(l.lib_id) }) })),
    ),
    persons,
  };
}

const column = (rows: { values: number[] }[], i: number) => rows.map((r) => r.values[i]);
const SWITCH = /show as table|以表格显示/i;

async function expectOverviewMatches(page: Page, device: Device): Promise<Expected> {
  const overview = new OverviewPage(page);
  await overview.goto();
  const want = await fromDevice(device);
  const table = (name: ChartName) => overview.table(name, SWITCH);

  const hours = await table('hours');
  expect(column(hours, 0), 'alarms today by hour').toEqual(want.alarmsToday);
  expect(column(hours, 1), 'alarms yesterday by hour').toEqual(want.alarmsYesterday);
  expect(column(await table('days'), 0), 'alarms by day, last 7').toEqual(want.days);
  expect(column(await table('cameras'), 0), 'alarms per camera').toEqual(want.cameras);
  expect(column(await table('libraries'), 0), 'alarms per library').toEqual(want.libraries.map((l) => l.count));
  const faces = await table('faces');
  expect(column(faces, 0), 'face snapshots by hour').toEqual(want.snapshotsToday);
  const strangers = want.snapshotsToday.map((s, h) => Math.max(0, s - want.alarmsToday[h]!));
  expect(column(faces, 1), 'strangers by hour (snapshots - alarms)').toEqual(strangers);

  // The totals above the charts.
  const total = (xs: number[]) => String(xs.reduce((a, b) => a + b, 0));
  await expect(page.getByText(total(want.alarmsToday), { exact: true }).first()).toBeVisible();

  // Top persons: each listed person's count is theirs on the device, and no one unlisted has more.
  const top = await overview.ready('top');
  const rows = top.locator('tr.ant-table-row');
  const listed: number[] = [];
  for (const r of await rows.all()) {
    const cells = await r.locator('td').allInnerTexts();
    const name = cells[0]!.trim();
    const lib = cells[1]!.replace(/(Blacklist|黑名单)\s*$/, '').trim();
    const n = Number(cells[2]!.trim());
    expect(want.persons.get(`${name}|${lib}`), `alarms of ${name} (${lib})`).toBe(n);
    listed.push(n);
  }
  const best = [...want.persons.values()].sort((a, b) => b - a).slice(0, listed.length);
  expect(listed).toEqual(best);
  return want;
}

async function expectRecordsCount(page: Page, n: number): Promise<void> {
  await expect(page).toHaveURL(/\/records\?/);
  const text = new RegExp(`^(${n} records?, newest first|共 ${n} 条，按抓拍时间从新到旧)$`);
  await expect(page.getByText(text)).toBeVisible({ timeout: 45_000 });
}

test.describe('in English, light', () => {
  test.use({ locale: 'en-US', colorScheme: 'light' });

  test('every chart equals the device count; a bar leads to the records with that count', async ({ loggedIn: page, device }, info) => {
    const want = await expectOverviewMatches(page, device);
    await page.screenshot({ path: info.outputPath('overview-en-light.png'), fullPage: true });

    // The busiest hour today, clicked on the chart (not its table).
    const overview = new OverviewPage(page);
    await overview.goto();
    const busiest = want.alarmsToday.indexOf(Math.max(...want.alarmsToday));
    await overview.clickBar('hours', 0, busiest);
    await expectRecordsCount(page, want.alarmsToday[busiest]!);
    await expect(page).toHaveURL(new RegExp(`from=${want.today}\\+${pad(busiest)}%3A00%3A00`));

    // A library's bar: the records page filtered to it.
    await overview.goto();
    const lib = want.libraries.findIndex((l) => l.count > 0);
    await overview.clickBar('libraries', 0, lib);
    await expectRecordsCount(page, want.libraries[lib]!.count);
  });
});

test.describe('in Chinese, dark', () => {
  test.use({ locale: 'zh-CN', colorScheme: 'dark' });

  test('every chart equals the device count, on a tablet too @tablet', async ({ loggedIn: page, device }, info) => {
    const want = await expectOverviewMatches(page, device);
    await page.screenshot({ path: info.outputPath('overview-zh-dark.png'), fullPage: true });
    const overview = new OverviewPage(page);
    await overview.goto();
    const cam = want.cameras.findIndex((c) => c > 0);
    await overview.clickBar('cameras', 0, cam);
    await expectRecordsCount(page, want.cameras[cam]!);
  });

  test('the day prints as a report and downloads as CSV', async ({ loggedIn: page, device }, info) => {
    const { sys_time } = await device.call(getTime, {});
    const today = sys_time.slice(0, 10);
    await page.goto(`/overview/report?date=${today}`);
    await expect(page.locator('.overview-report')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`报警日报 ${today}`);
    const alarms = (await device.call(queryAlarms, { ...dayRange(today), start_no: 1, qry_len: 1 })).total_num;
    const totals = page.getByRole('table', { name: '合计' });
    await expect(totals.getByRole('row', { name: new RegExp(`^报警 ${alarms}$`) })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: info.outputPath('report-zh-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
    const csv = await download.createReadStream().then(async (s) => {
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    });
    expect(csv.startsWith('\uFEFF项目,时间/对象,数值\r\n')).toBe(true);
    expect(csv).toContain(`合计,报警,${alarms}\r\n`);
  });
});
