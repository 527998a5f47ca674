import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import {
  createAssessment,
  criterionCard,
  expect,
  expectNoAxeViolations,
  rate,
  test,
  waitUntilSaved,
} from './fixtures';

/**
 * An assessment's status as a person records it: agreed by the leadership team, approved by a
 * named board, seen after a reload on the list, results and the paper (the PDF's text too), and
 * back to draft when a rating changes after approval, once the person confirms.
 */

const APPROVED = 'Approved by the ICS Partnership Board on 12 March 2021';

function statusPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Status' });
}

test('approval is recorded, kept, shown everywhere, and undone by a confirmed rating change', async ({
  page,
}) => {
  const editorPath = await createAssessment(page, 'Statusfield ICS', '2021-02-28');
  const assessmentId = editorPath.split('/')[2]!;
  await page.goto(`${editorPath}/leadership`);
  await rate(page, 'Shared vision', 'Maturing');
  await rate(page, 'Partnership governance', 'Developing');
  await expect(page.getByTestId('editor-status')).toHaveText('Status: Draft');
  await waitUntilSaved(page);

  // Agreed by the leadership team.
  await page.goto(`/assessments/${assessmentId}/results`);
  const panel = statusPanel(page);
  await expect(panel.getByTestId('assessment-status')).toHaveText('Draft');
  await panel.getByRole('radio', { name: 'By the leadership team' }).check();
  // Dates are filled as the other specs fill them: Chromium orders a date field's segments by the
  // browser's own language (month first here), not the page's en-GB. Text is typed key by key.
  await panel.getByLabel('Date agreed').fill('2021-03-01');
  await expect(panel.getByLabel('Date agreed')).toHaveValue('2021-03-01');
  await panel.getByRole('button', { name: 'Record agreement' }).click();
  await expect(panel.getByTestId('assessment-status')).toHaveText(
    'Agreed by the leadership team on 1 March 2021',
  );

  // Approval without a board: the error summary says so and the cursor goes to the field.
  await panel.getByRole('button', { name: 'Record approval' }).click();
  await expect(panel.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  const board = panel.getByLabel('Board that approved it');
  await expect(board).toBeFocused();
  await page.keyboard.type('ICS Partnership Board', { delay: 30 });
  await panel.getByLabel('Date approved').fill('2021-03-12');
  await panel.getByRole('button', { name: 'Record approval' }).click();
  await expect(panel.getByTestId('assessment-status')).toHaveText(APPROVED);
  await expect(panel.getByRole('heading', { name: 'There is a problem' })).toHaveCount(0);

  // Kept: after a reload, on results, the list and the paper.
  await page.reload();
  await expect(statusPanel(page).getByTestId('assessment-status')).toHaveText(APPROVED);
  await page.goto('/');
  await expect(
    page.locator(`[data-assessment-id="${assessmentId}"]`).getByTestId('list-status'),
  ).toHaveText(`Status: ${APPROVED}`);
  await page.goto(`/assessments/${assessmentId}/paper`);
  await expect(page.getByTestId('paper-status')).toHaveText(APPROVED);
  const download = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: 'Download summary PDF (cover sheet and up to 2 pages)' })
      .click(),
  ]).then(([d]) => d);
  const pdf = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  expect(text.replace(/\s+/g, ' ')).toContain(APPROVED);
  expect(text).not.toContain('not yet agreed');

  // A rating changed after approval: asked first, then back to draft, recorded.
  await page.goto(`${editorPath}/leadership`);
  await expect(page.getByTestId('editor-status')).toHaveText(`Status: ${APPROVED}`);
  const card = criterionCard(page, 'Shared vision');
  await card.getByRole('radio', { name: /^Thriving/ }).click();
  const warning = card.getByTestId('rating-change-warning');
  await expect(warning).toContainText('Changing this rating to Thriving returns it to draft.');
  await expect(card.getByRole('radio', { name: /^Maturing/ })).toBeChecked();
  await expectNoAxeViolations(page);
  await warning.getByRole('button', { name: 'Change the rating and return to draft' }).click();
  await expect(page.getByTestId('editor-status')).toHaveText('Status: Draft');
  await expect(card.getByRole('radio', { name: /^Thriving/ })).toBeChecked();
  await expect(card.getByRole('radio', { name: /^Thriving/ })).toBeFocused();
  await waitUntilSaved(page);

  await page.reload();
  await expect(page.getByTestId('editor-status')).toHaveText('Status: Draft');
  await expect(
    criterionCard(page, 'Shared vision').getByRole('radio', { name: /^Thriving/ }),
  ).toBeChecked();
  await page.goto(`/assessments/${assessmentId}/results`);
  await expect(statusPanel(page).getByTestId('assessment-status')).toHaveText('Draft');
  await statusPanel(page).getByText('History of this status (3 changes)').click();
  await expect(statusPanel(page).locator('.status-panel__history li').first()).toContainText(
    'Returned to draft: the rating of ‘Shared vision, purpose and objectives’ was changed',
  );
  await page.goto(`/assessments/${assessmentId}/paper`);
  await expect(page.getByTestId('paper-status')).toHaveText('Draft');
});
