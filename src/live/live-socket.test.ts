// The live socket against the emulator's own WebSocket hub (emulator/push/ws.ts)
// on a real `ws` server, with a stub device for 1286 and 1036 that checks each
// request against the protocol's schema, as the client would.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, WebSocket as NodeWebSocket } from 'ws';
import { WsHub } from '../../emulator/push/ws';
import { ErrorCode } from '../api/protocol/error-codes';
import type { Call } from '../api/client';
import { DeviceError } from '../api/errors';
import type { Operation } from '../api/protocol/operation';
import { getWsKey } from '../api/protocol/push';
import { queryAlarms, type AlarmRecord } from '../api/protocol/records';
import type { LiveEvent } from './live-event';
import { backoffDelay, createLiveSocket, type LiveSignal, type LiveSocket, type LiveSocketDeps, type LiveStatus } from './live-socket';
import { historyRecord, pushMessage, T0 } from './testing';
import { shiftDeviceTime } from './live-event';

const WebSocketImpl = NodeWebSocket as unknown as typeof WebSocket;

interface FakeDevice {
  hub: WsHub;
  wss: WebSocketServer;
  url: string;
  call: Call;
  /** What the hub accepts. */
  key: string;
  /** What 1286 answers. */
  keyAnswer: string;
  /** When set, 1286 answers this code. */
  keyError: number | null;
  history: AlarmRecord[];
  /** How 1036 sorts (§3.16 does not say): the emulator answers newest first. */
  oldestFirst: boolean;
  /** Runs before each 1036 answer: the device storing alarms while the console pages. */
  beforeQuery: (() => void | Promise<void>) | null;
  requests: Array<{ msgId: string; req: Record<string, unknown> }>;
  close(): Promise<void>;
}

