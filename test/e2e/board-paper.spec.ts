import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { systemKey } from '../../src/domain/system-key';
import { safeFileName } from '../../src/lib/files';
import {
  createAssessment,
  criterionCard,
  expect,
  expectNoAxeViolations,
  test,
  waitForServiceWorkerControl,
  waitUntilSaved,
} from './fixtures';

/**
 * The board paper as real downloads. PDFs are checked with poppler (pdftotext, pdfinfo,
 * pdftoppm), PNGs by the size in their IHDR header.
 */

const HOSTILE = '<img src=x onerror=alert(1)> & "Ŵ"';
// Liberation Sans has no ✓ or ✗ (the PDF would show a box), so the symbols are ones it has.
const SYMBOLS = 'Cost £5m – “agreed” ŵ ŷ € ≤ ≥ •';
const LONG_END = 'FINAL-WORDS-OF-THE-LONG-RATIONALE';
const LONG_TEXT =
  `${'Evidence of joint working across the partnership. '.repeat(399)}${LONG_END}`.slice(-20_000);

type FrameworkJson = {
  characteristics: { title: string; criteria: { id: string; title: string }[] }[];
  scoring: Record<string, string>;
};
const frameworkJson = JSON.parse(
  readFileSync(
    new URL('../../src/content/frameworks/ics-maturity-2019.json', import.meta.url),
    'utf8',
  ),
) as FrameworkJson;
const characteristics = frameworkJson.characteristics;
const criterionTitles = characteristics.flatMap((c) => c.criteria.map((cr) => cr.title));

const normalise = (text: string) => text.replace(/\s+/g, ' ');

function poppler(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The downloaded file, also kept in the test's output folder for a look when a check fails. */
async function saved(download: Download): Promise<string> {
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** pdffonts' rows as [name, emb, sub, uni]: the PDF's fonts and whether each is embedded. */
function pdfFonts(path: string): string[][] {
  return poppler('pdffonts', [path])
    .trim()
    .split('\n')
    .slice(2)
    .map((row) => {
      const cells = row.trim().split(/\s+/);
      return [cells[0]!, ...cells.slice(-5, -2)];
    });
}

/** Only Liberation Sans, regular and bold, each an embedded subset with Unicode text: no DejaVu. */
function expectLiberationSansOnly(path: string): void {
  const fonts = pdfFonts(path);
  expect(fonts.map(([name]) => name!.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
    'LiberationSans',
    'LiberationSans-Bold',
  ]);
  for (const [name, ...flags] of fonts) {
    expect(name).toMatch(/^[A-Z]{6}\+LiberationSans/);
    expect(flags).toEqual(['yes', 'yes', 'yes']);
  }
  expect(poppler('pdffonts', [path])).not.toMatch(/dejavu/i);
}

/**
 * The last line of each page's body (above the footer), as pdftotext lays it out: a heading or a
 * criterion's label there would be cut off from what it introduces.
 */
function lastBodyLines(path: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) => {
    const page = String(i + 1);
    const lines = poppler('pdftotext', [
      '-enc',
      'UTF-8',
      '-layout',
      '-f',
      page,
      '-l',
      page,
      path,
      '-',
    ])
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/^Generated .+ Page \d+ of \d+$/.test(normalise(line)));
    return lines.at(-1) ?? '';
  });
}

function pdfPages(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [path]))?.[1]);
}

