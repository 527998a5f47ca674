import { createAssessment, expect, test, waitUntilSaved, expectNoAxeViolations } from './fixtures';

test('compares this year with last year, criterion by criterion', async ({ page }) => {
  await createAssessment(page, 'Compare ICS', '2019-10-01');
  await page.getByLabel('Assessment title').fill('Year one');
  const first = page.url();
  await page.goto(`${first}/finance-planning`);
  const groups = page.locator('fieldset.level-cards');
  for (let i = 0; i < 3; i++)
    await groups
      .nth(i)
      .getByRole('radio', { name: /^Developing/ })
      .check();
  await page
    .getByRole('region', { name: /System architecture and streamlined commissioning/ })
    .getByLabel('Rationale')
    .fill('Three CCGs, each commissioning differently.');
  await waitUntilSaved(page);

  await page.goto('/');
  await page
    .getByRole('button', { name: 'Start the next assessment from this one for Year one' })
    .click();
  await expect(page).toHaveURL(/\/edit$/);
  await page.getByLabel('Assessment date (as at)').fill('2020-10-01');
  await page.getByLabel('Assessment title').fill('Year two');
  await page.goto(`${page.url()}/finance-planning`);
  for (let i = 0; i < 3; i++)
    await groups
      .nth(i)
      .getByRole('radio', { name: /^Maturing/ })
      .check();
  await page
    .getByRole('region', { name: /System architecture and streamlined commissioning/ })
    .getByLabel('Rationale')
    .fill('One CCG from April 2020.');
  await waitUntilSaved(page);

  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare assessments' })).toBeVisible();
  await expect(page.getByTestId('compare-summary')).toHaveText(
    'Since 1 October 2019: 3 criteria improved, 0 declined; System architecture and strong financial management and planning moved from developing to maturing.',
  );
  const financeRow = page
    .getByTestId('compare-characteristics')
    .locator('tr', { hasText: 'System architecture' });
  await expect(financeRow).toContainText('Developing');
  await expect(financeRow).toContainText('Maturing');
  await expect(financeRow).toContainText('Improved');
  await expect(page.locator('.recharts-radar').first()).toBeVisible();
  await expect(page.locator('.recharts-bar-rectangle rect').first()).toBeVisible();

  const criterion = page
    .getByTestId('criteria-finance-planning')
    .locator('tr', { hasText: 'streamlined commissioning' });
  await criterion.getByText('Evidence and rationale').click();
  await expect(criterion).toContainText('Three CCGs, each commissioning differently.');
  await expect(criterion).toContainText('One CCG from April 2020.');

  await expectNoAxeViolations(page);

  // Unticking one leaves too few to compare, and says so.
  await page.getByText(/assessments chosen – change/).click();
  await page.getByLabel('Year one, as at 1 October 2019').uncheck();
  await expect(page.getByText('Choose at least two assessments to compare.')).toBeVisible();
});
