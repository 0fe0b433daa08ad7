import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Call } from '../../src/api/client';
import {
  deleteHttpsFile,
  disableWeb,
  enableWeb,
  getCpu,
  getDeviceId,
  getHttpPush,
  getHttpsFiles,
  getMemory,
  getNetwork,
  getNtp,
  getProtocol,
  getStorage,
  getTime,
  getVersion,
  getWsKey,
  login,
  reboot,
  restoreDefaults,
  setDefaultInterface,
  setDeviceId,
  setHttpPush,
  setInterface,
  setNtp,
  setStorage,
  setTime,
  switchProtocol,
  upgrade,
  uploadHttpsFile,
} from '../../src/api/protocol';
import type { EmulatorContext } from '../context';
import { httpsDir, pushTarget, webEnabled, type RestartEvent } from '../device-config';
import { dispatch } from '../dispatch';
import type { FaceEngine } from '../faces/types';
import { startEmulator, type Emulator } from '../index';
import { currentMode, httpsMaterial } from './system';
import { FIXTURE_CERT, FIXTURE_KEY } from './system.fixture';
import { rawJson } from '../testing';

/** None of these operations looks at a face: no engine to load. */
const engine: FaceEngine = {
  analyse: () => Promise.reject(new Error('no face engine in system tests')),
  similarity: () => 0,
  ready: async () => {},
  close: async () => {},
};

/** A fresh self-signed pair from openssl when the machine has it, else the fixture. */
function certificatePair(): { cert: string; key: string } {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    return { cert: FIXTURE_CERT, key: FIXTURE_KEY };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-tls-'));
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
        '/CN=nebula-test',
      ],
      { stdio: 'ignore' },
    );
    return { cert: fs.readFileSync(crt, 'utf8'), key: fs.readFileSync(key, 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const otherKey = () =>
  generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const file = (text: string | Buffer, name: string) => new File([typeof text === 'string' ? Buffer.from(text) : new Uint8Array(text)], name);

const nextRestart = (ctx: EmulatorContext) => new Promise<RestartEvent>((resolve) => ctx.events.once('restart', resolve));

/**
 * fetch over node:http(s) with a fresh connection per request: a restart closes
 * the device's sockets, and a pooled keep-alive socket would fail the first call
 * after it. Over https it trusts only the certificate the test uploaded (whose
 * name is no host name, hence no identity check).
 */
async function nodeFetch(url: string, init: RequestInit | undefined, ca: string | null): Promise<Response> {
  const request = new Request(url, init);
  const body = Buffer.from(await request.arrayBuffer());
  const headers = { ...Object.fromEntries(request.headers), 'content-length': String(body.length) };
  const tls = url.startsWith('https:');
  return new Promise((resolve, reject) => {
    const options = { method: request.method, headers, agent: false as const };
    const onResponse = (res: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0 })));
      res.on('error', reject);
    };
    const req = tls
      ? https.request(url, { ...options, ca: ca ?? undefined, checkServerIdentity: () => undefined }, onResponse)
      : http.request(url, options, onResponse);
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The console's client on an emulator that restarts for real (reboot, upgrade,
 * reset, the HTTPS switch): it follows the emulator's url (http → https) and
 * logs in again after a restart, as the console does.
 */
interface Device {
  emulator: Emulator;
  ctx: EmulatorContext;
  call: Call;
  session: () => string | null;
  login(): Promise<void>;
  /** Runs a call that restarts the device; resolves with the event once the device is back and logged in. */
  restarting(run: () => Promise<unknown>): Promise<RestartEvent>;
}

function device(emulator: Emulator, trust: () => string | null): Device {
  let session: string | null = null;
  const call = createClient({
    baseUrl: '',
    getSession: () => session,
    fetch: (input, init) => nodeFetch(`${emulator.url}${String(input)}`, init, trust()),
  });
  const d: Device = {
    emulator,
    ctx: emulator.ctx,
    call,
    session: () => session,
    login: async () => {
      session = await call(login, { user_name: emulator.ctx.options.user, user_pwd: emulator.ctx.options.password });
    },
    restarting: async (run) => {
      const event = nextRestart(emulator.ctx);
      await run();
      const e = await event;
      await emulator.whenUp();
      // A restart drops every session (the device's memory is gone).
      await expect(call(getDeviceId, {})).rejects.toMatchObject({ code: -141 });
      await d.login();
      return e;
    },
  };
  return d;
}

