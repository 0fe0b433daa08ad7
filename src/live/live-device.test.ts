// The live stream end to end against the real emulator: its key (1286), its
// WebSocket hub, its alarm history (1036) and its restart, through the
// console's own client, into the live store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { insertRecord } from '../../emulator/store/records';
import { noEngine, startTestDevice, type TestDevice } from '../../emulator/testing';
import { createClient } from '../api/client';
import { login } from '../api/protocol/session';
import { pictureSrc } from './live-event';
import { connectLive } from './index';
import type { LiveSocket } from './live-socket';
import { createLiveStore, type LiveStore } from './live-store';
import { FACE_ATTR, JPEG, pushMessage, T0, waitFor } from './testing';

/** A second later on the device (its clock stepped through the fault route), so the alarms of a test do not share a second. */
async function tick(dev: TestDevice): Promise<void> {
  const res = await fetch(`${dev.url}/__emulator/clock`, {
    method: 'POST',
    headers: { 'X-Emulator-Token': dev.emulator.faultToken, 'Content-Type': 'application/json' },
    body: JSON.stringify({ stepSeconds: 1 }),
  });
  // A refused step would leave two alarms in one second without saying so.
  if (!res.ok) throw new Error(`the clock step was refused: HTTP ${res.status}`);
}

/** An alarm (similarity over the threshold) recorded on the device now, by its clock. */
function recordAlarm(dev: TestDevice, n: number, similarity = 91): string {
  return insertRecord(dev.emulator.ctx, {
    kind: 'face',
    snap_id: `rec-${n}`,
    channel: 1,
    camera_name: 'Gate',
    position: 'Hall',
    trigger: dev.emulator.ctx.clock.format(),
    threshold: 80,
    quality: 90,
    candidate: {
      lib_id: 1,
      lib_name: 'Wanted',
      lib_type: 1,
      similarity,
      face: {
        img_id: 'w-1',
        img_path: 'img/1_w-1.jpg',
        person_idcard: '',
        person_name: 'Someone',
        person_gender: '1',
        person_age: '40',
        person_addr: '',
        create_time: T0,
      },
    },
    face_attr: FACE_ATTR,
    snap: JPEG,
  }).snap_id;
}

describe('live stream against the emulator', () => {
  let dev: TestDevice;
  let store: LiveStore;
  let socket: LiveSocket;
  let session: string | null = null;

  const relogin = async () => {
    const call = createClient({ baseUrl: dev.url, getSession: () => null });
    session = await call(login, { user_name: dev.emulator.ctx.options.user, user_pwd: dev.emulator.ctx.options.password });
  };

  beforeEach(async () => {
    dev = await startTestDevice({}, { engine: noEngine });
    await relogin();
    store = createLiveStore({ flushMs: 10 });
    socket = connectLive({
      call: createClient({ baseUrl: dev.url, getSession: () => session }),
      wsUrl: () => `${dev.url.replace(/^http/, 'ws')}/ws/`,
      WebSocketImpl: NodeWebSocket as unknown as typeof WebSocket,
      store,
      backoff: { initialMs: 50, maxMs: 300 },
      lifecycle: () => () => {},
      log: process.env.LIVE_LOG ? (m) => console.log(m) : undefined,
    });
  });
  afterEach(async () => {
    socket.stop();
    await dev.close();
  });

  const live = () => store.getState().status.state === 'live';
  const ids = () => store.getState().alarms.map((a) => a.snapId);

  it('pushes into the store, and after a dropped socket backfills the missed alarms from 1036', async () => {
    socket.start();
    await waitFor(live, 'live');
    dev.emulator.hub.broadcast(pushMessage(1, { trigger: dev.emulator.ctx.clock.format() }));
    await waitFor(() => ids().length === 1, 'the pushed alarm');

    dev.emulator.hub.dropAll();
    await tick(dev);
    recordAlarm(dev, 2);
    await tick(dev);
    recordAlarm(dev, 3);
    recordAlarm(dev, 4, 40); // a near miss: a snapshot, not an alarm
    await waitFor(() => ids().length === 3, 'the backfilled alarms');

    expect(ids()).toEqual(['rec-3', 'rec-2', 'snap-1']);
    const [newest] = store.getState().alarms;
    expect(newest).toMatchObject({ backfilled: true, snap: { kind: 'device' }, match: { libName: 'Wanted', similarity: 91 } });
    // History pictures come from the device at /ws/<path>.
    const res = await fetch(pictureSrc(newest!.snap, dev.url)!);
    expect(res.status).toBe(200);
    expect(store.getState().counters).toMatchObject({ received: 1, backfilled: 2, reconnects: 1 });
  });

  it('a device restart loses the session: refused -141 until the app logs in again and resumes', async () => {
    socket.start();
    await waitFor(live, 'live');
    dev.emulator.hub.broadcast(pushMessage(1, { trigger: dev.emulator.ctx.clock.format() }));
    await waitFor(() => ids().length === 1, 'the pushed alarm');

    await dev.emulator.restart(0.2);
    await tick(dev);
    recordAlarm(dev, 5);
    await waitFor(() => store.getState().status.state === 'refused', 'refused');
    expect(store.getState().status.reason).toEqual({ type: 'device', code: -141 });

    await relogin();
    socket.resume();
    await waitFor(() => ids().length === 2, 'backfilled after login');
    expect(live()).toBe(true);
    expect(ids()).toEqual(['rec-5', 'snap-1']);
  });
});
