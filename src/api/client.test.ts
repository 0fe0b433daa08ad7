import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { DeviceError } from './errors';
import { getVersion } from './protocol';

const VERSION = { version: '1.0', device_id: 'dev-1', serial_id: 'S1', web_version: '1' };

/** A device that forgets 'old' and knows 'new'. */
function device() {
  const seen: Array<string | null> = [];
  const fetch = (async (_url: string, init?: RequestInit) => {
    const session = new Headers(init?.headers).get('sessionid');
    seen.push(session);
    const body = session === 'new' ? { code: 0, msg: '', data: VERSION } : { code: -141, msg: 'session expired' };
    return new Response(JSON.stringify(body));
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

describe('the client after -141', () => {
  it('waits for the new session and sends the same call again, once', async () => {
    const dev = device();
    let session = 'old';
    const expired: Array<string | null> = [];
    const call = createClient({
      fetch: dev.fetch,
      getSession: () => session,
      // Told which session met -141: one already replaced must not end the new one.
      onSessionExpired: (sent) => expired.push(sent),
      renewSession: async () => {
        session = 'new';
        return true;
      },
    });
    await expect(call(getVersion, {})).resolves.toMatchObject({ device_id: 'dev-1' });
    expect(dev.seen).toEqual(['old', 'new']);
    expect(expired).toEqual(['old']);
  });

  it('gives up with the -141 when the user does not log in again', async () => {
    const dev = device();
    const call = createClient({ fetch: dev.fetch, getSession: () => 'old', renewSession: async () => false });
    const error = await call(getVersion, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).code).toBe(-141);
    expect(dev.seen).toEqual(['old']);
  });
});
