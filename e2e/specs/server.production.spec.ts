// What ships, as a site runs it: dist/server.mjs (the whole suite runs behind
// it; see e2e/global-setup.ts), copied alone, with TLS, and Debian's nginx with
// the shipped example config. The console must work under the server's CSP
// with no console error (the page fixture fails on any, violations included).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURE_CERT, FIXTURE_KEY } from '../../emulator/operations/system.fixture';
import { FAULT_SPELLINGS } from '../../server/fault-spellings';
import { spawnConsoleServer } from '../console-server';
import { DEMO_PASSWORD, DEMO_USER, expect as baseExpect, test } from '../fixtures';
import { findNginx, startNginx } from '../nginx';
import { WallDevice } from '../pages/alarm-wall-device';
import { AlarmWallPage } from '../pages/alarm-wall-page';
import { LoginPage } from '../pages/login-page';

test.use({ locale: 'en-US' });
test.describe.configure({ timeout: 150_000 });
const expect = baseExpect.configure({ timeout: 20_000 });
const dist = path.resolve(process.env.E2E_DIST ?? 'dist');

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with the path sent exactly as written (browsers and fetch would normalise it). */
function raw(base: string, rawPath: string, headers: http.OutgoingHttpHeaders = {}, method = 'GET'): Promise<Answer> {
  const u = new URL(base);
  const client = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request({ host: u.hostname, port: u.port, path: rawPath, method, headers, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Records every CSP violation the page (or its workers' owner) reports. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

/** Logs in through the form at `base`, opens the alarm wall, and sees a pushed capture's picture arrive. */
async function consoleWorks(page: Page, base: string, device: WallDevice) {
  const login = new LoginPage(page);
  await page.goto(`${base}/login?next=${encodeURIComponent('/alarm-wall')}`);
  await login.logIn(DEMO_USER, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/alarm-wall$/);
  // The push runs in a Worker over a WebSocket through this server.
  await expect(page.getByRole('status', { name: /live alarms: live/i })).toBeVisible({ timeout: 60_000 });
  const staff = await device.person(2);
  const [snapId] = await device.capture(4, staff.photo);
  const card = new AlarmWallPage(page).card(snapId!);
  await expect(card).toBeVisible();
  // Its pictures load (img-src under the CSP): every <img> of the card decoded.
  await expect
    .poll(() =>
      card
        .locator('img')
        .evaluateAll(
          (imgs) => imgs.length > 0 && imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0),
        ),
    )
    .toBe(true);
}

/** Every spelling gets the status the production server gives it (nginx's own 400/404 pages included). */
async function refusesFaultEndpoints(base: string) {
  for (const [spelling, status] of FAULT_SPELLINGS) {
    const r = await raw(base, spelling, { 'content-type': 'application/json' }, 'POST');
    expect(r.status, `${spelling} answered ${r.status}: ${r.body.slice(0, 80)}`).toBe(status);
    expect(r.body).not.toMatch(/"state"|"pushes"|captures/);
  }
}

test('the production server: security headers, cache policy, deep links, 404s and no fault endpoints', async () => {
  const base = process.env.CONSOLE_URL!;
  const index = await raw(base, '/', { 'accept-encoding': 'gzip, br' });
  expect(index.status).toBe(200);
  expect(index.headers['cache-control']).toBe('no-cache');
  expect(index.headers['content-encoding']).toBe('br');
  const csp = index.headers['content-security-policy'] as string;
  for (const d of ["script-src 'self'", "img-src 'self' data: blob:", "frame-ancestors 'none'", "object-src 'none'"])
    expect(csp).toContain(d);
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  expect(index.headers['x-content-type-options']).toBe('nosniff');
  expect(index.headers['x-frame-options']).toBe('DENY');
  expect(index.headers['referrer-policy']).toBe('same-origin');

  const script = /src="(\/assets\/[^"]+\.js)"/.exec((await raw(base, '/')).body)![1]!;
  const asset = await raw(base, script, { 'accept-encoding': 'gzip' });
  expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers['content-encoding']).toBe('gzip');

  const deep = await raw(base, '/records?tab=alarms', { accept: 'text/html' });
  expect(deep.status).toBe(200);
  expect(deep.body).toContain('<div id="root">');
  for (const missing of ['/assets/missing-00000000.js', '/api', '/ws/no/such/picture.jpg', '/nope.css', '/server.mjs']) {
    const r = await raw(base, missing);
    expect(r.status, missing).toBeGreaterThanOrEqual(400);
    expect(r.body, missing).not.toContain('<div id="root">');
  }
  const health = JSON.parse((await raw(base, '/healthz')).body) as { ok: boolean; device: { reachable: boolean } };
  expect(health).toMatchObject({ ok: true, device: { reachable: true } });
  await refusesFaultEndpoints(base);
});

