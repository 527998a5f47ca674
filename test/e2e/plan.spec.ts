import type { Page } from '@playwright/test';
import { createAssessment, expect, test, waitUntilSaved, expectNoAxeViolations } from './fixtures';

type Step = 'leadership' | 'integrated-care' | 'finance-planning' | 'delivery' | 'population';

/** Rates the first three criteria of each named step at the given level. */
async function rateFirstThree(
  page: Page,
  editorUrl: string,
  levels: Partial<Record<Step, string>>,
) {
  for (const [step, level] of Object.entries(levels)) {
    await page.goto(`${editorUrl}/${step}`);
    const groups = page.locator('fieldset.level-cards');
    for (let i = 0; i < 3; i++)
      await groups
        .nth(i)
        .getByRole('radio', { name: new RegExp(`^${level}`) })
        .check();
  }
  await waitUntilSaved(page);
}

async function startNextFrom(page: Page, title: string, asAt: string): Promise<string> {
  await page.goto('/');
  await page
    .getByRole('button', { name: `Start the next assessment from this one for ${title}` })
    .click();
  await expect(page).toHaveURL(/\/edit$/);
  const url = page.url();
  await page.getByLabel('Assessment date (as at)').fill(asAt);
  await page.getByLabel('Assessment title').fill(`Assessment ${asAt}`);
  await waitUntilSaved(page);
  return url;
}

test('three assessments against the April 2021 target: points, status, overdue actions', async ({
  page,
}) => {
  // Three assessments rated through the UI, then the plan checked and axe run: near a minute
  // alone, more with another test file beside it.
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-22T12:00:00Z'));
  await createAssessment(page, 'Trajectory ICS', '2019-06-30');
  await page.getByLabel('Assessment title').fill('Assessment 2019-06-30');
  const first = page.url();
  await rateFirstThree(page, first, {
    leadership: 'Emerging',
    'integrated-care': 'Emerging',
    'finance-planning': 'Emerging',
    delivery: 'Emerging',
    population: 'Emerging',
  });
  const second = await startNextFrom(page, 'Assessment 2019-06-30', '2020-03-31');
  await rateFirstThree(page, second, {
    leadership: 'Developing',
    'integrated-care': 'Developing',
    'finance-planning': 'Developing',
    delivery: 'Developing',
  });
  const third = await startNextFrom(page, 'Assessment 2020-03-31', '2021-02-28');
  await rateFirstThree(page, third, {
    leadership: 'Maturing',
    'finance-planning': 'Emerging',
    delivery: 'Thriving',
  });

  await page.goto('/');
  await page.getByRole('link', { name: 'Targets, plan and trajectory for Trajectory ICS' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Targets, plan and trajectory' }),
  ).toBeVisible();

  const row = (name: string) => page.getByTestId('status-table').locator('tr', { hasText: name });
  await expect(row('Collaborative and inclusive')).toContainText('Maturing (28 February 2021)');
  await expect(row('Collaborative and inclusive')).toContainText(
    'Amber – behind plan (the latest assessment is more than six months old)',
  );
  await expect(row('Collaborative and inclusive')).toContainText(
    'Maturing by 1 April 2021 – target date passed – reached on 28 February 2021',
  );
  await expect(row('Integrated local system')).toContainText(
    'Amber – behind plan (one level below the planned level',
  );
  await expect(row('System architecture')).toContainText(
    'Red – off track (two or more levels below',
  );
  await expect(row('System architecture')).toContainText('target date passed – not reached');
  await expect(row('System architecture')).toContainText(
    'No projection: not improving at the current pace',
  );
  await expect(row('Track record of delivery')).toContainText('Thriving (28 February 2021)');
  await expect(row('Coherent and defined population')).toContainText('Red – off track');
  await expect(page.getByTestId('overall-status')).toHaveText(/^Overall: Red – off track/);

  // Three assessed points per characteristic, in the chart's data table and on the chart.
  const data = page.getByTestId('trajectory-data');
  for (const name of [
    'Collaborative and inclusive',
    'Track record of delivery',
    'Coherent and defined',
  ]) {
    await expect(data.locator('tr', { hasText: name }).filter({ hasText: 'assessed' })).toHaveCount(
      3,
    );
  }
  await page
    .getByLabel('Show', { exact: true })
    .selectOption({ label: 'Collaborative and inclusive system leadership' });
  await expect(page.locator('.trajectory-chart .recharts-line-dots .chart-marker')).toHaveCount(3);

  // An action due soon is not overdue; once its date passes, it is.
  await page.getByLabel('Action', { exact: true }).fill('Appoint an independent chair');
  await page.getByLabel('Owner').fill('o'.repeat(5_000));
  await page.getByLabel('Due date').fill('2026-12-01');
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(
    page.getByRole('link', { name: 'Owner: Use 120 characters or fewer.' }),
  ).toBeVisible();
  // The visually hidden "Error:" is read as a word of its own (NHS.UK's style pads it with spaces).
  await expect(page.getByLabel('Owner', { exact: true })).toHaveAccessibleDescription(
    /^Error:\s+Use 120 characters or fewer\.$/,
  );
  await page.getByLabel('Owner').fill('Programme director');
  await page
    .getByLabel('Criterion it serves')
    .selectOption({ label: 'Partnership governance and independent chair' });
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added “Appoint an independent chair”.' }),
  ).toBeVisible();
  const action = page
    .getByTestId('actions-table')
    .locator('tr', { hasText: 'Appoint an independent chair' });
  await expect(action).not.toContainText('Overdue');

  await page.clock.setFixedTime(new Date('2026-12-02T09:00:00Z'));
  await page.reload();
  await expect(action).toContainText('Overdue');
  await expect(page.getByText('1 action, 1 overdue.')).toBeVisible();
  await action.getByLabel('Status of Appoint an independent chair').selectOption('done');
  await expect(action).not.toContainText('Overdue');

  await expectNoAxeViolations(page);
});

test('targets can be changed, and one dated before the first assessment is explained', async ({
  page,
}) => {
  await createAssessment(page, 'Target ICS', '2020-03-31');
  await page.goto('/');
  await page.getByRole('link', { name: 'Targets, plan and trajectory for Target ICS' }).click();
  await expect(page.getByText(/Every system starts with the national expectation/)).toBeVisible();
  await page.getByLabel('Target 1: by').first().fill('2019-11-15');
  await expect(
    page.getByText(/This date is before the first assessment \(31 March 2020\)/),
  ).toBeVisible();
  await expect(page.getByText(/Each characteristic can have several targets/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Target 1: by').first()).toHaveValue('2019-11-15');
  await expect(page.getByLabel('Target 1: by').nth(1)).toHaveValue('2021-04-01');
});
