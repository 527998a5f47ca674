import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { unzip, wordText, zipText } from '../support/zip';
import {
  createAssessment,
  expect,
  test,
  waitForServiceWorkerControl,
  waitUntilSaved,
} from './fixtures';

/**
 * The Word board papers as real downloads from real Chromium: unzipped and read as Word reads
 * them (word/document.xml, docProps/core.xml, the chart images), and — where LibreOffice is
 * installed (.ci/run installs it) — converted to PDF with `soffice --headless` and read back with
 * pdftotext, which proves the file opens and renders.
 */

const SYSTEM = 'Northshire & Eastvale ICS – “Ŵ”';
const BOARD = 'Northshire ICS Partnership Board';

const frameworkJson = JSON.parse(
  readFileSync(
    new URL('../../src/content/frameworks/ics-maturity-2019.json', import.meta.url),
    'utf8',
  ),
) as { characteristics: { title: string }[] };
const characteristics = frameworkJson.characteristics.map((c) => c.title);

const normalise = (text: string) => text.replace(/\s+/g, ' ');

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

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

/** Clicks a download button and keeps the file in the test's output folder. */
async function download(page: Page, name: string): Promise<{ path: string; file: Download }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { path, file };
}

function readDocx(path: string) {
  const files = unzip(readFileSync(path));
  const document = zipText(files, 'word/document.xml');
  return {
    files,
    document,
    text: normalise(wordText(document)),
    core: zipText(files, 'docProps/core.xml'),
    contentTypes: zipText(files, '[Content_Types].xml'),
  };
}

/** The document converted by LibreOffice, as pdftotext reads it; a fresh profile per call. */
function convertWithLibreOffice(path: string): { text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'paper-docx-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const pdf = join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.pdf'))!,
    );
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    return { text: normalise(text), pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('board paper: the summary and full paper as Word documents, opened by LibreOffice', async ({
  page,
}) => {
  test.slow();
  const editor = await createAssessment(page, SYSTEM, '2019-09-30');
  await rateStep(page, editor, 'leadership', ['Developing', 'Maturing', 'Developing']);
  await rateStep(page, editor, 'integrated-care', ['Developing', 'Developing', 'Maturing']);
  await page.goto(editor.replace(/\/edit$/, '/paper'));
  await page.getByText(/^Fill in the cover sheet/).click();
  await page.getByLabel('Meeting (board or committee)').fill(BOARD);
  await page.getByRole('radio', { name: 'For assurance' }).check();

  // At 320 px the four paper buttons wrap instead of widening the page.
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(page.getByRole('button', { name: 'Download full paper (Word)' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 800 });

  const summaryButton = page.getByRole('button', { name: 'Download summary (Word)' });
  const [summaryFile] = await Promise.all([
    page.waitForEvent('download'),
    summaryButton.click(),
    // While the file is made, the buttons say so (aria-disabled, so focus stays put).
    expect(summaryButton).toHaveAttribute('aria-disabled', 'true'),
  ]);
  const summaryPath = test.info().outputPath(summaryFile.suggestedFilename());
  await summaryFile.saveAs(summaryPath);
  expect(summaryFile.suggestedFilename()).toMatch(/board-paper-summary\.docx$/);
  await expect(page.getByTestId('export-status')).toContainText('.docx is ready');
  const full = await download(page, 'Download full paper (Word)');
  expect(full.file.suggestedFilename()).toMatch(/-board-paper\.docx$/);

  for (const [path, variant] of [
    [summaryPath, 'summary'],
    [full.path, 'full'],
  ] as const) {
    const docx = readDocx(path);
    expect(docx.contentTypes).toContain(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    );
    expect(docx.text).toContain(SYSTEM);
    for (const title of characteristics) expect(docx.text).toContain(title);
    // The cover sheet: a table with the fields as filled in, blanks plainly "Not stated".
    for (const text of [
      'Cover sheet',
      `Meeting (board or committee)${BOARD}`,
      'PurposeFor assurance',
      'AuthorNot stated',
    ])
      expect(docx.text.replace(/ /g, '')).toContain(text.replace(/ /g, ''));
    // Real headings and tables whose header rows repeat on a new page.
    expect(docx.document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(docx.document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(docx.document).toContain('<w:tblHeader/>');
    expect(docx.core).toContain(`<dc:title>Board paper: ${SYSTEM.replace('&', '&amp;')}`);
    // The charts are real PNGs drawn in the browser (the maturity profile at least).
    const images = [...docx.files.keys()].filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(images.length).toBeGreaterThanOrEqual(1);
    for (const image of images) {
      const bytes = docx.files.get(image)!;
      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(bytes.readUInt32BE(16)).toBe(1600);
    }
    if (variant === 'full') {
      expect(docx.text).toContain('Criteria by characteristic');
      expect(docx.text).toContain('Appendix B: method and scoring rules');
      expect(docx.document).toContain('<w:pStyle w:val="Heading3"/>');
    } else {
      expect(docx.text).not.toContain('Criteria by characteristic');
    }

    if (!hasSoffice) continue;
    const converted = convertWithLibreOffice(path);
    expect(converted.text).toContain(SYSTEM);
    for (const title of characteristics) expect(converted.text).toContain(title);
    expect(converted.text).toContain(BOARD);
    if (variant === 'summary') expect(converted.pages).toBeLessThanOrEqual(4);
    else expect(converted.pages).toBeGreaterThan(4);
  }
});

test('the Word export works offline (its chunk is precached)', async ({ page, context }) => {
  const editor = await createAssessment(page, 'Offline ICS', '2019-06-30');
  await rateStep(page, editor, 'leadership', ['Maturing', 'Maturing', 'Maturing']);
  const id = editor.split('/')[2]!;
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await page.goto(`/assessments/${id}/paper`);
  const { path } = await download(page, 'Download full paper (Word)');
  const docx = readDocx(path);
  expect(docx.text).toContain('Offline ICS');
  expect(docx.text).toContain('Criteria by characteristic');
  await context.setOffline(false);
});
