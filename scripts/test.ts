// npm test: lint, dead-code check, type-check, unit tests, production build, end-to-end tests in
// Chromium against the emulator. Ends with one plain line of totals.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './chromium';
import { ensureNginx } from './nginx';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nebula-test-'));
const totals = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
const flakyTitles: string[] = [];
let failedSteps: string[] = [];

function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) failedSteps.push(name);
  return ok;
}

function countVitest(file: string) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests;
}

interface PwSuite {
  title: string;
  specs?: { title: string; tests: { projectName: string; status: string }[] }[];
  suites?: PwSuite[];
}

function countPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites: PwSuite[];
  };
  totals.passed += r.stats.expected + r.stats.flaky;
  totals.failed += r.stats.unexpected;
  totals.skipped += r.stats.skipped;
  totals.flaky += r.stats.flaky;
  const walk = (s: PwSuite, where: string) => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests) if (t.status === 'flaky') flakyTitles.push(`[${t.projectName}] ${where} › ${spec.title}`);
    for (const child of s.suites ?? []) walk(child, where || child.title);
  };
  for (const s of r.suites) walk(s, s.title);
}

let chromium: string;
try {
  chromium = ensureChromium();
  console.log(`Chromium: ${chromium}`);
} catch (e) {
  console.error(`\n${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
// The console through the shipped nginx example: one spec needs Debian's nginx.
const nginx = ensureNginx();
if (nginx) console.log(`nginx: ${nginx}`);

const npx = 'npx';
// --- static checks first (lint with the import boundaries, dead code); a few seconds.
step('lint', npx, ['oxlint', '--type-aware']);
step('dead code', npx, ['knip', '--no-progress']);
step('format', npx, ['oxfmt', '--check']);
// --- end of static checks
step('type-check', npx, ['tsc', '-p', 'tsconfig.json']);
const vitestJson = path.join(out, 'vitest.json');
step('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
countVitest(vitestJson);
if (step('build', npx, ['vite', 'build', '--logLevel', 'warn'])) {
  const pwJson = path.join(out, 'playwright.json');
  step('end-to-end tests', npx, ['playwright', 'test', '--reporter=list,json'], {
    CHROMIUM_PATH: chromium,
    ...(nginx ? { NGINX_PATH: nginx } : {}),
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  });
  countPlaywright(pwJson);
} else {
  failedSteps.push('end-to-end tests (not run: no build)');
}

fs.rmSync(out, { recursive: true, force: true });
console.log('');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
for (const title of flakyTitles) console.log(`Flaky (failed, then passed on its retry): ${title}`);
const flaky = totals.flaky ? `, ${totals.flaky} flaky (passed on retry, listed above)` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped${flaky}`);
process.exit(failedSteps.length === 0 && totals.failed === 0 ? 0 : 1);
