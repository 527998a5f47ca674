import {
  createAssessment,
  expect,
  rate,
  test,
  waitUntilSaved,
  expectNoAxeViolations,
} from './fixtures';

test('assessments, editor, results and settings have no axe violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  const editorPath = await createAssessment(page, 'Accessible ICS');
  await page.getByLabel('System name').fill('');
  await expect(page.getByText('Enter a name. It cannot be blank or only spaces.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('System name').fill('Accessible ICS');

  await page.goto(`${editorPath}/leadership`);
  await rate(page, 'Shared vision', 'Thriving');
  await page
    .getByRole('region', { name: /Shared vision/ })
    .getByRole('button', { name: /^Add evidence/ })
    .click();
  await waitUntilSaved(page);
  await expectNoAxeViolations(page);

  await page.goto(editorPath.replace(/\/edit$/, '/results'));
  await expect(page.locator('.recharts-polar-angle-axis-tick').first()).toBeVisible();
  await page.getByText('How the scores are worked out').click();
  await expectNoAxeViolations(page);

  await page.goto('/settings');
  await expect(page.getByTestId('persisted')).not.toHaveText('Checking…');
  await expectNoAxeViolations(page);
});

test('the whole flow works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your assessments' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.getByLabel('System name').focus();
  await page.keyboard.type('Keyboard ICS');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/edit$/);
  await page.getByRole('link', { name: /^Next: Collaborative/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/edit\/leadership$/);
  const first = page
    .getByRole('region', { name: /Shared vision/ })
    .getByRole('radio', { name: /^Emerging/ });
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(
    page.getByRole('region', { name: /Shared vision/ }).getByRole('radio', { name: /^Developing/ }),
  ).toBeChecked();
  await expect(page.getByText('1 of 24 assessed')).toBeVisible();
});
