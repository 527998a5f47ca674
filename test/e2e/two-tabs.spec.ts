import { createAssessment, criterionCard, expect, test, waitUntilSaved } from './fixtures';

/**
 * Two tabs on one assessment (a programme director with the editor open twice, or two people on
 * one shared laptop profile): evidence is merged item by item, so nothing either tab adds is lost.
 */
test('evidence added to one criterion by two tabs within a second keeps both items', async ({
  page,
  context,
}) => {
  const editorPath = await createAssessment(page, 'Two Tab Evidence ICS');
  await page.goto(`${editorPath}/leadership`);
  const other = await context.newPage();
  await other.goto(`${editorPath}/leadership`);
  const cardA = criterionCard(page, 'Shared vision');
  const cardB = criterionCard(other, 'Shared vision');

  for (let round = 1; round <= 3; round++) {
    // Both tabs add an item and type into it straight away, before either save has landed.
    await cardA.getByRole('button', { name: /^Add evidence/ }).click();
    await cardB.getByRole('button', { name: /^Add evidence/ }).click();
    await page.bringToFront();
    await page.keyboard.type(`Board minutes ${round}`, { delay: 20 });
    await other.bringToFront();
    await other.keyboard.type(`Partnership MoU ${round}`, { delay: 20 });
  }
  await waitUntilSaved(page);
  await waitUntilSaved(other);

  const expected = [1, 2, 3].flatMap((round) => [
    `Board minutes ${round}`,
    `Partnership MoU ${round}`,
  ]);
  for (const tab of [page, other]) {
    await tab.reload();
    const fields = criterionCard(tab, 'Shared vision').getByRole('textbox', {
      name: /^Evidence \d+: description$/,
    });
    await expect(fields.first()).toBeVisible();
    await expect(fields).toHaveCount(expected.length);
    const texts = await fields.evaluateAll((inputs) =>
      inputs.map((input) => (input as HTMLInputElement).value),
    );
    expect([...texts].sort()).toEqual([...expected].sort());
  }

  // Removing an item in one tab removes that item only, in both.
  await criterionCard(page, 'Shared vision')
    .getByRole('button', { name: 'Remove evidence 1' })
    .click();
  await waitUntilSaved(page);
  await expect(
    criterionCard(other, 'Shared vision').getByRole('textbox', {
      name: /^Evidence \d+: description$/,
    }),
  ).toHaveCount(5);
  await other.close();
});
