// Over 400 lines: one short handler per operation of §6-§9.1, all reading and writing device-config.ts.
// System (§6), HTTP push target (§7.1-7.2), HTTPS (§8) and the WebSocket key
// (§9.1). The settings and their defaults live in ../device-config.ts.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  type Ethernet,
} from '../../src/api/protocol';
import { parseInZone } from '../../src/api/protocol/device-time';
import { DEFAULT_TIME } from '../clock';
import type { EmulatorContext } from '../context';
import {
  currentMode,
  deviceId,
  emitRestart,
  firmware,
  httpsConfig,
  httpsDir,
  httpsFile,
  httpsMaterial,
  ipv4ToInt,
  ipv6ToBig,
  isHostName,
  isIPv4,
  isIPv6Text,
  networkConfig,
  ntpConfig,
  parsePushUrl,
  pushSettings,
  serialId,
  storageStrategy,
  storageUsedMb,
  timeConfig,
  versionStrings,
  wsKey,
  type NetworkConfig,
  type NtpConfig,
} from '../device-config';
import { handle, Refusal, sizeOf, type Handler } from './handler';
import { ErrorCode } from '../../src/api/protocol/error-codes';

// The server will serve HTTPS from these (see device-config.ts).
export { currentMode, httpsMaterial } from '../device-config';

const {
  ALREADY_IN_MODE,
  HTTPS_NO_DELETE,
  HTTPS_NO_IMPORT,
  HTTPS_SWITCH_FAILED,
  NETWORK_ERROR,
  NO_CRT_OR_KEY,
  NTP_UNREACHABLE,
  PARAM_ERROR,
  UPGRADE_FAILED,
} = ErrorCode;

// ---- NTP ----------------------------------------------------------------------

/**
 * Our stand-in for "the device cannot reach the NTP server": hosts in
 * TEST-NET-1 (192.0.2.0/24, RFC 5737) and the reserved ".invalid" TLD
 * (RFC 2606) never answer. Only checked when NTP is (left) enabled.
 */
function ntpUnreachable(host: string): boolean {
  return /^192\.0\.2\.\d+$/.test(host) || /\.invalid\.?$/i.test(host) || host.toLowerCase() === 'invalid';
}

const setNtpHandler = handle(setNtp, (req, ctx) => {
  const next: NtpConfig = { ...ntpConfig(ctx) };
  if (req.url !== undefined) {
    // A host name or an address, no scheme or port (the port is its own field).
    if (!isHostName(req.url) && !isIPv4(req.url) && !isIPv6Text(req.url)) throw new Refusal(PARAM_ERROR, 'ntp url');
    next.url = req.url;
  }
  if (req.port !== undefined) next.port = String(Number(req.port));
  if (req.ntp_cycle !== undefined) next.ntp_cycle = String(Number(req.ntp_cycle));
  if (req.ntp_disable !== undefined) next.ntp_disable = req.ntp_disable;
  if (next.ntp_disable === '0' && ntpUnreachable(next.url)) throw new Refusal(NTP_UNREACHABLE);
  ctx.config.set('ntp', next);
  // Our choice: with NTP on, the device synchronises at once, so a clock set by
  // 1282 falls back to true time (the host's).
  if (next.ntp_disable === '0') ctx.config.set('time', { ...timeConfig(ctx), offsetMs: 0 });
  return '';
});

// ---- Time -----------------------------------------------------------------------

const setTimeHandler = handle(setTime, (req, ctx) => {
  // device-time.ts refuses impossible dates and years outside 1970-2099 (the schema already did).
  const target = parseInZone(req.sys_time, req.time_zone);
  if (target === null) throw new Refusal(PARAM_ERROR, 'sys_time');
  const current = timeConfig(ctx);
  ctx.config.set('time', {
    offsetMs: target - Date.now(),
    time_zone: req.time_zone,
    time_format: req.time_format ?? current.time_format,
  });
  return '';
});

// ---- Network --------------------------------------------------------------------

interface Subnet {
  bits: 32 | 128;
  addr: bigint;
  prefix: number;
}

function parseAddr(version: 'IPv4' | 'IPv6', text: string): bigint | null {
  if (version === 'IPv4') return isIPv4(text) ? BigInt(ipv4ToInt(text)) : null;
  return ipv6ToBig(text);
}

