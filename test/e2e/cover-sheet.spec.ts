import { execFileSync } from 'node:child_process';
import {
  createAssessment,
  expect,
  expectNoAxeViolations,
  rate,
  test,
  waitUntilSaved,
} from './fixtures';
import { Typist } from './human';

/**
 * A board secretary fills in the cover sheet key by key, reloads at once, and finds it all there;
 * the summary PDF opens with it.
 */

const BOARD = 'Northshire ICS Partnership Board';
const RECOMMENDATIONS = ['Note the self-assessment', 'Approve the development plan'];

function pdfText(path: string, first: number, last: number): string {
  return execFileSync(
    'pdftotext',
    ['-enc', 'UTF-8', '-f', String(first), '-l', String(last), path, '-'],
    { encoding: 'utf8' },
  ).replace(/\s+/g, ' ');
}

test('the cover sheet is typed key by key, survives an immediate reload and opens the summary PDF', async ({
  page,
}) => {
  test.slow();
  const editor = await createAssessment(page, 'Northshire ICS', '2021-03-01');
  await page.goto(`${editor}/leadership`);
  await rate(page, 'Shared vision', 'Developing');
  await rate(page, 'Partnership governance', 'Maturing');
  await waitUntilSaved(page);
  const paperUrl = editor.replace(/\/edit$/, '/paper');
  await page.goto(paperUrl);

  const cover = page.getByTestId('cover-sheet');
  const row = (name: string) => cover.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('Meeting \\(board or committee\\)')).toContainText('Not stated');

  await page.getByText(/^Fill in the cover sheet/).click();
  await page.getByLabel('Meeting (board or committee)').click();
  const board = await Typist.start(page);
  await board.type(BOARD, 90);
  await page.getByLabel('Agenda item').fill('7.2');
  await page.getByRole('radio', { name: 'Private' }).check();
  await page.getByRole('radio', { name: 'For approval' }).check();
  await page.getByLabel('Recommendation(s) to the board').click();
  const recommendations = await Typist.start(page);
  await recommendations.type(`1. ${RECOMMENDATIONS[0]}`, 60);
  await recommendations.type(`\n2. ${RECOMMENDATIONS[1]}`, 60);
  expect(board.observations).toEqual([]);
  expect(recommendations.observations).toEqual([]);
  await expect(row('Meeting \\(board or committee\\)')).toContainText(BOARD);

  // Straight away, as someone closing the laptop lid might: nothing typed is lost.
  await page.reload();
  await expect(row('Meeting \\(board or committee\\)')).toContainText(BOARD);
  await expect(row('Session')).toContainText('Private');
  await expect(row('Purpose')).toContainText('For approval');
  for (const line of RECOMMENDATIONS) await expect(cover.getByText(line)).toBeVisible();
  await page.getByText(/^Fill in the cover sheet/).click();
  await expect(page.getByLabel('Meeting (board or committee)')).toHaveValue(BOARD);
  await expectNoAxeViolations(page);

  // At 320 px the cover sheet wraps instead of widening the page.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 800 });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download summary PDF/ }).click(),
  ]);
  const path = test.info().outputPath('summary.pdf');
  await download.saveAs(path);
  const first = pdfText(path, 1, 1);
  expect(first).toContain('Cover sheet');
  expect(first).toContain(BOARD);
  expect(first).toContain('Private');
  expect(first).toContain('For approval');
  for (const line of RECOMMENDATIONS) expect(first).toContain(line);
  // The summary itself starts on the next page.
  expect(pdfText(path, 2, 2)).toContain('The five characteristics');
});
