// npm run emulator -- [--port N] [--host 127.0.0.1] [--data DIR] [--model m4s|m8s]
//   [--demo | --empty] [--user admin] [--password P] [--session-ttl SECONDS] …
import { parseArgs } from 'node:util';
import { isStrongPassword } from '../src/api/protocol/limits';
import { DEVICE_ID_MAX } from '../src/api/protocol/system';
import { DEFAULT_OPTIONS, type EmulatorOptions } from './context';
import { DEFAULT_DEVICE_ID } from './device-config';
import { startEmulator } from './index';

const HELP = `SenseNebula-M device emulator

  --port N              port to listen on (default ${DEFAULT_OPTIONS.port}; 0 for any free port)
  --host ADDR           address to listen on (default 127.0.0.1, loopback only)
  --data DIR            where the device keeps its state (default ${DEFAULT_OPTIONS.dataDir})
  --model m4s|m8s       8 or 16 channels (default ${DEFAULT_OPTIONS.model})
  --demo | --empty      fill a fresh store with demo data, or start empty (default)
  --user NAME           login user (default ${DEFAULT_OPTIONS.user})
  --password P          login password (default ${DEFAULT_OPTIONS.password})
  --session-ttl SECONDS idle expiry of a session (default 1800)
  --faces DIR           a folder of your own face photos for demo people and captures
  --cache DIR           the face engine's cache (default: DIR/cache of --data; bounded)
  --records N           demo history size (default ${DEFAULT_OPTIONS.demoRecords})
  --seed N              a fleet's node: 3-5 demo cameras and a history of its own by N
  --device-id ID        a fresh store's device id (1301; default ${DEFAULT_DEVICE_ID})
  --library-count N     how many libraries the device holds (default ${DEFAULT_OPTIONS.libraryCountMax})
  --library-capacity N  faces per library (default ${DEFAULT_OPTIONS.libraryCapacity})
  --storage-mb N        storage capacity in MB (default ${DEFAULT_OPTIONS.maxStorageMb})
  --rate N              captures per second over the device (default ${DEFAULT_OPTIONS.rate})
  --heartbeat SECONDS   HTTP push heartbeat period (default ${DEFAULT_OPTIONS.heartbeatSeconds})
  --restart-seconds N   how long a restart keeps the device away (default ${DEFAULT_OPTIONS.restartSeconds})
  --quiet               no log lines
`;

function int(name: string, v: string | undefined, fallback: number, min = 0): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} takes a whole number >= ${min}, not "${v}"`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    model: { type: 'string' },
    demo: { type: 'boolean' },
    empty: { type: 'boolean' },
    user: { type: 'string' },
    password: { type: 'string' },
    'session-ttl': { type: 'string' },
    faces: { type: 'string' },
    cache: { type: 'string' },
    records: { type: 'string' },
    seed: { type: 'string' },
    'device-id': { type: 'string' },
    'library-count': { type: 'string' },
    'library-capacity': { type: 'string' },
    'storage-mb': { type: 'string' },
    rate: { type: 'string' },
    heartbeat: { type: 'string' },
    'restart-seconds': { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (values.demo && values.empty) {
  console.error('--demo and --empty exclude each other');
  process.exit(2);
}
const model = values.model ?? DEFAULT_OPTIONS.model;
if (model !== 'm4s' && model !== 'm8s') {
  console.error(`--model is m4s or m8s, not "${model}"`);
  process.exit(2);
}
const newDeviceId = values['device-id'];
if (
  newDeviceId !== undefined &&
  (newDeviceId.trim() === '' || newDeviceId.length > DEVICE_ID_MAX || /[\u0000-\u001f\u007f]/.test(newDeviceId))
) {
  console.error(`--device-id takes 1-${DEVICE_ID_MAX} printable characters (§6.14)`);
  process.exit(2);
}
const password = values.password ?? DEFAULT_OPTIONS.password;
if (!isStrongPassword(password)) {
  console.error('--password must have 8-31 characters with three of: upper case, lower case, digits, symbols (§2.1)');
  process.exit(2);
}

const options: EmulatorOptions = {
  ...DEFAULT_OPTIONS,
  port: int('port', values.port, DEFAULT_OPTIONS.port),
  host: values.host ?? DEFAULT_OPTIONS.host,
  dataDir: values.data ?? DEFAULT_OPTIONS.dataDir,
  model,
  demo: Boolean(values.demo),
  user: values.user ?? DEFAULT_OPTIONS.user,
  password,
  sessionTtlSeconds: int('session-ttl', values['session-ttl'], DEFAULT_OPTIONS.sessionTtlSeconds, 1),
  facesDir: values.faces,
  cacheDir: values.cache,
  demoRecords: int('records', values.records, DEFAULT_OPTIONS.demoRecords),
  demoSeed: values.seed === undefined ? undefined : int('seed', values.seed, 0),
  deviceId: newDeviceId,
  libraryCountMax: int('library-count', values['library-count'], DEFAULT_OPTIONS.libraryCountMax, 1),
  libraryCapacity: int('library-capacity', values['library-capacity'], DEFAULT_OPTIONS.libraryCapacity, 1),
  maxStorageMb: int('storage-mb', values['storage-mb'], DEFAULT_OPTIONS.maxStorageMb, 1),
  rate: int('rate', values.rate, DEFAULT_OPTIONS.rate),
  heartbeatSeconds: int('heartbeat', values.heartbeat, DEFAULT_OPTIONS.heartbeatSeconds, 1),
  restartSeconds: int('restart-seconds', values['restart-seconds'], DEFAULT_OPTIONS.restartSeconds),
  quiet: Boolean(values.quiet),
};

const emulator = await startEmulator(options);
// The first two lines are machine-readable: scripts wait for the URL to learn
// the port, and take the token for the fault routes (/__emulator/, faults.ts).
console.log(`EMULATOR_URL=${emulator.url}`);
console.log(`EMULATOR_TOKEN=${emulator.faultToken}`);
console.log(`SenseNebula-M emulator (${emulator.ctx.spec.name}) at ${emulator.url}`);
// Never the password itself: a banner ends up in logs and screen shares.
const where = values.password === undefined ? "the demo default (README, 'The emulator')" : 'as given with --password';
console.log(`  login: ${options.user}, password ${where}   data: ${options.dataDir}`);

const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
