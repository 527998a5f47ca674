// `npm run bench`: builds the production app (`npx vite build`) and measures every figure with
// a target, then prints a table and writes bench/results.json (see bench/README.md):
//   1. first-load JS: every script dist/index.html loads before any lazy import — the module
//      entry, its modulepreloads and their static imports, followed transitively (dynamic
//      import() is lazy and not followed) — raw and gzipped (zlib default level), per file and in
//      total; the stylesheets index.html links, separately
//   2. the service worker's precache: the entries of precacheAndRoute([...]) in dist/sw.js and
//      the bytes of those files in dist/
//   3. every lazy chunk: the JS files in dist/assets outside the first-load set, raw and gzipped
//   4. scoring speed: the medians of the vitest benchmarks in test/bench/scoring.bench.ts
//      (one assessment; 10,000 assessments)
//   5. board-paper exports, in real Chromium against the build: full paper PDF, summary
//      PDF, full paper DOCX and one PNG for a 24-criterion assessment with a 20-person workshop and three earlier
//      assessments (scripts/bench-export.mjs); and a check that no first-load file has export code
// Targets: first-load JS ≤ 130,000 bytes gzipped; one assessment scored in ≤ 0.1 ms (median);
// full board paper ≤ 1 s (PDF and DOCX) and one PNG ≤ 300 ms (medians); the others in TARGETS below.
// Exits 1 when a target is missed (after printing and writing everything), 2 when it cannot
// measure. Options: --no-build (measure the existing dist/), --skip-timing (sizes only),
// --out-dir <dir> (build into and measure <dir> instead of dist/, e.g. beside another build).
// Node built-ins only, plus playwright-core (a dev dependency) for the export timings.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { firstLoadHasExportCode, measureExports } from './bench-export.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OPTIONS = options();
const DIST = join(ROOT, OPTIONS.outDir);
const ASSETS = join(DIST, 'assets');
const RESULTS_FILE = join(ROOT, 'bench', 'results.json');
/** vitest's raw benchmark report; bench/*.tmp.json is git-ignored. */
const VITEST_REPORT = join(ROOT, 'bench', 'scoring.tmp.json');

const TARGETS = {
  firstLoadJsGzipBytes: 130 * 1000,
  scoreOneMedianMs: 0.1,
  trajectoryMedianMs: 2,
  backupExportMedianMs: 1_000,
  backupImportMedianMs: 2_000,
  compareTenMedianMs: 150,
  listRenderMedianMs: 100,
  workshopSpreadMedianMs: 5,
  workshopSpreadRenderMedianMs: 50,
  workshopImportMedianMs: 1_000,
  paperFullMedianMs: 1_000,
  paperDocxMedianMs: 1_000,
  pngOneMedianMs: 300,
};

/** Benchmark names in test/bench/scoring.bench.ts, matched by their start. */
const BENCHMARKS = {
  scoreOne: 'score one assessment',
  score10k: 'score 10,000 assessments',
  trajectory: 'trajectory data for a system with 20 assessments',
  backupExport: 'backup export, 1,000 assessments',
  backupImport: 'backup import, 1,000 assessments',
  compareTen: 'compare 10 assessments',
  listQuery: 'assessment list query, 1,000 assessments',
  listRender: 'assessment list render, 1,000 assessments',
  workshopSpread: 'workshop spread, 40 participants × 24 criteria',
  workshopSpreadRender: 'workshop spread render, 40 participants × 24 criteria',
  workshopImport: 'workshop import, 40 response files',
};

// ---------------------------------------------------------------------------------------------
// Running commands

function options() {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      'skip-timing': { type: 'boolean', default: false },
      'out-dir': { type: 'string', default: 'dist' },
    },
  });
  return { build: !values['no-build'], timing: !values['skip-timing'], outDir: values['out-dir'] };
}

/** Runs a command in the project root; returns its duration in ms. Throws if it fails. */
function run(command, args, { quiet = false } = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: quiet ? 'pipe' : 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`\`${command} ${args.join(' ')}\` failed (exit ${result.status})`);
  }
  return performance.now() - started;
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, stdio: 'pipe' })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Sizes

/** Raw and gzipped (zlib default level) bytes of one file in dist/. */
function fileSizes(file) {
  const content = readFileSync(file);
  return {
    file: relative(DIST, file).split(sep).join('/'),
    rawBytes: content.length,
    gzipBytes: gzipSync(content).length,
  };
}

