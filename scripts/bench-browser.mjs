// The storage, load and Lighthouse figures of `npm run bench`, measured in real headless Chromium
// (playwright-core, the system Chromium of scripts/chromium-path.mjs) against the production build
// served by `vite preview` (scripts/bench-server.mjs). See bench/README.md for what each figure
// is and where its timing starts and ends.
//
// Seeding: every database is filled through the app's own restore (a generated backup file,
// scripts/bench-data.mjs, chosen on the backup screen). The app's storage module writes the
// records at whatever schema version it has, with whatever it derives from them, so the bench does
// not depend on the database layout; restoring 1,000 is also one of the figures.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assessmentId,
  assessmentsBackup,
  LEVEL_IDS,
  readFramework,
  responseFiles,
  seededLevel,
  SYSTEMS,
  WORKSHOP_ID,
  workshopBackup,
} from './bench-data.mjs';
import { armProbe, awaitProbe, paintTimings, pollStored } from './bench-page.mjs';
import { freePort, onStop } from './bench-server.mjs';
import { CHROMIUM_ARGS } from './chromium-path.mjs';

export const RUNS = {
  /** Restores of 1,000 into an empty database, each in a fresh browser context. */
  restore: 3,
  /** Timed runs after one warm-up (the warm-up loads the screen's chunk; reported as firstMs). */
  list: 7,
  listSmall: 5,
  compare: 7,
  export: 3,
  reveal: 7,
  /** Imports of 40 response files, each into an empty workshop in a fresh context. */
  workshopImport: 3,
  /** Level clicks in the editor, after two warm-up clicks. */
  editorClicks: 24,
  /** Page loads: fresh contexts with an empty database; with 1,000, per restore context. */
  coldEmpty: 5,
  coldThousandPerContext: 2,
  lighthouse: 3,
};

const DB_NAME = 'ics-maturity';
const EDITED = assessmentId(0);

// ---------------------------------------------------------------------------------------------
// Figures

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile (p in 0–100). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n) => (n === null ? null : Math.round(n * 10) / 10);

