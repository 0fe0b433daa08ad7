import { EventEmitter } from 'node:events';
import type { DeviceModel } from '../src/api/protocol/limits';
import { LIBRARY_CAPACITY, LIBRARY_COUNT_MAX, MODEL_SPEC } from '../src/api/protocol/limits';
import { DeviceClock } from './clock';
import { UNREACHABLE_DELAY_MS } from './operations/reachability';
import { SUBSCRIBE_TIMEOUT_MS } from './push/ws';
import { SessionStore } from './sessions';
import { ConfigStore, openDb, type Db } from './store/db';
import { FileStore } from './store/files';
import type { FaceEngine } from './faces/types';

export interface EmulatorOptions {
  port: number;
  host: string;
  dataDir: string;
  model: DeviceModel;
  /** Fill a fresh store with demo data (libraries, people, cameras, history). */
  demo: boolean;
  user: string;
  password: string;
  sessionTtlSeconds: number;
  /** A folder of the user's own face photos; else the face-api package's samples. */
  facesDir?: string;
  /** The face engine's analyses and the face pool's crops (bounded); default <dataDir>/cache, so they go with the data. */
  cacheDir?: string;
  libraryCountMax: number;
  libraryCapacity: number;
  /** Storage capacity in MB (1288's max_storage). */
  maxStorageMb: number;
  /** Demo history size (records); 0 for none. */
  demoRecords: number;
  /**
   * The demo's random seed (issue 17: a fleet's nodes differ): which demo
   * cameras a fresh store gets (3 to 5) and its history. Undefined: the one-node demo as before.
   */
  demoSeed?: number;
  /** A fresh store's device id (1301); later changes (1300) are kept. Undefined: the device's default. */
  deviceId?: string;
  /** Captures per second over the device (issue #3); 0 stops the pipeline. */
  rate: number;
  heartbeatSeconds: number;
  restartSeconds: number;
  /** A WebSocket that has not subscribed by then is closed (push/ws.ts). */
  wsSubscribeTimeoutMs: number;
  /** How long 513 / 515 wait on an unreachable camera address (§4.2 note 4; tests shorten it). */
  unreachableDelayMs: number;
  quiet: boolean;
}

export const DEFAULT_OPTIONS: EmulatorOptions = {
  port: 8480,
  host: '127.0.0.1',
  dataDir: '.data/emulator',
  model: 'm8s',
  demo: false,
  user: 'admin',
  password: 'Admin@12345',
  sessionTtlSeconds: 30 * 60,
  libraryCountMax: LIBRARY_COUNT_MAX,
  libraryCapacity: LIBRARY_CAPACITY,
  maxStorageMb: 2048,
  demoRecords: 5000,
  // §issue 3: "a few per second" by default, so a demo wall is alive; tests pass 0.
  rate: 2,
  heartbeatSeconds: 30,
  restartSeconds: 5,
  wsSubscribeTimeoutMs: SUBSCRIBE_TIMEOUT_MS,
  unreachableDelayMs: UNREACHABLE_DELAY_MS,
  quiet: false,
};

/**
 * How an upgrade (1292) ends: 'ok' installs the next patch and restarts;
 * 'refuse' answers -3603 (a package the device rejects); 'revert' answers 0,
 * restarts and comes back on the version it had (the install failed and the
 * device rolled back: only the version after the restart shows it).
 */
export const UPGRADE_OUTCOMES = ['ok', 'refuse', 'revert'] as const;
export type UpgradeOutcome = (typeof UPGRADE_OUTCOMES)[number];

/** What every handler sees: the store, the clock, the engine, the sessions. */
export interface EmulatorContext {
  options: EmulatorOptions;
  spec: (typeof MODEL_SPEC)[DeviceModel];
  db: Db;
  config: ConfigStore;
  files: FileStore;
  clock: DeviceClock;
  sessions: SessionStore;
  engine: FaceEngine;
  /** 'restart' (after reboot, upgrade, reset, https switch), 'capture', … */
  events: EventEmitter;
  /** Fault injection (the emulator's own, /__emulator/*): added latency on every API answer; how the next upgrades end. */
  faults: { latencyMs: number; upgrade: UpgradeOutcome };
  log(message: string): void;
}

export function createContext(options: EmulatorOptions, engine: FaceEngine): EmulatorContext {
  const db = openDb(options.dataDir);
  const config = new ConfigStore(db);
  return {
    options,
    spec: MODEL_SPEC[options.model],
    db,
    config,
    files: new FileStore(options.dataDir),
    clock: new DeviceClock(config),
    sessions: new SessionStore(options.sessionTtlSeconds),
    engine,
    events: new EventEmitter(),
    faults: { latencyMs: 0, upgrade: 'ok' },
    log: (m) => {
      if (!options.quiet) console.log(`[emulator] ${m}`);
    },
  };
}
