// The live stream when the device's clock steps (its zone set an hour ahead
// and corrected, NTP stepping it back): against the real emulator, its clock
// stepped through its fault route (POST /__emulator/clock), alarms stored in
// its history with the device's own time and pushed on its hub.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { insertRecord } from '../../emulator/store/records';
import { noEngine, startTestDevice, type TestDevice } from '../../emulator/testing';
import { createClient } from '../api/client';
import { login } from '../api/protocol/session';
import { connectLive } from './index';
import type { LiveSocket } from './live-socket';
import { createLiveStore, type LiveStore } from './live-store';
import { FACE_ATTR, JPEG, pushMessage, waitFor } from './testing';

describe('live stream when the device clock steps', () => {
  let dev: TestDevice;
  let store: LiveStore;
  let socket: LiveSocket;
  let session: string | null = null;

  const relogin = async () => {
    const call = createClient({ baseUrl: dev.url, getSession: () => null });
    session = await call(login, { user_name: dev.emulator.ctx.options.user, user_pwd: dev.emulator.ctx.options.password });
  };

  /** Through the emulator's fault route, as the e2e specs do. */
  async function stepClock(seconds: number): Promise<string> {
    const res = await fetch(`${dev.url}/__emulator/clock`, {
      method: 'POST',
      headers: { 'X-Emulator-Token': dev.emulator.faultToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ stepSeconds: seconds }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { time: string }).time;
  }

  /** An alarm the device records now, by its clock; pushed unless the push drops it. */
  function alarm(id: string, pushed = true): string {
    const trigger = dev.emulator.ctx.clock.format();
    insertRecord(dev.emulator.ctx, {
      kind: 'face',
      snap_id: id,
      channel: 1,
      camera_name: 'Gate',
      position: 'Hall',
      trigger,
      threshold: 80,
      quality: 90,
      candidate: {
        lib_id: 1,
        lib_name: 'Wanted',
        lib_type: 1,
        similarity: 91,
        face: {
          img_id: 'w-1',
          img_path: 'img/1_w-1.jpg',
          person_idcard: '',
          person_name: 'Someone',
          person_gender: '1',
          person_age: '40',
          person_addr: '',
          create_time: trigger,
        },
      },
      face_attr: FACE_ATTR,
      snap: JPEG,
    });
    if (pushed) dev.emulator.hub.broadcast(pushMessage(0, { snap_id: id, trigger, snap_path: `record/${id}.jpg` }));
    return id;
  }

  function start(opts: { auditMs?: number } = {}): void {
    socket = connectLive({
      call: createClient({ baseUrl: dev.url, getSession: () => session }),
      wsUrl: () => `${dev.url.replace(/^http/, 'ws')}/ws/`,
      WebSocketImpl: NodeWebSocket as unknown as typeof WebSocket,
      store,
      backoff: { initialMs: 50, maxMs: 300 },
      lifecycle: () => () => {},
      log: process.env.LIVE_LOG ? (m) => console.log(m) : undefined,
      auditMs: opts.auditMs ?? 0,
    });
    socket.start();
  }

  beforeEach(async () => {
    dev = await startTestDevice({}, { engine: noEngine });
    await relogin();
    store = createLiveStore({ flushMs: 5 });
  });
  afterEach(async () => {
    socket?.stop();
    await dev.close();
  });

  const live = () => store.getState().status.state === 'live';
  const ids = () => store.getState().alarms.map((a) => a.snapId);
  const has =
    (...want: string[]) =>
    () =>
      want.every((id) => ids().includes(id));
  /** The device's history settles (baseline, backfill) before the next drop. */
  const reconnected = async (n: number) => {
    await waitFor(() => socket.stats.reconnects >= n && live(), `reconnect ${n}`);
  };

  it('alarms recorded an hour ahead and corrected: later drops lose nothing and current alarms stay on top', async () => {
    start();
    await waitFor(live, 'live');
    alarm('now-1');
    await waitFor(has('now-1'), 'first alarm');

    await stepClock(3600);
    const ahead = Array.from({ length: 30 }, (_, i) => alarm(`ahead-${i}`));
    await waitFor(has(...ahead), 'the alarms of the hour ahead');
    await stepClock(-3600);
    alarm('now-2');
    await waitFor(has('now-2'), 'a current alarm');
    // The newest alarm, not the ones stamped an hour ahead, is on top.
    expect(ids()[0]).toBe('now-2');

    // Five drops, alarms recorded while the socket is down each time.
    const missed: string[] = [];
    for (let d = 1; d <= 5; d++) {
      dev.emulator.hub.dropAll();
      missed.push(alarm(`gap-${d}-a`, false), alarm(`gap-${d}-b`, false));
      await reconnected(d);
      await waitFor(has(...missed), `the alarms of drop ${d}`);
      missed.push(alarm(`live-${d}`));
      await waitFor(has(...missed), `live after drop ${d}`);
    }
    expect(ids()[0]).toBe('live-5');
    // Every alarm after the correction above every alarm of the hour ahead (same-second ones in either order).
    const current = ids().filter((id) => !id.startsWith('ahead-') && id !== 'now-1');
    expect(ids().slice(0, current.length).sort()).toEqual([...current].sort());
    // Nothing came twice, nothing of the hour ahead was "recovered".
    const alarms = store.getState().alarms;
    expect(store.getState().counters.duplicates).toBe(0);
    expect(alarms.filter((a) => a.snapId.startsWith('ahead-') && a.backfilled)).toEqual([]);
    expect(alarms.filter((a) => a.snapId.startsWith('gap-')).every((a) => a.backfilled)).toBe(true);
  });

  it('alarms stamped ahead in history before the console opened are not pulled in by a short drop', async () => {
    await stepClock(3600);
    for (let i = 0; i < 40; i++) alarm(`old-ahead-${i}`, false);
    await stepClock(-3600);
    start();
    await waitFor(live, 'live');
    // The baseline settles: both ends of history are read.
    await waitFor(() => socket.stats.reconnects === 0 && live(), 'live');
    alarm('now-1');
    await waitFor(has('now-1'), 'a current alarm');

    dev.emulator.hub.dropAll();
    alarm('gap-1', false);
    await reconnected(1);
    await waitFor(has('gap-1'), 'the alarm of the drop');
    // A later alarm after reconnecting, so any backfill has finished before we look.
    alarm('now-2');
    await waitFor(has('now-2'), 'live again');
    expect(ids()).toEqual(['now-2', 'gap-1', 'now-1']);
    expect(store.getState().alarms.find((a) => a.snapId === 'gap-1')?.backfilled).toBe(true);
  });

  it('the clock stepped back while the socket was down: a restart and a sign-in later, every alarm of the outage is there', async () => {
    start();
    await waitFor(live, 'live');
    alarm('now-1');
    await waitFor(has('now-1'), 'first alarm');
    await stepClock(3600);
    const ahead = Array.from({ length: 5 }, (_, i) => alarm(`ahead-${i}`));
    await waitFor(has(...ahead), 'the alarms of the hour ahead');

    await dev.emulator.restart(0.2);
    // Corrected while the device was away; it records on.
    await stepClock(-3600);
    const outage = Array.from({ length: 6 }, (_, i) => alarm(`outage-${i}`, false));
    await waitFor(() => store.getState().status.state === 'refused', 'refused');
    await relogin();
    socket.resume();
    await waitFor(has(...outage), 'the outage backfilled after sign-in');
    alarm('now-2');
    await waitFor(has('now-2'), 'live again');
    // Within the second of the correction, the outage and the hour ahead have no order to keep; the next alarm is on top.
    expect(ids()[0]).toBe('now-2');
    expect(store.getState().counters.duplicates).toBe(0);
    expect(
      store
        .getState()
        .alarms.filter((a) => outage.includes(a.snapId))
        .every((a) => a.backfilled),
    ).toBe(true);
  });

  it('the clock stepped back while live: pushes the device drops afterwards are found by the check', async () => {
    start({ auditMs: 100 });
    await waitFor(live, 'live');
    await stepClock(3600);
    alarm('ahead-1');
    await waitFor(has('ahead-1'), 'an alarm of the hour ahead');
    await stepClock(-3600);
    alarm('after-1');
    // The step is seen (the push far behind the clock, confirmed by 1283) and its span read: ahead-1 again, a duplicate.
    await waitFor(() => socket.stats.duplicates >= 1, 'the step read from history');
    const dropped = [alarm('after-2', false), alarm('after-4', false)];
    alarm('after-3');
    alarm('after-5');
    // The check leaves out the device's last 5 s: it finds them some seconds later.
    await waitFor(has(...dropped), 'the pushes the device dropped');
    expect(socket.stats.recovered).toBe(2);
    expect(ids().slice(0, 5).sort()).toEqual(['after-1', 'after-2', 'after-3', 'after-4', 'after-5']);
    expect(ids()[5]).toBe('ahead-1');
  });
});