export function figures(name, samples, extra = {}) {
  return {
    name,
    medianMs: round(median(samples)),
    minMs: round(Math.min(...samples)),
    maxMs: round(Math.max(...samples)),
    p95Ms: round(percentile(samples, 95)),
    samples: samples.length,
    runsMs: samples.map(round),
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// The app's words (en-GB), so the bench finds things by what people see

function loadTexts(root) {
  const read = (ns) => JSON.parse(readFileSync(join(root, `src/locales/en-GB/${ns}.json`), 'utf8'));
  const assessments = read('assessments');
  const backup = read('backup');
  const workshop = read('workshop');
  const settings = read('settings');
  return {
    listHeading: assessments.list.heading,
    listEmpty: assessments.list.empty,
    settingsHeading: settings.heading,
    restoreFile: backup.restore.file,
    previewHeading: backup.preview.heading,
    previewRestore: backup.preview.restore,
    restored: [backup.restore.done_one, backup.restore.done_other],
    refused: [backup.restore.refused, backup.restore.writeFailed],
    exportButton: backup.export.download,
    exported: backup.export.done_other,
    spreadHeading: workshop.spread.heading,
    chooseResponses: workshop.own.chooseFiles,
    imported: workshop.own.summary_other,
    reveal: workshop.spread.reveal,
  };
}

/** `{{name}}` placeholders filled in. */
const fill = (template, values) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => String(values[key] ?? ''));

/** A regular expression (source) matching the template with any text in its placeholders. */
const pattern = (template) =>
  template
    .split(/\{\{\s*\w+\s*\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+?');

/** Any of the templates (pattern() of each). */
const anyOf = (templates) => templates.map((t) => `(?:${pattern(t)})`).join('|');

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------
// Steps

/** Arms a probe (scripts/bench-page.mjs), runs `act`, and returns the probe's result. */
async function timed(page, spec, act = async () => {}) {
  await page.evaluate(armProbe, spec);
  await act();
  return page.evaluate(awaitProbe);
}

/** Moves the app to another screen inside the page (as a link would) and waits until it shows. */
async function goInApp(page, texts, href = '/settings') {
  await timed(page, {
    trigger: 'navigate',
    href,
    until: 'heading',
    heading: texts.settingsHeading,
  });
  await page.waitForTimeout(100);
}

/**
 * Restores `file` on the backup screen: chooses it with setInputFiles (timing from the input's
 * change event until the preview is painted), then clicks Restore (timing from the click until the
 * "Restored … assessments" message is painted).
 */
async function restoreThroughUi(page, origin, texts, file) {
  await page.goto(`${origin}/backup`);
  const input = page.getByLabel(texts.restoreFile, { exact: true });
  await input.waitFor({ state: 'attached' });
  const preview = await timed(
    page,
    {
      trigger: 'change',
      until: 'restorePreview',
      heading: fill(texts.previewHeading, { file: file.name }),
      button: texts.previewRestore,
      failPattern: anyOf(texts.refused),
      timeoutMs: 60_000,
    },
    () => input.setInputFiles(file.path),
  );
  const write = await timed(
    page,
    {
      trigger: 'click',
      until: 'status',
      pattern: anyOf(texts.restored),
      failPattern: anyOf(texts.refused),
      timeoutMs: 120_000,
    },
    () => page.getByRole('button', { name: texts.previewRestore, exact: true }).click(),
  );
  return { previewMs: preview.ms, writeMs: write.ms, totalMs: preview.ms + write.ms };
}

/**
 * Restores a backup file's `content` through the backup screen in `page` (the file is written to a
 * temporary folder and removed after): how other benches seed their data.
 */
export async function restoreFile(page, origin, root, name, content) {
  const dir = await mkdtemp(join(tmpdir(), 'ics-bench-'));
  const removeDir = onStop(() => rm(dir, { recursive: true, force: true }));
  try {
    const path = join(dir, name);
    await writeFile(path, content);
    return await restoreThroughUi(page, origin, loadTexts(root), { name, path });
  } finally {
    await removeDir();
  }
}

/** A page load in the same context, the HTTP cache emptied first; FCP, LCP and list ready. */
async function coldLoad(context, origin, texts, systems) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    let listMs = null;
    if (systems > 0) {
      const spec = { trigger: 'origin', until: 'list', heading: texts.listHeading, systems };
      await page.evaluate(armProbe, spec);
      listMs = (await page.evaluate(awaitProbe)).ms;
    } else {
      await page.getByText(texts.listEmpty).waitFor();
    }
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    return { ...(await page.evaluate(paintTimings)), listMs };
  } finally {
    await page.close();
  }
}

async function newContext(browser, pageErrors) {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    acceptDownloads: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 800 },
  });
  context.on('weberror', (error) => pageErrors.push(error.error().message));
  return context;
}

// ---------------------------------------------------------------------------------------------
// The groups

async function listTimes(page, texts, systems, runs) {
  const spec = { trigger: 'navigate', href: '/', until: 'list', heading: texts.listHeading };
  const samples = [];
  let first = null;
  for (let i = 0; i <= runs; i++) {
    await goInApp(page, texts);
    const { ms } = await timed(page, { ...spec, systems });
    if (i === 0) first = ms;
    else samples.push(ms);
  }
  return { first, samples };
}