test('the console works under the CSP: pages, the live push in its Worker, pictures', async ({ page, device }) => {
  const violations = await watchCsp(page);
  await consoleWorks(page, process.env.CONSOLE_URL!, new WallDevice(device.url, device.call));
  for (const p of ['/', '/libraries', '/records', '/cameras', '/system']) {
    await page.goto(p);
    await expect(page.getByRole('navigation').first()).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
  }
  expect(await violations()).toEqual([]);
});

test('only dist/, copied elsewhere, serves a working console with `node server.mjs`', async ({ page, device }) => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-site-'));
  fs.cpSync(dist, site, { recursive: true });
  // Nothing of the repository can be found from there: no node_modules up the tree.
  expect(fs.existsSync(path.join(site, 'node_modules'))).toBe(false);
  const server = await spawnConsoleServer(site, { DEVICE_URL: device.url });
  try {
    expect(server.output()).toContain(`Console files: ${site}`);
    await consoleWorks(page, server.url, new WallDevice(device.url, device.call));
  } finally {
    await server.close();
    fs.rmSync(site, { recursive: true, force: true });
  }
});

/** A certificate for 127.0.0.1 made now with openssl; the emulator's fixed one where openssl is missing. */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  if (r.status !== 0) {
    fs.writeFileSync(cert, FIXTURE_CERT);
    fs.writeFileSync(key, FIXTURE_KEY);
  }
  return { cert, key };
}

test.describe('with TLS', () => {
  // The site's certificate is self-signed, as on most LANs: the browser is told to accept it.
  test.use({ ignoreHTTPSErrors: true });

  test('serves the console over HTTPS (a secure context) and redirects plain HTTP', async ({ page, device }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-tls-'));
    const { cert, key } = makeCertificate(dir);
    const server = await spawnConsoleServer(dist, { DEVICE_URL: device.url, TLS_CERT: cert, TLS_KEY: key, HTTP_PORT: '0' });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const plain = /Plain HTTP at (http:\/\/\S+) redirects/.exec(server.output())![1]!;
      const redirected = await raw(plain, '/alarm-wall?x=1');
      expect(redirected.status).toBe(308);
      expect(redirected.headers.location).toBe(`${server.url}/alarm-wall?x=1`);
      await consoleWorks(page, server.url, new WallDevice(device.url, device.call));
      expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("through Debian's nginx with the shipped example config", async ({ page, device }) => {
  // npm test installs nginx when it can; a developer without root is told, CI never skips.
  test.skip(!findNginx() && !process.env.CI, 'nginx is not installed (sudo apt-get install -y nginx)');
  const nginx = await startNginx({ root: dist, device: new URL(device.url).host });
  try {
    const index = await raw(nginx.url, '/login', { accept: 'text/html' });
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await raw(nginx.url, '/assets/missing-00000000.js')).status).toBe(404);
    await refusesFaultEndpoints(nginx.url);
    const violations = await watchCsp(page);
    await consoleWorks(page, nginx.url, new WallDevice(device.url, device.call));
    expect(await violations()).toEqual([]);
  } finally {
    await nginx.close();
  }
});
