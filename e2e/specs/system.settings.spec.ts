// Issue 8, as an installer sets a node up: identity, time, network, storage,
// push target, and an accessibility scan of every tab. Each test puts back
// what it changed: every spec shares one emulator.
import type { Page } from '@playwright/test';
import { getHttpPush, setHttpPush } from '../../src/api/protocol/push';
import {
  getNtp,
  getStorage,
  getTime,
  getVersion,
  setDeviceId,
  setInterface,
  setNtp,
  setStorage,
  setTime,
} from '../../src/api/protocol/system';
import { seriousViolations } from '../axe';
import { expect, test } from '../fixtures';
import { SystemPage, type SystemTabName } from '../pages/system-page';

test.use({ locale: 'en-US' });
// Each test waits up to this long for the page's first answers: on a busy machine
// (and a real device on a slow link) the first load can take a while.
const FIRST_LOAD = { timeout: 60_000 };
// Generous bounds: a passing test takes seconds; a loaded machine takes minutes.
test.describe.configure({ timeout: 240_000 });

/** The wall clock of this moment in a "GMT+08:00" zone. */
function wallClockNow(zone: string): string {
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(zone);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Every /api/json request the page sends for one msg_id. */
function watchSent(page: Page, msgId: string): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const body = r.postData();
    if (r.url().includes('/api/') && body?.includes(`"msg_id":"${msgId}"`)) seen.push(body);
  });
  return seen;
}

test('changes the device id and the NTP server, and sees both after a reload', async ({ loggedIn: page, device }) => {
  const before = await device.call(getVersion, {});
  const ntpBefore = await device.call(getNtp, {});
  const stamp = Date.now();
  const id = `installer-${stamp}`;
  const server = `ntp-${stamp}.example.org`;
  try {
    const system = new SystemPage(page);
    await system.goto();
    await expect(system.panel.getByText(before.device_id, { exact: true })).toBeVisible(FIRST_LOAD);
    await system.changeDeviceId(id);
    await expect(page.getByText(`Device ID changed to "${id}"`)).toBeVisible();
    // The header follows (it reads 1281).
    await expect(page.getByTestId('device-id')).toHaveText(id);

    await system.openTab('Time');
    await expect(page).toHaveURL(/\/system\?tab=time$/);
    await system.ntpServer.fill(server);
    await system.saveNtp();
    await expect(page.getByText(/NTP settings saved|NTP on/)).toBeVisible();

    await page.reload();
    await expect(system.tab('Time')).toHaveAttribute('aria-selected', 'true', FIRST_LOAD);
    await expect(system.ntpServer).toHaveValue(server, FIRST_LOAD);
    await system.openTab('Overview');
    await expect(system.panel.getByText(id, { exact: true })).toBeVisible();
    expect((await device.call(getVersion, {})).device_id).toBe(id);
  } finally {
    await device.call(setDeviceId, { device_id: before.device_id });
    await device.call(setNtp, {
      url: ntpBefore.url,
      port: ntpBefore.port,
      ntp_cycle: ntpBefore.ntp_cycle,
      ntp_disable: ntpBefore.ntp_disable === '0' ? '0' : '1',
    });
  }
});

test('sets the time by hand and sees the device clock follow', async ({ loggedIn: page, device }) => {
  const before = await device.call(getTime, {});
  try {
    const system = new SystemPage(page);
    await system.goto('Time');
    await expect(system.deviceTime).toBeVisible(FIRST_LOAD);
    await system.setTimeByHand('2031-05-06 07:08:09');
    await expect(page.getByText(`Device time set to 2031-05-06 07:08:09 (${before.time_zone})`)).toBeVisible();
    await expect(system.deviceTime).toContainText('2031-05-06 07:0');
    expect((await device.call(getTime, {})).sys_time.slice(0, 10)).toBe('2031-05-06');

    // "Use this computer's time" puts it back.
    await system.panel.getByRole('radio', { name: "Use this computer's time" }).check();
    await system.panel.getByRole('button', { name: /set time/i }).click();
    await expect(page.getByText(/Device time set to/).last()).toBeVisible();
    const now = wallClockNow(before.time_zone);
    await expect(system.deviceTime).toContainText(now.slice(0, 10));
  } finally {
    await device.call(setTime, {
      sys_time: wallClockNow(before.time_zone),
      time_zone: before.time_zone,
      time_format: before.time_format as 'yyyy-MM-dd HH:mm:ss',
    });
  }
});

