import type { Locator, Page } from '@playwright/test';
import { createAssessment, criterionCard, expect, test } from './fixtures';

/**
 * A person on a 320 px phone with a keyboard only (no pointer): they reach "Add evidence" with
 * Tab, press Enter, and type key by key with pauses. Focus goes to the new item as it appears,
 * nothing typed is lost, and it is all there after a reload.
 */
test('at 320 px, with the keyboard alone, evidence added and typed key by key is all kept', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const editorPath = await createAssessment(page, 'Narrow ICS');
  await page.goto(`${editorPath}/leadership`);
  const card = criterionCard(page, 'Shared vision');
  const add = card.getByRole('button', { name: /^Add evidence/ });
  // Tab from the rationale to "Add evidence" (past the prompts' disclosure).
  await card.getByLabel('Rationale').focus();
  for (let i = 0; i < 5 && !(await add.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  const text = card.getByLabel('Evidence 1: description');
  await expect(text).toBeFocused();
  for (const word of ['Partnership', 'board', 'minutes,', 'May', '2019']) {
    await page.keyboard.type(`${word} `, { delay: 180 });
    await page.waitForTimeout(350);
  }
  await expect(text).toHaveValue('Partnership board minutes, May 2019 ');
  await page.reload();
  await expect(
    criterionCard(page, 'Shared vision').getByLabel('Evidence 1: description'),
  ).toHaveValue('Partnership board minutes, May 2019 ');
});

/** Tab forwards until `target` has focus, as a person with a keyboard reaches it. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('at 320 px, with the keyboard alone, a workshop is set up, rated in private, revealed and agreed', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const editorPath = await createAssessment(page, 'Narrow Room ICS');
  await page.goto(editorPath.replace(/\/edit$/, '/results'));
  await tabTo(page, page.getByRole('link', { name: 'Run or open a workshop' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Workshops' })).toBeFocused();

  await tabTo(page, page.getByLabel('Workshop title'));
  await page.keyboard.type('Narrow board', { delay: 20 });
  await tabTo(page, page.getByLabel('Facilitator'));
  await page.keyboard.type('Director', { delay: 20 });
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: 'Narrow board' });
  await expect(heading).toBeFocused();

  for (const name of ['Sam', 'Ash']) {
    await tabTo(page, page.getByLabel('Name or anonymous label', { exact: true }));
    await page.keyboard.type(name, { delay: 20 });
    await page.keyboard.press('Tab'); // past the hint to Organisation
    await expect(page.getByLabel('Organisation', { exact: true })).toBeFocused();
    await page.keyboard.type('Northshire', { delay: 20 });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: `Pass the laptop to ${name}` })).toBeVisible();
  }

  for (const [name, levelKey] of [
    ['Sam', 'ArrowDown'],
    ['Ash', 'ArrowUp'],
  ] as const) {
    const pass = page.getByRole('button', { name: `Pass the laptop to ${name}` });
    await tabTo(page, pass);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: `Hand the laptop to ${name}` })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { name: `Your private ratings, ${name}` }),
    ).toBeFocused();
    // At 320 px one criterion at a time: choose, Next, choose, then the review.
    const progress = page.locator('.pager__progress');
    await expect(progress).toHaveText('Criterion 1 of 24 · 0 rated');
    await page.keyboard.press('Tab'); // the first criterion's levels
    await page.keyboard.press('Space');
    await page.keyboard.press(levelKey); // moves and chooses within the radio group
    await expect(progress).toHaveText('Criterion 1 of 24 · 1 rated');
    await tabTo(page, page.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', {
        level: 2,
        name: 'Collaborative, multi-professional and clinical leadership',
      }),
    ).toBeFocused();
    await expect(progress).toHaveText('Criterion 2 of 24 · 1 rated');
    await page.keyboard.press('Tab'); // the second criterion's levels
    await page.keyboard.press('Space');
    await expect(progress).toHaveText('Criterion 2 of 24 · 2 rated');
    await tabTo(page, page.getByRole('button', { name: 'Review my ratings' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Check your ratings' })).toBeFocused();
    await expect(progress).toHaveText('2 of 24 rated');
    await tabTo(page, page.getByRole('button', { name: 'Finish and hide my answers' }), 300);
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { name: 'Hand the laptop back to the facilitator' }),
    ).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Hand back to the facilitator' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(pass).toBeFocused();
  }
  await expect(page.getByText('2 of 24 rated')).toHaveCount(2);

  await tabTo(page, page.getByRole('button', { name: 'Reveal the ratings' }));
  await page.keyboard.press('Enter');
  const vision = page.locator('[data-criterion="leadership.shared-vision"]');
  await expect(vision.getByRole('heading', { level: 3 })).toBeFocused();
  await expect(vision).toContainText('2 ratings');

  await tabTo(page, vision.getByLabel(/^Agreed level/));
  await page.keyboard.press('ArrowDown'); // the first level after "Choose a level"
  await expect(vision.getByLabel(/^Agreed level/)).not.toHaveValue('');
  await page.keyboard.press('Tab');
  await expect(vision.getByRole('textbox', { name: /^Rationale for Shared vision/ })).toBeFocused();
  await page.keyboard.type('Agreed in the room', { delay: 20 });
  await tabTo(page, vision.getByRole('button', { name: /^Record agreed rating/ }));
  await page.keyboard.press('Enter');
  await expect(vision.getByRole('status')).toContainText('Agreed rating recorded');
  await expect(vision.locator('.status-tag')).toHaveText('Agreed');
});

test('at 320 px, with the keyboard alone, a backup is downloaded and restored after a preview', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await createAssessment(page, 'Narrow Backup ICS');
  await page.goto('/');
  // At 320 px the header's links are behind its Menu button.
  await tabTo(page, page.getByRole('button', { name: 'Menu' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Backup', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Backup and restore' })).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: 'Download backup' }));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  const file = testInfo.outputPath('narrow-backup.json');
  await download.saveAs(file);

  // The file field opens the system's file chooser from the keyboard too.
  await tabTo(page, page.getByLabel('Backup file'));
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.keyboard.press('Space'),
  ]);
  await chooser.setFiles(file);
  const preview = page.getByTestId('restore-preview');
  await expect(preview.getByRole('heading', { level: 3 })).toBeFocused();
  await tabTo(page, preview.getByRole('button', { name: 'Restore', exact: true }));
  await page.keyboard.press('Enter');
  const status = page.getByRole('status').filter({ hasText: 'narrow-backup.json' });
  await expect(status).toBeFocused();
  await expect(preview).toHaveCount(0);
});