/** Files largest (gzipped) first, with their totals. */
function totals(files) {
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    files,
    totalRawBytes: files.reduce((sum, f) => sum + f.rawBytes, 0),
    totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

/** A local URL from index.html or a chunk, as a path in dist/; null for other origins. */
function localPath(url, fromDir) {
  if (/^[a-z]+:|^\/\//i.test(url)) return null;
  const path = url.replace(/[?#].*$/, '');
  return path.startsWith('/') ? join(DIST, path) : resolve(fromDir, path);
}

/** The attributes of every `<tag …>` in the HTML, as objects. */
function tags(html, tag) {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))].map((match) =>
    Object.fromEntries(
      [...match[1].matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)].map(
        (a) => [a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ''],
      ),
    ),
  );
}

/** What index.html loads itself: module scripts, modulepreloads and stylesheets. */
function indexHtmlLoads() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const links = tags(html, 'link');
  const paths = (urls) => urls.map((url) => localPath(url, DIST)).filter(Boolean);
  return {
    scripts: paths([
      ...tags(html, 'script')
        .filter((s) => s.type === 'module' && s.src)
        .map((s) => s.src),
      ...links.filter((l) => l.rel === 'modulepreload' && l.href).map((l) => l.href),
    ]),
    stylesheets: paths(
      links.filter((l) => l.rel?.split(/\s+/).includes('stylesheet')).map((l) => l.href),
    ),
  };
}

/**
 * Static imports of a built chunk: `import … from "./x.js"`, `import "./x.js"` and
 * `export … from "./x.js"`. Not `import("./y.js")` (lazy) and not `import.meta`.
 */
function staticImports(file) {
  const code = readFileSync(file, 'utf8');
  const statement =
    /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'])([^"'\n]+)\1/g;
  return [...code.matchAll(statement)]
    .map((match) => localPath(match[2], dirname(file)))
    .filter(Boolean);
}

/** Every JS file reachable from index.html through static imports. */
function firstLoadScripts(entries) {
  const found = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop();
    if (found.has(file)) continue;
    if (!existsSync(file)) throw new Error(`index.html loads ${relative(DIST, file)}: not found`);
    found.add(file);
    queue.push(...staticImports(file));
  }
  return [...found];
}

function lazyChunks(firstLoad) {
  const loaded = new Set(firstLoad);
  return readdirSync(ASSETS)
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(ASSETS, name))
    .filter((file) => !loaded.has(file));
}

/** The URLs in the service worker's `precacheAndRoute([{url: …, revision: …}, …])`. */
function precacheUrls() {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const manifest = sw.match(/precacheAndRoute\(\s*(\[[\s\S]*?\])\s*[,)]/);
  if (!manifest) throw new Error('dist/sw.js: no precacheAndRoute([...]) manifest found');
  const urls = [...manifest[1].matchAll(/["']?url["']?\s*:\s*(["'`])([^"'`]+)\1/g)].map(
    (m) => m[2],
  );
  if (urls.length === 0) throw new Error('dist/sw.js: the precache manifest has no urls');
  return urls;
}

/** Entry count and the bytes the precache stores (each URL once: workbox de-duplicates). */
function precache() {
  const urls = precacheUrls();
  const unique = [...new Set(urls)];
  const missing = unique.filter((url) => !existsSync(localPath(url, DIST)));
  const bytes = unique
    .filter((url) => !missing.includes(url))
    .reduce((sum, url) => sum + readFileSync(localPath(url, DIST)).length, 0);
  return {
    entries: urls.length,
    uniqueFiles: unique.length,
    duplicateEntries: urls.length - unique.length,
    totalBytes: bytes,
    missing,
  };
}

function measureSizes() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/index.html: run a build first');
  const html = indexHtmlLoads();
  const firstLoad = firstLoadScripts(html.scripts);
  return {
    firstLoad: {
      js: totals(firstLoad.map(fileSizes)),
      css: totals(html.stylesheets.map(fileSizes)),
      hasExportCode: firstLoadHasExportCode(firstLoad),
    },
    precache: precache(),
    lazyChunks: totals(lazyChunks(firstLoad).map(fileSizes)),
  };
}

// ---------------------------------------------------------------------------------------------
// Scoring speed

function benchmarkFigures(benchmark) {
  return {
    name: benchmark.name,
    medianMs: benchmark.median,
    meanMs: benchmark.mean,
    minMs: benchmark.min,
    maxMs: benchmark.max,
    p99Ms: benchmark.p99,
    samples: benchmark.sampleCount,
  };
}