/** No pause for restarts in tests: the emulator goes away and comes straight back. */
const FAST = { port: 0, quiet: true, demoRecords: 0, restartSeconds: 0, heartbeatSeconds: 3600, rate: 0 } as const;

async function startDevice(dataDir: string, trust: () => string | null = () => null, maxStorageMb = 4096): Promise<Device> {
  const emulator = await startEmulator({ ...FAST, dataDir, maxStorageMb }, { engine });
  const d = device(emulator, trust);
  await d.login();
  return d;
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 0,
    (e: unknown) => (e as { code?: number }).code ?? Number.NaN,
  );

describe('system, push target, HTTPS and WebSocket key (§6-§9.1)', () => {
  let dev: Device;
  let ctx: EmulatorContext;
  let dataDir: string;
  const pair = certificatePair();
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-emu-'));
    dev = await startDevice(dataDir, () => pair.cert);
    ctx = dev.ctx;
  });
  afterAll(async () => {
    await dev.emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every read in the shape of the reference, with the device defaults', async () => {
    expect(await dev.call(getNtp, {})).toEqual({ url: 'pool.ntp.org', port: '123', ntp_cycle: '10', ntp_disable: '1' });

    const v = await dev.call(getVersion, {});
    expect(v.device_id).toBe('nebula-m-0001');
    expect(v.serial_id).toMatch(/^STSNMAWX08A11811\d{4}$/);
    expect(v.version).toMatch(/^SenseNebula-M-V2\.1\.0-\d{8}$/);
    expect(v.web_version).toMatch(/^SenseNebulaWeb-M-V2\.1\.0-web-\d{8}$/);

    const s = await dev.call(getStorage, {});
    expect(s).toMatchObject({ max_storage: 4096, storage_strategy: 1 });
    expect(Number.isInteger(s.cur_storage)).toBe(true);

    const t = await dev.call(getTime, {});
    expect(t).toMatchObject({ time_format: 'yyyy-MM-dd HH:mm:ss', time_zone: 'GMT+08:00' });
    expect(t.sys_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const net = await dev.call(getNetwork, {});
    expect(net.default_info.ethname).toBe('eth0');
    expect(net.ethernet.map((e) => e.ethname)).toEqual(['eth0', 'eth1', 'eth2', 'eth3']);
    const macs = net.ethernet.map((e) => e.hw_addr);
    expect(new Set(macs).size).toBe(4);
    for (const mac of macs) expect(mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);

    expect(await dev.call(getDeviceId, {})).toEqual({ device_id: 'nebula-m-0001' });

    const cpu = await dev.call(getCpu, {});
    expect(cpu).toMatchObject({ cpu_type: 'ARMv8 Processor rev 3 (v8l)', kernel_num: 6 });
    expect(cpu.cpu_usage).toBeGreaterThan(0);
    expect(cpu.cpu_usage).toBeLessThan(100);
    const mem = await dev.call(getMemory, {});
    expect(mem.total_memory).toBe(8232378368);
    expect(mem.memory_usage).toBeGreaterThan(0);
    expect(mem.memory_usage).toBeLessThan(100);

    expect(await dev.call(getHttpPush, {})).toEqual({ url: '', key: '' });
    expect((await dev.call(getWsKey, {})).key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await dev.call(getHttpsFiles, {})).toEqual({ https_cert: '', https_key: '' });
    expect(await dev.call(getProtocol, {})).toEqual({ https_stat: 'http' });
  });

  it('sets NTP, refuses a url that is no host (-3596) and an unreachable server (-3614)', async () => {
    expect(await code(dev.call(setNtp, { url: 'http://pool.ntp.org' }))).toBe(-3596);
    expect(await code(dev.call(setNtp, { url: 'pool .ntp.org' }))).toBe(-3596);
    // Disabled: the device does not try the server, so it takes any host.
    await dev.call(setNtp, { url: '192.0.2.7', ntp_disable: '1' });
    expect(await code(dev.call(setNtp, { ntp_disable: '0' }))).toBe(-3614);
    expect(await code(dev.call(setNtp, { url: 'time.invalid', ntp_disable: '0' }))).toBe(-3614);
    expect((await dev.call(getNtp, {})).url).toBe('192.0.2.7');

    await dev.call(setNtp, { url: 'edu.ntp.org.cn', port: '1123', ntp_cycle: '30', ntp_disable: '0' });
    expect(await dev.call(getNtp, {})).toEqual({ url: 'edu.ntp.org.cn', port: '1123', ntp_cycle: '30', ntp_disable: '0' });
    await dev.call(setNtp, { url: '10.5.4.1', ntp_disable: '1' });
    expect((await dev.call(getNtp, {})).url).toBe('10.5.4.1');
  });

  it('sets the clock: sys_time reads back in the zone it was set in', async () => {
    await dev.call(setTime, { sys_time: '2019-01-14 12:23:45', time_zone: 'GMT+08:00', time_format: 'dd-MM-yyyy HH:mm:ss' });
    const t = await dev.call(getTime, {});
    expect(t.time_zone).toBe('GMT+08:00');
    expect(t.time_format).toBe('dd-MM-yyyy HH:mm:ss');
    const drift = Date.parse(`${t.sys_time.replace(' ', 'T')}+08:00`) - Date.parse('2019-01-14T12:23:45+08:00');
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(3000);
    // The device's now (ctx.clock) moved with it: records are stamped in 2019.
    expect(ctx.clock.format().startsWith('2019-01-14 12:2')).toBe(true);

    // Another zone: the wall time given is the wall time read; the format is kept.
    await dev.call(setTime, { sys_time: '2020-06-30 23:59:58', time_zone: 'GMT-05:00' });
    const u = await dev.call(getTime, {});
    expect(u).toMatchObject({ time_zone: 'GMT-05:00', time_format: 'dd-MM-yyyy HH:mm:ss' });
    expect(['2020-06-30 23:59:58', '2020-06-30 23:59:59', '2020-07-01 00:00:00']).toContain(u.sys_time);

    // The client refuses an impossible date itself; the device too, when sent past it.
    expect(
      (await rawJson(dev.emulator.url, { msg_id: setTime.msgId, sys_time: '2019-02-30 10:00:00', time_zone: 'GMT+08:00' }, dev.session()))
        .code,
    ).toBe(-3596);
    expect(await code(dev.call(setTime, { sys_time: '2019-02-01 10:00:00', time_zone: 'UTC' }))).not.toBe(0);

    // Turning NTP on synchronises the clock at once (our reading): back to true time.
    await dev.call(setNtp, { url: 'pool.ntp.org', ntp_disable: '0' });
    const synced = await dev.call(getTime, {});
    expect(Math.abs(Date.parse(`${synced.sys_time.replace(' ', 'T')}-05:00`) - Date.now())).toBeLessThan(3000);
    await dev.call(setNtp, { ntp_disable: '1' });
  });

  it('sets the storage policy and web pages flag', async () => {
    await dev.call(setStorage, { storage_strategy: 2 });
    expect((await dev.call(getStorage, {})).storage_strategy).toBe(2);
    expect(await code(dev.call(setStorage, { storage_strategy: 3 as 1 }))).not.toBe(0);
    await dev.call(disableWeb, {});
    expect(webEnabled(ctx)).toBe(false);
    await dev.call(enableWeb, {});
    expect(webEnabled(ctx)).toBe(true);
  });

  it('sets an interface statically (§6.9 example) and refuses each -3606 reason', async () => {
    const base = { ethname: 'eth3', ip_method: 'static', ip_version: 'IPv4' } as const;
    await dev.call(setInterface, { ...base, ip: '192.168.133.120', netmask: '255.255.255.0', gateway: '192.168.133.1' });
    const eth3 = (await dev.call(getNetwork, {})).ethernet.find((e) => e.ethname === 'eth3');
    expect(eth3).toMatchObject({ ip: '192.168.133.120', netmask: '255.255.255.0', gateway: '192.168.133.1', ip_method: 'static' });

    const refused = async (req: { ip: string; netmask: string; gateway: string }, ip_version: 'IPv4' | 'IPv6' = 'IPv4') =>
      code(dev.call(setInterface, { ...base, ip_version, ...req }));
    // Same subnet as eth1 (192.168.2.0/24), and inside eth0's 10.0.0.0/8.
    expect(await refused({ ip: '192.168.2.99', netmask: '255.255.255.0', gateway: '' })).toBe(-3606);
    expect(await refused({ ip: '10.99.0.5', netmask: '255.255.0.0', gateway: '' })).toBe(-3606);
    // Gateway outside the subnet, or the interface's own address.
    expect(await refused({ ip: '192.168.133.120', netmask: '255.255.255.0', gateway: '192.168.134.1' })).toBe(-3606);
    expect(await refused({ ip: '192.168.133.120', netmask: '255.255.255.0', gateway: '192.168.133.120' })).toBe(-3606);
    // Masks: not contiguous, not a mask, no room for hosts.
    expect(await refused({ ip: '192.168.133.120', netmask: '255.0.255.0', gateway: '' })).toBe(-3606);
    expect(await refused({ ip: '192.168.133.120', netmask: '255.255.255.256', gateway: '' })).toBe(-3606);
    expect(await refused({ ip: '192.168.133.120', netmask: '255.255.255.255', gateway: '' })).toBe(-3606);
    // Addresses: malformed, loopback, the subnet's broadcast.
    expect(await refused({ ip: '300.1.1.1', netmask: '255.255.255.0', gateway: '' })).toBe(-3606);
    expect(await refused({ ip: '127.0.0.5', netmask: '255.255.255.0', gateway: '' })).toBe(-3606);
    expect(await refused({ ip: '192.168.133.255', netmask: '255.255.255.0', gateway: '' })).toBe(-3606);
    expect(await refused({ ip: 'fd00::zz', netmask: '64', gateway: '' }, 'IPv6')).toBe(-3606);
    expect(await refused({ ip: 'fd00:1::5', netmask: '64', gateway: 'fd00:2::1' }, 'IPv6')).toBe(-3606);
    // Unknown interface: a parameter error, not a network one.
    expect(
      await code(dev.call(setInterface, { ...base, ethname: 'eth9', ip: '192.168.77.2', netmask: '255.255.255.0', gateway: '' })),
    ).toBe(-3596);

    // Nothing of that was stored.
    const after = (await dev.call(getNetwork, {})).ethernet.find((e) => e.ethname === 'eth3');
    expect(after).toEqual(eth3);

    await dev.call(setInterface, { ...base, ip_version: 'IPv6', ip: 'fd00:1::5', netmask: '64', gateway: 'fe80::1' });
    expect((await dev.call(getNetwork, {})).ethernet.find((e) => e.ethname === 'eth3')).toMatchObject({
      ip: 'fd00:1::5',
      ip_version: 'IPv6',
    });
  });

  it('takes DHCP with empty addresses and shows the leased ones', async () => {
    await dev.call(setInterface, { ethname: 'eth2', ip_method: 'dhcp', ip_version: 'IPv4', ip: '', netmask: '', gateway: '' });
    const eth2 = (await dev.call(getNetwork, {})).ethernet.find((e) => e.ethname === 'eth2');
    expect(eth2).toMatchObject({ ip_method: 'dhcp', ip_version: 'IPv4', netmask: '255.255.255.0' });
    expect(eth2?.ip).toMatch(/^172\.\d+\.\d+\.\d+$/);
    expect(eth2?.gateway).toMatch(/^172\.\d+\.\d+\.1$/);
  });

  it('sets the default interface and DNS (§6.10)', async () => {
    await dev.call(setDefaultInterface, { dns_method: 'static', first_dns: '10.5.4.207', second_dns: '10.5.4.205', ethname: 'eth3' });
    expect((await dev.call(getNetwork, {})).default_info).toEqual({
      dns_method: 'static',
      ethname: 'eth3',
      first_dns: '10.5.4.207',
      second_dns: '10.5.4.205',
    });
    expect(await code(dev.call(setDefaultInterface, { dns_method: 'static', first_dns: '10.5.4', ethname: 'eth0' }))).toBe(-3596);
    expect(await code(dev.call(setDefaultInterface, { dns_method: 'static', ethname: 'eth0' }))).toBe(-3596);
    expect(await code(dev.call(setDefaultInterface, { dns_method: 'static', first_dns: '8.8.8.8', ethname: 'wlan0' }))).toBe(-3596);
    await dev.call(setDefaultInterface, { dns_method: 'dhcp', ethname: 'eth0' });
    expect((await dev.call(getNetwork, {})).default_info).toMatchObject({ dns_method: 'dhcp', ethname: 'eth0', first_dns: '10.5.2.1' });
  });

  it('sets the device id', async () => {
    await dev.call(setDeviceId, { device_id: 'test_device' });
    expect(await dev.call(getDeviceId, {})).toEqual({ device_id: 'test_device' });
    expect((await dev.call(getVersion, {})).device_id).toBe('test_device');
    expect(await code(dev.call(setDeviceId, { device_id: 'a\nb' }))).toBe(-3596);
    expect(await code(dev.call(setDeviceId, { device_id: '   ' }))).toBe(-3596);
  });

  it('stores the HTTP push target; a url without scheme is http, an empty one is off', async () => {
    await dev.call(setHttpPush, { url: 'http://sgdzipic.3322.org:8088/agbox/device/snap', key: 'db504129' });
    expect(await dev.call(getHttpPush, {})).toEqual({ url: 'http://sgdzipic.3322.org:8088/agbox/device/snap', key: 'db504129' });
    await dev.call(setHttpPush, { url: 'google.com', key: 'google-key' });
    expect(await dev.call(getHttpPush, {})).toEqual({ url: 'google.com', key: 'google-key' });
    expect(pushTarget(ctx)).toEqual({ url: 'http://google.com', key: 'google-key' });
    await dev.call(setHttpPush, { url: '127.0.0.1:9000/push', key: '' });
    expect(pushTarget(ctx)?.url).toBe('http://127.0.0.1:9000/push');
    for (const bad of ['ftp://example.com/x', 'not a url', 'http://', 'http://user:pw@example.com/', 'http://example.com:99999/']) {
      expect(await code(dev.call(setHttpPush, { url: bad, key: 'k' })), bad).toBe(-3596);
    }
    await dev.call(setHttpPush, { url: '', key: '' });
    expect(pushTarget(ctx)).toBeNull();
  });

  it('answers the same WebSocket key every time', async () => {
    const a = await dev.call(getWsKey, {});
    const b = await dev.call(getWsKey, {});
    expect(a).toEqual(b);
  });

  it('upgrades from a package (-3603 otherwise), then restarts with a newer version', async () => {
    expect(await code(dev.call(upgrade, { file: file('not a package', 'readme.txt') }))).toBe(-3603);
    expect(await code(dev.call(upgrade, { file: file('', 'nebula.tar.bz2') }))).toBe(-3603);
    const before = await dev.call(getVersion, {});
    const event = await dev.restarting(() => dev.call(upgrade, { file: file(Buffer.from('BZh91AY&SY fake package'), 'nebula.tar.bz2') }));
    expect(event).toEqual({ reason: 'upgrade' });
    const after = await dev.call(getVersion, {});
    expect(after.version).toMatch(/^SenseNebula-M-V2\.1\.1-\d{8}$/);
    expect(after.web_version).toMatch(/^SenseNebulaWeb-M-V2\.1\.1-web-\d{8}$/);
    expect(after.serial_id).toBe(before.serial_id);
  });

  it('an upgrade fault: refused with -3603 (no restart), or accepted and back on the old version', async () => {
    const pkg = () => file(Buffer.from('BZh91AY&SY fake package'), 'nebula.tar.bz2');
    const before = await dev.call(getVersion, {});
    ctx.faults.upgrade = 'refuse';
    try {
      expect(await code(dev.call(upgrade, { file: pkg() }))).toBe(-3603);
      expect((await dev.call(getVersion, {})).version).toBe(before.version);
      ctx.faults.upgrade = 'revert';
      expect(await dev.restarting(() => dev.call(upgrade, { file: pkg() }))).toEqual({ reason: 'upgrade' });
      expect((await dev.call(getVersion, {})).version).toBe(before.version);
    } finally {
      ctx.faults.upgrade = 'ok';
    }
  });

  it('reboots after answering, and the sessions go with it', async () => {
    let fired = false;
    ctx.events.once('restart', () => {
      fired = true;
    });
    const event = await dev.restarting(async () => {
      const answer = await dispatch(ctx, { via: 'json', fields: { msg_id: reboot.msgId }, session: dev.session() });
      expect(answer.code).toBe(0);
      // The answer is built before the event: the restart waits for the next turn of the loop.
      expect(fired).toBe(false);
    });
    expect(event).toEqual({ reason: 'reboot' });
    expect(await dev.restarting(() => dev.call(reboot, {}))).toEqual({ reason: 'reboot' });
  });

  it('restores the default configuration only, then restarts', async () => {
    await dev.call(setNtp, { url: 'edu.ntp.org.cn', ntp_cycle: '60' });
    await dev.call(setStorage, { storage_strategy: 2 });
    await dev.call(disableWeb, {});
    await dev.call(setHttpPush, { url: 'google.com', key: 'k' });
    await dev.call(setTime, { sys_time: '2021-03-04 05:06:07', time_zone: 'GMT+09:30', time_format: 'MM-dd-yyyy HH:mm:ss' });
    const network = await dev.call(getNetwork, {});
    const key = await dev.call(getWsKey, {});

    expect(await dev.restarting(() => dev.call(restoreDefaults, {}))).toEqual({ reason: 'reset' });

    expect(await dev.call(getNtp, {})).toEqual({ url: 'pool.ntp.org', port: '123', ntp_cycle: '10', ntp_disable: '1' });
    expect((await dev.call(getStorage, {})).storage_strategy).toBe(1);
    expect(webEnabled(ctx)).toBe(true);
    expect(await dev.call(getHttpPush, {})).toEqual({ url: '', key: '' });
    const t = await dev.call(getTime, {});
    expect(t).toMatchObject({ time_zone: 'GMT+08:00', time_format: 'yyyy-MM-dd HH:mm:ss' });
    // The clock's instant is kept: 05:06 at +09:30 is 03:36 at +08:00.
    expect(t.sys_time.startsWith('2021-03-04 03:3')).toBe(true);
    // Not configuration: kept.
    expect(await dev.call(getNetwork, {})).toEqual(network);
    expect(await dev.call(getWsKey, {})).toEqual(key);
    expect((await dev.call(getDeviceId, {})).device_id).toBe('test_device');
  });

  it('runs the HTTPS flow: upload, check, switch, refuse changes in https mode, switch back', async () => {
    expect(await code(dev.call(switchProtocol, { prot_mode: 'http' }))).toBe(-3607);
    expect(await code(dev.call(switchProtocol, { prot_mode: 'https' }))).toBe(-3625);
    expect(await code(dev.call(uploadHttpsFile, { file_type: 'crt', file: file('hello', 'server.crt') }))).toBe(-3596);
    // A key where a certificate belongs, and the other way round.
    expect(await code(dev.call(uploadHttpsFile, { file_type: 'crt', file: file(pair.key, 'server.crt') }))).toBe(-3596);
    expect(await code(dev.call(uploadHttpsFile, { file_type: 'key', file: file(pair.cert, 'server.key') }))).toBe(-3596);

    await dev.call(uploadHttpsFile, { file_type: 'crt', file: file(pair.cert, 'server.crt') });
    expect(await dev.call(getHttpsFiles, {})).toEqual({ https_cert: 'server.crt', https_key: '' });
    expect(await code(dev.call(switchProtocol, { prot_mode: 'https' }))).toBe(-3625);

    await dev.call(uploadHttpsFile, { file_type: 'key', file: file(otherKey(), 'other.key') });
    expect(await code(dev.call(switchProtocol, { prot_mode: 'https' }))).toBe(-3619);
    expect(await dev.call(getProtocol, {})).toEqual({ https_stat: 'http' });

    await dev.call(uploadHttpsFile, { file_type: 'key', file: file(pair.key, 'server.key') });
    expect(await dev.call(getHttpsFiles, {})).toEqual({ https_cert: 'server.crt', https_key: 'server.key' });
    // Stored privately, not where /ws/<path> serves files from.
    expect(httpsDir(ctx).startsWith(ctx.files.root)).toBe(false);
    // A path that would climb out is a client error (400), never the file.
    expect((await fetch(`${dev.emulator.url}/ws/..%2Fprivate%2Fhttps%2Fserver.key`)).status).toBe(400);
    expect(httpsMaterial(ctx)?.key.toString()).toBe(pair.key);

    expect(await dev.restarting(() => dev.call(switchProtocol, { prot_mode: 'https' }))).toEqual({ reason: 'https', mode: 'https' });
    expect(currentMode(ctx)).toBe('https');
    // Back with TLS, on the certificate we uploaded (httpsFetch trusts only that one).
    expect(dev.emulator.url).toMatch(/^https:/);
    expect(await dev.call(getProtocol, {})).toEqual({ https_stat: 'https' });

    expect(await code(dev.call(switchProtocol, { prot_mode: 'https' }))).toBe(-3607);
    expect(await code(dev.call(uploadHttpsFile, { file_type: 'crt', file: file(pair.cert, 'new.crt') }))).toBe(-3616);
    expect(await code(dev.call(deleteHttpsFile, { file_type: 'key' }))).toBe(-2617);

    expect(await dev.restarting(() => dev.call(switchProtocol, { prot_mode: 'http' }))).toEqual({ reason: 'https', mode: 'http' });
    expect(dev.emulator.url).toMatch(/^http:/);
    await dev.call(deleteHttpsFile, { file_type: 'crt' });
    expect(await dev.call(getHttpsFiles, {})).toEqual({ https_cert: '', https_key: 'server.key' });
    expect(httpsMaterial(ctx)).toBeNull();
  });
});

