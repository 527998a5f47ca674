// `npm run bench`: builds the production app (`npx vite build`) and measures every figure with
// a target, then prints a table and writes bench/results.json (see bench/README.md):
//   1. sizes: first-load JS (the module entry of dist/index.html, its modulepreloads and their
//      static imports, followed transitively; dynamic import() is lazy and not followed) and
//      first-load CSS, raw and gzipped (zlib default level); the service worker's precache; every
//      lazy chunk
//   2. `node`: the pure domain code in Node (vitest bench, test/bench/*.bench.ts): scoring,
//      trajectory, compare, workshop spread
//   3. `exports`: board-paper exports in Chromium (scripts/bench-export.mjs)
//   4. `storage`: in Chromium against the build (scripts/bench-browser.mjs): restore and export of
//      1,000 assessments through the backup screen, the list at 10, 100 and 1,000, compare 5 of
//      1,000, editor clicks (next paint; stored) and the JS heap; `workshop`: the workshop reveal
//      (40 × 24) and import (40 files), also in Chromium
//   5. `load`: cold loads of the build (FCP, LCP), empty and with 1,000 assessments
//   6. `lighthouse`: Lighthouse's default (mobile) performance, accessibility and best practices
//   7. `sync`: partnership sync of 100 assessments to an empty device (scripts/bench-sync.mjs)
// The browser groups run against the build just made, served by a `vite preview` the bench starts
// on a free port and stops when it ends (also on SIGINT/SIGTERM), with the system Chromium.
// Exits 1 when a target is missed (after printing and writing everything), 2 when it cannot
// measure. Options: --no-build (measure the existing dist/), --skip-timing (sizes only),
// --out-dir <dir> (build into and measure <dir> instead of dist/), --only <groups> (comma-separated
// from node, exports, storage, workshop, load, lighthouse, sync; sizes are always measured), --port <n> (the first
// of 7 ports tried for the preview server and Lighthouse's DevTools port; default 4393).
// Node built-ins, plus playwright-core and lighthouse (dev dependencies) for the browser groups.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { measureBrowser } from './bench-browser.mjs';
import { firstLoadHasExportCode, measureExports } from './bench-export.mjs';
import { freePort, interrupted, launchChromium, startPreview, stopAll } from './bench-server.mjs';
import { measureSync } from './bench-sync.mjs';
import { CHROMIUM_ARGS, findChromium } from './chromium-path.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** What `--only` can choose; sizes are always measured. */
const GROUPS = ['node', 'exports', 'storage', 'workshop', 'load', 'lighthouse', 'sync'];
const OPTIONS = options();
const DIST = join(ROOT, OPTIONS.outDir);
const ASSETS = join(DIST, 'assets');
const RESULTS_FILE = join(ROOT, 'bench', 'results.json');
/** vitest's raw benchmark report; bench/*.tmp.json is git-ignored. */
const VITEST_REPORT = join(ROOT, 'bench', 'scoring.tmp.json');

const TARGETS = {
  firstLoadJsGzipBytes: 130 * 1000,
  firstLoadCssGzipBytes: 25 * 1000,
  scoreOneMedianMs: 0.1,
  trajectoryMedianMs: 2,
  compareTenMedianMs: 150,
  workshopSpreadMedianMs: 5,
  workshopImportMedianMs: 1_000,
  paperFullMedianMs: 1_000,
  paperDocxMedianMs: 1_000,
  pngOneMedianMs: 300,
  // In Chromium (scripts/bench-browser.mjs); medians unless said otherwise.
  list1000MedianMs: 100,
  compare5MedianMs: 300,
  restore1000MedianMs: 2_000,
  export1000MedianMs: 1_000,
  revealMedianMs: 50,
  editorPaintP95Ms: 50,
  heap1000Bytes: 150 * 1000 * 1000,
  lighthousePerformance: 0.95,
  lighthouseAccessibility: 1,
  lighthouseBestPractices: 1,
  syncPull100MedianMs: 5_000,
  syncLiveRatingMedianMs: 2_000,
};

/** Benchmark names in test/bench/*.bench.ts, matched by their start. */
const BENCHMARKS = {
  scoreOne: 'score one assessment',
  score10k: 'score 10,000 assessments',
  trajectory: 'trajectory data for a system with 20 assessments',
  compareTen: 'compare 10 assessments',
  workshopSpread: 'workshop spread, 40 participants × 24 criteria',
};

