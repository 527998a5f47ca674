import { readFileSync, writeFileSync } from 'node:fs';
import { createAssessment, expect, test } from './fixtures';
import { addParticipant, rateInPrivate, startWorkshop } from './workshop-helpers';

/**
 * Restoring safely, through the UI: a restore with the default choice keeps a newer
 * local workshop and says beforehand what it will change; a hostile but valid backup leaves every
 * screen able to show it; files the app cannot use are refused with a human message.
 */
const fixture = (path: string): string =>
  readFileSync(new URL(`../fixtures/backups/${path}`, import.meta.url), 'utf8');

type BackupJson = {
  data: {
    assessments: { id: string; title: string; updatedAt: number; systemName: string }[];
    workshops: { id: string }[];
    [table: string]: unknown[];
  };
};

test('restoring an older backup with the default choice keeps the workshop run since, and the preview says what changes', async ({
  page,
}, testInfo) => {
  const editor = await createAssessment(page, 'Restore ICS', '2020-03-31');
  await page.goto('/backup');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8')) as BackupJson;
  // The same assessment, edited on another laptop after this copy, before the workshop here.
  backup.data.assessments[0]!.title = 'Edited on the other laptop';
  backup.data.assessments[0]!.updatedAt += 1;
  const file = testInfo.outputPath('older.json');
  writeFileSync(file, JSON.stringify(backup));

  // A workshop on this device: 2 participants, 10 private ratings, 2 notes.
  await startWorkshop(page, editor, 'Board workshop');
  const workshopPath = new URL(page.url()).pathname;
  await addParticipant(page, 'Acute CEO', 'Restore Hospitals', 'Acute trust');
  await addParticipant(page, 'Council director', 'Restore Council', 'Local authority');
  const five = ['Maturing', 'Developing', 'Emerging', 'Maturing', 'Thriving'];
  await rateInPrivate(page, 'Acute CEO', five, 'Acute note on vision');
  await rateInPrivate(page, 'Council director', five, 'Council note on vision');
  await expect(page.getByText('5 of 24 rated')).toHaveCount(2);

  await page.goto('/backup');
  await page.getByLabel('Backup file').setInputFiles(file);
  const preview = page.getByTestId('restore-preview');
  await expect(preview).toContainText('1 assessment differs from the copy on this device');
  const counts = page.getByTestId('restore-counts');
  await expect(counts.locator('[data-kind="assessments"]')).toHaveText(
    'Assessments: 0 added, 1 replaced, 0 kept as on this device',
  );
  for (const kind of ['workshops', 'participants', 'individualRatings', 'agreements'])
    await expect(counts.locator(`[data-kind="${kind}"]`)).toHaveCount(0);
  await expect(preview).toContainText('Nothing on this device is removed or moved');
  await expect(page.getByRole('radio', { name: 'Keep whichever was changed last' })).toBeChecked();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText('Restored 1 assessment from older.json.')).toBeVisible();

  await page.goto(workshopPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Board workshop' })).toBeVisible();
  await expect(page.getByText('5 of 24 rated')).toHaveCount(2);
  await page.getByRole('button', { name: 'Reveal the ratings' }).click();
  const vision = page.locator('[data-criterion="leadership.shared-vision"]');
  // The notes are one click away (the reveal shows each criterion's summary first).
  await vision.getByText('2 notes from participants').click();
  await expect(vision).toContainText('Acute CEO (Maturing): Acute note on vision');
  await expect(vision).toContainText('Council director (Maturing): Council note on vision');
  await page.goto(editor);
  await expect(page.getByLabel('Assessment title')).toHaveValue('Edited on the other laptop');
});

