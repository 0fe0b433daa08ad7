// npm run bench:bundle — builds the console and measures what the browser
// fetches before it can show anything, and before the login form is usable.
// Figures, not a test: it exits 0 whether the budgets hold or not.
//
// - first load: the entry script of dist/index.html and its modulepreloads
//   (the JS the browser fetches before running anything);
// - login usable: that, plus the login route's lazy chunk and everything it
//   statically imports (what has to arrive before the form works).
// Sizes are gzip (zlib's default level 6, as most servers and Vite's own report;
// the budgets are in it), and brotli as dist/server.mjs sends it: the .br file
// the build wrote beside each asset (server/build-plugin.ts).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';

const BUDGET_FIRST_KIB = 200;
const BUDGET_LOGIN_KIB = 240;
/** The login route's module, as the manifest names it. */
const LOGIN_MODULE = 'src/features/login/pages/login-page.tsx';
/** The signed-in frame (antd with it) every page shares, and the overview's own route. */
const LAYOUT_MODULE = 'src/app/layout/app-layout.tsx';
const OVERVIEW_MODULE = 'src/features/overview/pages/overview-page.tsx';

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

function gzipKiB(file: string): number {
  return zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length / 1024;
}
/** The precompressed .br the server sends (what a browser that accepts br downloads). */
function brotliKiB(file: string): number {
  const br = path.join(dist, `${file}.br`);
  if (fs.existsSync(br)) return fs.statSync(br).size / 1024;
  return zlib.brotliCompressSync(fs.readFileSync(path.join(dist, file))).length / 1024;
}
function rawKiB(file: string): number {
  return fs.statSync(path.join(dist, file)).size / 1024;
}

/** A chunk and its static imports, transitively (what the browser must fetch with it). */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const dep of chunk.imports ?? []) staticClosure(manifest, dep, into);
  return into;
}

/** The JS the built index.html makes the browser fetch: the module script and the modulepreloads. */
function htmlScripts(html: string): string[] {
  const files: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="\/?([^"]+)"/g)) files.push(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="\/?([^"]+)"/g)) files.push(m[1]!);
  return files;
}

const sum = (files: Iterable<string>, size: (f: string) => number) => [...files].reduce((t, f) => t + size(f), 0);
const kib = (n: number) => `${n.toFixed(1).padStart(7)} KiB`;
const verdict = (value: number, budget: number) => (value <= budget ? 'PASS' : 'OVER');

async function main() {
  await build({ root, logLevel: 'warn' });

  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;

  const first = new Set(htmlScripts(html));
  // The manifest's view of the same thing: the entry and its static imports.
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error('the manifest has no entry');
  const entryClosure = staticClosure(manifest, entryKey);
  const missing = [...entryClosure].filter((f) => !first.has(f));
  if (missing.length) console.warn(`note: statically imported but not preloaded by index.html: ${missing.join(', ')}`);
  for (const f of entryClosure) first.add(f);

  if (!manifest[LOGIN_MODULE]) throw new Error(`the manifest has no ${LOGIN_MODULE}: is the login route still lazy?`);
  const login = new Set([...first, ...staticClosure(manifest, LOGIN_MODULE)]);

  const firstGz = sum(first, gzipKiB);
  const loginGz = sum(login, gzipKiB);

  console.log('\nSenseNebula-M console — bundle (gzip; brotli as served by dist/server.mjs)\n');
  console.log(
    `  first load (entry + modulepreloads)   ${kib(firstGz)}  budget ${BUDGET_FIRST_KIB} KiB  ${verdict(firstGz, BUDGET_FIRST_KIB)}  (${first.size} files, ${kib(sum(first, rawKiB)).trim()} raw, ${kib(sum(first, brotliKiB)).trim()} brotli)`,
  );
  console.log(
    `  until the login form is usable        ${kib(loginGz)}  budget ${BUDGET_LOGIN_KIB} KiB  ${verdict(loginGz, BUDGET_LOGIN_KIB)}  (${login.size} files, ${kib(sum(login, rawKiB)).trim()} raw, ${kib(sum(login, brotliKiB)).trim()} brotli)`,
  );

  console.log('\n  login path, file by file:');
  for (const f of login) console.log(`    ${kib(gzipKiB(f))}  ${f}${first.has(f) ? '' : '   (with the login route)'}`);

  // The overview's own weight: its route chunk and what it alone brings (the
  // chart library), beyond the first load and the signed-in frame every page has.
  if (!manifest[OVERVIEW_MODULE] || !manifest[LAYOUT_MODULE])
    throw new Error('the manifest lacks the overview or the layout: are they still lazy routes?');
  const frame = new Set([...first, ...staticClosure(manifest, LAYOUT_MODULE)]);
  const overview = [...staticClosure(manifest, OVERVIEW_MODULE)].filter((f) => !frame.has(f) && f.endsWith('.js'));
  const overviewCss = (manifest[OVERVIEW_MODULE]!.css ?? []).filter((f) => !frame.has(f));
  console.log(
    `\n  overview route's own JS (lazy, beyond first load + signed-in frame)  ${kib(sum(overview, gzipKiB))}  (${overview.length} files, ${kib(sum(overview, rawKiB)).trim()} raw, ${kib(sum(overview, brotliKiB)).trim()} brotli; CSS ${kib(sum(overviewCss, gzipKiB)).trim()})`,
  );
  // A chunk another page also imports (antd's table, select…) is the overview's only until that page is opened.
  const others = new Set<string>();
  for (const [k, c] of Object.entries(manifest)) {
    if (c.isDynamicEntry && k !== OVERVIEW_MODULE && k !== LAYOUT_MODULE) for (const f of staticClosure(manifest, k)) others.add(f);
  }
  const alone = overview.filter((f) => !others.has(f));
  console.log(`    of which only the overview's: ${kib(sum(alone, gzipKiB)).trim()} gzip (the rest is antd shared with other pages)`);
  for (const f of overview) console.log(`    ${kib(gzipKiB(f))}  ${f}${byFileName(manifest, f)}${others.has(f) ? '  (shared)' : ''}`);

  const assets = fs.readdirSync(path.join(dist, 'assets')).map((f) => `assets/${f}`);
  const js = assets.filter((f) => f.endsWith('.js')).sort((a, b) => gzipKiB(b) - gzipKiB(a));
  const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
  console.log('\n  biggest JS chunks:');
  for (const f of js.slice(0, 8)) {
    const c = byFile.get(f);
    const what = c?.src ?? c?.name ?? '';
    console.log(`    ${kib(gzipKiB(f))}  ${f}${what ? `  ${what}` : ''}${login.has(f) ? '  [login path]' : ''}`);
  }
  const css = assets.filter((f) => f.endsWith('.css'));
  console.log(`\n  CSS, all files: ${kib(sum(css, gzipKiB)).trim()} gzip, ${kib(sum(css, brotliKiB)).trim()} brotli (not in the budgets)`);
  console.log(`  all JS: ${kib(sum(js, gzipKiB)).trim()} gzip, ${kib(sum(js, brotliKiB)).trim()} brotli, in ${js.length} chunks\n`);
}

function byFileName(manifest: Manifest, file: string): string {
  const c = Object.values(manifest).find((x) => x.file === file);
  const what = c?.src ?? c?.name;
  return what ? `  ${what}` : '';
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
