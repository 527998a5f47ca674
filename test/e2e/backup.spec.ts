import { readFileSync, writeFileSync } from 'node:fs';
import {
  createAssessment,
  criterionCard,
  expect,
  rate,
  test,
  waitUntilSaved,
  expectNoAxeViolations,
} from './fixtures';

test('a backup downloads, and restoring it after a delete brings everything back', async ({
  page,
}, testInfo) => {
  const editor = await createAssessment(page, 'Backup <b>ICS</b> & “Ŵ”', '2020-03-31');
  await page.goto(`${editor}/integrated-care`);
  await rate(page, 'Primary care networks', 'Maturing');
  await criterionCard(page, 'Primary care networks')
    .getByLabel('Rationale')
    .fill('Networks cover everyone.');
  await waitUntilSaved(page);

  await page.getByRole('link', { name: 'Backup', exact: true }).click();
  await expect(page.getByTestId('last-backup')).toHaveText(
    'No full backup has been made on this device yet.',
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ics-maturity-backup-all-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('backup.json');
  await download.saveAs(file);
  const backup = JSON.parse(readFileSync(file, 'utf8')) as {
    type: string;
    version: number;
    data: { assessments: { systemName: string; status: unknown }[] };
  };
  expect(backup.type).toBe('ics-maturity-backup');
  expect(backup.version).toBe(3);
  expect(backup.data.assessments[0]?.systemName).toBe('Backup <b>ICS</b> & “Ŵ”');
  expect(backup.data.assessments[0]?.status).toEqual({ state: 'draft' });
  await expect(page.getByTestId('last-backup')).toContainText('Last full backup:');

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV for analysts' }).click(),
  ]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText).toContain('Primary care networks,maturing,,0,Networks cover everyone.');

  // Wipe: delete the assessment.
  await page.goto('/');
  await page.getByRole('button', { name: /^Delete for/ }).click();
  await expect(page.getByText('No assessments yet.')).toBeVisible();

  // A broken file is refused, naming the file, and changes nothing.
  const broken = testInfo.outputPath('broken.json');
  writeFileSync(broken, readFileSync(file, 'utf8').slice(0, 200));
  await page.goto('/backup');
  await page.getByLabel('Backup file').setInputFiles(broken);
  await expect(page.getByTestId('restore-error')).toContainText('broken.json was not restored.');
  await expect(page.getByTestId('restore-error')).toContainText('not readable JSON');

  await page.getByLabel('Backup file').setInputFiles(file);
  await expect(page.getByTestId('restore-preview')).toContainText('Add 1 new assessment');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText('Restored 1 assessment from backup.json.')).toBeVisible();

  await page.goto(`${editor}/integrated-care`);
  await expect(
    criterionCard(page, 'Primary care networks').getByRole('radio', { name: /^Maturing/ }),
  ).toBeChecked();
  await expect(criterionCard(page, 'Primary care networks').getByLabel('Rationale')).toHaveValue(
    'Networks cover everyone.',
  );
});

test('a password-protected backup opens only with its password', async ({ page }, testInfo) => {
  await createAssessment(page, 'Protected ICS', '2021-02-28');
  await page.goto('/backup');
  await page.getByLabel(/Protect this file with a password/).check();
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Download backup' }).click();
  await expect(page.getByText('The password must have at least 10 characters.')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByLabel('Type the password again').fill('correct horse batter');
  await page.getByRole('button', { name: 'Download backup' }).click();
  await expect(page.getByText('The two passwords are not the same.')).toBeVisible();
  await page.getByLabel('Type the password again').fill('correct horse battery');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-protected\.json$/);
  const file = testInfo.outputPath('protected.json');
  await download.saveAs(file);
  expect(readFileSync(file, 'utf8')).not.toContain('Protected ICS');

  await page.goto('/');
  await page.getByRole('button', { name: /^Delete for/ }).click();
  await expect(page.getByText('No assessments yet.')).toBeVisible();
  await page.goto('/backup');
  await page.getByLabel('Backup file').setInputFiles(file);
  await expect(page.getByTestId('restore-locked')).toContainText(
    'protected.json is protected with a password.',
  );
  await page.getByLabel('Password for this file').fill('not the password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('That password does not open this file');
  await page.getByLabel('Password for this file').fill('correct horse battery');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('restore-preview')).toContainText('Add 1 new assessment');
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText('Restored 1 assessment from protected.json.')).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Protected ICS' })).toBeVisible();
});