// ---------------------------------------------------------------------------------------------
// Running commands

function options() {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      'skip-timing': { type: 'boolean', default: false },
      'out-dir': { type: 'string', default: 'dist' },
      only: { type: 'string' },
      port: { type: 'string', default: '4393' },
    },
  });
  const only = values.only ? values.only.split(',').map((g) => g.trim()) : GROUPS;
  const unknown = only.filter((g) => !GROUPS.includes(g));
  if (unknown.length > 0) {
    console.error(
      `bench: --only: unknown group ${unknown.join(', ')} (groups: ${GROUPS.join(', ')})`,
    );
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1024 || port > 65_000) {
    console.error(`bench: --port: ${values.port} is not a port number`);
    process.exit(2);
  }
  return {
    build: !values['no-build'],
    timing: !values['skip-timing'],
    outDir: values['out-dir'],
    groups: values['skip-timing'] ? [] : only,
    port,
  };
}

/** Runs a command in the project root; returns its duration in ms. Throws if it fails. */
function run(command, args, { quiet = false, env = process.env } = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env,
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

/**
 * One row of the targets table: `limit` is a maximum (`at: 'most'`) or a minimum (`at: 'least'`);
 * a figure without a target has `limit: null` and is reported (status REPORT).
 */
function check(id, name, value, limit, unit, at = 'most') {
  return { id, name, value: value ?? null, limit, unit, at };
}

function checkTargets(sizes, scoring, exports, browser, sync) {
  const storage = browser?.storage;
  const load = browser?.load;
  const lh = browser?.lighthouse;
  const checks = [
    check(
      'firstLoadWithoutExportCode',
      'first-load files with export code (jsPDF, svg2pdf, docx)',
      sizes.firstLoad.hasExportCode ? 1 : 0,
      0,
      'files',
    ),
    check(
      'firstLoadJsGzip',
      'first-load JS, gzipped',
      sizes.firstLoad.js.totalGzipBytes,
      TARGETS.firstLoadJsGzipBytes,
      'bytes',
    ),
    check(
      'firstLoadCssGzip',
      'first-load CSS (design system), gzipped',
      sizes.firstLoad.css.totalGzipBytes,
      TARGETS.firstLoadCssGzipBytes,
      'bytes',
    ),
    // Node: pure domain code
    check(
      'scoreOneMedian',
      'score one assessment, median (Node)',
      scoring?.scoreOne.medianMs,
      TARGETS.scoreOneMedianMs,
      'ms',
    ),
    check(
      'trajectoryMedian',
      'trajectory data, 20 assessments, median (Node)',
      scoring?.trajectory.medianMs,
      TARGETS.trajectoryMedianMs,
      'ms',
    ),
    check(
      'compareTenMedian',
      'compare 10 assessments, domain only, median (Node)',
      scoring?.compareTen.medianMs,
      TARGETS.compareTenMedianMs,
      'ms',
    ),
    check(
      'workshopSpreadMedian',
      'workshop spread 40 × 24, computed, median (Node)',
      scoring?.workshopSpread.medianMs,
      TARGETS.workshopSpreadMedianMs,
      'ms',
    ),
    // Chromium: board paper
    check(
      'paperFullMedian',
      'full board paper PDF, median',
      exports?.paperFull.medianMs,
      TARGETS.paperFullMedianMs,
      'ms',
    ),
    check(
      'paperDocxMedian',
      'full board paper DOCX, median',
      exports?.paperDocx.medianMs,
      TARGETS.paperDocxMedianMs,
      'ms',
    ),
    check(
      'pngOneMedian',
      'one chart PNG, median',
      exports?.pngOne.medianMs,
      TARGETS.pngOneMedianMs,
      'ms',
    ),
    // Chromium: storage
    check(
      'list1000Median',
      'list of 1,000: navigate → rows painted, median',
      storage?.list1000?.medianMs,
      TARGETS.list1000MedianMs,
      'ms',
    ),
    check('list100Median', 'list of 100, median', storage?.list100?.medianMs, null, 'ms'),
    check('list10Median', 'list of 10, median', storage?.list10?.medianMs, null, 'ms'),
    check(
      'compare5Median',
      'compare 5 of 1,000: navigate → charts + tables, median',
      storage?.compare5?.medianMs,
      TARGETS.compare5MedianMs,
      'ms',
    ),
    check(
      'restore1000Median',
      'restore 1,000: file chosen → restored, median',
      storage?.restore1000?.medianMs,
      TARGETS.restore1000MedianMs,
      'ms',
    ),
    check(
      'restore1000PreviewMedian',
      'restore 1,000: file chosen → preview, median',
      storage?.restore1000?.previewMedianMs,
      null,
      'ms',
    ),
    check(
      'restore1000WriteMedian',
      'restore 1,000: Restore clicked → restored, median',
      storage?.restore1000?.writeMedianMs,
      null,
      'ms',
    ),
    check(
      'export1000Median',
      'export 1,000: click → download handed over, median',
      storage?.export1000?.medianMs,
      TARGETS.export1000MedianMs,
      'ms',
    ),
    check(
      'revealMedian',
      'workshop reveal 40 × 24: click → spread painted, median',
      storage?.reveal?.medianMs,
      TARGETS.revealMedianMs,
      'ms',
    ),
    check(
      'workshopImportMedian',
      'workshop import, 40 files: chosen → summary, median',
      storage?.workshopImport?.medianMs,
      TARGETS.workshopImportMedianMs,
      'ms',
    ),
    check(
      'editorPaintP95',
      'editor: click a level → next paint, p95',
      storage?.editor?.paint.p95Ms,
      TARGETS.editorPaintP95Ms,
      'ms',
    ),
    check(
      'editorStoredMedian',
      'editor: click a level → in IndexedDB, median',
      storage?.editor?.stored.medianMs,
      null,
      'ms',
    ),
    check(
      'heap1000',
      'JS heap with 1,000 loaded (after GC)',
      storage?.heap1000?.usedBytes,
      TARGETS.heap1000Bytes,
      'bytes',
    ),
    // Chromium: loading
    check('coldEmptyFcp', 'cold load, empty: FCP, median', load?.empty.fcpMedianMs, null, 'ms'),
    check('coldEmptyLcp', 'cold load, empty: LCP, median', load?.empty.lcpMedianMs, null, 'ms'),
    check(
      'coldThousandFcp',
      'cold load, 1,000: FCP, median',
      load?.thousand.fcpMedianMs,
      null,
      'ms',
    ),
    check(
      'coldThousandLcp',
      'cold load, 1,000: LCP, median',
      load?.thousand.lcpMedianMs,
      null,
      'ms',
    ),
    check(
      'coldThousandList',
      'cold load, 1,000: navigation start → list painted',
      load?.thousand.listMedianMs,
      null,
      'ms',
    ),
    check(
      'lighthousePerformance',
      'Lighthouse mobile performance, median of runs',
      lh?.performance,
      TARGETS.lighthousePerformance,
      'score',
      'least',
    ),
    check(
      'lighthouseAccessibility',
      'Lighthouse accessibility',
      lh?.accessibility,
      TARGETS.lighthouseAccessibility,
      'score',
      'least',
    ),
    check(
      'lighthouseBestPractices',
      'Lighthouse best practices',
      lh?.bestPractices,
      TARGETS.lighthouseBestPractices,
      'score',
      'least',
    ),
    // Chromium: partnership sync (scripts/bench-sync.mjs)
    check(
      'syncPull100Median',
      'sync 100 assessments to an empty device, median',
      sync?.pull100.medianMs,
      TARGETS.syncPull100MedianMs,
      'ms',
    ),
    check(
      'syncLiveRatingMedian',
      "live workshop: a participant's rating visible to the facilitator, median",
      sync?.liveRating?.medianMs,
      TARGETS.syncLiveRatingMedianMs,
      'ms',
    ),
  ];
  return checks.map((c) => ({
    ...c,
    status:
      c.value === null
        ? 'SKIPPED'
        : c.limit === null
          ? 'REPORT'
          : (c.at === 'least' ? c.value >= c.limit : c.value <= c.limit)
            ? 'PASS'
            : 'FAIL',
  }));
}

function results({ sizes, scoring, exports, browser, sync, targets, durations }) {
  return {
    measuredAt: new Date().toISOString(),
    node: process.version,
    commit: gitCommit(),
    units: {
      '*Bytes': 'bytes (gzip: zlib default level)',
      '*Ms': 'milliseconds',
      samples: 'benchmark iterations',
      score: 'Lighthouse category score, 0–1',
    },
    ...sizes,
    scoring,
    exports,
    storage: browser?.storage ?? null,
    load: browser?.load ?? null,
    lighthouse: browser?.lighthouse ?? null,
    sync: sync ?? null,
    pageErrors: [...new Set([...(browser?.pageErrors ?? []), ...(sync?.pageErrors ?? [])])],
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
  const format = (n) =>
    check.unit === 'bytes'
      ? n >= 1e6
        ? `${(n / 1e6).toFixed(1)} MB`
        : `${bytes(n)} (${kib(n)})`
      : check.unit === 'ms'
        ? ms(n)
        : check.unit === 'score'
          ? n.toFixed(2)
          : `${int(n)} ${check.unit}`;
  const value = check.value === null ? 'not measured' : format(check.value);
  const limit =
    check.limit === null ? '–' : `${check.at === 'least' ? '≥' : '≤'} ${format(check.limit)}`;
  return [check.name, value, limit, check.status];
}

const cell = (n) => (n === null || n === undefined ? '–' : ms(n));

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
      'Domain code in Node (vitest bench, test/bench/*.bench.ts)',
      ['benchmark', 'median', 'mean', 'p99', 'samples'],
      Object.values(result.scoring).map((b) => [
        b.name,
        ms(b.medianMs),
        ms(b.meanMs),
        ms(b.p99Ms),
        int(b.samples),
      ]),
    );
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
  const s = result.storage;
  if (s) {
    const rows = [
      s.list10,
      s.list100,
      s.list1000,
      s.compare5,
      s.export1000,
      s.reveal,
      s.workshopImport,
    ].filter(Boolean);
    table(
      'Storage and screens (Chromium, scripts/bench-browser.mjs; first = warm-up with chunk load)',
      ['figure', 'first', 'median', 'p95', 'min', 'max', 'samples'],
      [
        ...rows.map((f) => [
          f.name,
          cell(f.firstMs),
          ms(f.medianMs),
          ms(f.p95Ms),
          ms(f.minMs),
          ms(f.maxMs),
          int(f.samples),
        ]),
        ...(s.editor ? [s.editor.paint, s.editor.stored] : []).map((f) => [
          f.name,
          '–',
          ms(f.medianMs),
          ms(f.p95Ms),
          ms(f.minMs),
          ms(f.maxMs),
          int(f.samples),
        ]),
      ],
    );
    if (s.restore1000)
      table(
        'Restore 1,000 through the backup screen (fresh context each run)',
        ['run', 'preview', 'write', 'total'],
        [
          ...s.restore1000.runs.map((r, i) => [
            String(i + 1),
            ms(r.previewMs),
            ms(r.writeMs),
            ms(r.totalMs),
          ]),
          [
            'median',
            ms(s.restore1000.previewMedianMs),
            ms(s.restore1000.writeMedianMs),
            ms(s.restore1000.medianMs),
          ],
        ],
      );
  }
  if (result.load) {
    table(
      'Cold loads of the build (Chromium; FCP and LCP from the page, medians)',
      ['database', 'FCP', 'LCP', 'list painted', 'loads'],
      [result.load.empty, result.load.thousand].map((l) => [
        l.name,
        cell(l.fcpMedianMs),
        cell(l.lcpMedianMs),
        cell(l.listMedianMs),
        int(l.samples),
      ]),
    );
  }
  if (result.lighthouse) {
    const lh = result.lighthouse;
    table(
      `${lh.name}`,
      ['run', 'performance', 'accessibility', 'best practices', 'FCP', 'LCP', 'TBT'],
      lh.runs.map((r, i) => [
        String(i + 1),
        r.performance.toFixed(2),
        r.accessibility.toFixed(2),
        r.bestPractices.toFixed(2),
        ms(r.fcpMs),
        ms(r.lcpMs),
        ms(r.tbtMs),
      ]),
    );
    const failed = lh.medianRun.failedAudits;
    for (const [category, audits] of Object.entries(failed))
      if (audits.length > 0) console.log(`  ${category} audits below 1: ${audits.join(', ')}`);
  }
  if (result.pageErrors.length > 0)
    console.log(`\nUncaught page errors seen (${result.pageErrors.join('; ')})`);

  if (result.sync) {
    const p = result.sync.pull100;
    table(
      'Partnership sync (Chromium, scripts/bench-sync.mjs; CouchDB-protocol test server)',
      ['figure', 'median', 'min', 'max', 'samples'],
      [
        [p.name, ms(p.medianMs), ms(p.minMs), ms(p.maxMs), int(p.samples)],
        [
          'device A: 100 assessments sent (click → on the server)',
          ms(result.sync.push100Ms),
          '–',
          '–',
          '1',
        ],
        ...(result.sync.liveRating
          ? [
              [
                result.sync.liveRating.name,
                ms(result.sync.liveRating.medianMs),
                ms(result.sync.liveRating.minMs),
                ms(result.sync.liveRating.maxMs),
                int(result.sync.liveRating.samples),
              ],
            ]
          : []),
      ],
    );
  }
  table('Targets', ['figure', 'measured', 'target', 'result'], result.targets.map(targetText));
  const d = result.durations;
  console.log(
    `\nWritten to ${relative(ROOT, RESULTS_FILE)} in ${(d.totalMs / 1000).toFixed(1)} s ` +
      `(build ${(d.buildMs / 1000).toFixed(1)} s, benchmarks ${(d.benchMs / 1000).toFixed(1)} s; ` +
      `load average ${d.loadAverage.join(' → ')})`,
  );
}