/** list, heap, compare, export and the editor, in one context holding the 1,000 just restored. */
async function thousandScreens(context, page, origin, texts, framework, log) {
  const out = {};
  await page.goto(`${origin}/settings`);
  await page.getByRole('heading', { level: 1, name: texts.settingsHeading }).waitFor();

  log('list of 1,000');
  const list = await listTimes(page, texts, SYSTEMS, RUNS.list);
  out.list1000 = figures('list of 1,000 (navigate → rows painted)', list.samples, {
    firstMs: round(list.first),
  });

  log('heap with 1,000');
  await page.goto(`${origin}/`);
  await timed(page, {
    trigger: 'origin',
    until: 'list',
    heading: texts.listHeading,
    systems: SYSTEMS,
  });
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  out.heap1000 = {
    name: 'JS heap, list of 1,000 loaded, after GC',
    usedBytes: heap.usedSize,
    totalBytes: heap.totalSize,
  };

  log('compare 5 of 1,000');
  // The five newest assessments of the first system.
  const ids = Array.from({ length: 5 }, (_, k) => assessmentId(1_000 - SYSTEMS * (k + 1)));
  const href = `/compare/${ids.map(encodeURIComponent).join(',')}`;
  const compare = [];
  let compareFirst = null;
  for (let i = 0; i <= RUNS.compare; i++) {
    await goInApp(page, texts);
    const { ms } = await timed(page, { trigger: 'navigate', href, until: 'compare', columns: 5 });
    if (i === 0) compareFirst = ms;
    else compare.push(ms);
  }
  out.compare5 = figures('compare 5 of 1,000 (navigate → charts and tables painted)', compare, {
    firstMs: round(compareFirst),
  });

  log('export 1,000');
  const handover = [];
  const message = [];
  let exportFirst = null;
  for (let i = 0; i <= RUNS.export; i++) {
    await page.goto(`${origin}/backup`);
    const button = page.getByRole('button', { name: texts.exportButton, exact: true });
    await button.waitFor();
    await page.waitForTimeout(300);
    const result = await timed(
      page,
      {
        trigger: 'click',
        until: 'status',
        pattern: pattern(texts.exported),
        download: true,
        timeoutMs: 60_000,
      },
      () => button.click(),
    );
    if (result.downloadMs === null) throw new Error('export: no download was handed over');
    if (i === 0) exportFirst = result.downloadMs;
    else {
      handover.push(result.downloadMs);
      message.push(result.ms);
    }
  }
  out.export1000 = figures('export 1,000 (click → download handed over)', handover, {
    firstMs: round(exportFirst),
    messageMedianMs: round(median(message)),
  });

  log('editor clicks');
  out.editor = await editorClicks(page, origin, framework);
  return out;
}

/** Clicks level after level in the editor's first characteristic, each one a change. */
async function editorClicks(page, origin, framework) {
  const characteristic = framework.characteristics[0];
  const levelTitles = Object.fromEntries(framework.levels.map((l) => [l.id, l.title]));
  const allCriteria = framework.characteristics.flatMap((c) => c.criteria);
  const current = characteristic.criteria.map((criterion) =>
    seededLevel(0, allCriteria.indexOf(criterion)),
  );
  await page.goto(`${origin}/assessments/${EDITED}/edit/${characteristic.id}`);
  await page.getByRole('radio').first().waitFor();
  await page.waitForTimeout(500);
  const paint = [];
  const stored = [];
  const warmUp = 2;
  for (let i = 0; i < RUNS.editorClicks + warmUp; i++) {
    const c = i % characteristic.criteria.length;
    const criterion = characteristic.criteria[c];
    const level = LEVEL_IDS[(LEVEL_IDS.indexOf(current[c]) + 1) % LEVEL_IDS.length];
    current[c] = level;
    const radio = page
      .getByRole('region', { name: new RegExp(escapeRegExp(criterion.title)) })
      .getByRole('radio', { name: new RegExp(`^${escapeRegExp(levelTitles[level])}`) });
    await radio.scrollIntoViewIfNeeded();
    await page.evaluate(armProbe, { trigger: 'click', until: 'checked' });
    await radio.click();
    const [probe, storedAt] = await Promise.all([
      page.evaluate(awaitProbe),
      page.evaluate(pollStored, {
        dbName: DB_NAME,
        assessmentId: EDITED,
        criterionId: criterion.id,
        level,
        timeoutMs: 10_000,
      }),
    ]);
    if (i >= warmUp) {
      paint.push(probe.ms);
      stored.push(storedAt - probe.start);
    }
  }
  return {
    paint: figures('editor: click a level → next paint', paint),
    stored: figures('editor: click a level → in IndexedDB', stored),
  };
}

