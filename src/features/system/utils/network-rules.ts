// The checks an interface setting must pass before it is sent: every reason the
// device would answer -3606 for (Appendix A: same subnet as another interface,
// gateway outside the subnet, a bad mask), said per field.
import type { Ethernet } from '../../../api/protocol/system';
import {
  bitsOf,
  hostPart,
  isAddress,
  isLinkLocal6,
  parseAddress,
  parseMask,
  sameAddress,
  sameNet,
  usableHost,
  type IpVersion,
} from '../../../api/settings/address';

export interface InterfaceDraft {
  ethname: string;
  ip_method: 'static' | 'dhcp';
  ip_version: IpVersion;
  ip: string;
  netmask: string;
  gateway: string;
}

export type InterfaceField = 'ip' | 'netmask' | 'gateway';

export type ProblemCode =
  | 'ipRequired'
  | 'ipInvalid'
  | 'ipReserved'
  | 'ipNetworkOrBroadcast'
  | 'maskRequired'
  | 'maskInvalid'
  | 'gatewayInvalid'
  | 'gatewayIsIp'
  | 'gatewayOutside'
  | 'gatewayNetworkOrBroadcast'
  | 'subnetTaken';

export interface InterfaceProblem {
  field: InterfaceField;
  code: ProblemCode;
  /** For subnetTaken: the interface already in that subnet. */
  other?: string;
}

interface Subnet {
  addr: bigint;
  prefix: number;
  bits: 32 | 128;
}

function subnetOf(e: Pick<Ethernet, 'ip' | 'netmask' | 'ip_version'>): Subnet | null {
  const v: IpVersion = e.ip_version === 'IPv6' ? 'IPv6' : 'IPv4';
  const addr = e.ip ? parseAddress(v, e.ip) : null;
  const prefix = e.netmask ? parseMask(v, e.netmask) : null;
  return addr === null || prefix === null ? null : { addr, prefix, bits: bitsOf(v) };
}

/** The other interface whose subnet overlaps this one (the shorter prefix decides), if any. */
export function overlappingInterface(draft: InterfaceDraft, others: readonly Ethernet[]): string | null {
  const s = subnetOf(draft);
  if (!s) return null;
  for (const o of others) {
    if (o.ethname === draft.ethname) continue;
    const os = subnetOf(o);
    if (os && os.bits === s.bits && sameNet(os.addr, s.addr, Math.min(os.prefix, s.prefix), s.bits)) return o.ethname;
  }
  return null;
}

/**
 * Every problem of a draft, first per field. With DHCP the device assigns the
 * addresses, so there is nothing to check. An empty gateway is allowed (§6.8's
 * own eth1-eth3 have none).
 */
export function checkInterface(draft: InterfaceDraft, all: readonly Ethernet[]): InterfaceProblem[] {
  if (draft.ip_method === 'dhcp') return [];
  const v = draft.ip_version;
  const bits = bitsOf(v);
  const problems: InterfaceProblem[] = [];
  const ip = draft.ip.trim();
  const mask = draft.netmask.trim();
  const gateway = draft.gateway.trim();

  const addr = ip === '' ? null : parseAddress(v, ip);
  if (ip === '') problems.push({ field: 'ip', code: 'ipRequired' });
  else if (addr === null) problems.push({ field: 'ip', code: 'ipInvalid' });
  else if (!usableHost(v, addr)) problems.push({ field: 'ip', code: 'ipReserved' });

  const prefix = mask === '' ? null : parseMask(v, mask);
  if (mask === '') problems.push({ field: 'netmask', code: 'maskRequired' });
  else if (prefix === null) problems.push({ field: 'netmask', code: 'maskInvalid' });

  const allOnes = prefix === null ? 0n : (1n << BigInt(bits - prefix)) - 1n;
  // IPv4's network and broadcast addresses belong to no host.
  const edge = (a: bigint) =>
    v === 'IPv4' && prefix !== null && (hostPart(a, prefix, bits) === 0n || hostPart(a, prefix, bits) === allOnes);
  if (addr !== null && usableHost(v, addr) && edge(addr)) problems.push({ field: 'ip', code: 'ipNetworkOrBroadcast' });

  if (gateway !== '') {
    const gw = parseAddress(v, gateway);
    if (gw === null) problems.push({ field: 'gateway', code: 'gatewayInvalid' });
    else if (addr !== null && gw === addr) problems.push({ field: 'gateway', code: 'gatewayIsIp' });
    else if (addr !== null && prefix !== null) {
      const linkLocal = v === 'IPv6' && isLinkLocal6(gw);
      if (!linkLocal && !sameNet(gw, addr, prefix, bits)) problems.push({ field: 'gateway', code: 'gatewayOutside' });
      else if (edge(gw)) problems.push({ field: 'gateway', code: 'gatewayNetworkOrBroadcast' });
    }
  }

  if (!problems.some((p) => p.field === 'ip' || p.field === 'netmask')) {
    const other = overlappingInterface({ ...draft, ip, netmask: mask }, all);
    if (other) problems.push({ field: 'ip', code: 'subnetTaken', other });
  }
  return problems;
}

/** The DNS pair of §6.10: the first required when static, the second optional. */
export function checkDns(
  method: 'static' | 'dhcp',
  first: string,
  second: string,
): { field: 'first_dns' | 'second_dns'; code: 'dnsRequired' | 'dnsInvalid' }[] {
  if (method === 'dhcp') return [];
  const out: { field: 'first_dns' | 'second_dns'; code: 'dnsRequired' | 'dnsInvalid' }[] = [];
  if (first.trim() === '') out.push({ field: 'first_dns', code: 'dnsRequired' });
  else if (!isAddress(first.trim())) out.push({ field: 'first_dns', code: 'dnsInvalid' });
  if (second.trim() !== '' && !isAddress(second.trim())) out.push({ field: 'second_dns', code: 'dnsInvalid' });
  return out;
}

/**
 * Which interface the browser reaches the device through. When the page's host
 * is one of the interfaces' addresses we know ('this' for it, 'other' for the
 * rest); through a proxy or a host name we cannot tell, so every interface 'maybe' is.
 */
export type ConsoleLink = 'this' | 'other' | 'maybe';
export function consoleLink(ethernet: readonly Ethernet[], ethname: string, browserHost: string): ConsoleLink {
  const match = ethernet.find((e) => e.ip !== '' && sameAddress(e.ip, browserHost));
  if (!match) return 'maybe';
  return match.ethname === ethname ? 'this' : 'other';
}

/** "192.168.4.0/24" for the messages that name a subnet, or null when the address or mask is unreadable. */
export function subnetText(version: IpVersion, ip: string, mask: string): string | null {
  const addr = parseAddress(version, ip.trim());
  const prefix = parseMask(version, mask.trim());
  if (addr === null || prefix === null) return null;
  const bits = bitsOf(version);
  const net = (addr >> BigInt(bits - prefix)) << BigInt(bits - prefix);
  if (version === 'IPv4') {
    const parts = [24n, 16n, 8n, 0n].map((s) => String((net >> s) & 0xffn));
    return `${parts.join('.')}/${prefix}`;
  }
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((net >> BigInt(i * 16)) & 0xffffn).toString(16));
  // The shortest form: the longest run of zero groups becomes "::".
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j;
  }
  const text = best.len > 1 ? `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.len).join(':')}` : groups.join(':');
  return `${text}/${prefix}`;
}
