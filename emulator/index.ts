// startEmulator: the whole device in one call, for the CLI, `npm start`, the
// tests and the benchmarks. Besides the API it runs what a node does on its
// own: the WebSocket and HTTP push, restarts (reboot, upgrade, reset, the
// HTTPS switch) and, for tests, fault injection.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_TIME } from './clock';
import { createContext, DEFAULT_OPTIONS, type EmulatorContext, type EmulatorOptions } from './context';
import { seedDemo } from './demo/seed';
import { currentMode, deviceId, httpsMaterial, pushTarget, wsKey, type RestartEvent } from './device-config';
import { createFaceEngine } from './faces/engine';
import type { FaceEngine } from './faces/types';
import { faultRoutes } from './faults';
import { CapturePipeline } from './capture/pipeline';
import { buildScenes } from './capture/scenes';
import { loadFacePool } from './faces/pool';
import { setCameraOnline } from './operations/cameras';
import { HttpPusher } from './push/http';
import { WsHub } from './push/ws';
import { startServer, type RunningServer } from './server';
import { fillFaces, setFacePicture } from './faces/fill';

/** Composed capture scenes: enough variety for a wall, cheap to analyse once (~0.5 s each). */
const SCENE_COUNT = 12;
const TMP_LIFETIME_MS = 60 * 60_000;
const TMP_SWEEP_EVERY_MS = 10 * 60_000;

export interface Emulator {
  /** Changes scheme after the HTTPS switch (the port stays). */
  readonly url: string;
  readonly port: number;
  /** The X-Emulator-Token header's value for /__emulator/ (faults.ts); new every start. */
  readonly faultToken: string;
  ctx: EmulatorContext;
  hub: WsHub;
  pusher: HttpPusher;
  pipeline: CapturePipeline;
  /** Builds the capture scenes (real engine, once) if not done yet. */
  prepareScenes(): Promise<void>;
  /** Captures per second over the device; 0 stops. */
  setRate(rate: number): Promise<void>;
  /** 'up', or 'down' while a restart keeps the device away. */
  readonly state: 'up' | 'down';
  /** Go away for `seconds` (default --restart-seconds), drop sessions and sockets, come back. */
  restart(seconds?: number): Promise<void>;
  /** Resolves when the device is up again (at once if it is). */
  whenUp(): Promise<void>;
  close(): Promise<void>;
}