// ---------------------------------------------------------------------------------------------

/** The browser groups: one preview server and one Chromium, both stopped when they end. */
async function measureInChromium(groups) {
  const browserGroups = groups.filter((g) => g !== 'node');
  if (browserGroups.length === 0) return { exports: null, browser: null, sync: null };
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium for the browser figures (set CHROME_PATH)');
  const log = (message) => console.log(`  · ${message}`);
  try {
    const port = await freePort(OPTIONS.port, 7);
    const { origin } = await startPreview({ root: ROOT, dist: OPTIONS.outDir, port });
    console.log(`Serving ${OPTIONS.outDir}/ at ${origin} (stopped when the bench ends)`);
    const { browser } = await launchChromium({ executablePath, args: CHROMIUM_ARGS });
    let exports = null;
    if (groups.includes('exports')) {
      log('board-paper exports');
      exports = await measureExports({ root: ROOT, origin, browser });
    }
    const measured = await measureBrowser({
      root: ROOT,
      origin,
      browser,
      executablePath,
      groups: browserGroups,
      lighthousePorts: { first: OPTIONS.port, count: 7, taken: [port] },
      log,
    });
    const sync = groups.includes('sync')
      ? await measureSync({
          root: ROOT,
          origin,
          browser,
          ports: { first: OPTIONS.port, taken: [port] },
          log,
        })
      : null;
    return { exports, browser: measured, sync };
  } finally {
    await stopAll();
  }
}