/** Runs the vitest benchmarks (node environment: the unit project) and reads their medians. */
function measureScoring() {
  mkdirSync(dirname(VITEST_REPORT), { recursive: true });
  const elapsedMs = run(
    'npx',
    ['vitest', 'bench', '--run', '--project', 'unit', '--outputJson', VITEST_REPORT],
    { quiet: true },
  );
  const report = JSON.parse(readFileSync(VITEST_REPORT, 'utf8'));
  rmSync(VITEST_REPORT);
  const benchmarks = report.files.flatMap((f) => f.groups.flatMap((g) => g.benchmarks));
  const find = (prefix) => {
    const found = benchmarks.find((b) => b.name.startsWith(prefix));
    if (!found) throw new Error(`vitest bench: no benchmark named "${prefix}…"`);
    return benchmarkFigures(found);
  };
  return {
    ms: elapsedMs,
    figures: Object.fromEntries(Object.entries(BENCHMARKS).map(([key, name]) => [key, find(name)])),
  };
}

// ---------------------------------------------------------------------------------------------
// Targets and results

function checkTargets(sizes, scoring, exports) {
  const checks = [
    {
      id: 'firstLoadWithoutExportCode',
      name: 'first-load files with export code (jsPDF, svg2pdf, docx)',
      value: sizes.firstLoad.hasExportCode ? 1 : 0,
      limit: 0,
      unit: 'files',
    },
    {
      id: 'paperFullMedian',
      name: 'full board paper PDF, median (Chromium)',
      value: exports?.paperFull.medianMs ?? null,
      limit: TARGETS.paperFullMedianMs,
      unit: 'ms',
    },
    {
      id: 'paperDocxMedian',
      name: 'full board paper DOCX, median (Chromium)',
      value: exports?.paperDocx.medianMs ?? null,
      limit: TARGETS.paperDocxMedianMs,
      unit: 'ms',
    },
    {
      id: 'pngOneMedian',
      name: 'one chart PNG, median (Chromium)',
      value: exports?.pngOne.medianMs ?? null,
      limit: TARGETS.pngOneMedianMs,
      unit: 'ms',
    },
    {
      id: 'firstLoadJsGzip',
      name: 'first-load JS, gzipped',
      value: sizes.firstLoad.js.totalGzipBytes,
      limit: TARGETS.firstLoadJsGzipBytes,
      unit: 'bytes',
    },
    {
      id: 'scoreOneMedian',
      name: 'score one assessment, median',
      value: scoring?.scoreOne.medianMs ?? null,
      limit: TARGETS.scoreOneMedianMs,
      unit: 'ms',
    },
    ...[
      ['trajectory', 'trajectory data, 20 assessments, median', TARGETS.trajectoryMedianMs],
      ['backupExport', 'backup export, 1,000 assessments, median', TARGETS.backupExportMedianMs],
      ['backupImport', 'backup import, 1,000 assessments, median', TARGETS.backupImportMedianMs],
      ['compareTen', 'compare 10 assessments, median', TARGETS.compareTenMedianMs],
      [
        'listRender',
        'assessment list render, 1,000 assessments, median',
        TARGETS.listRenderMedianMs,
      ],
      ['workshopSpread', 'workshop spread, 40 × 24, median', TARGETS.workshopSpreadMedianMs],
      [
        'workshopSpreadRender',
        'workshop spread render, 40 × 24, median',
        TARGETS.workshopSpreadRenderMedianMs,
      ],
      [
        'workshopImport',
        'workshop import, 40 response files, median',
        TARGETS.workshopImportMedianMs,
      ],
    ].map(([key, name, limit]) => ({
      id: `${key}Median`,
      name,
      value: scoring?.[key].medianMs ?? null,
      limit,
      unit: 'ms',
    })),
  ];
  return checks.map((c) => ({
    ...c,
    status: c.value === null ? 'SKIPPED' : c.value <= c.limit ? 'PASS' : 'FAIL',
  }));
}

function results({ sizes, scoring, exports, targets, durations }) {
  return {
    measuredAt: new Date().toISOString(),
    node: process.version,
    commit: gitCommit(),
    units: {
      '*Bytes': 'bytes (gzip: zlib default level)',
      '*Ms': 'milliseconds',
      samples: 'benchmark iterations',
    },
    ...sizes,
    scoring,
    exports,
    targets,
    passed: targets.every((t) => t.status !== 'FAIL'),
    durations,
  };
}

// ---------------------------------------------------------------------------------------------
// Printing