test('refuses an interface with a gateway outside its subnet before sending anything', async ({ loggedIn: page, device }) => {
  const sent = watchSent(page, '1296');
  const system = new SystemPage(page);
  await system.goto('Network');
  const row = system.panel.getByRole('row', { name: /eth3/ });
  await expect(row).toContainText('192.168.4.10', FIRST_LOAD);
  try {
    const editor = await system.editInterface('eth3');
    await editor.getByLabel('Gateway').fill('192.168.99.1');
    await editor.getByRole('button', { name: 'Check and save' }).click();
    await expect(editor.getByText("The gateway is outside this interface's subnet 192.168.4.0/24.")).toBeVisible();
    expect(sent).toHaveLength(0);

    // A gateway inside the subnet goes through, after a confirmation that names the device.
    await editor.getByLabel('Gateway').fill('192.168.4.1');
    await editor.getByRole('button', { name: 'Check and save' }).click();
    const deviceId = (await device.call(getVersion, {})).device_id;
    const confirm = system.dialog('Change interface eth3?');
    await expect(confirm).toContainText(deviceId);
    await expect(confirm).toContainText('192.168.4.1');
    await confirm.getByRole('button', { name: 'Change eth3' }).click();
    await expect(page.getByText('eth3 saved')).toBeVisible();
    await expect(row).toContainText('192.168.4.1');
    expect(sent).toHaveLength(1);
  } finally {
    await device.call(setInterface, {
      ethname: 'eth3',
      ip: '192.168.4.10',
      netmask: '255.255.255.0',
      gateway: '',
      ip_method: 'static',
      ip_version: 'IPv4',
    });
  }
});

test('switches the storage policy and says what each one means', async ({ loggedIn: page, device }) => {
  const before = await device.call(getStorage, {});
  try {
    const system = new SystemPage(page);
    await system.goto('Storage');
    await expect(system.panel.getByText(/the oldest capture and alarm records .* are deleted/)).toBeVisible(FIRST_LOAD);
    await expect(system.panel.getByText(/saves no new capture or alarm records/)).toBeVisible();
    const target = before.storage_strategy === 2 ? 'Overwrite when full' : 'Stop when full';
    await system.chooseStoragePolicy(target);
    await expect(page.getByText(`Storage policy set to "${target}"`)).toBeVisible();
    await page.reload();
    await expect(system.panel.getByRole('radio', { name: new RegExp(target) })).toBeChecked(FIRST_LOAD);
    await expect(system.panel.getByRole('radio', { name: new RegExp(target) })).toHaveAccessibleName(/\(current\)/);
  } finally {
    await device.call(setStorage, { storage_strategy: before.storage_strategy === 2 ? 2 : 1 });
  }
});

test('sets the HTTP push target and explains what the receiver gets', async ({ loggedIn: page, device }) => {
  const before = await device.call(getHttpPush, {});
  const url = `http://127.0.0.1:9/nebula-${Date.now()}`;
  try {
    const system = new SystemPage(page);
    await system.goto('HTTP push');
    await expect(system.panel.getByText(/Heartbeat \(775\)/)).toBeVisible(FIRST_LOAD);
    await expect(system.panel.getByText(/Alarm \(774\)/)).toBeVisible();

    await system.setPushTarget('ftp://nope', 'k');
    await expect(system.panel.getByText('Only http:// or https://.')).toBeVisible();

    await system.setPushTarget(url, 'installer-key');
    await expect(page.getByText(`Push target set to ${url}`)).toBeVisible();
    await page.reload();
    await expect(system.panel.getByText(`Pushing to: ${url}`)).toBeVisible(FIRST_LOAD);
    await expect(system.panel.getByLabel('Key', { exact: true })).toHaveValue('installer-key');
  } finally {
    await device.call(setHttpPush, before);
  }
});

test('shows CPU and memory moving over time', async ({ loggedIn: page }) => {
  const system = new SystemPage(page);
  await system.goto();
  const cpu = system.panel.getByRole('img', { name: /^CPU usage over the last/ });
  await expect(cpu).toBeVisible(FIRST_LOAD);
  const first = await cpu.getAttribute('aria-label');
  // A new sample every 3 s: the chart's summary covers a longer time.
  await expect(cpu).not.toHaveAttribute('aria-label', first ?? '', { timeout: 15_000 });
  await expect(system.panel.getByRole('img', { name: /^Memory usage over the last/ })).toBeVisible();
  await expect(system.panel.getByText('ARMv8 Processor rev 3 (v8l)')).toBeVisible();
});

test('works in Chinese @tablet', async ({ loggedIn: page }) => {
  const system = new SystemPage(page);
  await system.goto('Storage');
  await page
    .getByRole('group', { name: /language|语言/i })
    .getByRole('button', { name: '中文' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '系统' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '存储', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(system.panel.getByRole('radio', { name: /满覆盖/ })).toBeVisible(FIRST_LOAD);
  await page.getByRole('tab', { name: '维护', exact: true }).click();
  await expect(system.panel.getByRole('button', { name: /重启设备/ })).toBeVisible();
});

const TABS: SystemTabName[] = ['Overview', 'Time', 'Network', 'Storage', 'HTTP push', 'HTTPS and access', 'Maintenance'];

test('has no serious accessibility violations on any tab', async ({ loggedIn: page }) => {
  // Seven full scans: slow on a busy machine.
  test.setTimeout(300_000);
  const system = new SystemPage(page);
  await system.goto();
  const found: string[] = [];
  for (const tab of TABS) {
    await system.openTab(tab);
    await expect(system.tab(tab)).toHaveAttribute('aria-selected', 'true');
    // Loaded: the skeletons gave way to the device's answers.
    await expect(system.panel.locator('.ant-skeleton')).toHaveCount(0, FIRST_LOAD);
    found.push(...(await seriousViolations(page, tab)));
  }
  expect(found).toEqual([]);
});