/** Every page renders: pdftoppm writes one PNG per page. */
function expectEveryPageRenders(path: string, pages: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'paper-'));
  try {
    poppler('pdftoppm', ['-png', '-r', '20', path, join(dir, 'page')]);
    const images = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(images).toHaveLength(pages);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function rateStep(page: Page, editorUrl: string, step: string, levels: string[]) {
  await page.goto(`${editorUrl}/${step}`);
  const groups = page.locator('fieldset.level-cards');
  for (const [i, level] of levels.entries())
    await groups
      .nth(i)
      .getByRole('radio', { name: new RegExp(`^${level}`) })
      .check();
  await waitUntilSaved(page);
}

/**
 * A workshop with twenty participants and five plan actions, written straight into IndexedDB (as
 * the workshop and plan screens would).
 */
async function seedWorkshop(page: Page, assessmentId: string, criterionIds: string[]) {
  await page.evaluate(
    async ({ assessmentId, criterionIds, key }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('ics-maturity');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(
        ['workshops', 'participants', 'individualRatings', 'agreements', 'actions'],
        'readwrite',
      );
      // Five open actions with the longest titles and owners the plan allows.
      for (let i = 0; i < 5; i++) {
        tx.objectStore('actions').put({
          id: `a${i}`,
          systemKey: key,
          title: `Action ${i + 1} ${'with a long description of the work '.repeat(6)}`.slice(
            0,
            200,
          ),
          owner: `Owner ${i + 1} ${'on behalf of the partnership board '.repeat(4)}`.slice(0, 120),
          dueDate: `2020-0${i + 1}-15`,
          status: 'in-progress',
          characteristicId: 'leadership',
          criterionId: criterionIds[i] ?? null,
          milestoneDate: null,
          createdAt: i,
          updatedAt: i,
        });
      }
      const levels = ['emerging', 'developing', 'maturing', 'thriving'];
      tx.objectStore('workshops').put({
        id: 'w-paper',
        assessmentId,
        title: 'Partnership board workshop',
        date: '2019-09-12',
        facilitator: 'Dr Siân Hughes',
        isAnonymous: false,
        criterionIds,
        createdAt: 1,
        updatedAt: 1,
      });
      for (let p = 0; p < 20; p++) {
        tx.objectStore('participants').put({
          id: `p${p}`,
          workshopId: 'w-paper',
          label: `Participant ${p + 1}`,
          organisation: `Organisation ${p + 1}`,
          sector: p % 2 === 0 ? 'local-authority' : 'acute-trust',
          joinedVia: 'this-device',
          createdAt: p,
        });
        criterionIds.forEach((criterionId, c) =>
          tx.objectStore('individualRatings').put({
            workshopId: 'w-paper',
            participantId: `p${p}`,
            criterionId,
            level: levels[(p + c) % (c === 0 ? 4 : 2)],
            note: '',
            ratedAt: 1,
          }),
        );
      }
      tx.objectStore('agreements').put({
        workshopId: 'w-paper',
        criterionId: criterionIds[0],
        level: 'developing',
        rationale: 'Agreed after discussion',
        dissent: 'Two council members thought maturing',
        agreedAt: 1,
      });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { assessmentId, criterionIds, key: systemKey(HOSTILE) },
  );
}

test('board paper: summary and full PDF, every PNG, hostile name, long text, comparison, workshop', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // An earlier assessment, then the one the paper is about.
  const first = await createAssessment(page, HOSTILE, '2019-03-31');
  await page.getByLabel('Assessment title').fill('Spring 2019');
  await rateStep(page, first, 'leadership', ['Emerging', 'Emerging', 'Emerging']);
  await rateStep(page, first, 'integrated-care', ['Emerging', 'Emerging', 'Emerging']);

  await page.goto('/');
  await page
    .getByRole('button', { name: 'Start the next assessment from this one for Spring 2019' })
    .click();
  await expect(page).toHaveURL(/\/edit$/);
  const editor = new URL(page.url()).pathname;
  const assessmentId = editor.split('/')[2]!;
  await page.getByLabel('Assessment date (as at)').fill('2019-09-30');
  await page.getByLabel('Assessment title').fill('Autumn 2019');
  await waitUntilSaved(page);
  await rateStep(page, editor, 'leadership', ['Developing', 'Maturing', 'Developing', 'Maturing']);
  const leadership = characteristics[0]!.criteria;
  await criterionCard(page, leadership[0]!.title).getByLabel('Rationale').fill(LONG_TEXT);
  await criterionCard(page, leadership[1]!.title).getByLabel('Rationale').fill(SYMBOLS);
  await waitUntilSaved(page);
  await rateStep(page, editor, 'integrated-care', ['Developing', 'Developing', 'Maturing']);
  await rateStep(page, editor, 'finance-planning', ['Emerging', 'Developing', 'Developing']);
  await seedWorkshop(
    page,
    assessmentId,
    leadership.map((c) => c.id),
  );

  // From the results screen to the paper.
  await page.goto(`/assessments/${assessmentId}/results`);
  await page.getByRole('link', { name: 'Board paper (PDF, PNG and print)' }).click();
  await expect(page).toHaveURL(/\/paper$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Board paper: Autumn 2019');
  await expect(page.getByTestId('paper-system')).toHaveText(HOSTILE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // The drawings shown on screen are the ones the PNGs are made from: the name is literal text.
  await expect(page.locator('.paper-chart svg').first()).toContainText(HOSTILE);
  await expectNoAxeViolations(page);

  const baseName = [HOSTILE, 'Autumn 2019', '2019-09-30'];

  // Summary PDF: the cover sheet, then at most two pages.
  let download = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: 'Download summary PDF (cover sheet and up to 2 pages)' })
      .click(),
  ]).then(([d]) => d);
  expect(download.suggestedFilename()).toBe(
    safeFileName([...baseName, 'board-paper-summary'], 'pdf'),
  );
  expect(download.suggestedFilename()).toMatch(/^[a-z0-9._-]+$/);
  let path = await saved(download);
  const summaryPages = pdfPages(path);
  expect(summaryPages).toBeGreaterThanOrEqual(2);
  expect(summaryPages).toBeLessThanOrEqual(3);
  const coverPage = normalise(poppler('pdftotext', ['-enc', 'UTF-8', '-l', '1', path, '-']));
  expect(coverPage).toContain('Cover sheet');
  expect(coverPage).toContain('Paper title Autumn 2019');
  expectEveryPageRenders(path, summaryPages);
  expectLiberationSansOnly(path);
  const summaryText = normalise(poppler('pdftotext', ['-enc', 'UTF-8', path, '-']));
  // So crowded a summary has no room for its charts: they are in the full paper.
  expect(summaryText).not.toContain('Maturity profile');
  expect(summaryText).toContain(HOSTILE);
  expect(summaryText).toContain('Page 1 of');
  expect(summaryText).toContain('Next actions due');
  // Five open actions with 200-character titles still fit: the summary drops its chart instead.
  for (let i = 1; i <= 5; i++) expect(summaryText).toContain(`Action ${i} with a long`);

  // Full paper.
  download = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download full paper PDF' }).click(),
  ]).then(([d]) => d);
  expect(download.suggestedFilename()).toBe(safeFileName([...baseName, 'board-paper'], 'pdf'));
  path = await saved(download);
  const pages = pdfPages(path);
  expect(pages).toBeGreaterThan(summaryPages + 3);
  expectEveryPageRenders(path, pages);
  expectLiberationSansOnly(path);
  const info = poppler('pdfinfo', [path]);
  expect(info).toContain(`Board paper: ${HOSTILE} – Autumn 2019`);
  expect(info).toMatch(/Subject:\s+ICS maturity self-assessment as at 30 September 2019/);
  expect(info).toMatch(/Author:\s+.+/);
  const text = normalise(poppler('pdftotext', ['-enc', 'UTF-8', path, '-']));
  expect(text).toContain(HOSTILE);
  expect(text).toContain(SYMBOLS);
  expect(text).toContain(LONG_END);
  expect(text).toContain(`Page ${pages} of ${pages}`);
  expect(text).toMatch(/Generated .+ by ICS Maturity \d+\.\d+\.\d+/);
  const levels = [
    'Maturing',
    'Developing',
    'Developing',
    'Insufficient evidence',
    'Insufficient evidence',
  ];
  characteristics.forEach((c, i) => expect(text).toContain(`${c.title} Level: ${levels[i]} (`));
  for (const title of criterionTitles) expect(text).toContain(title);
  for (const rule of Object.values(frameworkJson.scoring)) expect(text).toContain(normalise(rule));
  expect(text).toContain('Comparison with the previous assessment');
  expect(text).toContain('Appendix A: who took part');
  expect(text).toContain('Participant 20');
  // Appendix C states the framework's provenance plainly.
  expect(text).toContain(
    "Based on NHS England's ICS maturity matrix (2019); descriptors written for this tool.",
  );
  expect(text).not.toContain('could not be retrieved');
  // Every section once: one maturity profile and one trajectory chart.
  expect(text.split('Maturity profile')).toHaveLength(2);
  expect(text.split('Trajectory against targets')).toHaveLength(2);
  // No page ends with a heading or with a criterion's label away from its value.
  const keptWithNext = new Set([
    ...characteristics.map((c) => c.title),
    ...criterionTitles,
    'Agreed level',
    'What this level means',
    'Rationale',
    'Evidence',
    'Confidence',
    'Workshop spread',
    'Actions',
    'The five characteristics',
    'Top gaps against target',
    'Next actions due',
    'Criteria that changed',
    'The four levels',
  ]);
  const pageEnds = lastBodyLines(path, pages);
  for (const [i, line] of pageEnds.entries()) {
    expect(keptWithNext.has(line), `page ${i + 1} ends with "${line}"`).toBe(false);
  }
  expect(text).toContain('Dissent recorded: Two council members thought maturing');
  expect(text).toContain(
    'Workshop spread 20 ratings – Emerging 5, Developing 5, Maturing 5, Thriving 5; median Developing–Maturing',
  );
  // A bookmark per section (and per characteristic under the criteria).
  const raw = readFileSync(path).toString('latin1');
  expect(raw).toContain('/Outlines');
  const bookmarks = [...raw.matchAll(/\/Title \(([^)]*)\)/g)].map((m) => m[1]);
  expect(bookmarks).toEqual(
    expect.arrayContaining([
      'Summary',
      'Charts',
      'Criteria by characteristic',
      'Comparison with the previous assessment',
      'Appendix A: who took part',
      'Appendix B: method and scoring rules',
      'Appendix C: framework provenance',
      ...characteristics.map((c) => c.title),
    ]),
  );

  // Every PNG: 2× of an 800-unit drawing, so 1600 pixels wide.
  const expectedHeights: Record<string, number | null> = {
    summary: null,
    radar: 1360,
    trajectory: 1100,
    spread: null,
    comparison: 1120,
  };
  for (const [id, height] of Object.entries(expectedHeights)) {
    download = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`button[data-png="${id}"]`).click(),
    ]).then(([d]) => d);
    expect(download.suggestedFilename()).toMatch(
      /^img-src-x-onerror-alert-1-w-autumn-2019-2019-09-30-.+\.png$/,
    );
    const size = pngSize(await saved(download));
    expect(size.width, id).toBe(1600);
    if (height) expect(size.height, id).toBe(height);
    else expect(size.height, id).toBeGreaterThan(800);
  }
});

