import { createAssessment, criterionCard, expect, rate, test, waitUntilSaved } from './fixtures';

test('answers survive a reload, including text typed just before it', async ({ page }) => {
  const editorPath = await createAssessment(page, 'Northshire <b>ICS</b> & “Ŵ”');
  await page.goto(`${editorPath}/leadership`);
  await rate(page, 'Shared vision', 'Maturing');
  await rate(page, 'Partnership governance', 'Developing');
  await criterionCard(page, 'Shared vision')
    .getByRole('radio', { name: /^Developing/ })
    .focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(
    criterionCard(page, 'Shared vision').getByRole('radio', { name: /^Thriving/ }),
  ).toBeChecked();
  await waitUntilSaved(page);
  await page.reload();
  await expect(
    criterionCard(page, 'Shared vision').getByRole('radio', { name: /^Thriving/ }),
  ).toBeChecked();
  await expect(
    criterionCard(page, 'Partnership governance').getByRole('radio', { name: /^Developing/ }),
  ).toBeChecked();
  await expect(page.getByText('2 of 24 assessed')).toBeVisible();
  await expect(page.getByText('Northshire <b>ICS</b> & “Ŵ”')).toBeVisible();

  // Type and reload at once: no wait for the debounced save.
  const rationale = criterionCard(page, 'Inclusive partnership').getByLabel('Rationale');
  await rationale.fill('Councils co-chair the partnership board.');
  await page.reload();
  await expect(criterionCard(page, 'Inclusive partnership').getByLabel('Rationale')).toHaveValue(
    'Councils co-chair the partnership board.',
  );
});

test('results show the levels the scoring rules give for known ratings', async ({ page }) => {
  const editorPath = await createAssessment(page, 'Eastvale ICS');
  await page.goto(`${editorPath}/leadership`);
  // The worked example: maturing ×3, developing, emerging → developing.
  await rate(page, 'Shared vision', 'Maturing');
  await rate(page, 'Collaborative, multi-professional', 'Maturing');
  await rate(page, 'Partnership governance', 'Maturing');
  await rate(page, 'Inclusive partnership', 'Developing');
  await rate(page, 'Capacity and capability', 'Emerging');
  await page.getByRole('link', { name: /^Next: Integrated local system/ }).click();
  await rate(page, 'Primary care networks', 'Thriving');
  await rate(page, 'Integrated community teams', 'Thriving');
  await rate(page, 'Population health management', 'Maturing');
  await waitUntilSaved(page);
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await expect(page.getByTestId('headline')).toHaveText(
    'Developing overall; 1 of 5 characteristics at maturing or above; 3 characteristics with insufficient evidence; provisional – 16 criteria not assessed',
  );
  const table = page.getByTestId('characteristic-table');
  await expect(
    table.locator('tr', { hasText: 'Collaborative and inclusive system leadership' }),
  ).toContainText('Developing');
  await expect(table.locator('tr', { hasText: 'Integrated local system' })).toContainText(
    'Thriving',
  );
  await expect(table.locator('tr', { hasText: 'Track record of delivery' })).toContainText(
    'Insufficient evidence',
  );
  await expect(page.getByTestId('mature-verdict')).toHaveText('Not yet');
  await expect(page.locator('.recharts-polar-angle-axis-tick').first()).toBeVisible();
});

test('a second tab sees changes live', async ({ page, context }) => {
  const editorPath = await createAssessment(page, 'Two Tab ICS');
  await page.goto(`${editorPath}/population`);
  const other = await context.newPage();
  await other.goto(`${editorPath}/population`);
  await rate(page, 'Footprint coherence', 'Developing');
  await expect(
    criterionCard(other, 'Footprint coherence').getByRole('radio', { name: /^Developing/ }),
  ).toBeChecked();
  await rate(other, 'Footprint coherence', 'Maturing');
  await expect(
    criterionCard(page, 'Footprint coherence').getByRole('radio', { name: /^Maturing/ }),
  ).toBeChecked();
  await other.close();
});
