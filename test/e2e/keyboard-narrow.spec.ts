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
