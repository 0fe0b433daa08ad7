import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../api/client';
import { createFleetLive, mergeAt, useFleetLiveStatus } from './fleet-live';
import type { LiveEvent } from './live-event';
import type { LiveSocket, LiveSocketDeps, LiveStatus } from './live-socket';
import { createLiveStore } from './live-store';
import { liveEvent } from './testing';

/** Sockets the test drives by hand: what each node's real socket would tell. */
function fakeSockets() {
  const made = new Map<string, { deps: LiveSocketDeps; running: boolean; resumed: number }>();
  const makeSocket = (deps: LiveSocketDeps): LiveSocket => {
    const node = deps.wsUrl();
    const s = { deps, running: false, resumed: 0 };
    made.set(node, s);
    return {
      start: () => void (s.running = true),
      stop: () => void (s.running = false),
      resume: () => {
        s.running = true;
        s.resumed++;
      },
      get status(): LiveStatus {
        return { state: 'live', reason: null, since: 0, retryAt: null, attempt: 0 };
      },
      get stats() {
        return { received: 0, malformed: 0, backfilled: 0, reconnects: 0, duplicates: 0, beyondBackfill: 0, recovered: 0 };
      },
    };
  };
  return { made, makeSocket };
}

const call = (() => Promise.reject(new Error('not here'))) as unknown as Call;
const deps = (node: string) => ({ call, wsUrl: () => node, fileBase: `/node/${node}` });
const at = (e: LiveEvent, ms: number): LiveEvent => ({ ...e, at: ms });
const status = (state: LiveStatus['state']): LiveStatus => ({ state, reason: null, since: 0, retryAt: null, attempt: 0 });

afterEach(() => useFleetLiveStatus.setState({}, true));

describe('the merged wall’s sockets', () => {
  it('keys alarms by node (the same snap id on two nodes is two alarms) and merges them by when they happened', () => {
    const store = createLiveStore({ schedule: () => () => {} });
    const { made, makeSocket } = fakeSockets();
    const fleet = createFleetLive({ store, transport: () => ({ send() {}, close() {} }), makeSocket });
    fleet.set(
      new Map([
        ['a', deps('a')],
        ['b', deps('b')],
      ]),
    );
    expect(made.get('a')!.resumed).toBe(1);

    made.get('a')!.deps.onEvent(at(liveEvent(1), 1000));
    made.get('b')!.deps.onEvent(at(liveEvent(1), 3000));
    made.get('a')!.deps.onEvent(at(liveEvent(2), 2000));
    store.getState().flush();
    expect(store.getState().alarms.map((x) => x.key)).toEqual(['b:snap-1', 'a:snap-2', 'a:snap-1']);
    // Acknowledged by key: node b's alarm of the same snap id stays waiting.
    store.getState().acknowledge('a:snap-1');
    expect(store.getState().alarms.find((x) => x.key === 'b:snap-1')!.acknowledged).toBe(false);
  });

  it("history pictures take their node's prefix", () => {
    const store = createLiveStore({ schedule: () => () => {} });
    const { made, makeSocket } = fakeSockets();
    createFleetLive({ store, transport: () => ({ send() {}, close() {} }), makeSocket }).set(new Map([['b', deps('b')]]));
    const e = liveEvent(1, { snap_buf: '' });
    made.get('b')!.deps.onEvent(e);
    store.getState().flush();
    expect(store.getState().alarms[0]!.snap).toEqual({ kind: 'device', path: e.snapPath, base: '/node/b' });
  });

  it("each node's state is its own; a node left out is stopped and the others go on", () => {
    const store = createLiveStore({ schedule: () => () => {} });
    const { made, makeSocket } = fakeSockets();
    const fleet = createFleetLive({ store, transport: () => ({ send() {}, close() {} }), makeSocket });
    fleet.set(
      new Map([
        ['a', deps('a')],
        ['b', deps('b')],
      ]),
    );
    made.get('a')!.deps.onStatus(status('live'));
    made.get('b')!.deps.onStatus(status('reconnecting'));
    expect(useFleetLiveStatus.getState().a!.status.state).toBe('live');
    expect(useFleetLiveStatus.getState().b!.status.state).toBe('reconnecting');
    fleet.set(new Map([['a', deps('a')]]));
    expect(made.get('b')!.running).toBe(false);
    expect(made.get('a')!.running).toBe(true);
    expect(useFleetLiveStatus.getState().b).toBeUndefined();
  });

  it('left and opened again, the wall keeps what it showed and each node’s socket resumes where it stopped (reading its gap)', () => {
    const store = createLiveStore({ schedule: () => () => {} });
    const { made, makeSocket } = fakeSockets();
    const fleet = createFleetLive({ store, transport: () => ({ send() {}, close() {} }), makeSocket });
    const both = () =>
      new Map([
        ['a', deps('a')],
        ['b', deps('b')],
      ]);
    fleet.set(both());
    const a = made.get('a')!;
    a.deps.onEvent(at(liveEvent(1), 1000));
    store.getState().flush();
    store.getState().acknowledge('a:snap-1');

    fleet.pause();
    expect(a.running).toBe(false);
    expect(made.get('b')!.running).toBe(false);

    fleet.set(both());
    // The same sockets (their place in each node's history), resumed: a second one made would start afresh.
    expect(made.get('a')).toBe(a);
    expect(a.running).toBe(true);
    expect(a.resumed).toBe(2);
    expect(made.get('b')!.resumed).toBe(2);
    expect(store.getState().alarms.map((x) => [x.key, x.acknowledged])).toEqual([['a:snap-1', true]]);
    // Chosen again without leaving: nothing read twice.
    fleet.set(both());
    expect(a.resumed).toBe(2);
  });

  it('places a live alarm at its arrival, within a second of slack around its trigger second; history alarms at their trigger', () => {
    expect(mergeAt({ at: 10_000, receivedAt: 10_400, backfilled: false })).toBe(10_400);
    // Another node's clock mapped a second off: arrival still orders them.
    expect(mergeAt({ at: 10_000, receivedAt: 11_600, backfilled: false })).toBe(11_600);
    expect(mergeAt({ at: 10_000, receivedAt: 9_300, backfilled: false })).toBe(9_300);
    // A push late beyond the slack goes by its trigger.
    expect(mergeAt({ at: 10_000, receivedAt: 15_000, backfilled: false })).toBe(11_999);
    expect(mergeAt({ at: 10_000, receivedAt: 7_000, backfilled: false })).toBe(9_000);
    expect(mergeAt({ at: 10_000, receivedAt: 10_400, backfilled: true })).toBe(10_000);
  });
});
