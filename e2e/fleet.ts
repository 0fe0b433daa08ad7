// A fleet for the e2e specs (issue 17): n emulators, each its own node as
// emulator/fleet.ts plans them (device id, model, name, site, cameras,
// history), and the production server as it ships (dist/server.mjs, its own
// process) with a nodes file naming them. Per node: another password (so a
// fleet sign-in can be refused), a library capacity, or a black hole (accepts
// TCP and never answers: a node hung or behind a dropping firewall).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_OPTIONS, type UpgradeOutcome } from '../emulator/context';
import { testCacheDir } from '../emulator/faces/paths';
import { fleetPlan, type FleetNodePlan } from '../emulator/fleet';
import { startEmulator, type Emulator } from '../emulator/index';
import { createClient, type Call } from '../src/api/client';
import { login } from '../src/api/protocol';
import { spawnConsoleServer, type SpawnedServer } from './console-server';
import { faultHeaders } from './pages/alarm-wall-device';

export interface FleetNodeOptions {
  /** Another login password for this node (default the demo's). */
  password?: string;
  libraryCapacity?: number;
  /** Demo history size (default the fleet's `demoRecords`). */
  demoRecords?: number;
  /** Captures per second from the start (default 0: the spec captures). */
  rate?: number;
  /** No emulator: a TCP server that accepts and never answers. */
  blackHole?: boolean;
  /** How this node's upgrades (1292) end (emulator/context.ts): 'refuse' -3603, 'revert' back on the old version. */
  upgrade?: UpgradeOutcome;
  /** Seconds a restart keeps the node away (default the emulator's). */
  restartSeconds?: number;
}

export interface FleetOptions {
  /** Per node, by index; missing entries take the defaults. */
  nodes?: FleetNodeOptions[];
  /** Demo data on every emulator (default true). */
  demo?: boolean;
  /** Demo history per node (default 200: enough for pages and searches, quick to seed). */
  demoRecords?: number;
  /** The production build (default E2E_DIST or dist). */
  dist?: string;
}

export interface FleetNode extends FleetNodePlan {
  /** The emulator itself (its URL, not through the console). */
  url: string;
  password: string;
  /** The fault routes' X-Emulator-Token (e2e/pages/alarm-wall-device.ts); null for a black hole. */
  faultToken: string | null;
  emulator: Emulator | null;
}

export interface Fleet {
  /** The production server. */
  consoleUrl: string;
  nodesFile: string;
  nodes: FleetNode[];
  server: SpawnedServer;
  node(id: string): FleetNode;
  /** A node's own API, straight to its emulator (not through the console), signed in with its password. */
  direct(id: string): Promise<Call>;
  /** One of a node's fault routes (emulator/faults.ts), e.g. fault('node-2', 'restart', { seconds: 2 }). */
  fault(id: string, route: string, body?: unknown): Promise<void>;
  stop(): Promise<void>;
}

interface BlackHole {
  url: string;
  close(): Promise<void>;
}

export async function blackHole(): Promise<BlackHole> {
  const held = new Set<net.Socket>();
  const server = net.createServer((s) => {
    held.add(s);
    s.on('error', () => {});
    s.on('close', () => held.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: async () => {
      for (const s of held) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

export async function startFleet(count: number, options: FleetOptions = {}): Promise<Fleet> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-e2e-fleet-'));
  const closers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    const nodes: FleetNode[] = [];
    // One after another: the first fills the shared analysis cache the others read (two cores).
    for (const plan of fleetPlan(count)) {
      const o = options.nodes?.[nodes.length] ?? {};
      const password = o.password ?? DEFAULT_OPTIONS.password;
      if (o.blackHole) {
        const hole = await blackHole();
        closers.push(hole.close);
        nodes.push({ ...plan, url: hole.url, password, faultToken: null, emulator: null });
        continue;
      }
      const emulator = await startEmulator({
        port: 0,
        dataDir: path.join(root, plan.id),
        cacheDir: testCacheDir(),
        demo: options.demo ?? true,
        demoRecords: o.demoRecords ?? options.demoRecords ?? 200,
        demoSeed: plan.seed,
        deviceId: plan.deviceId,
        model: plan.model,
        password,
        libraryCapacity: o.libraryCapacity ?? DEFAULT_OPTIONS.libraryCapacity,
        rate: o.rate ?? 0,
        restartSeconds: o.restartSeconds ?? DEFAULT_OPTIONS.restartSeconds,
        quiet: true,
      });
      emulator.ctx.faults.upgrade = o.upgrade ?? 'ok';
      closers.push(() => emulator.close());
      nodes.push({ ...plan, url: emulator.url, password, faultToken: emulator.faultToken, emulator });
    }
    const nodesFile = path.join(root, 'nodes.json');
    fs.writeFileSync(nodesFile, JSON.stringify({ nodes: nodes.map((n) => ({ id: n.id, name: n.name, url: n.url, site: n.site })) }));
    const dist = path.resolve(options.dist ?? process.env.E2E_DIST ?? 'dist');
    const server = await spawnConsoleServer(dist, { NODES_FILE: nodesFile });
    closers.push(server.close);
    const node = (id: string): FleetNode => {
      const n = nodes.find((x) => x.id === id);
      if (!n) throw new Error(`no node ${id} in the fleet`);
      return n;
    };
    return {
      consoleUrl: server.url,
      nodesFile,
      nodes,
      server,
      node,
      async direct(id) {
        const n = node(id);
        let session: string | null = null;
        const call = createClient({ baseUrl: n.url, getSession: () => session });
        session = await call(login, { user_name: DEFAULT_OPTIONS.user, user_pwd: n.password });
        return call;
      },
      async fault(id, route, body = {}) {
        const n = node(id);
        const res = await fetch(`${n.url}/__emulator/${route}`, {
          method: 'POST',
          headers: faultHeaders(n.faultToken!),
          body: JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`${id} ${route}: ${res.status} ${await res.text()}`);
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
