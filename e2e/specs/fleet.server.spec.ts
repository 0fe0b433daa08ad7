// The production server in front of a fleet (issue 17, docs/fleet.md): three
// emulators and a black-holed fourth node, each forwarded under /node/<id>/.
// The browser's fleet pages are specced elsewhere; this proves the server side.
import { createClient } from '../../src/api/client';
import { getDeviceId, getVersion, getWsKey, login } from '../../src/api/protocol';
import { WebSocket } from 'ws';
import { DEMO_USER, expect, test } from '../fixtures';
import { startFleet, type Fleet } from '../fleet';
import { WallDevice } from '../pages/alarm-wall-device';

let fleet: Fleet;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  fleet = await startFleet(4, { nodes: [{}, {}, {}, { blackHole: true }], demoRecords: 50 });
});
test.afterAll(async () => {
  await fleet?.stop();
});

const emulators = () => fleet.nodes.filter((n) => n.emulator);

/** A client of one node through the console's server, logged in. */
async function through(id: string) {
  let session: string | null = null;
  const call = createClient({ baseUrl: `${fleet.consoleUrl}/node/${id}`, getSession: () => session });
  session = await call(login, { user_name: DEMO_USER, user_pwd: fleet.node(id).password });
  return { call, session };
}

test('/console/nodes lists the fleet, never cached', async () => {
  const res = await fetch(`${fleet.consoleUrl}/console/nodes`);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(await res.json()).toEqual({ nodes: fleet.nodes.map((n) => ({ id: n.id, name: n.name, url: n.url, site: n.site })) });
});

test("each node's API answers under its prefix with that node's own identity; sessions stay per node", async () => {
  const ids = new Set<string>();
  for (const n of emulators()) {
    const { call } = await through(n.id);
    expect((await call(getDeviceId, {})).device_id).toBe(n.deviceId);
    expect((await call(getVersion, {})).device_id).toBe(n.deviceId);
    ids.add(n.deviceId);
  }
  expect(ids.size).toBe(3);
  // The unprefixed API is the first node's, as for one node.
  let session: string | null = null;
  const bare = createClient({ baseUrl: fleet.consoleUrl, getSession: () => session });
  session = await bare(login, { user_name: DEMO_USER, user_pwd: fleet.nodes[0]!.password });
  expect((await bare(getDeviceId, {})).device_id).toBe(fleet.nodes[0]!.deviceId);
  // Node 1's session means nothing to node 2.
  const second = createClient({ baseUrl: `${fleet.consoleUrl}/node/${fleet.nodes[1]!.id}`, getSession: () => session });
  await expect(second(getDeviceId, {})).rejects.toThrow();
});

test("each node's push socket through /node/<id>/ws/ carries that node's captures only", async () => {
  for (const n of emulators()) {
    const { call } = await through(n.id);
    const { key } = await call(getWsKey, {});
    const ws = new WebSocket(`${fleet.consoleUrl.replace(/^http/, 'ws')}/node/${n.id}/ws/`);
    const messages: Array<{ msg_id?: string; code?: number; data?: { device_id?: string; snap_id?: string } }> = [];
    ws.on('message', (m: Buffer) => messages.push(JSON.parse(m.toString()) as (typeof messages)[number]));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.send(JSON.stringify({ key, msg_id: '776' }));
    await expect.poll(() => messages.some((m) => m.code === 0 && m.msg_id !== '777')).toBe(true);
    const snapIds = await new WallDevice(n.url, call, n.faultToken!).capture(1);
    expect(snapIds.length).toBeGreaterThan(0);
    await expect
      .poll(() => messages.filter((m) => m.msg_id === '777').map((m) => m.data?.snap_id))
      .toEqual(expect.arrayContaining(snapIds));
    for (const m of messages.filter((x) => x.msg_id === '777')) expect(m.data?.device_id).toBe(n.deviceId);
    ws.close();
  }
});

/** A push socket to one node through the console's server, subscribed; its messages as they come. */
async function subscribe(id: string, key: string, query = '') {
  const ws = new WebSocket(`${fleet.consoleUrl.replace(/^http/, 'ws')}/node/${id}/ws/${query}`);
  const messages: Array<{ msg_id?: string; code?: number; data?: Record<string, unknown> }> = [];
  ws.on('message', (m: Buffer) => messages.push(JSON.parse(m.toString()) as (typeof messages)[number]));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ key, msg_id: '776' }));
  await expect.poll(() => messages.some((m) => m.code === 0 && m.msg_id !== '777')).toBe(true);
  return { ws, capture: (snapId: string) => messages.find((m) => m.msg_id === '777' && m.data?.snap_id === snapId)?.data };
}