function contiguousPrefix(mask: bigint, bits: number): number | null {
  for (let p = 0; p <= bits; p++) {
    const m = ((1n << BigInt(p)) - 1n) << BigInt(bits - p);
    if (m === mask) return p;
  }
  return null;
}

/**
 * IPv4: a dotted mask, contiguous, /1 to /30 (a /31 or /32 leaves no room for
 * a gateway). IPv6: a prefix length ("64" or "/64") or a contiguous mask, 1-127.
 */
function parseMask(version: 'IPv4' | 'IPv6', text: string): number | null {
  if (version === 'IPv4') {
    if (!isIPv4(text)) return null;
    const p = contiguousPrefix(BigInt(ipv4ToInt(text)), 32);
    return p !== null && p >= 1 && p <= 30 ? p : null;
  }
  const m = /^\/?(\d{1,3})$/.exec(text);
  const p = m
    ? Number(m[1])
    : (() => {
        const n = ipv6ToBig(text);
        return n === null ? null : contiguousPrefix(n, 128);
      })();
  return p !== null && p >= 1 && p <= 127 ? p : null;
}

const hostBits = (s: Subnet, addr: bigint) => addr & ((1n << BigInt(s.bits - s.prefix)) - 1n);
const sameNet = (a: bigint, b: bigint, prefix: number, bits: number) => a >> BigInt(bits - prefix) === b >> BigInt(bits - prefix);

/** An address an interface may carry: not 0/8, loopback, multicast or broadcast; not ::, ::1 or ff00::/8. */
function usableHost(version: 'IPv4' | 'IPv6', addr: bigint): boolean {
  if (version === 'IPv4') {
    const first = Number(addr >> 24n);
    return first !== 0 && first !== 127 && first < 224;
  }
  return addr !== 0n && addr !== 1n && addr >> 120n !== 0xffn;
}

function subnetOf(e: Ethernet): Subnet | null {
  const version = e.ip_version === 'IPv6' ? 'IPv6' : 'IPv4';
  const addr = e.ip ? parseAddr(version, e.ip) : null;
  const prefix = e.netmask ? parseMask(version, e.netmask) : null;
  if (addr === null || prefix === null) return null;
  return { bits: version === 'IPv4' ? 32 : 128, addr, prefix };
}

/** Two interfaces may not share a subnet (Appendix A's first reason for -3606). */
function overlapsAnother(net: NetworkConfig, ethname: string, s: Subnet): boolean {
  return net.ethernet.some((other) => {
    if (other.ethname === ethname) return false;
    const o = subnetOf(other);
    return o !== null && o.bits === s.bits && sameNet(o.addr, s.addr, Math.min(o.prefix, s.prefix), s.bits);
  });
}

/** Every -3606 reason of Appendix A that a static setting can have. */
function checkStatic(
  net: NetworkConfig,
  req: { ethname: string; ip: string; netmask: string; gateway: string; ip_version: 'IPv4' | 'IPv6' },
): void {
  const v = req.ip_version;
  const addr = parseAddr(v, req.ip);
  if (addr === null || !usableHost(v, addr)) throw new Refusal(NETWORK_ERROR, 'address');
  const prefix = parseMask(v, req.netmask);
  if (prefix === null) throw new Refusal(NETWORK_ERROR, 'netmask');
  const s: Subnet = { bits: v === 'IPv4' ? 32 : 128, addr, prefix };
  const allOnes = (1n << BigInt(s.bits - prefix)) - 1n;
  // IPv4's network and broadcast addresses belong to no host.
  if (v === 'IPv4' && (hostBits(s, addr) === 0n || hostBits(s, addr) === allOnes)) throw new Refusal(NETWORK_ERROR, 'network address');
  if (req.gateway !== '') {
    const gw = parseAddr(v, req.gateway);
    if (gw === null || gw === addr) throw new Refusal(NETWORK_ERROR, 'gateway');
    // An IPv6 gateway is often link-local (fe80::/10), outside the prefix.
    const linkLocal = v === 'IPv6' && gw >> 118n === 0x3fan;
    if (!linkLocal && !sameNet(gw, addr, prefix, s.bits)) throw new Refusal(NETWORK_ERROR, 'gateway outside the subnet');
    if (v === 'IPv4' && (hostBits(s, gw) === 0n || hostBits(s, gw) === allOnes)) throw new Refusal(NETWORK_ERROR, 'gateway');
  }
  if (overlapsAnother(net, req.ethname, s)) throw new Refusal(NETWORK_ERROR, 'same subnet as another interface');
}

