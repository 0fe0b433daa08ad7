import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/api/client';
import { DeviceError } from '../../src/api/errors';
import { login, logout } from '../../src/api/protocol';
import { startTestDevice, type TestDevice } from '../testing';

describe('sessions (§2)', () => {
  let dev: TestDevice;
  beforeAll(async () => {
    dev = await startTestDevice({ sessionTtlSeconds: 1 });
  });
  afterAll(() => dev.close());

  it('logs in with the right password and answers a decimal session id', async () => {
    const id = await dev.anonymous(login, { user_name: 'admin', user_pwd: 'Admin@12345' });
    expect(id).toMatch(/^\d+$/);
  });

  it('refuses a wrong password with -113', async () => {
    await expect(dev.anonymous(login, { user_name: 'admin', user_pwd: 'nope' })).rejects.toMatchObject({ code: -113 });
  });

  it('answers -141 without a session, and after logout', async () => {
    await expect(dev.anonymous(logout, {})).rejects.toBeInstanceOf(DeviceError);
    let session: string | null = null;
    const call = createClient({ baseUrl: dev.url, getSession: () => session });
    session = await call(login, { user_name: 'admin', user_pwd: 'Admin@12345' });
    await call(logout, {});
    await expect(call(logout, {})).rejects.toMatchObject({ code: -141 });
  });

  it('expires a session after the idle time', async () => {
    let session: string | null = null;
    const call = createClient({ baseUrl: dev.url, getSession: () => session });
    session = await call(login, { user_name: 'admin', user_pwd: 'Admin@12345' });
    await new Promise((r) => setTimeout(r, 1300));
    await expect(call(logout, {})).rejects.toMatchObject({ code: -141 });
  });

  it('answers -3599 for an unknown msg_id and -3596 for a malformed body', async () => {
    const post = async (body: string) =>
      (await fetch(`${dev.url}/api/json`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', sessionid: dev.session() ?? '' },
        body,
      }).then((r) => r.json())) as { code: number };
    expect((await post(JSON.stringify({ msg_id: '99999' }))).code).toBe(-3599);
    expect((await post('{not json')).code).toBe(-3596);
    expect((await post(JSON.stringify({ msg_id: '257', user_name: 'admin' }))).code).toBe(-3596);
  });
});