test('a slim push socket (?slim=1) carries the capture without its scene frame, the same frame kept at its reference', async () => {
  const n = emulators()[1]!;
  const { call } = await through(n.id);
  const { key } = await call(getWsKey, {});
  const full = await subscribe(n.id, key);
  const slim = await subscribe(n.id, key, '?slim=1');
  const [snapId] = await new WallDevice(n.url, call, n.faultToken!).capture(2);
  await expect.poll(() => Boolean(full.capture(snapId!) && slim.capture(snapId!))).toBe(true);
  full.ws.close();
  slim.ws.close();
  const { snap_frame: frame, ...rest } = full.capture(snapId!)!;
  const { snap_frame: slimFrame, snap_frame_ref: ref, ...slimRest } = slim.capture(snapId!)!;
  expect(slimFrame).toBe('');
  // Every other field as the node sent it.
  expect(slimRest).toEqual(rest);
  const res = await fetch(`${fleet.consoleUrl}${String(ref)}`);
  expect(res.headers.get('content-type')).toBe('image/jpeg');
  expect(Buffer.from(await res.arrayBuffer()).toString('base64')).toBe(String(frame).replace(/^data:image\/jpeg;base64,/, ''));
});

test('a black-holed node holds up none of the others, and /healthz says which is down', async () => {
  const hole = fleet.nodes.find((n) => !n.emulator)!;
  // Requests and a socket to the black hole stay open all along.
  const aborts = new AbortController();
  const hung = Array.from({ length: 8 }, () =>
    fetch(`${fleet.consoleUrl}/node/${hole.id}/api/json`, { method: 'POST', body: '{"msg_id":"1281"}', signal: aborts.signal }).catch(
      () => null,
    ),
  );
  const holeWs = new WebSocket(`${fleet.consoleUrl.replace(/^http/, 'ws')}/node/${hole.id}/ws/`);
  holeWs.on('error', () => {});
  try {
    const started = performance.now();
    for (let round = 0; round < 3; round++) {
      for (const n of emulators()) {
        const { call } = await through(n.id);
        expect((await call(getDeviceId, {})).device_id).toBe(n.deviceId);
      }
    }
    // Nine logins and nine reads on loopback: seconds at worst on a busy machine, never the black hole's timeouts.
    expect(performance.now() - started).toBeLessThan(15_000);
    const health = (await (await fetch(`${fleet.consoleUrl}/healthz`)).json()) as { nodes: Array<{ id: string; reachable: boolean }> };
    expect(health.nodes.map((n) => [n.id, n.reachable])).toEqual(fleet.nodes.map((n) => [n.id, Boolean(n.emulator)]));
  } finally {
    aborts.abort();
    holeWs.terminate();
    await Promise.all(hung);
  }
});

test('the page, under the console CSP, reaches a node through its prefix (fetch and WebSocket)', async ({ page }) => {
  await page.goto(`${fleet.consoleUrl}/login`);
  const n = emulators()[2]!;
  const { call, session } = await through(n.id);
  const { key } = await call(getWsKey, {});
  const result = await page.evaluate(
    async ({ id, key, session }) => {
      const nodes = (await (await fetch('/console/nodes')).json()) as { nodes: Array<{ id: string }> };
      const info = (await (
        await fetch(`/node/${id}/api/json`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', sessionid: session ?? '' },
          body: JSON.stringify({ msg_id: '1301' }),
        })
      ).json()) as { data?: { device_id?: string } };
      const ack = await new Promise<string>((resolve) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/node/${id}/ws/`);
        ws.onopen = () => ws.send(JSON.stringify({ key, msg_id: '776' }));
        ws.onmessage = (e) => {
          resolve(String(e.data));
          ws.close();
        };
        ws.onerror = () => resolve('error');
      });
      return { ids: nodes.nodes.map((x) => x.id), deviceId: info.data?.device_id, ack };
    },
    { id: n.id, key, session },
  );
  expect(result.ids).toEqual(fleet.nodes.map((x) => x.id));
  expect(result.deviceId).toBe(n.deviceId);
  expect(JSON.parse(result.ack)).toMatchObject({ code: 0 });
});
