// The merged wall's streams (fleet mode, docs/fleet-console.md): one live
// socket per chosen node, each exactly the one-node socket (its own key, its
// own device clock, its own gap recovery and check against that node's
// history, with that node's client and session), all in ONE push worker, all
// feeding one store. Each alarm carries its node; the store keys it
// `<node>:<snap_id>` and orders by `at`, which each node's own clock maps onto
// this browser's timeline, so alarms of nodes whose clocks differ (or step)
// merge by when they happened. A node down, slow or signed out only changes
// its own status: the others go on.
import { create } from 'zustand';
import type { Call } from '../api/client';
import { createLiveStore, type LiveStore } from './live-store';
import type { LiveEvent, LivePicture } from './live-event';
import { createLiveSocket, type LiveSocket, type LiveSocketStats, type LiveStatus } from './live-socket';
import { browserTransport } from './push-browser';
import type { OpenTransport } from './push-transport';

/** The merged wall's buffer: alarms of every chosen node (a wall of several nodes keeps more). */
export const fleetLiveStore: LiveStore = createLiveStore({ capacity: 1000 });

export interface FleetNodeLive {
  readonly status: LiveStatus;
  readonly stats: LiveSocketStats | null;
}

/** Each chosen node's stream state, for the wall's node strip. */
export const useFleetLiveStatus = create<Readonly<Record<string, FleetNodeLive>>>()(() => ({}));

export interface FleetNodeDeps {
  call: Call;
  wsUrl: () => string;
  /** The node's prefix for its files (/node/<id>): a history alarm's pictures are paths on its node. */
  fileBase: string;
}

function rebase(p: LivePicture | null, base: string): LivePicture | null {
  return p?.kind === 'device' ? { ...p, base } : p;
}

/**
 * Each node's clock is mapped onto ours from whole-second device times, so two
 * nodes' mappings can be a second apart: arrival within that slack orders live
 * alarms of different nodes better than their mapped triggers do.
 */
const CLOCK_SLACK_MS = 1000;

/**
 * Where a live alarm goes among other nodes' alarms. Triggers are whole
 * seconds and each node's clock is mapped with up to a second's error, so by
 * mapped trigger a new alarm of one node could land below a second of other
 * nodes' alarms, off screen (at 8 × 20/s the bench painted half of them). A
 * live alarm is placed at its arrival, held within its trigger's second widened
 * by the slack: a push late beyond that goes by its trigger. Per node both
 * bounds and arrival only move forward, so each node's alarms stay in trigger
 * order. History alarms go by their trigger.
 */
export function mergeAt(e: Pick<LiveEvent, 'at' | 'receivedAt' | 'backfilled'>): number {
  if (e.backfilled) return e.at;
  return Math.min(Math.max(e.receivedAt, e.at - CLOCK_SLACK_MS), e.at + 999 + CLOCK_SLACK_MS);
}

/** The event, told its node; pictures that are paths on the node, told the node's prefix. */
function onNode(event: LiveEvent, node: string, base: string): LiveEvent {
  const snap = rebase(event.snap, base);
  const frame = rebase(event.frame, base);
  const at = mergeAt(event);
  if (event.kind === 'body') return { ...event, node, snap, frame, at };
  const match = event.match && { ...event.match, photo: rebase(event.match.photo, base) };
  return { ...event, node, snap, frame, match, at };
}

const ZERO_STATS: LiveSocketStats = {
  received: 0,
  malformed: 0,
  backfilled: 0,
  reconnects: 0,
  duplicates: 0,
  beyondBackfill: 0,
  recovered: 0,
};

function sum(all: Iterable<LiveSocketStats>): LiveSocketStats {
  const out = { ...ZERO_STATS };
  for (const s of all) for (const k of Object.keys(out) as (keyof LiveSocketStats)[]) out[k] += s[k];
  return out;
}

export interface FleetLive {
  /** The nodes whose sockets run now: others are stopped, new ones started (and resumed: a backfill of their gap). */
  set(nodes: ReadonlyMap<string, FleetNodeDeps>): void;
  /** A node signed in again: reconnect now if down, and read what it missed. */
  resume(node: string): void;
  /**
   * The wall left: every socket stopped where it is. The next `set` resumes the
   * ones still chosen, each reading from history what came meanwhile, into the
   * store as it was (a supervisor back from a record finds the wall as left).
   */
  pause(): void;
}

export interface FleetLiveOptions {
  store?: LiveStore;
  /** One worker for every node's socket (tests: a socket on this thread). */
  transport?: OpenTransport;
  makeSocket?: typeof createLiveSocket;
}

/** The merged wall's sockets. Sockets of nodes left out are stopped; the store keeps what they brought. */
export function createFleetLive(options: FleetLiveOptions = {}): FleetLive {
  const store = options.store ?? fleetLiveStore;
  const transport = options.transport ?? browserTransport();
  const make = options.makeSocket ?? createLiveSocket;
  const sockets = new Map<string, { socket: LiveSocket; deps: FleetNodeDeps }>();
  const stats = new Map<string, LiveSocketStats>();
  let paused = false;

  function report(node: string, change: Partial<FleetNodeLive>): void {
    const all = useFleetLiveStatus.getState();
    const was = all[node] ?? { status: { state: 'stopped', reason: null, since: 0, retryAt: null, attempt: 0 }, stats: null };
    useFleetLiveStatus.setState({ ...all, [node]: { ...was, ...change } });
  }

  function open(node: string, deps: FleetNodeDeps): LiveSocket {
    return make({
      call: deps.call,
      wsUrl: deps.wsUrl,
      transport,
      onEvent: (event) => store.getState().enqueue(onNode(event, node, deps.fileBase)),
      onStatus: (status) => report(node, { status }),
      onStats: (s) => {
        const was = stats.get(node);
        stats.set(node, s);
        // Told per capture: the node's chip shows only what came back from history, so only that re-renders it.
        if (!was || was.backfilled !== s.backfilled || was.recovered !== s.recovered) report(node, { stats: s });
        store.getState().setSocketStats(sum(stats.values()));
      },
    });
  }

  return {
    set(nodes) {
      for (const [node, s] of sockets) {
        if (nodes.has(node)) continue;
        s.socket.stop();
        sockets.delete(node);
        stats.delete(node);
        const rest = { ...useFleetLiveStatus.getState() };
        delete rest[node];
        useFleetLiveStatus.setState(rest, true);
      }
      const wasPaused = paused;
      paused = false;
      for (const [node, deps] of nodes) {
        const kept = sockets.get(node);
        if (kept) {
          if (wasPaused) kept.socket.resume();
          continue;
        }
        const socket = open(node, deps);
        sockets.set(node, { socket, deps });
        socket.resume();
      }
    },
    resume(node) {
      sockets.get(node)?.socket.resume();
    },
    pause() {
      paused = true;
      for (const s of sockets.values()) s.socket.stop();
    },
  };
}