export async function startEmulator(partial: Partial<EmulatorOptions> = {}, deps: { engine?: FaceEngine } = {}): Promise<Emulator> {
  const options: EmulatorOptions = { ...DEFAULT_OPTIONS, ...partial };
  fs.mkdirSync(options.dataDir, { recursive: true });
  // Uploads being received when the process last stopped (body.ts keeps large ones there).
  fs.rmSync(path.join(options.dataDir, 'uploads'), { recursive: true, force: true });
  // Analyses hold descriptors of enrolled people: they live under the data folder, bounded (engine.ts).
  const cacheRoot = options.cacheDir ?? path.join(options.dataDir, 'cache');
  const engine = deps.engine ?? createFaceEngine({ cacheDir: path.join(cacheRoot, 'analyses') });
  const ctx = createContext(options, engine);
  if (!ctx.config.has('seeded')) {
    if (options.deviceId) ctx.config.set('device_id', options.deviceId);
    if (options.demo) await seedDemo(ctx);
    ctx.config.set('seeded', { demo: options.demo, at: ctx.clock.format() });
  }

  const hub = new WsHub(() => wsKey(ctx), ctx.log, options.wsSubscribeTimeoutMs);
  const pusher = new HttpPusher(
    () => pushTarget(ctx),
    () => deviceId(ctx),
    () => ctx.clock.format(),
    ctx.log,
  );
  pusher.startHeartbeat(options.heartbeatSeconds);

  // Exports, batch reports and crops under tmp/ live an hour (files.ts: sweep).
  const sweepTmp = () => {
    const n = ctx.files.sweep('tmp', Date.now() - TMP_LIFETIME_MS);
    if (n > 0) ctx.log(`tmp/: ${n} old files removed`);
  };
  sweepTmp();
  const sweeper = setInterval(sweepTmp, TMP_SWEEP_EVERY_MS);
  sweeper.unref();

  const pipeline = new CapturePipeline(ctx, hub, pusher);
  let scenesReady: Promise<void> | null = null;
  // The engine runs on a dozen composed frames once; until a capture is wanted, nothing loads.
  const prepareScenes = () =>
    (scenesReady ??= (async () => {
      const pool = await loadFacePool(engine, options.facesDir, { cacheDir: cacheRoot, log: ctx.log });
      pipeline.setScenes(await buildScenes(engine, pool, SCENE_COUNT));
      ctx.log(`capture pipeline: ${pipeline.counts.scenes} scenes ready`);
    })());
  let rate = options.rate;
  const setRate = async (next: number) => {
    rate = next;
    if (rate > 0) await prepareScenes();
    if (state === 'up') pipeline.start(rate);
  };

  let server: RunningServer;
  let state: 'up' | 'down' = 'up';
  let closed = false;
  let upWaiters: Array<() => void> = [];

  const faultToken = crypto.randomBytes(16).toString('hex');
  const routes = [
    faultRoutes(
      {
        dropSockets: () => hub.dropAll(),
        setCameraOnline: (channel, online) => setCameraOnline(ctx, channel, online),
        expireSessions: () => ctx.sessions.clear(),
        capture: async (channel, photo) => {
          if (!photo) await prepareScenes();
          return pipeline.captureNow(channel, photo);
        },
        setRate: (r) => setRate(r),
        restart: (seconds) => void restart(seconds),
        setLatency: (ms) => {
          ctx.faults.latencyMs = ms;
        },
        stepClock: (seconds) => {
          const time = ctx.config.get('time', DEFAULT_TIME);
          ctx.config.set('time', { ...time, offsetMs: time.offsetMs + seconds * 1000 });
          return ctx.clock.format();
        },
        fillFaces: (libId, count, prefix) => fillFaces(ctx, libId, count, prefix),
        setUpgradeOutcome: (outcome) => {
          ctx.faults.upgrade = outcome;
        },
        setLibraryCapacity: (capacity) => {
          ctx.options.libraryCapacity = capacity;
        },
        setFacePicture: (libId, imgId, jpeg) => setFacePicture(ctx, libId, imgId, jpeg),
        stats: () => ({ state, rate, ws: hub.stats(), http: pusher.stats(), capture: pipeline.stats() }),
      },
      faultToken,
    ),
  ];

  const listen = async (port: number) =>
    startServer(ctx, {
      port,
      onWsConnection: (ws) => hub.accept(ws),
      extraRoutes: routes,
      tls: currentMode(ctx) === 'https' ? httpsMaterial(ctx) : null,
    });

  server = await listen(options.port);
  const port = server.port;

  async function restart(seconds = options.restartSeconds): Promise<void> {
    if (state === 'down' || closed) return;
    state = 'down';
    ctx.log(`restarting: away for ${seconds} s`);
    pipeline.stop();
    hub.dropAll();
    ctx.sessions.clear();
    await server.close();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    if (closed) return;
    server = await listen(port);
    state = 'up';
    pipeline.start(rate);
    ctx.log(`back at ${server.url}`);
    for (const w of upWaiters) w();
    upWaiters = [];
  }

  if (rate > 0) void setRate(rate).catch((e: unknown) => ctx.log(`capture pipeline failed: ${String(e)}`));

  ctx.events.on('restart', (e: RestartEvent) => {
    ctx.log(`restart requested (${e.reason})`);
    void restart();
  });

  return {
    get url() {
      return server.url;
    },
    port,
    faultToken,
    ctx,
    hub,
    pusher,
    pipeline,
    prepareScenes,
    setRate,
    get state() {
      return state;
    },
    restart,
    whenUp: () => (state === 'up' ? Promise.resolve() : new Promise<void>((r) => upWaiters.push(r))),
    close: async () => {
      closed = true;
      clearInterval(sweeper);
      pipeline.stop();
      pusher.stopHeartbeat();
      hub.dropAll();
      if (state === 'up') await server.close();
      for (const w of upWaiters) w();
      ctx.db.close();
      if (!deps.engine) await engine.close();
    },
  };
}
