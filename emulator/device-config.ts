// The device's own settings (§6-§9), one key each in the config table, with the
// device's defaults. The system handlers read and write them; the parts that act
// on them (HTTP push, WebSocket, capture, the server's HTTPS) only read them here.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Ethernet } from '../src/api/protocol/system';
import { DEFAULT_TIME, type TimeConfig } from './clock';
import type { EmulatorContext } from './context';

/** What ctx.events carries as 'restart'; the restart itself is the server's work. */
export interface RestartEvent {
  reason: 'upgrade' | 'reboot' | 'reset' | 'https';
  /** For reason 'https': the mode the device comes back in. */
  mode?: ProtocolMode;
}

export function emitRestart(ctx: EmulatorContext, event: RestartEvent): void {
  // After the answer has gone out: the device answers 0, then goes away (§6.11, §6.12, §8.4).
  setImmediate(() => ctx.events.emit('restart', event));
}

// ---- NTP (§6.1-6.2) -------------------------------------------------------

export interface NtpConfig {
  url: string;
  port: string;
  ntp_cycle: string;
  ntp_disable: '0' | '1';
}
/** §6.2's defaults: pool.ntp.org, every 10 minutes, disabled. */
export const DEFAULT_NTP: NtpConfig = { url: 'pool.ntp.org', port: '123', ntp_cycle: '10', ntp_disable: '1' };

export const ntpConfig = (ctx: EmulatorContext): NtpConfig => ctx.config.get('ntp', DEFAULT_NTP);

// ---- Identity and versions (§6.3, §6.13) ----------------------------------

export const DEFAULT_DEVICE_ID = 'nebula-m-0001';

export const deviceId = (ctx: EmulatorContext): string => ctx.config.get('device_id', DEFAULT_DEVICE_ID);

/** Made once per data dir, then kept: a device's serial number does not change. */
export function serialId(ctx: EmulatorContext): string {
  return once(ctx, 'serial_id', () => `STSNMAWX08A11811${String(crypto.randomInt(1, 10_000)).padStart(4, '0')}`);
}

export interface Firmware {
  /** [major, minor, patch] */
  release: [number, number, number];
  /** yyyyMMdd, the build date in the version strings. */
  date: string;
}
/** The firmware the reference documents (V2.1.0); the build date is ours. */
export const DEFAULT_FIRMWARE: Firmware = { release: [2, 1, 0], date: '20210618' };

export const firmware = (ctx: EmulatorContext): Firmware => ctx.config.get('firmware', DEFAULT_FIRMWARE);

export function versionStrings(fw: Firmware): { version: string; web_version: string } {
  const v = `V${fw.release.join('.')}`;
  return { version: `SenseNebula-M-${v}-${fw.date}`, web_version: `SenseNebulaWeb-M-${v}-web-${fw.date}` };
}

// ---- Storage policy (§6.4-6.5) --------------------------------------------

/** 1 overwrite the oldest when full, 2 stop recording when full (§6.4). */
export type StorageStrategy = 1 | 2;
export const DEFAULT_STORAGE_STRATEGY: StorageStrategy = 1;

export const storageStrategy = (ctx: EmulatorContext): StorageStrategy =>
  ctx.config.get<{ storage_strategy: StorageStrategy }>('storage', { storage_strategy: DEFAULT_STORAGE_STRATEGY }).storage_strategy;

// ---- Time (§6.6-6.7): the clock keeps it, under 'time' --------------------

export const timeConfig = (ctx: EmulatorContext): TimeConfig => ctx.config.get('time', DEFAULT_TIME);

// ---- Network (§6.8-6.10) --------------------------------------------------

export interface DefaultInfo {
  dns_method: string;
  ethname: string;
  first_dns: string;
  second_dns: string;
}
export interface NetworkConfig {
  default_info: DefaultInfo;
  ethernet: Ethernet[];
}

/** A MAC per interface, derived from the serial number so that two emulated devices differ. */
function macFor(serial: string, index: number): string {
  const h = crypto.createHash('sha1').update(serial).digest();
  // 00:04:4b is the vendor prefix of §6.8's eth0.
  const bytes = [0x00, 0x04, 0x4b, h[0]!, h[1]!, (h[2]! & 0xfc) | index];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/**
 * §6.8's example, except that the default interface is eth0 (the example names
 * eth3, which has no gateway: a default route without a gateway goes nowhere).
 */
export function defaultNetwork(ctx: EmulatorContext): NetworkConfig {
  const serial = serialId(ctx);
  const eth = (i: number, ip: string, netmask: string, gateway: string): Ethernet => ({
    ethname: `eth${i}`,
    gateway,
    hw_addr: macFor(serial, i),
    ip,
    ip_method: 'static',
    ip_version: 'IPv4',
    netmask,
  });
  return {
    default_info: { dns_method: 'static', ethname: 'eth0', first_dns: '10.5.4.207', second_dns: '10.5.4.205' },
    ethernet: [
      eth(0, '10.5.2.56', '255.0.0.0', '10.5.2.1'),
      eth(1, '192.168.2.10', '255.255.255.0', ''),
      eth(2, '192.168.3.10', '255.255.255.0', ''),
      eth(3, '192.168.4.10', '255.255.255.0', ''),
    ],
  };
}

export const networkConfig = (ctx: EmulatorContext): NetworkConfig =>
  ctx.config.get<NetworkConfig | null>('network', null) ?? defaultNetwork(ctx);

// ---- The device's own web pages (§6.16-6.17) ------------------------------

/** On by default; the console is not those pages, so it keeps working either way. */
export const webEnabled = (ctx: EmulatorContext): boolean => ctx.config.get('web_enabled', true);

// ---- HTTP push target (§7.1-7.2) and WebSocket key (§9.1) -----------------

export interface PushTarget {
  url: string;
  key: string;
}
/** No target by default: push is off until 1298 names one. */
export const DEFAULT_PUSH: PushTarget = { url: '', key: '' };

/** As stored and answered by 1299 (the url as the user gave it). */
export const pushSettings = (ctx: EmulatorContext): PushTarget => ctx.config.get('push', DEFAULT_PUSH);

/** Where to POST (§7.3, §7.4): the url with a scheme, or null when push is off. */
export function pushTarget(ctx: EmulatorContext): { url: string; key: string } | null {
  const { url, key } = pushSettings(ctx);
  const parsed = parsePushUrl(url);
  return parsed ? { url: parsed, key } : null;
}

/**
 * http(s)://host[:port][/path] or host[:port][/path]; §7.2's own example is
 * "google.com", so a url without a scheme is taken and means http. Returns the
 * url with its scheme, or null when it is not one.
 */
export function parsePushUrl(text: string): string | null {
  if (!text || /\s/.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password) return null;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!isHostName(host) && !isIPv4(host) && !isIPv6Text(host)) return null;
  return withScheme;
}