async function main() {
  const started = performance.now();
  const loadBefore = loadavg()[0];
  const { build, outDir, groups } = OPTIONS;
  // The sync group's test server listens on one of the bench's ports: the build's CSP allows them.
  const syncOrigins = Array.from({ length: 7 }, (_, i) => `http://127.0.0.1:${OPTIONS.port + i}`);
  const buildMs = build
    ? run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
        env: { ...process.env, ICS_SYNC_ORIGINS: syncOrigins.join(' ') },
      })
    : 0;
  const sizes = measureSizes();
  const benchStarted = performance.now();
  const scoring = groups.includes('node') ? measureScoring() : null;
  const { exports, browser, sync } = await measureInChromium(groups);
  const result = results({
    sizes,
    scoring: scoring?.figures ?? null,
    exports,
    browser,
    sync,
    targets: checkTargets(sizes, scoring?.figures, exports, browser, sync),
    durations: {
      built: build,
      groups,
      buildMs: Math.round(buildMs),
      benchMs: Math.round(performance.now() - benchStarted),
      totalMs: Math.round(performance.now() - started),
      loadAverage: [loadBefore, loadavg()[0]].map((l) => Math.round(l * 100) / 100),
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
  await stopAll();
  // Interrupted: the signal handler is stopping everything and sets the exit code.
  if (interrupted()) await new Promise(() => {});
  console.error(`\nbench: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 2;
}
