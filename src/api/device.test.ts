// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getVersion } from './protocol/system';
import { callOn } from './device';
import { describeError } from './device-error';
import { NetworkError } from './errors';
import { applyNodeList } from '../session/node-store';
import { sessionOf, useSessionStore } from '../session/session-store';

const VERSION = { device_id: 'd', serial_id: 's', version: 'v', web_version: 'w' };

describe('one client per node (fleet mode)', () => {
  let sent: Array<{ url: string; session: string | null }>;
  let expiredOn: Set<string>;
  let down: Set<string>;

  beforeEach(() => {
    sent = [];
    expiredOn = new Set();
    down = new Set();
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const session = (init.headers as Record<string, string>).sessionid ?? null;
      sent.push({ url, session });
      const node = /^\/node\/([^/]+)\//.exec(url)?.[1] ?? '';
      if (down.has(node)) return new Response('Bad Gateway', { status: 502 });
      const body = expiredOn.has(node) ? { code: -141, msg: 'not logged in' } : { code: 0, msg: 'ok', data: VERSION };
      return new Response(JSON.stringify(body), { status: 200 });
    });
    applyNodeList([
      { id: 'a', name: 'A', site: '' },
      { id: 'b', name: 'Lobby', site: 'North campus' },
    ]);
    useSessionStore.getState().start('sa', 'admin', 'a');
    useSessionStore.getState().start('sb', 'admin', 'b');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    applyNodeList(null);
  });

  it("sends each node's calls under its prefix with its own session", async () => {
    await callOn('a')(getVersion, {});
    await callOn('b')(getVersion, {});
    expect(sent).toEqual([
      { url: '/node/a/api/json', session: 'sa' },
      { url: '/node/b/api/json', session: 'sb' },
    ]);
  });

  it("a node's -141 ends that node's session only; its call waits for that node's sign-in and is sent again", async () => {
    expiredOn.add('a');
    const waiting = callOn('a')(getVersion, {});
    await vi.waitFor(() => expect(sessionOf('a')).toMatchObject({ sessionId: null, expired: true }));
    expect(sessionOf('b').sessionId).toBe('sb');
    await callOn('b')(getVersion, {});
    expiredOn.delete('a');
    useSessionStore.getState().start('sa2', 'admin', 'a');
    await expect(waiting).resolves.toMatchObject({ device_id: 'd' });
    expect(sent.at(-1)).toEqual({ url: '/node/a/api/json', session: 'sa2' });
  });

  it("a node that cannot be reached is named in the message, not the console's own address", async () => {
    down.add('b');
    const failed = await callOn('b')(getVersion, {}).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(NetworkError);
    expect(describeError(failed, 'en-US')).toMatchObject({
      title: 'Cannot reach node Lobby · North campus',
      hint: expect.stringContaining('HTTP 502'),
    });
    expect(describeError(failed, 'zh-CN').title).toBe('无法连接到节点 Lobby · North campus');
  });

  it("the fleet's status reads do not wait: a node whose session ended fails at once", async () => {
    expiredOn.add('b');
    await expect(callOn('b', { wait: false })(getVersion, {})).rejects.toMatchObject({ code: -141 });
  });
});