test('a hostile but valid backup restores and every screen can show it; unusable files are refused', async ({
  page,
}, testInfo) => {
  const backup = JSON.parse(fixture('valid/workshop-2019.json')) as BackupJson;
  const soon = Date.now() + 12 * 60 * 60 * 1000; // within the one-day clock skew
  const [assessment] = backup.data.assessments as Record<string, unknown>[];
  Object.assign(assessment!, {
    title: '<img src=x onerror=alert(1)> “Ŵ” & </title>',
    asAt: '2000-01-01',
    createdAt: 0,
    updatedAt: soon,
    stamps: { title: soon, asAt: 0 },
  });
  const [rating] = backup.data.ratings as Record<string, unknown>[];
  Object.assign(rating!, {
    evidence: [
      { id: 'a', text: '<script>alert(1)</script>', url: 'https://example.org/?q="><b>x</b>' },
      { id: 'b', text: '', url: '' },
    ],
    updatedAt: soon,
  });
  const [workshop] = backup.data.workshops as Record<string, unknown>[];
  Object.assign(workshop!, { date: '2100-12-31', title: '<b>Workshop</b>', updatedAt: soon });
  const systemKey = backup.data.assessments[0]!.systemName.trim().toLowerCase();
  backup.data.targets = [
    {
      id: 't-edge',
      systemKey,
      characteristicId: 'population',
      level: 'thriving',
      date: '2100-12-31',
      updatedAt: soon,
    },
  ];
  backup.data.actions = [
    {
      id: 'a-edge',
      systemKey,
      title: '<i>Act</i>',
      owner: 'Owner & co',
      dueDate: '2000-01-01',
      status: 'blocked',
      characteristicId: 'leadership',
      criterionId: null,
      milestoneDate: null,
      createdAt: 0,
      updatedAt: soon,
    },
  ];
  const file = testInfo.outputPath('hostile-valid.json');
  writeFileSync(file, JSON.stringify(backup));

  await page.goto('/backup');
  await page.getByLabel('Backup file').setInputFiles(file);
  await expect(page.getByTestId('restore-preview')).toContainText('Add 1 new assessment');
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText('Restored 1 assessment from hostile-valid.json.')).toBeVisible();

  const id = backup.data.assessments[0]!.id;
  const workshopId = backup.data.workshops[0]!.id;
  for (const path of [
    '/',
    `/assessments/${id}/edit`,
    `/assessments/${id}/results`,
    `/systems/${encodeURIComponent(systemKey)}/plan`,
    `/assessments/${id}/paper`,
    `/assessments/${id}/workshops`,
    `/workshops/${workshopId}`,
    `/compare/${id}`,
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expect(page.getByText('Sorry, this page could not be shown'), path).toHaveCount(0);
    await expect(
      page.getByText(
        /not found|no longer exist|no assessments for this system|could not be shown/i,
      ),
      path,
    ).toHaveCount(0);
  }

  // An unknown framework version is refused with a human message, and nothing changes.
  await page.goto('/backup');
  const unknown = testInfo.outputPath('unknown-version.json');
  writeFileSync(unknown, fixture('invalid/unknown-framework-version.json'));
  await page.getByLabel('Backup file').setInputFiles(unknown);
  await expect(page.getByTestId('restore-error')).toContainText(
    'made with framework ics-maturity-2019 version 9.9.9, which this version of ICS Maturity does not have',
  );
  // A protected file cut short says it is damaged, before any password is asked for.
  const cut = testInfo.outputPath('cut.json');
  writeFileSync(cut, '{"type":"ics-maturity-backup-encrypted","version":1,"kdf":{"name":"PBK');
  await page.getByLabel('Backup file').setInputFiles(cut);
  await expect(page.getByTestId('restore-error')).toContainText('it is damaged');
  await expect(page.getByTestId('restore-locked')).toHaveCount(0);
  // So does readable JSON whose parts are garbled (an IV of the wrong size).
  const garbled = testInfo.outputPath('garbled.json');
  writeFileSync(
    garbled,
    JSON.stringify({
      type: 'ics-maturity-backup-encrypted',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
      cipher: { name: 'AES-GCM', iv: 'AAAA' },
      data: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    }),
  );
  await page.getByLabel('Backup file').setInputFiles(garbled);
  await expect(page.getByTestId('restore-error')).toContainText('garbled.json was not restored.');
  await expect(page.getByTestId('restore-error')).toContainText('it is damaged');
  await expect(page.getByTestId('restore-locked')).toHaveCount(0);
});