/** In the page: takes the kept round 1 reveal off the workshop's record. */
function forgetReveal({ dbName, workshopId }) {
  return new Promise((resolve, reject) => {
    const open = globalThis.indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction('workshops', 'readwrite').objectStore('workshops');
      const get = store.get(workshopId);
      get.onsuccess = () => {
        const { revealedCriterionIds, ...workshop } = get.result;
        void revealedCriterionIds;
        const put = store.put(workshop);
        put.onsuccess = () => {
          db.close();
          resolve();
        };
        put.onerror = () => reject(put.error);
      };
    };
  });
}

async function workshopReveal(browser, origin, texts, framework, file, pageErrors) {
  const context = await newContext(browser, pageErrors);
  try {
    const page = await context.newPage();
    await restoreThroughUi(page, origin, texts, file);
    const criteria = framework.characteristics.flatMap((c) => c.criteria).length;
    const samples = [];
    let first = null;
    for (let i = 0; i <= RUNS.reveal; i++) {
      // A reveal is kept on the workshop's record (issue 12): each run starts hidden again.
      await page.evaluate(forgetReveal, { dbName: DB_NAME, workshopId: WORKSHOP_ID });
      await page.goto(`${origin}/workshops/${WORKSHOP_ID}`);
      const button = page.getByRole('button', { name: texts.reveal, exact: true });
      await button.waitFor();
      await page.waitForTimeout(300);
      const { ms } = await timed(
        page,
        { trigger: 'click', until: 'reveal', heading: texts.spreadHeading, criteria },
        () => button.click(),
      );
      if (i === 0) first = ms;
      else samples.push(ms);
    }
    return figures('workshop reveal, 40 × 24 (click → spread painted)', samples, {
      firstMs: round(first),
    });
  } finally {
    await context.close();
  }
}

/**
 * Imports 40 response files on the workshop screen into an empty workshop (restored first, in a
 * fresh context each run): files chosen → "40 files checked; 40 brought in new ratings" painted.
 */
async function workshopImport(browser, origin, texts, framework, dir, pageErrors) {
  const empty = { name: 'bench-workshop-empty.json', path: join(dir, 'bench-workshop-empty.json') };
  await writeFile(empty.path, workshopBackup(framework, 0));
  const files = [];
  for (const response of responseFiles(framework, 40)) {
    const path = join(dir, response.name);
    await writeFile(path, response.content);
    files.push(path);
  }
  const summary = escapeRegExp(fill(texts.imported, { count: 40, accepted: 40 }));
  const samples = [];
  for (let r = 0; r < RUNS.workshopImport; r++) {
    const context = await newContext(browser, pageErrors);
    try {
      const page = await context.newPage();
      await restoreThroughUi(page, origin, texts, empty);
      await page.goto(`${origin}/workshops/${WORKSHOP_ID}`);
      const input = page.getByLabel(texts.chooseResponses, { exact: true });
      await input.waitFor({ state: 'attached' });
      await page.waitForTimeout(300);
      const { ms } = await timed(
        page,
        { trigger: 'change', until: 'status', pattern: summary, timeoutMs: 60_000 },
        () => input.setInputFiles(files),
      );
      samples.push(ms);
    } finally {
      await context.close();
    }
  }
  return figures('workshop import, 40 response files (chosen → summary painted)', samples);
}

async function smallList(browser, origin, texts, file, count, pageErrors) {
  const context = await newContext(browser, pageErrors);
  try {
    const page = await context.newPage();
    await restoreThroughUi(page, origin, texts, file);
    await page.goto(`${origin}/settings`);
    await page.getByRole('heading', { level: 1, name: texts.settingsHeading }).waitFor();
    const { first, samples } = await listTimes(
      page,
      texts,
      Math.min(SYSTEMS, count),
      RUNS.listSmall,
    );
    return figures(`list of ${count.toLocaleString('en-GB')}`, samples, { firstMs: round(first) });
  } finally {
    await context.close();
  }
}

