import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_CERT, FIXTURE_KEY } from '../emulator/operations/system.fixture';
import { DeviceTarget, deviceUrl } from '../proxy.config';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listen(server: http.Server): Promise<number> {
  servers.push(server);
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));
}
const ok: http.RequestListener = (_req, res) => res.end('{"code":0,"data":{"https_stat":"https"},"msg":""}');

describe('the proxy follows the device between http and https (§8.4)', () => {
  it('reads DEVICE_URL, taking a bare address as http', () => {
    expect(deviceUrl({ DEVICE_URL: '192.168.1.20' })).toBe('http://192.168.1.20');
    expect(deviceUrl({ DEVICE_URL: 'https://10.0.0.5/' })).toBe('https://10.0.0.5');
    expect(deviceUrl({})).toBe('http://127.0.0.1:8480');
  });

  it('moves to https on the same port when the device switched there, self-signed certificate and all', async () => {
    const port = await listen(https.createServer({ cert: FIXTURE_CERT, key: FIXTURE_KEY }, ok));
    const target = new DeviceTarget(`http://127.0.0.1:${port}`);
    const seen: string[] = [];
    target.onChange((u) => seen.push(u));
    await target.followDevice();
    expect(target.url).toBe(`https://127.0.0.1:${port}`);
    expect(seen).toEqual([`https://127.0.0.1:${port}`]);
  });

  it('stays where it is while the device still answers there, and while it answers nowhere', async () => {
    const port = await listen(http.createServer(ok));
    const target = new DeviceTarget(`http://127.0.0.1:${port}`);
    await target.followDevice();
    expect(target.url).toBe(`http://127.0.0.1:${port}`);
    const gone = new DeviceTarget('http://127.0.0.1:9');
    await gone.followDevice();
    expect(gone.url).toBe('http://127.0.0.1:9');
  });

  it('without a port, tries the other scheme on its standard port', () => {
    expect(new DeviceTarget('http://192.168.1.20').alternatives().map((u) => u.origin)).toEqual(['https://192.168.1.20']);
    expect(new DeviceTarget('http://192.168.1.20:8080').alternatives().map((u) => u.origin)).toEqual([
      'https://192.168.1.20:8080',
      'https://192.168.1.20',
    ]);
  });
});