/** §9.1: the subscription key, a uuid made once per data dir. */
export const wsKey = (ctx: EmulatorContext): string => once(ctx, 'ws_key', () => crypto.randomUUID());

// ---- HTTPS (§8) ------------------------------------------------------------

export type ProtocolMode = 'http' | 'https';
export interface HttpsConfig {
  mode: ProtocolMode;
  /** The uploaded files' names, as 1304 answers them; '' when none. */
  cert: string;
  key: string;
}
export const DEFAULT_HTTPS: HttpsConfig = { mode: 'http', cert: '', key: '' };

export const httpsConfig = (ctx: EmulatorContext): HttpsConfig => ctx.config.get('https', DEFAULT_HTTPS);

export const currentMode = (ctx: EmulatorContext): ProtocolMode => httpsConfig(ctx).mode;

/** Outside <data>/files, which the server hands out at /ws/<path>: a private key must not be downloadable. */
export function httpsDir(ctx: EmulatorContext): string {
  return path.join(ctx.options.dataDir, 'private', 'https');
}
export const httpsFile = (ctx: EmulatorContext, type: 'crt' | 'key'): string =>
  path.join(httpsDir(ctx), type === 'crt' ? 'server.crt' : 'server.key');

/** The stored certificate and key (PEM), for the server's HTTPS; null unless both are there. */
export function httpsMaterial(ctx: EmulatorContext): { cert: Buffer; key: Buffer } | null {
  const conf = httpsConfig(ctx);
  if (!conf.cert || !conf.key) return null;
  try {
    return { cert: fs.readFileSync(httpsFile(ctx, 'crt')), key: fs.readFileSync(httpsFile(ctx, 'key')) };
  } catch {
    return null;
  }
}

// ---- Address helpers --------------------------------------------------------

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);

export const isIPv4 = (s: string): boolean => IPV4.test(s);

/** An IPv4 address as an unsigned 32-bit number. */
export function ipv4ToInt(s: string): number {
  return s.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** An IPv6 address (with ::, optionally a trailing dotted IPv4) as a 128-bit bigint, or null. */
export function ipv6ToBig(s: string): bigint | null {
  if (!/^[0-9a-f:.]+$/i.test(s) || (s.match(/::/g) ?? []).length > 1) return null;
  let text = s;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    if (!isIPv4(v4[1]!)) return null;
    const n = ipv4ToInt(v4[1]!);
    text = `${text.slice(0, -v4[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8 || (tail !== undefined && h.length + t.length > 7)) return null;
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return n;
}

export const isIPv6Text = (s: string): boolean => ipv6ToBig(s) !== null;

/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, not all-numeric. */
export function isHostName(s: string): boolean {
  if (s.length === 0 || s.length > 253) return false;
  const labels = s.replace(/\.$/, '').split('.');
  if (labels.every((l) => /^\d+$/.test(l))) return false;
  return labels.every((l) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(l));
}

// ---- Storage used (§6.4) ----------------------------------------------------

const MB = 1024 * 1024;
const dirCache = new WeakMap<EmulatorContext, { at: number; bytes: number }>();

function dirBytes(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) total += dirBytes(full);
    else if (e.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

/**
 * MB in use: the records' pictures (records.bytes) plus the library pictures
 * under files/img. The folder walk is cached for a few seconds: the console polls.
 */
export function storageUsedMb(ctx: EmulatorContext): number {
  const recordBytes = ctx.db.prepare<[], { n: number }>('SELECT COALESCE(SUM(bytes), 0) AS n FROM records').get()?.n ?? 0;
  const now = Date.now();
  let cached = dirCache.get(ctx);
  if (!cached || now - cached.at > 5000) {
    cached = { at: now, bytes: dirBytes(path.join(ctx.files.root, 'img')) };
    dirCache.set(ctx, cached);
  }
  return Math.ceil((recordBytes + cached.bytes) / MB);
}

// ---- Helpers -----------------------------------------------------------------

/** A value made on first use and kept for the life of the data dir. */
function once(ctx: EmulatorContext, key: string, make: () => string): string {
  const existing = ctx.config.get<string | null>(key, null);
  if (existing) return existing;
  const value = make();
  ctx.config.set(key, value);
  return value;
}
