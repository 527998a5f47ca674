// `npm run bench -- --only sync`: partnership sync in Chromium against the build, through the
// CouchDB-protocol test server (scripts/sync-test-server.mjs) on 127.0.0.1. Device A restores
// 100 assessments through the app and switches sync on; then, three times, a new empty device
// (a fresh browser context) switches sync on, and the time from its click on "Switch sync on"
// until all 100 assessments are in its IndexedDB is measured (polled every 50 ms). The bench builds the app with its
// seven ports in ICS_SYNC_ORIGINS, so the server is allowed by the app and its CSP.
/* global indexedDB -- countAssessments() runs in the page */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { restoreFile, figures } from './bench-browser.mjs';
import { assessmentsBackup, readFramework } from './bench-data.mjs';
import { freePort, onStop } from './bench-server.mjs';
import { startSyncTestServer } from './sync-test-server.mjs';

const RUNS = 3;
const COUNT = 100;

function syncTexts(root) {
  const settings = JSON.parse(
    readFileSync(join(root, 'src/locales/en-GB/settings.json'), 'utf8'),
  ).sync;
  return { url: settings.url, switchOn: settings.switchOn, upToDate: settings.status.upToDate };
}

async function newDevice(browser, pageErrors) {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 800 },
  });
  context.on('weberror', (error) => pageErrors.push(error.error().message));
  return context;
}

/** Opens Settings and types the database address (the click is left to the caller). */
async function fillSyncForm(page, origin, texts, url) {
  await page.goto(`${origin}/settings`);
  await page.getByLabel(texts.url, { exact: true }).fill(url);
}

/** In the page: how many assessments the app's IndexedDB holds (0 until it exists). */
function countAssessments() {
  return new Promise((resolve) => {
    const open = indexedDB.open('ics-maturity');
    open.onerror = () => resolve(0);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('assessments')) {
        db.close();
        resolve(0);
        return;
      }
      const request = db.transaction('assessments').objectStore('assessments').count();
      request.onerror = () => resolve(0);
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
    };
  });
}

export async function measureSync({ root, origin, browser, ports, log = () => {} }) {
  const texts = syncTexts(root);
  const pageErrors = [];
  const syncPort = await freePort(ports.first, 7, ports.taken);
  const server = await startSyncTestServer({ port: syncPort, allowOrigins: [origin] });
  const stopServer = onStop(() => server.close());
  try {
    const url = await server.createDatabase(`bench-${Date.now()}`);
    log(`sync: device A restores ${COUNT} assessments and sends them`);
    const a = await newDevice(browser, pageErrors);
    const pageA = await a.newPage();
    await restoreFile(
      pageA,
      origin,
      root,
      `bench-${COUNT}.json`,
      assessmentsBackup(readFramework(root), COUNT),
    );
    const pushStarted = performance.now();
    await fillSyncForm(pageA, origin, texts, url);
    await pageA.getByRole('button', { name: texts.switchOn, exact: true }).click();
    for (;;) {
      const info = await (await fetch(url)).json();
      if (info.doc_count >= COUNT) break;
      if (performance.now() - pushStarted > 120_000) throw new Error('sync: device A never sent');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const pushMs = performance.now() - pushStarted;

    const pulls = [];
    for (let r = 0; r < RUNS; r++) {
      log(`sync: ${COUNT} assessments to an empty device (${r + 1}/${RUNS})`);
      const b = await newDevice(browser, pageErrors);
      try {
        const page = await b.newPage();
        await fillSyncForm(page, origin, texts, url);
        const clicked = performance.now();
        await page.getByRole('button', { name: texts.switchOn, exact: true }).click();
        while ((await page.evaluate(countAssessments)) < COUNT) {
          if (performance.now() - clicked > 120_000)
            throw new Error('sync: device B never received');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        pulls.push(performance.now() - clicked);
      } finally {
        await b.close();
      }
    }
    await a.close();
    return {
      pull100: figures(`sync ${COUNT} assessments to an empty device (click → all stored)`, pulls),
      push100Ms: Math.round(pushMs),
      pageErrors,
    };
  } finally {
    await stopServer();
  }
}
