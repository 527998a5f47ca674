import {
  createAssessment,
  expect,
  rate,
  test,
  waitForServiceWorkerControl,
  waitUntilSaved,
} from './fixtures';

test('works offline once the service worker controls the page, with its data', async ({
  page,
  context,
}) => {
  const editorPath = await createAssessment(page, 'Offline ICS');
  await waitForServiceWorkerControl(page);
  await page.goto(`${editorPath}/integrated-care`);
  await rate(page, 'Primary care networks', 'Developing');
  await waitUntilSaved(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('You are offline.')).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: /Primary care networks/ })
      .getByRole('radio', { name: /^Developing/ }),
  ).toBeChecked();

  // A deep link never visited before, with lazy chunks (results, charts), also works offline.
  const resultsPath = editorPath.replace(/\/edit$/, '/results');
  await page.goto(resultsPath);
  await expect(page.getByRole('heading', { level: 1, name: /^Results/ })).toBeVisible();
  await expect(page.locator('.recharts-polar-angle-axis-tick').first()).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await context.setOffline(false);
});

test('the web manifest names the app, its icons and NHS blue', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await page.request.get(href ?? '')).json()) as {
    name: string;
    theme_color: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  expect(manifest.name).toBe('ICS Maturity self-assessment');
  expect(manifest.theme_color).toBe('#005eb8');
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) expect((await page.request.get(icon.src)).status()).toBe(200);
});