async function fakeDevice(): Promise<FakeDevice> {
  const server = http.createServer();
  const wss = new WebSocketServer({ server, path: '/ws/' });
  const device: FakeDevice = {
    hub: new WsHub(() => device.key, () => {}),
    wss,
    url: '',
    key: 'key-1',
    keyAnswer: 'key-1',
    keyError: null,
    history: [],
    oldestFirst: false,
    beforeQuery: null,
    requests: [],
    call: (async (op: Operation, req: unknown) => {
      const parsed = op.request.parse(req) as Record<string, unknown>;
      device.requests.push({ msgId: op.msgId, req: parsed });
      if (op.msgId === getWsKey.msgId) {
        if (device.keyError !== null) throw new DeviceError(device.keyError, '', op.name);
        return op.answer.parse({ key: device.keyAnswer });
      }
      if (op.msgId === queryAlarms.msgId) {
        await device.beforeQuery?.();
        const start = (parsed.start_time as string | undefined) ?? '';
        // §3.16's bounds, both inclusive (as the emulator reads them).
        const stop = (parsed.stop_time as string | undefined) ?? '9999';
        const rows = device.history
          .filter((r) => r.trigger >= start && r.trigger <= stop)
          .sort((a, b) => (a.trigger < b.trigger ? 1 : -1) * (device.oldestFirst ? -1 : 1));
        const from = ((parsed.start_no as number | undefined) ?? 1) - 1;
        const len = (parsed.qry_len as number | undefined) ?? 10;
        const record = rows.slice(from, from + len);
        return op.answer.parse({ record, result_num: record.length, total_num: rows.length });
      }
      throw new Error(`unexpected ${op.msgId}`);
    }) as Call,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  wss.on('connection', (ws) => device.hub.accept(ws));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  device.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws/`;
  return device;
}

async function waitFor(cond: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface Harness {
  device: FakeDevice;
  socket: LiveSocket;
  events: LiveEvent[];
  statuses: LiveStatus[];
  /** Milliseconds from each status to its retryAt, measured when told. */
  delays: number[];
  signal: (s: LiveSignal) => void;
}

async function harness(opts: Partial<LiveSocketDeps> = {}, device?: FakeDevice): Promise<Harness> {
  const dev = device ?? (await fakeDevice());
  const events: LiveEvent[] = [];
  const statuses: LiveStatus[] = [];
  const delays: number[] = [];
  let signal: (s: LiveSignal) => void = () => {};
  const socket = createLiveSocket({
    call: dev.call,
    wsUrl: () => dev.url,
    WebSocketImpl,
    onEvent: (e) => events.push(e),
    onStatus: (s) => {
      statuses.push(s);
      if (s.retryAt !== null) delays.push(s.retryAt - (opts.now ?? Date.now)());
    },
    lifecycle: (sig) => {
      signal = sig;
      return () => {};
    },
    backoff: { initialMs: 20, maxMs: 200 },
    random: () => 0.5,
    ...opts,
  });
  cleanups.push(() => dev.close());
  cleanups.push(() => socket.stop());
  return { device: dev, socket, events, statuses, delays, signal: (s) => signal(s) };
}

const state = (h: Harness) => h.socket.status.state;

/** Live, with the check against history every 40 ms, one alarm seen and the check's window begun after it. */
async function liveWithCheck(opts: Partial<LiveSocketDeps> = {}): Promise<Harness> {
  const h = await harness({ auditMs: 40, ...opts });
  h.socket.start();
  await waitFor(() => state(h) === 'live', 'live');
  h.device.hub.broadcast(pushMessage(0));
  await waitFor(() => h.events.length === 1, 'first event');
  await new Promise((r) => setTimeout(r, 100));
  return h;
}

describe('live socket', () => {
  it('backoff: 1 s doubling to 30 s, jittered ±25 %', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, undefined, () => 0.5))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(backoffDelay(0, undefined, () => 0)).toBe(750);
    expect(backoffDelay(2, undefined, () => 0.999)).toBeLessThanOrEqual(5000);
    expect(backoffDelay(10, undefined, () => 0.999)).toBe(30000);
  });

  it('subscribes with the key from 1286, goes live on the ack and parses captures', async () => {
    const h = await harness();
    h.socket.start();
    await waitFor(() => state(h) === 'live', 'live');
    expect(h.statuses.map((s) => s.state)).toEqual(['connecting', 'live']);
    expect(h.device.hub.stats().subscribers).toBe(1);

    h.device.hub.broadcast(pushMessage(1));
    h.device.hub.broadcast(pushMessage(2, { img: -1, similarity: -1, lib_id: 0, img_path: '' }));
    h.device.hub.broadcast(
      pushMessage(3, { obj_label: 2, face_attr: undefined, body_attr: { coat_color: 'red', st_bag: 'st_bag' } }),
    );
    await waitFor(() => h.events.length === 3, 'three events');

    const [matched, unknown, body] = h.events;
    expect(matched).toMatchObject({
      kind: 'face',
      snapId: 'snap-1',
      trigger: shiftDeviceTime(T0, 1),
      backfilled: false,
      deviceId: 'dev-1',
      snap: { kind: 'inline' },
      frame: { kind: 'inline' },
      box: { top: 10, bottom: 110, left: 20, right: 120 },
      faceAttr: { gender_code: 'female', st_age_value: '26.000000' },
      match: { libId: 1, similarity: 88, photo: { kind: 'inline' }, person: { name: 'person 1' } },
    });
    expect(matched?.snap).toEqual({ kind: 'inline', dataUrl: expect.stringMatching(/^data:image\/jpeg;base64,/) });
    expect(unknown).toMatchObject({ kind: 'face', match: null });
    expect(body).toMatchObject({ kind: 'body', bodyAttr: { coat_color: 'red', st_bag: 'st_bag' } });
    expect(h.socket.stats).toMatchObject({ received: 3, malformed: 0, backfilled: 0, reconnects: 0 });
  });

  it('skips and counts malformed messages without dropping the socket', async () => {
    const h = await harness();
    h.socket.start();
    await waitFor(() => state(h) === 'live', 'live');
    const [client] = [...h.device.wss.clients];
    client!.send('not json');
    client!.send(JSON.stringify({ code: 0, msg: '', msg_id: '777', data: { snap_id: 42 } }));
    client!.send(Buffer.from([1, 2, 3]), { binary: true });
    client!.send(JSON.stringify({ code: 0, msg: '' }));
    client!.send(JSON.stringify({ ...pushMessage(1), data: { ...pushMessage(1).data, obj_label: 3 } }));
    h.device.hub.broadcast(pushMessage(2));
    await waitFor(() => h.events.length === 1, 'the good event');
    expect(h.events[0]?.snapId).toBe('snap-2');
    expect(h.socket.stats.malformed).toBe(5);
    expect(state(h)).toBe('live');
  });

  it('wrong key: fetches a fresh key once, then stays refused and retries with backoff', async () => {
    const h = await harness();
    h.device.key = 'right';
    h.device.keyAnswer = 'wrong';
    h.socket.start();
    await waitFor(() => state(h) === 'refused', 'refused');
    expect(h.socket.status.reason).toEqual({ type: 'device', code: ErrorCode.NO_PERMISSION });
    expect(h.device.requests.filter((r) => r.msgId === '1286')).toHaveLength(2);
    expect(h.delays[0]).toBeGreaterThanOrEqual(18);

    // Retries keep the refusal on show (no flicker to connecting), with growing delays.
    await waitFor(() => h.device.requests.filter((r) => r.msgId === '1286').length >= 6, 'two more attempts');
    expect(h.statuses.every((s) => s.state === 'connecting' || s.state === 'refused')).toBe(true);
    expect(h.delays[1]!).toBeGreaterThan(h.delays[0]! + 10);

    h.device.keyAnswer = 'right';
    await waitFor(() => state(h) === 'live', 'live with the right key', 3000);
    expect(h.socket.status.attempt).toBe(0);
  });

  it('device unreachable: offline, retried with delays doubling to the cap', async () => {
    const h = await harness();
    await h.device.close();
    h.socket.start();
    await waitFor(() => h.delays.length >= 6, 'six attempts', 5000);
    expect(state(h)).toBe('offline');
    expect(h.socket.status.reason).toEqual({ type: 'close', code: 1006 });
    const rounded = h.delays.slice(0, 6).map((d) => Math.round(d / 10) * 10);
    expect(rounded).toEqual([20, 40, 80, 160, 200, 200]);
  });

  it('a dropped socket reconnects with backoff and backfills the missed alarms once each, in order', async () => {
    const h = await harness();
    // Older history that is not a gap, and must not come back.
    h.device.history.push(historyRecord(-100));
    h.socket.start();
    await waitFor(() => state(h) === 'live', 'live');
    h.device.hub.broadcast(pushMessage(0));
    await waitFor(() => h.events.length === 1, 'first event');

    // While the socket is down the device records 120 alarms (three pages), one in the same second as the last seen.
    h.device.history.push(historyRecord(0));
    for (let i = 0; i < 120; i++) h.device.history.push(historyRecord(i, i === 0 ? { snap_id: 'same-second', snap_path: 'record/same-second.jpg' } : {}));
    const before = h.statuses.length;
    h.device.hub.dropAll();

    await waitFor(() => h.events.length === 121, 'backfilled events');
    const after = h.statuses.slice(before);
    expect(after.map((s) => s.state)).toEqual(['reconnecting', 'live']);
    expect(after[0]?.reason).toEqual({ type: 'close', code: 1006 });
    expect(h.delays.at(-1)).toBeGreaterThanOrEqual(15);

    const backfilled = h.events.slice(1);
    expect(backfilled.every((e) => e.backfilled)).toBe(true);
    expect(new Set(h.events.map((e) => e.snapId)).size).toBe(121);
    expect(backfilled.map((e) => e.trigger)).toEqual(backfilled.map((e) => e.trigger).sort());
    expect(backfilled[0]).toMatchObject({
      snapId: 'same-second',
      snap: { kind: 'device', path: 'record/same-second.jpg' },
      match: { photo: { kind: 'device', path: 'img/1_img-0.jpg' } },
    });
    expect(h.socket.stats).toMatchObject({ received: 1, backfilled: 120, reconnects: 1 });

    const queries = h.device.requests.filter((r) => r.msgId === '1036' && r.req.qry_len === 50);
    expect(queries.map((q) => q.req.start_no)).toEqual([1, 51, 101]);
    expect(queries.every((q) => q.req.start_time === shiftDeviceTime(T0, -1))).toBe(true);

    // Live again: the push carries on, and a second drop with nothing missed adds nothing.
    h.device.hub.broadcast(pushMessage(500));
    await waitFor(() => h.events.length === 122, 'live after backfill');
    h.device.hub.dropAll();
    await waitFor(() => h.socket.stats.reconnects === 2, 'second reconnect');
    await waitFor(() => h.device.requests.filter((r) => r.msgId === '1036').length === 5, 'second backfill');
    await new Promise((r) => setTimeout(r, 50));
    expect(h.events).toHaveLength(122);
  });

  it('a gap that opens while a backfill pages is read from where it began, not from the first gap again', async () => {
    const h = await harness({ auditMs: 0 });
    h.socket.start();
    await waitFor(() => state(h) === 'live', 'live');
    h.device.hub.broadcast(pushMessage(0));
    await waitFor(() => h.events.length === 1, 'first event');
    for (let i = 1; i <= 10; i++) h.device.history.push(historyRecord(i));
    let firstQuery = true;
    h.device.beforeQuery = async () => {
      if (!firstQuery) return;
      firstQuery = false;
      // While the first backfill pages, alarm 30 comes live, then the next gap opens.
      h.device.hub.broadcast(pushMessage(30));
      await waitFor(() => h.events.some((e) => e.snapId === 'snap-30'), 'alarm 30 live');
      h.device.history.push(historyRecord(31));
      h.socket.resume();
    };
    h.socket.resume();
    await waitFor(() => h.events.some((e) => e.snapId === 'snap-31'), 'the second gap backfilled');
    const starts = h.device.requests.filter((r) => r.msgId === '1036' && r.req.qry_len === 50).map((r) => r.req.start_time);
    expect(starts).toEqual([shiftDeviceTime(T0, -1), shiftDeviceTime(T0, 29)]);
    expect(h.events.map((e) => e.snapId).sort()).toEqual(['snap-0', ...Array.from({ length: 10 }, (_, i) => `snap-${i + 1}`), 'snap-30', 'snap-31'].sort());
  });

  it('alarms the device stored but never pushed, the socket up all along, are found by the check and passed on once', async () => {
    const h = await liveWithCheck();

    // Alarms 1-20 are stored; the push delivers only the odd ones (a slow subscriber's drops), a stranger and a body
    // (not alarms: 1036 does not hold them), then alarms 21-30.
    for (let i = 1; i <= 30; i++) {
      h.device.history.push(historyRecord(i));
      if (i > 20 || i % 2 === 1) h.device.hub.broadcast(pushMessage(i));
    }
    h.device.hub.broadcast(pushMessage(31, { img: -1, similarity: -1, lib_id: 0, img_path: '', snap_id: 'stranger' }));
    h.device.hub.broadcast(pushMessage(32, { obj_label: 2, face_attr: undefined, body_attr: { coat_color: 'red' }, snap_id: 'body' }));
    await waitFor(() => h.socket.stats.recovered === 10, 'the ten alarms the push dropped');

    const recovered = h.events.filter((e) => e.backfilled);
    expect(recovered.map((e) => e.snapId).sort()).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20].map((n) => `snap-${n}`).sort());
    expect(new Set(h.events.map((e) => e.snapId)).size).toBe(h.events.length);
    expect(h.socket.status.state).toBe('live');

    // Later checks find nothing missing: single-row questions, nothing passed on twice.
    const before = h.device.requests.length;
    await new Promise((r) => setTimeout(r, 300));
    const later = h.device.requests.slice(before).filter((r) => r.msgId === '1036');
    expect(later.every((r) => r.req.qry_len === 1)).toBe(true);
    expect(h.socket.stats.recovered).toBe(10);
    expect(h.events).toHaveLength(33);
  });

  it('the last alarms of a burst that the push dropped are found once the node has been quiet a while', async () => {
    let skew = 0;
    const h = await liveWithCheck({ now: () => Date.now() + skew });
    // The burst ends with two drops, and nothing comes after it.
    for (let i = 1; i <= 6; i++) {
      h.device.history.push(historyRecord(i));
      if (i <= 4) h.device.hub.broadcast(pushMessage(i));
    }
    await waitFor(() => h.events.length === 5, 'the four delivered');
    await new Promise((r) => setTimeout(r, 150));
    // Within five seconds of the newest alarm, the check does not look at its last seconds yet.
    expect(h.socket.stats.recovered).toBe(0);
    skew = 8000;
    await waitFor(() => h.socket.stats.recovered === 2, 'the two dropped at the end');
    expect(h.events.slice(-2).map((e) => [e.snapId, e.backfilled])).toEqual([
      ['snap-5', true],
      ['snap-6', true],
    ]);
    // Long quiet: nothing more is asked.
    skew = 60_000;
    await new Promise((r) => setTimeout(r, 100));
    const asked = h.device.requests.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(h.device.requests.length).toBe(asked);
  });

  it('the check asks one row per window and reads nothing when the push missed nothing', async () => {
    const h = await liveWithCheck();
    for (let i = 1; i <= 20; i++) {
      h.device.history.push(historyRecord(i));
      h.device.hub.broadcast(pushMessage(i));
    }
    await waitFor(() => h.events.length === 21, 'all pushed');
    await waitFor(
      () => h.device.requests.some((r) => r.msgId === '1036' && r.req.stop_time === shiftDeviceTime(T0, 20 - 5)),
      'a check up to five seconds before the newest alarm',
    );
    await new Promise((r) => setTimeout(r, 200));
    const checks = h.device.requests.filter((r) => r.msgId === '1036');
    expect(checks.every((r) => r.req.qry_len === 1)).toBe(true);
    // Windows follow each other: each starts a second after the last one stopped.
    const windows = checks.filter((r) => r.req.stop_time).map((r) => [r.req.start_time, r.req.stop_time] as const);
    expect(windows[0]![0]).toBe(shiftDeviceTime(T0, 1));
    for (let i = 1; i < windows.length; i++) expect(windows[i]![0]).toBe(shiftDeviceTime(windows[i - 1]![1] as string, 1));
    expect(h.socket.stats).toMatchObject({ recovered: 0, backfilled: 0, duplicates: 0 });
  });

  it('alarms stored while the backfill pages (newest first, so the list shifts) do not push the gap\'s oldest out of reach', async () => {
    const h = await harness();
    h.socket.start();
    await waitFor(() => state(h) === 'live', 'live');
    h.device.hub.broadcast(pushMessage(0));
    await waitFor(() => h.events.length === 1, 'first event');

    // 140 missed: with the 5 stored before the first page, 145 listed, so three
    // pages reach start_no 101; by then 155 are listed and the oldest are past 150.
    for (let i = 1; i <= 140; i++) h.device.history.push(historyRecord(i));
    let next = 141;
    // Five new alarms land on top of the list before each page is read.
    h.device.beforeQuery = () => {
      for (let k = 0; k < 5; k++) h.device.history.push(historyRecord(next++));
    };
    h.device.hub.dropAll();
    await waitFor(() => h.events.some((e) => e.snapId === 'snap-1'), 'the oldest of the gap');
    h.device.beforeQuery = null;
    const got = new Set(h.events.map((e) => e.snapId));
    for (let i = 1; i <= 140; i++) expect(got.has(`snap-${i}`)).toBe(true);
  });

  for (const oldestFirst of [false, true]) {
    it(`a gap longer than the backfill's budget brings back its newest alarms and counts the rest (${oldestFirst ? 'oldest' : 'newest'} first)`, async () => {
      const h = await harness({ maxBackfillPages: 2 });
      h.device.oldestFirst = oldestFirst;
      h.socket.start();
      await waitFor(() => state(h) === 'live', 'live');
      h.device.hub.broadcast(pushMessage(0));
      await waitFor(() => h.events.length === 1, 'first event');

      for (let i = 1; i <= 130; i++) h.device.history.push(historyRecord(i));
      h.device.hub.dropAll();
      await waitFor(() => h.socket.stats.beyondBackfill === 30, 'the count of what was left');
      await waitFor(() => h.events.length === 101, 'the newest hundred');
      // The newest 100 of the gap (seconds 31-130), oldest first, and none older.
      expect(h.events.slice(1).map((e) => e.trigger)).toEqual(Array.from({ length: 100 }, (_, i) => shiftDeviceTime(T0, 31 + i)));
      const pages = h.device.requests.filter((r) => r.msgId === '1036' && r.req.qry_len === 50).map((r) => r.req.start_no);
      expect(pages).toEqual(oldestFirst ? [1, 31, 81] : [1, 51]);
    });
  }

  it('session expiry: refused with -141, then resume() after login reconnects at once and backfills', async () => {
    const h = await harness({ backoff: { initialMs: 60_000, maxMs: 60_000 } });
    h.socket.start();
    await waitFor(() => state(h) === 'live', 'live');
    h.device.hub.broadcast(pushMessage(0));
    await waitFor(() => h.events.length === 1, 'first event');

    h.device.keyError = -141;
    h.device.hub.dropAll();
    // The first retry is a minute away: make it now, as a login would.
    await waitFor(() => state(h) === 'reconnecting', 'reconnecting');
    h.socket.resume();
    await waitFor(() => state(h) === 'refused', 'refused');
    expect(h.socket.status.reason).toEqual({ type: 'device', code: -141 });

    h.device.history.push(historyRecord(5));
    h.device.keyError = null;
    h.socket.resume();
    await waitFor(() => h.events.length === 2, 'backfilled after resume', 2000);
    expect(state(h)).toBe('live');
    expect(h.events[1]).toMatchObject({ snapId: 'snap-5', backfilled: true });
  });

  it('sleep: a timer tick far too late reconnects and backfills', async () => {
    let skew = 0;
    const h = await harness({ now: () => Date.now() + skew, driftCheckMs: 20, sleepGapMs: 1000 });
    h.socket.start();
    await waitFor(() => state(h) === 'live', 'live');
    h.device.hub.broadcast(pushMessage(0));
    await waitFor(() => h.events.length === 1, 'first event');

    h.device.history.push(historyRecord(30));
    skew += 60_000;
    await waitFor(() => h.events.length === 2, 'backfill after sleep');
    expect(h.statuses.some((s) => s.state === 'reconnecting' && s.reason?.type === 'sleep')).toBe(true);
    expect(h.events[1]).toMatchObject({ snapId: 'snap-30', backfilled: true });
    expect(state(h)).toBe('live');

    // A long-hidden tab that comes back asks history too, without reconnecting.
    const reconnects = h.socket.stats.reconnects;
    h.signal('hidden');
    skew += 120_000;
    await new Promise((r) => setTimeout(r, 60));
    expect(state(h)).toBe('live');
    h.device.history.push(historyRecord(200));
    h.signal('visible');
    await waitFor(() => h.events.length === 3, 'backfill after visible');
    expect(h.socket.stats.reconnects).toBe(reconnects);
  });

  it('a gap before any alarm was seen is backfilled from the history baseline', async () => {
    const h = await harness();
    h.device.history.push(historyRecord(1), historyRecord(2));
    h.socket.start();
    await waitFor(() => state(h) === 'live', 'live');
    await waitFor(() => h.device.requests.filter((r) => r.msgId === '1036').length === 2, 'baseline');
    h.device.history.push(historyRecord(3));
    h.device.hub.dropAll();
    await waitFor(() => h.events.length === 1, 'the missed alarm');
    expect(h.events[0]).toMatchObject({ snapId: 'snap-3', backfilled: true });
  });

  it('a socket that opens but never acks is retried', async () => {
    const h = await harness({ ackTimeoutMs: 50 });
    h.device.wss.removeAllListeners('connection');
    h.socket.start();
    await waitFor(() => h.statuses.some((s) => s.reason?.type === 'ack-timeout'), 'ack timeout');
    expect(state(h)).toBe('reconnecting');
    h.device.wss.on('connection', (ws) => h.device.hub.accept(ws));
    await waitFor(() => state(h) === 'live', 'live once the device answers');
  });

  it('the browser coming back online retries at once instead of waiting out the backoff', async () => {
    const h = await harness({ backoff: { initialMs: 60_000, maxMs: 60_000 } });
    h.device.keyError = -1; // any failure: the first retry is a minute away
    h.socket.start();
    await waitFor(() => state(h) === 'refused', 'refused');
    h.device.keyError = null;
    h.signal('online');
    await waitFor(() => state(h) === 'live', 'live');
  });

  it('stop() closes the socket and says stopped', async () => {
    const h = await harness();
    h.socket.start();
    await waitFor(() => state(h) === 'live', 'live');
    h.socket.stop();
    expect(state(h)).toBe('stopped');
    await waitFor(() => h.device.hub.stats().subscribers === 0, 'unsubscribed');
    h.device.hub.broadcast(pushMessage(1));
    await new Promise((r) => setTimeout(r, 30));
    expect(h.events).toHaveLength(0);
  });
});
