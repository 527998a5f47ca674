// Board-paper export timings, measured in real Chromium against the built app: part of
// `npm run bench` (scripts/bench.mjs), against the build it serves. Restores (through the app's
// backup screen) a 24-criterion assessment, three earlier assessments of the same system, ten plan
// actions and a 20-person workshop rating every criterion, opens the board paper screen and clicks its export
// buttons, timing each click until the screen reports the file ready (the PDF, DOCX or PNG is made and
// handed to the browser's download). The first click of each kind also loads the export chunk and
// the font; it is reported on its own, and the medians are of the clicks after it.
/* global document, MutationObserver -- timeClick() runs in the page */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { restoreFile } from './bench-browser.mjs';

const RUNS = { pdf: 7, docx: 7, png: 10 };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function figures(name, first, samples) {
  return {
    name,
    firstMs: first,
    medianMs: median(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    samples: samples.length,
  };
}

/**
 * The bench data as a backup file (restored through the app's backup screen, so the records are
 * written by the app's own storage code at whatever schema it has): four assessments of one
 * system, ten plan actions, and a 20-person workshop on the newest assessment.
 */
function paperBackup(criterionIds) {
  const levels = ['emerging', 'developing', 'maturing', 'thriving'];
  const dates = ['2019-03-31', '2019-09-30', '2020-03-31', '2020-09-30'];
  const time = Date.UTC(2024, 0, 1);
  const assessments = dates.map((asAt, a) => ({
    id: `bench-${a}`,
    systemName: 'Bench ICS',
    title: `Assessment ${asAt}`,
    asAt,
    frameworkId: 'ics-maturity-2019',
    frameworkVersion: '1.0.0',
    basedOnId: a > 0 ? `bench-${a - 1}` : null,
    createdAt: time + a,
    updatedAt: time + a,
    stamps: {},
    status: { state: 'draft' },
    statusHistory: [],
  }));
  const ratings = dates.flatMap((_, a) =>
    criterionIds.map((criterionId, c) => ({
      assessmentId: `bench-${a}`,
      criterionId,
      level: levels[Math.min(3, Math.floor((a + c) / 8))],
      rationale: 'Partners agreed this level after reviewing the evidence together. '.repeat(8),
      evidence: [
        { id: 'e1', text: 'Partnership board minutes, March', url: 'https://example.org/minutes' },
        { id: 'e2', text: 'System plan, section 4', url: '' },
      ],
      confidence: ['high', 'medium', 'low'][c % 3],
      updatedAt: time + a,
      stamps: {},
    })),
  );
  const actions = Array.from({ length: 10 }, (_, i) => ({
    id: `action-${i}`,
    systemKey: 'bench ics',
    title: `Development action ${i + 1}`,
    owner: 'Programme director',
    dueDate: `2021-0${(i % 9) + 1}-15`,
    status: i % 4 === 0 ? 'done' : 'in-progress',
    characteristicId: 'leadership',
    criterionId: criterionIds[i] ?? null,
    milestoneDate: null,
    createdAt: time + i,
    updatedAt: time + i,
  }));
  const workshopId = 'bench-workshop';
  const participants = Array.from({ length: 20 }, (_, p) => ({
    id: `p${p}`,
    workshopId,
    label: `Participant ${p + 1}`,
    organisation: `Organisation ${p + 1}`,
    sector: ['acute-trust', 'local-authority', 'primary-care', 'voluntary-sector'][p % 4],
    joinedVia: 'this-device',
    createdAt: time + p,
  }));
  const individualRatings = participants.flatMap((participant, p) =>
    criterionIds.map((criterionId, c) => ({
      workshopId,
      participantId: participant.id,
      criterionId,
      level: levels[(p + c) % 4],
      note: '',
      ratedAt: time,
    })),
  );
  const agreements = criterionIds.slice(0, 12).map((criterionId) => ({
    workshopId,
    criterionId,
    level: 'developing',
    rationale: 'Agreed after discussion',
    dissent: '',
    agreedAt: time,
  }));
  return JSON.stringify({
    type: 'ics-maturity-backup',
    version: 3,
    exportedAt: new Date(time + 1_000_000).toISOString(),
    app: { name: 'ICS Maturity', version: 'bench' },
    scope: 'all',
    data: {
      assessments,
      ratings,
      targets: [],
      actions,
      workshops: [
        {
          id: workshopId,
          assessmentId: 'bench-3',
          title: 'Partnership board workshop',
          date: '2020-09-20',
          facilitator: 'Facilitator',
          isAnonymous: false,
          criterionIds,
          createdAt: time,
          updatedAt: time,
        },
      ],
      participants,
      individualRatings,
      agreements,
      responseFiles: [],
    },
  });
}

/** Runs in the page: clicks an export button and resolves when the screen says the file is ready. */
async function timeClick(selector) {
  const status = document.querySelector('[data-testid="export-status"]');
  const button = document.querySelector(selector);
  if (!status || !button) throw new Error(`${selector} not found`);
  const started = performance.now();
  const done = new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      const text = status.textContent ?? '';
      if (/\.(pdf|docx|png) is ready/.test(text)) {
        observer.disconnect();
        resolve(performance.now() - started);
      } else if (/could not be made/.test(text)) {
        observer.disconnect();
        reject(new Error(text));
      }
    });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
  });
  button.click();
  return done;
}