describe('system settings survive a restart', () => {
  it('reads back every setting from the same data dir', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-emu-'));
    const pair = certificatePair();
    const snapshot = async (call: Call) => ({
      ntp: await call(getNtp, {}),
      version: await call(getVersion, {}),
      storage: await call(getStorage, {}),
      zone: (await call(getTime, {})).time_zone,
      network: await call(getNetwork, {}),
      push: await call(getHttpPush, {}),
      wsKey: await call(getWsKey, {}),
      https: await call(getHttpsFiles, {}),
      mode: await call(getProtocol, {}),
    });
    try {
      const a = await startDevice(dataDir, () => pair.cert, 1024);
      // cur_storage counts the library pictures under img/: 1.5 MB is 2 MB.
      a.ctx.files.write('img/1/face.jpg', Buffer.alloc(1.5 * 1024 * 1024));
      await a.call(setNtp, { url: 'edu.ntp.org.cn', ntp_cycle: '15' });
      await a.call(setStorage, { storage_strategy: 2 });
      await a.call(setTime, { sys_time: '2019-01-14 12:23:45', time_zone: 'GMT+05:30' });
      await a.call(setInterface, {
        ethname: 'eth1',
        ip: '192.168.20.10',
        ip_method: 'static',
        netmask: '255.255.255.0',
        gateway: '',
        ip_version: 'IPv4',
      });
      await a.call(setDeviceId, { device_id: 'gate-7' });
      await a.call(setHttpPush, { url: 'google.com', key: 'google-key' });
      await a.call(disableWeb, {});
      await a.call(uploadHttpsFile, { file_type: 'crt', file: file(pair.cert, 'gate.crt') });
      await a.call(uploadHttpsFile, { file_type: 'key', file: file(pair.key, 'gate.key') });
      await a.restarting(() => a.call(switchProtocol, { prot_mode: 'https' }));
      const before = await snapshot(a.call);
      expect(before.storage).toEqual({ cur_storage: 2, max_storage: 1024, storage_strategy: 2 });
      expect(before.mode).toEqual({ https_stat: 'https' });
      await a.emulator.close();

      const b = await startDevice(dataDir, () => pair.cert, 1024);
      try {
        expect(b.emulator.url).toMatch(/^https:/);
        const after = await snapshot(b.call);
        expect(after).toEqual(before);
        expect(after.version.device_id).toBe('gate-7');
        expect(webEnabled(b.ctx)).toBe(false);
        expect((await b.call(getTime, {})).sys_time.startsWith('2019-01-14 12:2')).toBe(true);
        expect(httpsMaterial(b.ctx)?.cert.toString()).toBe(pair.cert);
      } finally {
        await b.emulator.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