test('the print view is the accessible twin: Chromium prints it as a tagged PDF without the controls', async ({
  page,
}) => {
  const editor = await createAssessment(page, HOSTILE, '2019-06-30');
  await rateStep(page, editor, 'leadership', ['Maturing', 'Developing', 'Maturing']);
  await page.goto(`${editor.replace(/\/edit$/, '')}/paper`);
  await expect(page.getByTestId('paper-system')).toHaveText(HOSTILE);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Download full paper PDF' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  const path = test.info().outputPath('print-view.pdf');
  await page.pdf({ path, format: 'A4', tagged: true, outline: true, printBackground: true });
  expect(poppler('pdfinfo', [path])).toMatch(/Tagged:\s+yes/);
  const text = normalise(poppler('pdftotext', ['-enc', 'UTF-8', path, '-']));
  expect(text).toContain(HOSTILE);
  expect(text).toContain('Criteria by characteristic');
  for (const title of criterionTitles) expect(text).toContain(title);
  expect(text).not.toContain('Download full paper PDF');
});

test('nothing rated: a clear "nothing to report yet" message instead of an empty paper', async ({
  page,
}) => {
  const editor = await createAssessment(page, 'Empty ICS', '2019-06-30');
  const id = editor.split('/')[2]!;
  await page.goto(`/assessments/${id}/paper`);
  await expect(page.getByRole('heading', { name: 'Nothing to report yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Download/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the PDF export works offline (export chunks and font precached)', async ({
  page,
  context,
}) => {
  const editor = await createAssessment(page, 'Offline ICS', '2019-06-30');
  await rateStep(page, editor, 'leadership', ['Maturing', 'Maturing', 'Maturing']);
  const id = editor.split('/')[2]!;
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await page.goto(`/assessments/${id}/paper`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: 'Download summary PDF (cover sheet and up to 2 pages)' })
      .click(),
  ]);
  const text = normalise(poppler('pdftotext', ['-enc', 'UTF-8', await saved(download), '-']));
  expect(text).toContain('Offline ICS');
  // An ordinary summary has room for the maturity profile (radar).
  expect(text).toContain('Maturity profile');
  await context.setOffline(false);
});
