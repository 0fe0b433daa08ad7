// IPv4 / IPv6 arithmetic for the network form. The device checks the same
// things and answers -3606 (Appendix A); we check first so the installer sees
// which field is wrong, in words, before anything is sent.

export type IpVersion = 'IPv4' | 'IPv6';

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);

export const bitsOf = (v: IpVersion): 32 | 128 => (v === 'IPv4' ? 32 : 128);

/** A dotted quad as a number (no leading zeros: "010" is octal to some tools). */
export function parseIPv4(text: string): bigint | null {
  if (!IPV4.test(text)) return null;
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** RFC 4291 text (one "::", an optional dotted IPv4 tail); no zone id ("%eth0"). */
export function parseIPv6(text: string): bigint | null {
  if (!/^[0-9a-f:.]+$/i.test(text) || (text.match(/::/g) ?? []).length > 1) return null;
  let body = text;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (tail) {
    const v4 = parseIPv4(tail[1]!);
    if (v4 === null) return null;
    body = `${body.slice(0, -tail[1]!.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = body.split('::');
  const h = head ? head.split(':') : [];
  const t = rest ? rest.split(':') : [];
  if (rest !== undefined && h.length + t.length > 7) return null;
  const groups = rest === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8) return null;
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return n;
}

export function parseAddress(version: IpVersion, text: string): bigint | null {
  return version === 'IPv4' ? parseIPv4(text) : parseIPv6(text);
}

export const isAddress = (text: string): boolean => parseIPv4(text) !== null || parseIPv6(text) !== null;

function contiguousPrefix(mask: bigint, bits: number): number | null {
  for (let p = 0; p <= bits; p++) {
    if (((1n << BigInt(p)) - 1n) << BigInt(bits - p) === mask) return p;
  }
  return null;
}

/**
 * The prefix length a mask stands for, or null. IPv4: a dotted, contiguous mask
 * from /1 to /30 (a /31 or /32 leaves no room for a gateway). IPv6: a prefix
 * length ("64" or "/64") or a contiguous mask, 1 to 127. Same bounds as the device.
 */
export function parseMask(version: IpVersion, text: string): number | null {
  if (version === 'IPv4') {
    const n = parseIPv4(text);
    const p = n === null ? null : contiguousPrefix(n, 32);
    return p !== null && p >= 1 && p <= 30 ? p : null;
  }
  const length = /^\/?(\d{1,3})$/.exec(text);
  let p: number | null;
  if (length) p = Number(length[1]);
  else {
    const n = parseIPv6(text);
    p = n === null ? null : contiguousPrefix(n, 128);
  }
  return p !== null && p >= 1 && p <= 127 ? p : null;
}

export const sameNet = (a: bigint, b: bigint, prefix: number, bits: number): boolean =>
  a >> BigInt(bits - prefix) === b >> BigInt(bits - prefix);

export const hostPart = (addr: bigint, prefix: number, bits: number): bigint => addr & ((1n << BigInt(bits - prefix)) - 1n);

/** An address an interface may carry: not 0/8, loopback, multicast or class E; not ::, ::1 or ff00::/8. */
export function usableHost(version: IpVersion, addr: bigint): boolean {
  if (version === 'IPv4') {
    const first = Number(addr >> 24n);
    return first !== 0 && first !== 127 && first < 224;
  }
  return addr !== 0n && addr !== 1n && addr >> 120n !== 0xffn;
}

/** fe80::/10: an IPv6 gateway is often link-local, outside the interface's prefix. */
export const isLinkLocal6 = (addr: bigint): boolean => addr >> 118n === 0x3fan;

/** The same address however it was written ("::1" and "0:0::1"), for comparing with the browser's host. */
export function sameAddress(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/^\[|\]$/g, '');
  const x = strip(a);
  const y = strip(b);
  const x4 = parseIPv4(x);
  const y4 = parseIPv4(y);
  if (x4 !== null || y4 !== null) return x4 !== null && x4 === y4;
  const x6 = parseIPv6(x);
  const y6 = parseIPv6(y);
  return x6 !== null && x6 === y6;
}

/** How an address goes into a URL: IPv6 in brackets. */
export const urlHost = (addr: string): string => (parseIPv6(addr) !== null && parseIPv4(addr) === null ? `[${addr}]` : addr);

/** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, not all-numeric. */
export function isHostName(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  const labels = text.replace(/\.$/, '').split('.');
  if (labels.every((l) => /^\d+$/.test(l))) return false;
  return labels.every((l) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(l));
}