/** Whether Chromium's DevTools answer on `port` (not some other server). */
async function isDevTools(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/json/version`, {
      signal: AbortSignal.timeout(5_000),
    });
    const version = await response.json();
    return typeof version.Browser === 'string' && typeof version.webSocketDebuggerUrl === 'string';
  } catch {
    return false;
  }
}

/**
 * Lighthouse (default config: mobile, simulated throttling) on the start page, in its own
 * Chromium with a DevTools port, RUNS.lighthouse times; the run with the median performance
 * score is reported with all three category scores.
 */
async function lighthouseRuns({ origin, executablePath, ports, log }) {
  const { chromium } = await import('playwright-core');
  const { default: lighthouse } = await import('lighthouse');
  // A port is chosen just before Chromium takes it, and Chromium is checked to be what answers
  // there: another program may have taken a port that was free when the bench started.
  let context;
  let port;
  let stop;
  const tried = [...ports.taken];
  for (let attempt = 0; attempt < ports.count && !context; attempt++) {
    port = await freePort(ports.first, ports.count, tried);
    tried.push(port);
    const profile = await mkdtemp(join(tmpdir(), 'ics-bench-lighthouse-'));
    const launched = await chromium.launchPersistentContext(profile, {
      executablePath,
      args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
      headless: true,
      handleSIGINT: false,
      handleSIGTERM: false,
    });
    stop = onStop(async () => {
      await launched.close();
      await rm(profile, { recursive: true, force: true });
    });
    if (await isDevTools(port)) context = launched;
    else await stop();
  }
  if (!context) throw new Error('lighthouse: no port where Chromium could open its DevTools');
  try {
    const runs = [];
    for (let i = 0; i < RUNS.lighthouse; i++) {
      log(`lighthouse ${i + 1}/${RUNS.lighthouse}`);
      const result = await lighthouse(`${origin}/`, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error('lighthouse returned no result');
      if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.message}`);
      const failed = (category) =>
        lhr.categories[category].auditRefs
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((audit) => audit.score !== null && audit.score < 1)
          .map((audit) => audit.id);
      runs.push({
        performance: lhr.categories.performance.score,
        accessibility: lhr.categories.accessibility.score,
        bestPractices: lhr.categories['best-practices'].score,
        fcpMs: round(lhr.audits['first-contentful-paint'].numericValue),
        lcpMs: round(lhr.audits['largest-contentful-paint'].numericValue),
        tbtMs: round(lhr.audits['total-blocking-time'].numericValue),
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
        failedAudits: {
          performance: failed('performance'),
          accessibility: failed('accessibility'),
          bestPractices: failed('best-practices'),
        },
        formFactor: lhr.configSettings.formFactor,
        lighthouseVersion: lhr.lighthouseVersion,
      });
    }
    const byPerformance = [...runs].sort((a, b) => a.performance - b.performance);
    const middle = byPerformance[Math.floor(byPerformance.length / 2)];
    return {
      name: 'Lighthouse, start page (default config: mobile, simulated throttling)',
      performance: median(runs.map((r) => r.performance)),
      accessibility: median(runs.map((r) => r.accessibility)),
      bestPractices: median(runs.map((r) => r.bestPractices)),
      medianRun: middle,
      runs,
    };
  } finally {
    await stop();
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Measures the `groups` asked for ('storage', 'workshop', 'load', 'lighthouse') with `browser` (playwright-core)
 * against the app at `origin`; Lighthouse's DevTools port is the first free one of
 * `lighthousePorts` ({ first, count, taken }). Returns `{ storage, load, lighthouse, pageErrors }`, null for a
 * group not measured.
 */
export async function measureBrowser({
  root,
  origin,
  browser,
  executablePath,
  groups,
  lighthousePorts,
  log = () => {},
}) {
  const texts = loadTexts(root);
  const framework = readFramework(root);
  const pageErrors = [];
  const dir = await mkdtemp(join(tmpdir(), 'ics-bench-'));
  const removeDir = onStop(() => rm(dir, { recursive: true, force: true }));
  const file = async (name, content) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return { name, path, bytes: Buffer.byteLength(content) };
  };
  try {
    const onStorage = groups.includes('storage');
    const storage = onStorage || groups.includes('workshop') ? {} : null;
    const load = groups.includes('load') ? {} : null;
    if (onStorage || load) {
      const thousand = await file('bench-1000.json', assessmentsBackup(framework, 1_000));
      const restores = [];
      const coldThousand = [];
      for (let r = 0; r < RUNS.restore; r++) {
        log(`restore 1,000 (${r + 1}/${RUNS.restore})`);
        const context = await newContext(browser, pageErrors);
        try {
          const page = await context.newPage();
          restores.push(await restoreThroughUi(page, origin, texts, thousand));
          if (load) {
            for (let k = 0; k < RUNS.coldThousandPerContext; k++)
              coldThousand.push(await coldLoad(context, origin, texts, SYSTEMS));
          }
          if (onStorage && r === 0)
            Object.assign(
              storage,
              await thousandScreens(context, page, origin, texts, framework, log),
            );
        } finally {
          await context.close();
        }
      }
      if (onStorage) {
        const pick = (key) => restores.map((r) => r[key]);
        storage.restore1000 = {
          ...figures('restore 1,000 (file chosen → restored message)', pick('totalMs')),
          previewMedianMs: round(median(pick('previewMs'))),
          writeMedianMs: round(median(pick('writeMs'))),
          fileBytes: thousand.bytes,
          runs: restores.map((r) => ({
            previewMs: round(r.previewMs),
            writeMs: round(r.writeMs),
            totalMs: round(r.totalMs),
          })),
        };
        for (const count of [10, 100]) {
          log(`list of ${count}`);
          const small = await file(`bench-${count}.json`, assessmentsBackup(framework, count));
          storage[`list${count}`] = await smallList(
            browser,
            origin,
            texts,
            small,
            count,
            pageErrors,
          );
        }
      }
      if (load) {
        log('cold loads, empty database');
        const coldEmpty = [];
        for (let i = 0; i < RUNS.coldEmpty; i++) {
          const context = await newContext(browser, pageErrors);
          try {
            coldEmpty.push(await coldLoad(context, origin, texts, 0));
          } finally {
            await context.close();
          }
        }
        const paintFigures = (name, loads) => ({
          name,
          fcpMedianMs: round(median(loads.map((l) => l.fcpMs))),
          lcpMedianMs: round(median(loads.map((l) => l.lcpMs))),
          listMedianMs: loads[0].listMs === null ? null : round(median(loads.map((l) => l.listMs))),
          samples: loads.length,
          runs: loads.map((l) => ({
            fcpMs: round(l.fcpMs),
            lcpMs: round(l.lcpMs),
            listMs: round(l.listMs),
          })),
        });
        load.empty = paintFigures('cold load, empty database', coldEmpty);
        load.thousand = paintFigures('cold load, 1,000 assessments', coldThousand);
      }
    }
    if (groups.includes('workshop')) {
      log('workshop reveal');
      const workshop = await file('bench-workshop.json', workshopBackup(framework, 40));
      storage.reveal = await workshopReveal(
        browser,
        origin,
        texts,
        framework,
        workshop,
        pageErrors,
      );
      log('workshop import');
      storage.workshopImport = await workshopImport(
        browser,
        origin,
        texts,
        framework,
        dir,
        pageErrors,
      );
    }
    const lighthouseFigures = groups.includes('lighthouse')
      ? await lighthouseRuns({ origin, executablePath, ports: lighthousePorts, log })
      : null;
    return { storage, load, lighthouse: lighthouseFigures, pageErrors };
  } finally {
    await removeDir();
  }
}
