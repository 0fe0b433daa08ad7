import { describe, expect, it } from 'vitest';
import type { Ethernet } from '../../../api/protocol/system';
import { parseIPv4, parseIPv6, parseMask, sameAddress, urlHost } from '../../../api/settings/address';
import { checkDns, checkInterface, consoleLink, subnetText, type InterfaceDraft } from './network-rules';

const eth = (ethname: string, ip: string, netmask: string, gateway = '', ip_version = 'IPv4'): Ethernet => ({
  ethname,
  ip,
  netmask,
  gateway,
  ip_version,
  ip_method: 'static',
  hw_addr: '00:04:4b:00:00:00',
});

// §6.8's example network.
const NET = [
  eth('eth0', '10.5.2.56', '255.0.0.0', '10.5.2.1'),
  eth('eth1', '192.168.2.10', '255.255.255.0'),
  eth('eth2', '192.168.3.10', '255.255.255.0'),
  eth('eth3', '192.168.4.10', '255.255.255.0'),
];

const draft = (over: Partial<InterfaceDraft> = {}): InterfaceDraft => ({
  ethname: 'eth3',
  ip_method: 'static',
  ip_version: 'IPv4',
  ip: '192.168.133.120',
  netmask: '255.255.255.0',
  gateway: '192.168.133.1',
  ...over,
});
const codes = (d: InterfaceDraft) => checkInterface(d, NET).map((p) => `${p.field}:${p.code}`);

describe('addresses', () => {
  it('reads IPv4 strictly', () => {
    expect(parseIPv4('192.168.1.1')).toBe(0xc0a80101n);
    for (const bad of ['256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4 ', 'a.b.c.d', '']) expect(parseIPv4(bad)).toBeNull();
  });

  it('reads IPv6 with ::, a dotted tail, and refuses two ::', () => {
    expect(parseIPv6('::1')).toBe(1n);
    expect(parseIPv6('fe80::1')).toBe((0xfe80n << 112n) | 1n);
    expect(parseIPv6('::ffff:192.168.1.1')).toBe((0xffffn << 32n) | 0xc0a80101n);
    expect(parseIPv6('2001:db8:0:0:0:0:0:1')).toBe(parseIPv6('2001:db8::1'));
    for (const bad of ['1::2::3', '12345::', 'g::1', '1:2:3:4:5:6:7:8:9', '']) expect(parseIPv6(bad)).toBeNull();
  });

  it('takes contiguous IPv4 masks from /1 to /30 and IPv6 prefixes from 1 to 127', () => {
    expect(parseMask('IPv4', '255.255.255.0')).toBe(24);
    expect(parseMask('IPv4', '255.0.0.0')).toBe(8);
    expect(parseMask('IPv4', '255.255.255.252')).toBe(30);
    for (const bad of ['255.255.255.254', '255.255.255.255', '0.0.0.0', '255.0.255.0', '24']) expect(parseMask('IPv4', bad)).toBeNull();
    expect(parseMask('IPv6', '64')).toBe(64);
    expect(parseMask('IPv6', '/64')).toBe(64);
    expect(parseMask('IPv6', 'ffff:ffff:ffff:ffff::')).toBe(64);
    for (const bad of ['0', '128', 'ffff::ffff']) expect(parseMask('IPv6', bad)).toBeNull();
  });

  it('compares addresses however they are written, and brackets IPv6 in URLs', () => {
    expect(sameAddress('2001:db8::1', '[2001:DB8:0::1]')).toBe(true);
    expect(sameAddress('10.0.0.1', '10.0.0.1')).toBe(true);
    expect(sameAddress('10.0.0.1', 'localhost')).toBe(false);
    expect(urlHost('2001:db8::1')).toBe('[2001:db8::1]');
    expect(urlHost('10.0.0.1')).toBe('10.0.0.1');
  });

  it('names a subnet', () => {
    expect(subnetText('IPv4', '192.168.4.10', '255.255.255.0')).toBe('192.168.4.0/24');
    expect(subnetText('IPv4', '10.5.2.56', '255.0.0.0')).toBe('10.0.0.0/8');
    expect(subnetText('IPv6', '2001:db8:0:1::5', '64')).toBe('2001:db8:0:1::/64');
    expect(subnetText('IPv4', 'x', '255.0.0.0')).toBeNull();
  });
});