/**
 * Our DHCP server: ethN obtains a /24 in 172.(16+N).k.0 (IPv4) or a /64 in
 * fd00:0:0:(N·256+k)::/64 (IPv6), the first k that no other interface uses;
 * none free is "DHCP failed" (-3606).
 */
function dhcpLease(net: NetworkConfig, ethname: string, version: 'IPv4' | 'IPv6'): Pick<Ethernet, 'ip' | 'netmask' | 'gateway'> {
  const n = Number(ethname.replace(/^\D+/, '')) || 0;
  for (let k = 1; k < 255; k++) {
    const lease =
      version === 'IPv4'
        ? { ip: `172.${16 + (n % 16)}.${k}.${100 + n}`, netmask: '255.255.255.0', gateway: `172.${16 + (n % 16)}.${k}.1` }
        : {
            ip: `fd00:0:0:${(n * 256 + k).toString(16)}::${(0x100 + n).toString(16)}`,
            netmask: '64',
            gateway: `fd00:0:0:${(n * 256 + k).toString(16)}::1`,
          };
    const s = subnetOf({ ethname, hw_addr: '', ip_method: 'dhcp', ip_version: version, ...lease });
    if (s && !overlapsAnother(net, ethname, s)) return lease;
  }
  throw new Refusal(NETWORK_ERROR, 'DHCP failed');
}

const setInterfaceHandler = handle(setInterface, (req, ctx) => {
  const net = networkConfig(ctx);
  const index = net.ethernet.findIndex((e) => e.ethname === req.ethname);
  if (index < 0) throw new Refusal(PARAM_ERROR, 'ethname');
  const current = net.ethernet[index]!;
  let addresses: Pick<Ethernet, 'ip' | 'netmask' | 'gateway'>;
  if (req.ip_method === 'dhcp') {
    // With DHCP the addresses sent are ignored (they may be empty): the server assigns them.
    addresses = dhcpLease(net, req.ethname, req.ip_version);
  } else {
    checkStatic(net, req);
    addresses = { ip: req.ip, netmask: req.netmask, gateway: req.gateway };
  }
  const updated: Ethernet = { ...current, ...addresses, ip_method: req.ip_method, ip_version: req.ip_version };
  ctx.config.set('network', { ...net, ethernet: net.ethernet.map((e, i) => (i === index ? updated : e)) });
  return '';
});

const isAddress = (s: string) => isIPv4(s) || isIPv6Text(s);

const setDefaultInterfaceHandler = handle(setDefaultInterface, (req, ctx) => {
  const net = networkConfig(ctx);
  const eth = net.ethernet.find((e) => e.ethname === req.ethname);
  if (!eth) throw new Refusal(PARAM_ERROR, 'ethname');
  let dns: { first_dns: string; second_dns: string };
  if (req.dns_method === 'static') {
    const first = req.first_dns ?? '';
    const second = req.second_dns ?? '';
    if (!isAddress(first) || (second !== '' && !isAddress(second))) throw new Refusal(PARAM_ERROR, 'dns');
    dns = { first_dns: first, second_dns: second };
  } else {
    // Our DHCP answers the interface's gateway as the DNS server (a home router's habit).
    dns = { first_dns: eth.gateway, second_dns: '' };
  }
  ctx.config.set('network', { ...net, default_info: { dns_method: req.dns_method, ethname: req.ethname, ...dns } });
  return '';
});

// ---- Upgrade, reboot, reset ---------------------------------------------------------

/** The packages the device takes (§6.11's example is nebula.tar.bz2). */
const PACKAGE = /\.(tar\.bz2|tar\.gz|bin)$/i;

