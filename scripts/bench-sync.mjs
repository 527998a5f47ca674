// `npm run bench -- --only sync`: partnership sync in Chromium against the build, through the
// CouchDB-protocol test server (scripts/sync-test-server.mjs) on 127.0.0.1. Device A restores
// 100 assessments through the app and switches sync on; then, three times, a new empty device
// (a fresh browser context) switches sync on, and the time from its click on "Switch sync on"
// until all 100 assessments are in its IndexedDB is measured (polled every 50 ms). The bench builds the app with its
// seven ports in ICS_SYNC_ORIGINS, so the server is allowed by the app and its CSP.
//
// A live workshop: the facilitator's device (a restored workshop, revealed, no participants yet)
// and a participant's device (joined with the invitation file) both sync; five times the
// participant changes their rating of the first criterion and presses "Send my ratings to the
// facilitator", and the time from that click until the facilitator's revealed spread shows the
// new level is measured (each device in its own browser context; the facilitator's page waits
// for the text in the page itself, on every animation frame).
/* global indexedDB, document -- countAssessments() and the facilitator's wait run in the page */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { restoreFile, figures } from './bench-browser.mjs';
import { assessmentsBackup, readFramework, WORKSHOP_ID, workshopBackup } from './bench-data.mjs';
import { freePort, onStop } from './bench-server.mjs';
import { startSyncTestServer } from './sync-test-server.mjs';

const RUNS = 3;
const COUNT = 100;
const LIVE_RUNS = 5;

function syncTexts(root) {
  const settings = JSON.parse(
    readFileSync(join(root, 'src/locales/en-GB/settings.json'), 'utf8'),
  ).sync;
  const workshop = JSON.parse(readFileSync(join(root, 'src/locales/en-GB/workshop.json'), 'utf8'));
  return {
    url: settings.url,
    switchOn: settings.switchOn,
    upToDate: settings.status.upToDate,
    downloadInvitation: workshop.own.downloadInvitation,
    chooseFile: workshop.join.chooseFile,
    label: workshop.participants.label,
    organisation: workshop.participants.organisation,
    sector: workshop.participants.sector,
    start: workshop.join.start,
    send: workshop.join.sync.send,
    reveal: workshop.spread.reveal,
  };
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
    log(`sync: a live workshop, a participant's rating to the facilitator (${LIVE_RUNS} runs)`);
    const live = await measureLiveWorkshop({
      root,
      origin,
      browser,
      url: await server.createDatabase(`bench-live-${Date.now()}`),
      texts,
      pageErrors,
    });
    return {
      pull100: figures(`sync ${COUNT} assessments to an empty device (click → all stored)`, pulls),
      push100Ms: Math.round(pushMs),
      liveRating: figures(
        "live workshop: a participant's rating visible to the facilitator (Send → shown)",
        live,
      ),
      pageErrors,
    };
  } finally {
    await stopServer();
  }
}

/** Switches sync on in Settings and waits until it says it is up to date. */
async function switchOn(page, origin, texts, url) {
  await fillSyncForm(page, origin, texts, url);
  await page.getByRole('button', { name: texts.switchOn, exact: true }).click();
  await page
    .getByTestId('sync-status')
    .filter({ hasText: texts.upToDate })
    .waitFor({ timeout: 60_000 });
}

async function measureLiveWorkshop({ root, origin, browser, url, texts, pageErrors }) {
  const framework = readFramework(root);
  const levels = framework.levels.map((level) => level.title);
  const facilitator = await newDevice(browser, pageErrors);
  const participant = await newDevice(browser, pageErrors);
  try {
    const f = await facilitator.newPage();
    await restoreFile(f, origin, root, 'bench-live-workshop.json', workshopBackup(framework, 0));
    await switchOn(f, origin, texts, url);
    await f.goto(`${origin}/workshops/${WORKSHOP_ID}`);
    const [download] = await Promise.all([
      f.waitForEvent('download'),
      f.getByRole('button', { name: texts.downloadInvitation }).click(),
    ]);
    const invitation = await download.path();

    const p = await participant.newPage();
    await switchOn(p, origin, texts, url);
    await p.goto(`${origin}/join`);
    await p.getByLabel(texts.chooseFile).setInputFiles(invitation);
    await p.getByLabel(texts.label).fill('Participant');
    await p.getByLabel(texts.organisation).fill('Organisation');
    await p.getByLabel(texts.sector).selectOption({ index: 1 });
    await p.getByRole('button', { name: texts.start }).click();
    const first = p.locator('fieldset').first();
    const choose = (level) => first.getByRole('radio', { name: new RegExp(`^${level}`) }).check();
    const vision = f.locator('[data-criterion]').first();
    /** In the facilitator's page: until the first criterion's spread names `level`. */
    const shown = (level) =>
      f.waitForFunction(
        (text) => document.querySelector('[data-criterion]')?.textContent?.includes(text),
        `median ${level}`,
        { polling: 'raf', timeout: 60_000 },
      );

    // The first send brings the participant in; then the facilitator reveals.
    await choose(levels[0]);
    await p.getByRole('button', { name: texts.send }).click();
    await f.getByRole('button', { name: texts.reveal }).waitFor({ timeout: 60_000 });
    await f.getByRole('button', { name: texts.reveal }).click();
    await vision.waitFor();
    await shown(levels[0]);

    const samples = [];
    for (let run = 0; run < LIVE_RUNS; run++) {
      const level = levels[(run + 1) % levels.length];
      await choose(level);
      const clicked = performance.now();
      await p.getByRole('button', { name: texts.send }).click();
      await shown(level);
      samples.push(performance.now() - clicked);
    }
    return samples;
  } finally {
    await participant.close();
    await facilitator.close();
  }
}