/**
 * Times the board paper's exports with `browser` (playwright-core) against the app at `origin`
 * (served and stopped by the caller, scripts/bench.mjs).
 */
export async function measureExports({ root, origin, browser }) {
  const framework = JSON.parse(
    readFileSync(join(root, 'src/content/frameworks/ics-maturity-2019.json'), 'utf8'),
  );
  const criterionIds = framework.characteristics.flatMap((c) => c.criteria.map((cr) => cr.id));
  const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await restoreFile(page, origin, root, 'bench-paper.json', paperBackup(criterionIds));
    await page.goto(`${origin}/assessments/bench-3/paper`);
    await page.waitForSelector('button[data-png="spread"]', { timeout: 30_000 });
    const click = (selector) => page.evaluate(timeClick, selector);
    const full = 'button[data-pdf="full"]';
    const fullFirst = await click(full);
    const fullRuns = [];
    for (let i = 0; i < RUNS.pdf; i++) fullRuns.push(await click(full));
    const docx = 'button[data-docx="full"]';
    const docxFirst = await click(docx);
    const docxRuns = [];
    for (let i = 0; i < RUNS.docx; i++) docxRuns.push(await click(docx));
    const png = 'button[data-png="radar"]';
    const pngFirst = await click(png);
    const pngRuns = [];
    for (let i = 0; i < RUNS.png; i++) pngRuns.push(await click(png));
    const summary = 'button[data-pdf="summary"]';
    await click(summary);
    const summaryRuns = [];
    for (let i = 0; i < RUNS.pdf; i++) summaryRuns.push(await click(summary));
    return {
      paperFull: figures(
        'full board paper PDF (24 criteria, 20-person workshop, 3 earlier assessments)',
        fullFirst,
        fullRuns,
      ),
      paperSummary: figures('summary board paper PDF (same data)', null, summaryRuns),
      paperDocx: figures('full board paper DOCX (same data, charts as PNGs)', docxFirst, docxRuns),
      pngOne: figures('one PNG (maturity profile, 1600 px wide)', pngFirst, pngRuns),
    };
  } finally {
    await context.close();
  }
}

/** Whether any first-load file carries export code (jsPDF, svg2pdf or docx): it must not. */
export function firstLoadHasExportCode(files) {
  return files.some((file) => /jsPDF|svg2pdf|wordprocessingml/.test(readFileSync(file, 'utf8')));
}