const upgradeHandler = handle(upgrade, (req, ctx) => {
  if (!PACKAGE.test(req.file.filename) || sizeOf(req.file) === 0) throw new Refusal(UPGRADE_FAILED);
  const outcome = ctx.faults.upgrade;
  if (outcome === 'refuse') throw new Refusal(UPGRADE_FAILED);
  const fw = firmware(ctx);
  const [major, minor, patch] = fw.release;
  // The emulator cannot read a package: every upgrade is the next patch, built today ('revert': it stays).
  if (outcome === 'ok') {
    ctx.config.set('firmware', { release: [major, minor, patch + 1], date: ctx.clock.format().slice(0, 10).replace(/-/g, '') });
  }
  ctx.log(`upgrade with ${req.file.filename} (${sizeOf(req.file)} bytes)${outcome === 'revert' ? ', rolled back' : ''}: restarting`);
  emitRestart(ctx, { reason: 'upgrade' });
  return '';
});

/** restoreDefaults' comment (src/api/protocol/system.ts) says what "configuration" is. */
function resetConfiguration(ctx: EmulatorContext): void {
  for (const key of ['ntp', 'storage', 'web_enabled', 'push']) ctx.config.delete(key);
  // The zone and format go back; the clock's instant stays where it is.
  ctx.config.set('time', { ...timeConfig(ctx), time_zone: DEFAULT_TIME.time_zone, time_format: DEFAULT_TIME.time_format });
}

// ---- Load -----------------------------------------------------------------------------

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A value that moves: the host's load over its cores, plus a slow wave so that a chart is never flat. */
function cpuUsage(ctx: EmulatorContext): number {
  const cores = os.cpus().length || 1;
  const load = Math.min(1, (os.loadavg()[0] ?? 0) / cores);
  const t = Date.now() / 1000;
  const capture = Math.min(20, ctx.options.rate * 2);
  return clamp(9 + 55 * load + capture + 4 * Math.sin(t / 37) + 2 * Math.sin(t / 11) + Math.random(), 0.5, 99.5);
}

const TOTAL_MEMORY = 8232378368;

function memoryUsage(): number {
  const host = 1 - os.freemem() / os.totalmem();
  const t = Date.now() / 1000;
  return clamp(38 + 40 * host + 1.5 * Math.sin(t / 53) + Math.random() * 0.5, 1, 99);
}

// ---- HTTPS ----------------------------------------------------------------------------

const PEM = {
  crt: /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/,
  // PKCS#8, PKCS#1 (RSA), SEC1 (EC) and encrypted PKCS#8 all end in "PRIVATE KEY".
  key: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]+-----END \1PRIVATE KEY-----/,
} as const;

/** The name 1304 answers: the upload's own base name, printable, at most 128 characters. */
function storedName(filename: string, type: 'crt' | 'key'): string {
  const base = path
    .basename(filename.replace(/\\/g, '/'))
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, 128);
  return base || `server.${type}`;
}

const uploadHttpsHandler = handle(uploadHttpsFile, (req, ctx) => {
  const conf = httpsConfig(ctx);
  if (conf.mode === 'https') throw new Refusal(HTTPS_NO_IMPORT);
  if (!PEM[req.file_type].test(req.file.data.toString('utf8'))) throw new Refusal(PARAM_ERROR, 'not PEM');
  fs.mkdirSync(httpsDir(ctx), { recursive: true, mode: 0o700 });
  fs.writeFileSync(httpsFile(ctx, req.file_type), req.file.data, { mode: 0o600 });
  const name = storedName(req.file.filename, req.file_type);
  ctx.config.set('https', req.file_type === 'crt' ? { ...conf, cert: name } : { ...conf, key: name });
  return '';
});

/** Deleting a file that is not there answers 0 (our choice): the end state is what was asked. */
const deleteHttpsHandler = handle(deleteHttpsFile, (req, ctx) => {
  const conf = httpsConfig(ctx);
  if (conf.mode === 'https') throw new Refusal(HTTPS_NO_DELETE);
  fs.rmSync(httpsFile(ctx, req.file_type), { force: true });
  ctx.config.set('https', req.file_type === 'crt' ? { ...conf, cert: '' } : { ...conf, key: '' });
  return '';
});

/** The pair must parse and belong together, else the device could not serve TLS (-3619). */
function pairMatches(material: { cert: Buffer; key: Buffer }): boolean {
  try {
    return new X509Certificate(material.cert).checkPrivateKey(createPrivateKey(material.key));
  } catch {
    return false;
  }
}

