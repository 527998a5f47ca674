// `npm run bench`: builds the app and measures what the issues set targets for.
//   - first-load JS: every script index.html loads (entry + modulepreloads + their static
//     imports, followed transitively), raw and gzipped; dynamic import() chunks are lazy
//   - the service worker's precache: entries and bytes
//   - every lazy chunk, raw and gzipped
//   - scoring speed: vitest benchmarks (test/bench/*.bench.ts), medians over many runs
// Prints a table and writes bench/results.json. Exits 1 if a target is missed.
// Options: --no-build (measure the existing dist/), --skip-timing (sizes only).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const args = new Set(process.argv.slice(2));

const TARGETS = {
  firstLoadGzipBytes: 130_000,
  scoreOneMedianMs: 0.1,
};

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed`);
}

function sizes(file) {
  const content = readFileSync(file);
  return { raw: content.length, gzip: gzipSync(content).length };
}

/** Static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`), not import(). */
function staticImports(file) {
  const code = readFileSync(file, 'utf8');
  const found = new Set();
  for (const match of code.matchAll(
    /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g,
  )) {
    found.add(join(dirname(file), match[1]));
  }
  return found;
}

function firstLoadFiles() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
    (m) => m[1],
  );
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) =>
    join(dist, m[1]),
  );
  const queue = [...entry, ...preloads].map((href) => join(dist, href));
  const js = new Set();
  while (queue.length > 0) {
    const file = queue.pop();
    if (js.has(file) || !existsSync(file)) continue;
    js.add(file);
    queue.push(...staticImports(file));
  }
  return { js: [...js], css };
}

function precache() {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1]);
  const bytes = urls.reduce((sum, url) => {
    const file = join(dist, url.replace(/^\//, ''));
    return sum + (existsSync(file) ? readFileSync(file).length : 0);
  }, 0);
  return { entries: urls.length, bytes };
}

function timings() {
  const out = join(root, 'bench', 'scoring.tmp.json');
  run('npx', ['vitest', 'bench', '--run', '--project', 'unit', '--outputJson', out]);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out);
  const benchmarks = report.files.flatMap((f) => f.groups.flatMap((g) => g.benchmarks));
  const find = (name) => benchmarks.find((b) => b.name.startsWith(name));
  const pick = (b) =>
    b ? { medianMs: b.median, meanMs: b.mean, p99Ms: b.p99, samples: b.sampleCount } : null;
  return {
    scoreOne: pick(find('score one assessment')),
    score10k: pick(find('score 10,000 assessments')),
  };
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const pass = (ok) => (ok ? 'PASS' : 'FAIL');

if (!args.has('--no-build')) run('npx', ['vite', 'build', '--logLevel', 'warn']);

const first = firstLoadFiles();
const firstJs = first.js.map((file) => ({ file: relative(dist, file), ...sizes(file) }));
const firstCss = first.css.map((file) => ({ file: relative(dist, file), ...sizes(file) }));
const total = (list, key) => list.reduce((sum, item) => sum + item[key], 0);
const assets = join(dist, 'assets');
const lazy = readdirSync(assets)
  .filter((name) => name.endsWith('.js'))
  .map((name) => join(assets, name))
  .filter((file) => !first.js.includes(file))
  .map((file) => ({ file: relative(dist, file), ...sizes(file) }))
  .sort((a, b) => b.gzip - a.gzip);
const cache = precache();
const timing = args.has('--skip-timing') ? null : timings();

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return null;
  }
}
const commit = gitCommit();

const firstLoadGzip = total(firstJs, 'gzip');
const checks = [
  {
    name: 'first-load JS (gzip)',
    value: firstLoadGzip,
    target: TARGETS.firstLoadGzipBytes,
    ok: firstLoadGzip <= TARGETS.firstLoadGzipBytes,
  },
];
if (timing?.scoreOne) {
  checks.push({
    name: 'score one assessment (median ms)',
    value: timing.scoreOne.medianMs,
    target: TARGETS.scoreOneMedianMs,
    ok: timing.scoreOne.medianMs <= TARGETS.scoreOneMedianMs,
  });
}

const results = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  commit,
  units: { sizes: 'bytes', times: 'milliseconds' },
  firstLoad: {
    js: firstJs,
    jsRawBytes: total(firstJs, 'raw'),
    jsGzipBytes: firstLoadGzip,
    css: firstCss,
    cssGzipBytes: total(firstCss, 'gzip'),
  },
  precache: cache,
  lazyChunks: lazy,
  scoring: timing,
  targets: checks,
};

mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log('\nFirst load (everything index.html loads before any lazy import)');
for (const f of firstJs)
  console.log(`  ${f.file.padEnd(44)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)} gzip`);
console.log(
  `  ${'JS total'.padEnd(44)} ${kb(results.firstLoad.jsRawBytes).padStart(10)} ${kb(firstLoadGzip).padStart(10)} gzip`,
);
console.log(
  `  ${'CSS'.padEnd(44)} ${''.padStart(10)} ${kb(results.firstLoad.cssGzipBytes).padStart(10)} gzip`,
);
console.log('\nLazy chunks');
for (const f of lazy)
  console.log(`  ${f.file.padEnd(44)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)} gzip`);
console.log(`\nPrecache: ${cache.entries} entries, ${kb(cache.bytes)}`);
if (timing) {
  console.log(`\nScoring: one assessment median ${timing.scoreOne?.medianMs.toFixed(4)} ms;`);
  console.log(`         10,000 assessments median ${timing.score10k?.medianMs.toFixed(1)} ms`);
}
console.log('\nTargets');
for (const c of checks)
  console.log(`  ${pass(c.ok)}  ${c.name}: ${c.value} (target ≤ ${c.target})`);
console.log('\nWritten to bench/results.json');
if (checks.some((c) => !c.ok)) process.exit(1);
