// The import boundaries as configured in .oxlintrc.json: oxlint runs with the
// repository's own config on a small tree of fixture files, so the test checks
// the plugin, its registration and the configured layers together (a plugin that
// failed to load would leave oxlint passing, which the allowed cases alone
// would not show).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const oxlint = path.join(repo, 'node_modules/.bin/oxlint');

// importer → imported file, and whether the architecture allows it.
const cases: [from: string, to: string, allowed: boolean][] = [
  ['src/features/cameras/pages/a.tsx', 'src/features/cameras/api/b.ts', true],
  ['src/features/cameras/pages/a.tsx', 'src/features/libraries/api/b.ts', false],
  ['src/features/cameras/pages/a.tsx', 'src/app/paths.ts', false],
  ['src/features/cameras/pages/a.tsx', 'src/api/protocol/cameras.ts', true],
  ['src/features/cameras/pages/a.tsx', 'src/components/spinner.tsx', true],
  ['src/api/client.ts', 'src/features/session/store.ts', false],
  ['src/live/live-socket.ts', 'src/features/alarm-wall/x.ts', false],
  ['src/live/live-socket.ts', 'src/app/paths.ts', false],
  ['src/session/store.ts', 'src/api/client.ts', true],
  ['src/app/router.tsx', 'src/features/cameras/routes.ts', true],
  ['src/api/device.ts', 'emulator/store/records.ts', false],
  ['src/api/device.test.ts', 'emulator/testing.ts', true],
  ['src/features/records/api/x.test.ts', 'emulator/testing.ts', true],
  ['emulator/operations/cameras.ts', 'src/api/protocol/cameras.ts', true],
  ['emulator/operations/cameras.ts', 'src/api/client.ts', false],
  ['emulator/operations/cameras.ts', 'src/features/cameras/model/roi.ts', false],
  ['emulator/operations/cameras.test.ts', 'src/api/client.ts', true],
  ['src/api/protocol/cameras.ts', 'src/api/client.ts', false],
  ['e2e/pages/cameras.ts', 'src/features/cameras/paths.ts', true],
];

// One file per case: the case number goes into the name's stem, so x.test.ts stays a test file.
const caseFile = (from: string, i: number) => from.replace(/\/([^/.]+)(\.[^/]+)$/, `/$1-c${i}$2`);

let dir: string;
let reported: Map<string, string[]>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boundaries-'));
  cases.forEach(([from, to], i) => {
    const file = path.join(dir, caseFile(from, i));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    let spec = path.relative(path.dirname(file), path.join(dir, to)).replace(/\.tsx?$/, '');
    if (!spec.startsWith('.')) spec = `./${spec}`;
    fs.writeFileSync(file, `import { value } from '${spec}';\nexport const copy = value;\n`);
  });
  const r = spawnSync(oxlint, ['-c', path.join(repo, '.oxlintrc.json'), '-f', 'unix', '.'], { cwd: dir, encoding: 'utf8' });
  reported = new Map();
  for (const line of r.stdout.split('\n')) {
    const m = /^(.+?):\d+:\d+: (.*) \[Error\/nebula\(boundaries\)\]$/.exec(line);
    if (!m) continue;
    const list = reported.get(m[1]!) ?? [];
    list.push(m[2]!);
    reported.set(m[1]!, list);
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('import boundaries (.oxlintrc.json, nebula/boundaries)', () => {
  it.each(cases.map((c, i) => [...c, i] as const))('%s → %s: allowed %s', (from, _to, allowed, i) => {
    const file = caseFile(from, i);
    expect(reported.has(file), reported.get(file)?.join('; ')).toBe(!allowed);
  });

  it('names the rule broken: a feature importing another feature', () => {
    const i = cases.findIndex(([f, t]) => f.includes('cameras/pages') && t.includes('libraries'));
    const file = caseFile(cases[i]![0], i);
    expect(reported.get(file)?.[0]).toContain('feature "cameras" imports feature "libraries"');
  });
});