const switchProtocolHandler = handle(switchProtocol, (req, ctx) => {
  const conf = httpsConfig(ctx);
  if (conf.mode === req.prot_mode) throw new Refusal(ALREADY_IN_MODE);
  if (req.prot_mode === 'https') {
    const material = httpsMaterial(ctx);
    if (!material) throw new Refusal(NO_CRT_OR_KEY);
    if (!pairMatches(material)) throw new Refusal(HTTPS_SWITCH_FAILED);
  }
  ctx.config.set('https', { ...conf, mode: req.prot_mode });
  emitRestart(ctx, { reason: 'https', mode: req.prot_mode });
  return '';
});

// ---- Registry ---------------------------------------------------------------------------

export const systemHandlers: Handler[] = [
  handle(getNtp, (_req, ctx) => ntpConfig(ctx)),
  setNtpHandler,
  handle(getVersion, (_req, ctx) => ({ device_id: deviceId(ctx), serial_id: serialId(ctx), ...versionStrings(firmware(ctx)) })),
  handle(getStorage, (_req, ctx) => ({
    cur_storage: storageUsedMb(ctx),
    max_storage: ctx.options.maxStorageMb,
    storage_strategy: storageStrategy(ctx),
  })),
  handle(setStorage, (req, ctx) => {
    ctx.config.set('storage', { storage_strategy: req.storage_strategy });
    return '';
  }),
  handle(getTime, (_req, ctx) => {
    const t = timeConfig(ctx);
    // Every time on the wire is yyyy-MM-dd HH:mm:ss; time_format is how the pages show it.
    return { sys_time: ctx.clock.format(), time_format: t.time_format, time_zone: t.time_zone };
  }),
  setTimeHandler,
  handle(getNetwork, (_req, ctx) => networkConfig(ctx)),
  setInterfaceHandler,
  setDefaultInterfaceHandler,
  upgradeHandler,
  handle(reboot, (_req, ctx) => {
    emitRestart(ctx, { reason: 'reboot' });
    return '';
  }),
  handle(getDeviceId, (_req, ctx) => ({ device_id: deviceId(ctx) })),
  handle(setDeviceId, (req, ctx) => {
    // The schema bounds the length; control characters are no id (it travels in every push, §7.3).
    if (/[\u0000-\u001f\u007f]/.test(req.device_id) || req.device_id.trim() === '') throw new Refusal(PARAM_ERROR, 'device_id');
    ctx.config.set('device_id', req.device_id);
    return '';
  }),
  handle(restoreDefaults, (_req, ctx) => {
    resetConfiguration(ctx);
    // Cached analyses (descriptors of people) do not outlive a reset.
    ctx.engine.clearCache?.();
    emitRestart(ctx, { reason: 'reset' });
    return '';
  }),
  handle(enableWeb, (_req, ctx) => {
    ctx.config.set('web_enabled', true);
    return '';
  }),
  handle(disableWeb, (_req, ctx) => {
    ctx.config.set('web_enabled', false);
    return '';
  }),
  handle(getCpu, (_req, ctx) => ({ cpu_type: 'ARMv8 Processor rev 3 (v8l)', cpu_usage: cpuUsage(ctx), kernel_num: 6 })),
  handle(getMemory, () => ({ memory_usage: memoryUsage(), total_memory: TOTAL_MEMORY })),
  handle(getHttpPush, (_req, ctx) => pushSettings(ctx)),
  handle(setHttpPush, (req, ctx) => {
    // '' switches push off; anything else must be a url we could POST to.
    if (req.url !== '' && parsePushUrl(req.url) === null) throw new Refusal(PARAM_ERROR, 'push url');
    ctx.config.set('push', { url: req.url, key: req.key });
    return '';
  }),
  handle(getWsKey, (_req, ctx) => ({ key: wsKey(ctx) })),
  uploadHttpsHandler,
  deleteHttpsHandler,
  handle(getHttpsFiles, (_req, ctx) => {
    const conf = httpsConfig(ctx);
    return { https_cert: conf.cert, https_key: conf.key };
  }),
  switchProtocolHandler,
  handle(getProtocol, (_req, ctx) => ({ https_stat: currentMode(ctx) })),
];
