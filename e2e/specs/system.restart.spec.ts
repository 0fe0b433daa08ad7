// Issue 8's restarts, as an installer meets them: the HTTPS switch and a
// reboot, each followed by the overlay, then the password asked for over the page. The device
// really goes away for a few seconds and drops every session, so these run in
// the "restarts" project (@restart): last, alone, one after the other.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '../../src/api/client';
import { DeviceError } from '../../src/api/errors';
import { deleteHttpsFile, getProtocol, switchProtocol } from '../../src/api/protocol/https';
import { login } from '../../src/api/protocol/session';
import { getVersion } from '../../src/api/protocol/system';
import { DEMO_PASSWORD, DEMO_USER, expect, test } from '../fixtures';
import { ReauthDialog } from '../pages/reauth-dialog';
import { SystemPage } from '../pages/system-page';

test.describe.configure({ mode: 'serial' });
/** The first answers can be slow on a busy machine. */
const FIRST_LOAD = { timeout: 60_000 };
test.use({
  locale: 'en-US',
  // While the device is away, every request the page still makes fails, and the
  // browser logs each one; the live socket logs its reconnects.
  allowConsoleErrors: ['Failed to load resource', 'WebSocket connection', 'ERR_CONNECTION', 'net::'],
});

/** A fresh self-signed pair, made by openssl as an installer would. */
function selfSignedPair(): { cert: Buffer; key: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-e2e-tls-'));
  try {
    const key = path.join(dir, 'server.key');
    const crt = path.join(dir, 'server.crt');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        crt,
        '-days',
        '2',
        '-subj',
        '/CN=nebula-e2e',
      ],
      { stdio: 'ignore' },
    );
    return { cert: fs.readFileSync(crt), key: fs.readFileSync(key) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** fetch over node:https that takes the device's self-signed certificate (test cleanup only). */
function insecureFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  return new Promise((resolve, reject) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    const req = https.request(
      String(input),
      {
        method: init?.method ?? 'POST',
        headers: { ...(init?.headers as Record<string, string>), 'content-length': String(Buffer.byteLength(body)) },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0 })));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function until<T>(what: string, attempt: () => Promise<T>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (e) {
      if (Date.now() > end) throw new Error(`${what}: ${String(e)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/**
 * Whatever a test left behind, the next specs need the device on plain HTTP
 * with no HTTPS files: switch back over HTTPS if need be, then delete them.
 */
async function backToPlainHttp(httpUrl: string): Promise<void> {
  const answersOver = async (call: ReturnType<typeof createClient>) => {
    try {
      await call(getVersion, {});
    } catch (e) {
      if (!(e instanceof DeviceError)) throw e;
    }
  };
  const plain = createClient({ baseUrl: httpUrl, getSession: () => null });
  const overHttp = await answersOver(plain).then(
    () => true,
    () => false,
  );
  if (!overHttp) {
    let session: string | null = null;
    const secure = createClient({ baseUrl: httpUrl.replace(/^http:/, 'https:'), getSession: () => session, fetch: insecureFetch });
    session = await until('the device over https', () => secure(login, { user_name: DEMO_USER, user_pwd: DEMO_PASSWORD }));
    await secure(switchProtocol, { prot_mode: 'http' });
    await until('the device back on http', () => answersOver(plain));
  }
  let session: string | null = null;
  const call = createClient({ baseUrl: httpUrl, getSession: () => session });
  session = await until('login over http', () => call(login, { user_name: DEMO_USER, user_pwd: DEMO_PASSWORD }));
  await call(deleteHttpsFile, { file_type: 'crt' });
  await call(deleteHttpsFile, { file_type: 'key' });
}

test.afterAll(async () => {
  const url = process.env.EMULATOR_URL;
  if (url) await backToPlainHttp(url);
});

test('@restart uploads a certificate and key, then switches to HTTPS and back, following each restart', async ({
  loggedIn: page,
  device,
}) => {
  test.setTimeout(300_000);
  const deviceId = (await device.call(getVersion, {})).device_id;
  const pair = selfSignedPair();
  const system = new SystemPage(page);
  await system.goto('HTTPS and access');
  await expect(system.panel.getByText('Now: HTTP')).toBeVisible(FIRST_LOAD);
  await expect(system.panel.getByRole('button', { name: /switch to https/i })).toBeDisabled();

  // The file type is checked here first: a key where the certificate goes is said in words.
  await system.uploadHttpsFile('certificate', { name: 'server.pem', mimeType: 'application/x-pem-file', buffer: pair.key });
  await expect(system.panel.getByText('"server.pem" is a private key, not a certificate: upload it as the private key.')).toBeVisible();

  await system.uploadHttpsFile('certificate', { name: 'server.crt', mimeType: 'application/x-x509-ca-cert', buffer: pair.cert });
  await expect(page.getByText('Certificate "server.crt" uploaded')).toBeVisible();
  await system.uploadHttpsFile('private key', { name: 'server.key', mimeType: 'application/x-pem-file', buffer: pair.key });
  await expect(page.getByText('Private key "server.key" uploaded')).toBeVisible();
  await expect(system.panel.getByText('server.crt', { exact: true })).toBeVisible();
  await expect(system.panel.getByText('server.key', { exact: true })).toBeVisible();

  // The switch says what happens, naming the device, then the overlay follows the restart.
  await system.panel.getByRole('button', { name: /switch to https/i }).click();
  const confirm = system.dialog('Switch to HTTPS?');
  await expect(confirm).toContainText(deviceId);
  await expect(confirm).toContainText('The device restarts now');
  await confirm.getByRole('button', { name: /switch and restart/i }).click();
  await expect(system.restartOverlay(`${deviceId} is switching to HTTPS`)).toBeVisible();
  // The device forgot the session: the password is asked for over the page, saying why.
  const reauth = new ReauthDialog(page);
  await expect(reauth.dialog).toBeVisible({ timeout: 60_000 });
  await expect(reauth.dialog).toContainText('The device restarted');
  await expect(page).toHaveURL(/\/system\?tab=access$/);

  // The console keeps working: the proxy now speaks HTTPS to the device.
  await reauth.logIn(DEMO_PASSWORD);
  await expect(reauth.dialog).toBeHidden();
  await expect(page).toHaveURL(/\/system\?tab=access$/);
  await expect(system.panel.getByText('Now: HTTPS')).toBeVisible(FIRST_LOAD);
  await expect(system.panel.getByText(/refuses to upload or delete the certificate and key/)).toBeVisible();
  await expect(system.panel.getByRole('button', { name: /delete certificate/i })).toBeDisabled();

  await system.switchProtocol('HTTP');
  await expect(system.restartOverlay(`${deviceId} is switching back to HTTP`)).toBeVisible();
  await expect(reauth.dialog).toBeVisible({ timeout: 60_000 });
  await reauth.logIn(DEMO_PASSWORD);
  await expect(system.panel.getByText('Now: HTTP')).toBeVisible(FIRST_LOAD);
  // Plain HTTP answers again (-141 without a session: an answer all the same).
  const plain = createClient({ baseUrl: device.url, getSession: () => null });
  expect(await plain(getProtocol, {}).catch((e: unknown) => (e instanceof DeviceError ? e.code : e))).toBe(-141);
});

test('@restart reboots after a confirmation naming the device, and follows it back, asking for the password over the page', async ({
  loggedIn: page,
  device,
}) => {
  test.setTimeout(240_000);
  const deviceId = (await device.call(getVersion, {})).device_id;
  const system = new SystemPage(page);
  await system.goto('Maintenance');

  await expect(system.panel.getByRole('button', { name: /reboot device/i })).toBeVisible(FIRST_LOAD);
  const confirm = await system.askReboot(deviceId);
  await expect(confirm).toContainText(deviceId);
  await expect(confirm).toContainText('Every session ends');
  await confirm.getByRole('button', { name: /reboot now/i }).click();

  const overlay = system.restartOverlay(`Rebooting ${deviceId}`);
  await expect(overlay).toBeVisible();
  await expect(overlay.getByRole('status')).toHaveText(/restarting|go down/i);
  // Back up, the password is asked for over the same page.
  const reauth = new ReauthDialog(page);
  await expect(reauth.dialog).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(/\/system\?tab=maintenance$/);
  await reauth.logIn(DEMO_PASSWORD);
  await expect(reauth.dialog).toBeHidden();
  await expect(system.panel.getByRole('button', { name: /reboot device/i })).toBeVisible(FIRST_LOAD);
});

test('@restart upgrades from a package, after a confirmation, and follows the restart', async ({ loggedIn: page, device }) => {
  test.setTimeout(240_000);
  const before = await device.call(getVersion, {});
  const system = new SystemPage(page);
  await system.goto('Maintenance');
  await expect(system.panel.getByText(`Current version: ${before.version}`)).toBeVisible(FIRST_LOAD);

  await system.chooseUpgradePackage({ name: 'nebula.zip', mimeType: 'application/zip', buffer: Buffer.from('PK') });
  await expect(system.panel.getByText('"nebula.zip" is not an upgrade package: choose a .tar.bz2, .tar.gz, .bin file.')).toBeVisible();
  await expect(system.panel.getByRole('button', { name: /^cloud-upload Upgrade$|^Upgrade$/ })).toBeDisabled();

  // Any bytes do for the emulator: every upgrade is the next patch release.
  await system.chooseUpgradePackage({ name: 'nebula.tar.bz2', mimeType: 'application/x-bzip2', buffer: Buffer.alloc(512 * 1024, 7) });
  await expect(system.panel.getByText('Chosen: nebula.tar.bz2 (512.0 KB)')).toBeVisible();
  await system.panel.getByRole('button', { name: /^cloud-upload Upgrade$|^Upgrade$/ }).click();
  const confirm = system.dialog("Upgrade the device's software?");
  await expect(confirm).toContainText(before.device_id);
  await expect(confirm).toContainText(before.version);
  await confirm.getByRole('button', { name: /upload and upgrade/i }).click();

  await expect(system.restartOverlay(`Upgrading ${before.device_id}`)).toBeVisible();
  const reauth = new ReauthDialog(page);
  await expect(reauth.dialog).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(/\/system\?tab=maintenance$/);
  await reauth.logIn(DEMO_PASSWORD);
  const after = await device.call(getVersion, {}).catch(async () => {
    // The fixture's session died with the restart: ask with a fresh one.
    let session: string | null = null;
    const call = createClient({ baseUrl: device.url, getSession: () => session });
    session = await call(login, { user_name: DEMO_USER, user_pwd: DEMO_PASSWORD });
    return call(getVersion, {});
  });
  expect(after.version).not.toBe(before.version);
  await expect(system.panel.getByText(`Current version: ${after.version}`)).toBeVisible(FIRST_LOAD);
});
