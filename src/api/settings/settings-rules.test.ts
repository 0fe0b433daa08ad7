import { describe, expect, it } from 'vitest';
import { checkHttpsFileMeta, checkHttpsFileText, checkUpgradeFile, formatBytes } from './files';
import { checkDeviceId, checkNtpServer, checkPushUrl, DEVICE_ID_MAX } from './settings-rules';
import { formatInZone, zoneMinutes } from '../protocol/device-time';
import { advanceWallClock, checkWallClock, computerZone, inFormat, timeToSend, zoneOfMinutes } from './time';

describe('device id', () => {
  it('takes 1 to DEVICE_ID_MAX printable characters', () => {
    expect(checkDeviceId('gate-3 north')).toBeNull();
    expect(checkDeviceId('  ')).toBe('required');
    expect(checkDeviceId('x'.repeat(DEVICE_ID_MAX))).toBeNull();
    expect(checkDeviceId('x'.repeat(DEVICE_ID_MAX + 1))).toBe('tooLong');
    expect(checkDeviceId('a\nb')).toBe('control');
  });
});

describe('NTP server and push target', () => {
  it('takes a host name or an address, no scheme or port', () => {
    expect(checkNtpServer('pool.ntp.org')).toBeNull();
    expect(checkNtpServer('10.0.0.1')).toBeNull();
    expect(checkNtpServer('2001:db8::1')).toBeNull();
    expect(checkNtpServer('')).toBe('required');
    expect(checkNtpServer('http://pool.ntp.org')).toBe('invalid');
    expect(checkNtpServer('pool.ntp.org:123')).toBe('invalid');
  });

  it("takes §7.2's scheme-less url, http(s) urls, and empty for off", () => {
    expect(checkPushUrl('google.com')).toBeNull();
    expect(checkPushUrl('http://192.168.1.50:8080/nebula')).toBeNull();
    expect(checkPushUrl('https://[2001:db8::1]/in')).toBeNull();
    expect(checkPushUrl('')).toBeNull();
    expect(checkPushUrl('ftp://host/x')).toBe('scheme');
    expect(checkPushUrl('http://u:p@host/')).toBe('credentials');
    expect(checkPushUrl('http://bad host/')).toBe('invalid');
  });
});

describe('time', () => {
  it('writes zones as §6.7 does, and reads them back', () => {
    expect(zoneOfMinutes(480)).toBe('GMT+08:00');
    expect(zoneOfMinutes(-210)).toBe('GMT-03:30');
    expect(zoneMinutes('GMT+05:45')).toBe(345);
    expect(zoneMinutes('GMT+15:00')).toBeNull();
    expect(zoneMinutes(computerZone())).toBe(0 - new Date().getTimezoneOffset() || 0);
  });

  it('gives the wall clock of an instant in a zone', () => {
    const instant = Date.UTC(2024, 0, 31, 23, 30, 0);
    expect(formatInZone(instant, 'GMT+08:00')).toBe('2024-02-01 07:30:00');
    expect(formatInZone(instant, 'GMT-05:00')).toBe('2024-01-31 18:30:00');
  });

  it('checks a time by hand: format, a real date, the device years', () => {
    expect(checkWallClock('2024-02-29 12:00:00')).toBeNull();
    expect(checkWallClock('2023-02-29 12:00:00')).toBe('notADate');
    expect(checkWallClock('2024-2-1 12:00:00')).toBe('format');
    expect(checkWallClock('2100-01-01 00:00:00')).toBe('outOfRange');
    expect(checkWallClock('')).toBe('required');
  });

  it('sends the time each source gives, written in the zone chosen', () => {
    const ctx = {
      deviceWire: '2024-06-01 12:00:00',
      deviceZone: 'GMT+08:00',
      manual: '2030-01-02 03:04:05',
      now: Date.UTC(2024, 5, 1, 4, 0, 30),
    };
    // Keeping the device's time while the zone changes keeps the instant: 12:00 at +08 is 06:00 at +02.
    expect(timeToSend('device', 'GMT+02:00', ctx)).toBe('2024-06-01 06:00:00');
    expect(timeToSend('device', 'GMT+08:00', ctx)).toBe('2024-06-01 12:00:00');
    expect(timeToSend('computer', 'GMT-05:00', ctx)).toBe('2024-05-31 23:00:30');
    expect(timeToSend('manual', 'GMT-05:00', ctx)).toBe('2030-01-02 03:04:05');
    expect(timeToSend('device', 'GMT+02:00', { ...ctx, deviceWire: null })).toBeNull();
  });

  it('ticks a device time on, and shows it in the three formats', () => {
    expect(advanceWallClock('2024-12-31 23:59:58', 3000)).toBe('2025-01-01 00:00:01');
    expect(inFormat('2024-03-05 06:07:08', 'dd-MM-yyyy HH:mm:ss')).toBe('05-03-2024 06:07:08');
    expect(inFormat('2024-03-05 06:07:08', 'MM-dd-yyyy HH:mm:ss')).toBe('03-05-2024 06:07:08');
    expect(inFormat('2024-03-05 06:07:08', 'yyyy-MM-dd HH:mm:ss')).toBe('2024-03-05 06:07:08');
  });
});

const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n';
const EC_KEY = '-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n';
const ENCRYPTED = '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF\n-----END ENCRYPTED PRIVATE KEY-----\n';

describe('files', () => {
  it('checks the HTTPS file type by name, size and content', () => {
    expect(checkHttpsFileMeta('crt', 'server.crt', 800)).toBeNull();
    expect(checkHttpsFileMeta('crt', 'server.pem', 800)).toBeNull();
    expect(checkHttpsFileMeta('crt', 'server.key', 800)).toBe('extension');
    expect(checkHttpsFileMeta('key', 'server.key', 0)).toBe('empty');
    expect(checkHttpsFileMeta('key', 'server.key', 1e6)).toBe('tooBig');
    expect(checkHttpsFileText('crt', CERT)).toBeNull();
    expect(checkHttpsFileText('crt', KEY)).toBe('keyNotCert');
    expect(checkHttpsFileText('key', KEY)).toBeNull();
    expect(checkHttpsFileText('key', EC_KEY)).toBeNull();
    expect(checkHttpsFileText('key', CERT)).toBe('certNotKey');
    expect(checkHttpsFileText('key', ENCRYPTED)).toBe('encryptedKey');
    expect(checkHttpsFileText('crt', 'hello')).toBe('notPem');
  });

  it('checks an upgrade package by name', () => {
    expect(checkUpgradeFile('nebula.tar.bz2', 10)).toBeNull();
    expect(checkUpgradeFile('NEBULA.TAR.GZ', 10)).toBeNull();
    expect(checkUpgradeFile('nebula.zip', 10)).toBe('extension');
    expect(checkUpgradeFile('nebula.bin', 0)).toBe('empty');
  });

  it('says sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(8232378368)).toBe('7.7 GB');
    expect(formatBytes(2048 * 1024 * 1024)).toBe('2.0 GB');
  });
});