describe('an interface setting (the -3606 reasons, per field)', () => {
  it("passes §6.9's own example", () => {
    expect(codes(draft())).toEqual([]);
  });

  it('refuses a gateway outside the subnet', () => {
    expect(codes(draft({ gateway: '192.168.134.1' }))).toEqual(['gateway:gatewayOutside']);
  });

  it('refuses a gateway that is the address itself, or the network or broadcast address', () => {
    expect(codes(draft({ gateway: '192.168.133.120' }))).toEqual(['gateway:gatewayIsIp']);
    expect(codes(draft({ gateway: '192.168.133.0' }))).toEqual(['gateway:gatewayNetworkOrBroadcast']);
    expect(codes(draft({ gateway: '192.168.133.255' }))).toEqual(['gateway:gatewayNetworkOrBroadcast']);
    expect(codes(draft({ gateway: 'router' }))).toEqual(['gateway:gatewayInvalid']);
  });

  it('takes an empty gateway', () => {
    expect(codes(draft({ gateway: '' }))).toEqual([]);
  });

  it('refuses a subnet another interface is in, naming it (the shorter prefix decides)', () => {
    expect(checkInterface(draft({ ip: '192.168.2.20', gateway: '' }), NET)).toEqual([{ field: 'ip', code: 'subnetTaken', other: 'eth1' }]);
    // 10.9.9.9/16 lies inside eth0's 10.0.0.0/8.
    expect(checkInterface(draft({ ip: '10.9.9.9', netmask: '255.255.0.0', gateway: '' }), NET)[0]).toMatchObject({ other: 'eth0' });
    // Its own current subnet is no conflict.
    expect(codes(draft({ ip: '192.168.4.11', gateway: '192.168.4.1' }))).toEqual([]);
  });

  it('refuses unusable addresses and masks', () => {
    expect(codes(draft({ ip: '' }))).toContain('ip:ipRequired');
    expect(codes(draft({ ip: '300.1.1.1' }))).toContain('ip:ipInvalid');
    expect(codes(draft({ ip: '127.0.0.5', gateway: '' }))).toEqual(['ip:ipReserved']);
    expect(codes(draft({ ip: '224.0.0.5', gateway: '' }))).toEqual(['ip:ipReserved']);
    expect(codes(draft({ ip: '192.168.133.0', gateway: '' }))).toEqual(['ip:ipNetworkOrBroadcast']);
    expect(codes(draft({ netmask: '255.255.0.255' }))).toEqual(['netmask:maskInvalid']);
    expect(codes(draft({ netmask: '' }))).toEqual(['netmask:maskRequired']);
  });

  it('reads IPv6, where a link-local gateway is fine', () => {
    const v6 = (over: Partial<InterfaceDraft>) =>
      draft({ ip_version: 'IPv6', ip: '2001:db8:1::10', netmask: '64', gateway: '2001:db8:1::1', ...over });
    expect(codes(v6({}))).toEqual([]);
    expect(codes(v6({ gateway: 'fe80::1' }))).toEqual([]);
    expect(codes(v6({ gateway: '2001:db8:2::1' }))).toEqual(['gateway:gatewayOutside']);
    expect(codes(v6({ ip: '192.168.1.1' }))).toContain('ip:ipInvalid');
    expect(codes(v6({ netmask: '255.255.255.0' }))).toEqual(['netmask:maskInvalid']);
  });

  it('checks nothing for DHCP: the server assigns the addresses', () => {
    expect(codes(draft({ ip_method: 'dhcp', ip: '', netmask: '', gateway: 'x' }))).toEqual([]);
  });
});

describe('DNS (§6.10)', () => {
  it('needs a valid preferred server when static, the alternate is optional', () => {
    expect(checkDns('static', '10.5.4.207', '')).toEqual([]);
    expect(checkDns('static', '', '')).toEqual([{ field: 'first_dns', code: 'dnsRequired' }]);
    expect(checkDns('static', 'dns.example', '1.1.1.1')).toEqual([{ field: 'first_dns', code: 'dnsInvalid' }]);
    expect(checkDns('static', '8.8.8.8', 'nope')).toEqual([{ field: 'second_dns', code: 'dnsInvalid' }]);
    expect(checkDns('dhcp', '', 'nope')).toEqual([]);
  });
});

describe('which interface the console talks through', () => {
  it('knows when the browser uses one of the addresses, and says "maybe" otherwise', () => {
    expect(consoleLink(NET, 'eth1', '192.168.2.10')).toBe('this');
    expect(consoleLink(NET, 'eth0', '192.168.2.10')).toBe('other');
    // Through the development proxy, or a name.
    expect(consoleLink(NET, 'eth0', '127.0.0.1')).toBe('maybe');
    expect(consoleLink(NET, 'eth0', 'nebula.example')).toBe('maybe');
  });
});
