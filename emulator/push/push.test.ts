import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/api/client';
import { getVersion, getWsKey, login, reboot, setHttpPush } from '../../src/api/protocol';
import { startTestDevice, type TestDevice } from '../testing';
import { receiver, subscribe } from './test-clients';

describe('push and restarts', () => {
  let dev: TestDevice;
  beforeAll(async () => {
    dev = await startTestDevice({ restartSeconds: 1, heartbeatSeconds: 1 });
  });
  afterAll(() => dev.close());

  it('acknowledges a subscription with the key from 1286 and refuses a wrong key', async () => {
    const { key } = await dev.call(getWsKey, {});
    const good = await subscribe(dev.url, key);
    expect(good.ack).toEqual({ code: 0, msg: '' });
    const bad = await subscribe(dev.url, 'not-the-key');
    expect(bad.ack.code).not.toBe(0);
    expect(dev.emulator.hub.stats().subscribers).toBe(1);
    good.ws.close();
    bad.ws.close();
  });

  it('posts heartbeats (775) to the HTTP push target as a multipart json field', async () => {
    const rx = await receiver();
    await dev.call(setHttpPush, { url: rx.url, key: 'k1' });
    await expect.poll(() => rx.got.length, { timeout: 5000 }).toBeGreaterThan(0);
    const beat = JSON.parse(rx.got[0]!.fields.json!) as { msg_id: number; data: { device_id: string; trigger: string } };
    expect(beat.msg_id).toBe(775);
    expect(beat.data.trigger).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await dev.call(setHttpPush, { url: '', key: '' });
    await rx.close();
  });

  it('a reboot answers first, then drops sessions and sockets, then comes back', async () => {
    const { key } = await dev.call(getWsKey, {});
    const sub = await subscribe(dev.url, key);
    const closed = new Promise((r) => sub.ws.once('close', r));
    await dev.call(reboot, {});
    await closed;
    expect(dev.emulator.state).toBe('down');
    await expect(dev.call(getVersion, {})).rejects.toMatchObject({ kind: 'network' });
    await dev.emulator.whenUp();
    await expect(dev.call(getVersion, {})).rejects.toMatchObject({ code: -141 });
    let session: string | null = null;
    const again = createClient({ baseUrl: dev.url, getSession: () => session });
    session = await again(login, { user_name: 'admin', user_pwd: 'Admin@12345' });
    await expect(again(getVersion, {})).resolves.toHaveProperty('version');
  });
});