const int = (n) => Math.round(n).toLocaleString('en-GB');
const bytes = (n) => `${int(n)} B`;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => (n < 1 ? `${n.toFixed(4)} ms` : `${n.toFixed(1)} ms`);

function table(title, header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ');
  console.log(`\n${title}`);
  console.log(`  ${line(header)}`);
  for (const row of rows) console.log(`  ${line(row)}`);
}

const sizeRow = (label, raw, gzip) => [label, bytes(raw), bytes(gzip), kib(gzip)];
const sizeHeader = ['file', 'raw', 'gzip', 'gzip KiB'];

function printFiles(title, group) {
  table(title, sizeHeader, [
    ...group.files.map((f) => sizeRow(f.file, f.rawBytes, f.gzipBytes)),
    sizeRow(
      `total (${group.files.length} file${group.files.length === 1 ? '' : 's'})`,
      group.totalRawBytes,
      group.totalGzipBytes,
    ),
  ]);
}

function targetText(check) {
  const isBytes = check.unit === 'bytes';
  const isMs = check.unit === 'ms';
  const value =
    check.value === null
      ? 'not measured'
      : isBytes
        ? `${bytes(check.value)} (${kib(check.value)})`
        : isMs
          ? ms(check.value)
          : `${int(check.value)} ${check.unit}`;
  const limit = isBytes
    ? `${bytes(check.limit)} (${kib(check.limit)})`
    : `${check.limit} ${check.unit}`;
  return [check.name, value, `≤ ${limit}`, check.status];
}

function print(result) {
  printFiles(
    'First-load JS (index.html: entry + modulepreloads + static imports)',
    result.firstLoad.js,
  );
  printFiles('First-load CSS (stylesheets linked by index.html)', result.firstLoad.css);
  printFiles('Lazy JS chunks (dist/assets, not in the first load)', result.lazyChunks);

  const p = result.precache;
  table(
    'Precache (dist/sw.js precacheAndRoute manifest)',
    ['', 'value'],
    [
      ['entries', int(p.entries)],
      ['unique files (duplicates)', `${int(p.uniqueFiles)} (${int(p.duplicateEntries)})`],
      ['total size of unique files', `${bytes(p.totalBytes)} (${kib(p.totalBytes)})`],
      ...(p.missing.length > 0 ? [['missing from dist/', p.missing.join(', ')]] : []),
    ],
  );

  if (result.scoring) {
    table(
      'Timings (vitest bench, test/bench/*.bench.ts)',
      ['benchmark', 'median', 'mean', 'p99', 'samples'],
      Object.values(result.scoring).map((b) => [
        b.name,
        ms(b.medianMs),
        ms(b.meanMs),
        ms(b.p99Ms),
        int(b.samples),
      ]),
    );
  } else {
    console.log('\nScoring: skipped (--skip-timing)');
  }
  if (result.exports) {
    table(
      'Board-paper exports (Chromium, scripts/bench-export.mjs)',
      ['export', 'first (loads chunk)', 'median', 'min', 'max', 'samples'],
      Object.values(result.exports).map((e) => [
        e.name,
        e.firstMs === null ? '–' : ms(e.firstMs),
        ms(e.medianMs),
        ms(e.minMs),
        ms(e.maxMs),
        int(e.samples),
      ]),
    );
  }

  table('Targets', ['target', 'measured', 'limit', 'result'], result.targets.map(targetText));
  const d = result.durations;
  console.log(
    `\nWritten to ${relative(ROOT, RESULTS_FILE)} in ${(d.totalMs / 1000).toFixed(1)} s ` +
      `(build ${(d.buildMs / 1000).toFixed(1)} s, benchmarks ${(d.benchMs / 1000).toFixed(1)} s)`,
  );
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  const { build, timing, outDir } = OPTIONS;
  const buildMs = build
    ? run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'])
    : 0;
  const sizes = measureSizes();
  const scoring = timing ? measureScoring() : null;
  const exportsStarted = performance.now();
  const exports = timing ? await measureExports({ root: ROOT, dist: outDir }) : null;
  const exportsMs = timing ? performance.now() - exportsStarted : 0;
  const result = results({
    sizes,
    scoring: scoring?.figures ?? null,
    exports,
    targets: checkTargets(sizes, scoring?.figures, exports),
    durations: {
      built: build,
      buildMs: Math.round(buildMs),
      benchMs: Math.round((scoring?.ms ?? 0) + exportsMs),
      totalMs: Math.round(performance.now() - started),
    },
  });
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
  print(result);
  if (!result.passed) {
    console.error('\nA target was missed.');
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(`\nbench: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 2;
}
