import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, FileChooser, Page, TestInfo } from '@playwright/test';
import { createAssessment, expect, expectNoAxeViolations, test, waitUntilSaved } from './fixtures';

/**
 * The regional view from files (issue 16, item 5): two systems publish snapshots on their own
 * devices (separate browser profiles), and a regional analyst on a third imports them and sees
 * both systems alphabetically, the distribution of levels, a trend, and a ranking only on request
 * with its warning. What leaves a system is results only: the rationale typed never does.
 */

const RATIONALE = 'Agreed with Dr Alice Example at the March board';

/** Another device: its own profile, and no request may leave 127.0.0.1 there either. */
async function otherDevice(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', acceptDownloads: true });
  context.on('request', (request) => {
    expect(request.url(), 'request from a publishing device').toMatch(
      /^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/,
    );
  });
  return context;
}

/** Creates an assessment rating three finance criteria at `level`, then publishes its snapshot. */
async function publish(
  page: Page,
  testInfo: TestInfo,
  system: string,
  asAt: string,
  level: string,
): Promise<string> {
  const editor = await createAssessment(page, system, asAt);
  await page.goto(`${editor}/finance-planning`);
  const groups = page.locator('fieldset.level-cards');
  for (let i = 0; i < 3; i++)
    await groups
      .nth(i)
      .getByRole('radio', { name: new RegExp(`^${level}`) })
      .check();
  await page
    .getByRole('region', { name: /System architecture and streamlined commissioning/ })
    .getByLabel('Rationale')
    .fill(RATIONALE);
  await waitUntilSaved(page);
  await page.goto(editor.replace(/\/edit$/, '/results'));
  await page.getByRole('button', { name: 'Prepare the snapshot' }).click();
  const preview = page.getByTestId('snapshot-preview');
  await expect(preview).toContainText(system);
  await expect(page.getByTestId('publish-snapshot')).toContainText(
    "The assessment's title, rationales, evidence, confidence, notes, workshops, participants and their private ratings stay on this device.",
  );
  await page.getByText("Show the file's contents").click();
  await expect(page.getByTestId('snapshot-json')).toContainText('"overall"');
  await expect(page.getByTestId('snapshot-json')).not.toContainText(RATIONALE);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath(`publish-${asAt}.png`), fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the snapshot file' }).click(),
  ]);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  await expect(page.getByText(/Snapshot saved to your downloads/)).toBeVisible();
  const text = await readFile(path, 'utf8');
  expect(text).not.toContain(RATIONALE);
  expect(text).not.toContain('Dr Alice');
  expect(download.suggestedFilename()).toMatch(/^regional-snapshot-.*\.json$/);
  return path;
}

function rowHeaders(page: Page, testId: string) {
  return page.getByTestId(testId).getByRole('rowheader');
}

/** Tab forwards until `target` has focus, as a person with a keyboard reaches it. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with Tab');
}

test('at 320 px, with the keyboard alone: import, rank with its warning, remove a snapshot', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 320, height: 640 });
  // First in the file: after a test that opened other browser contexts, Chromium (headless) did
  // not open the file chooser for a key press; a fresh worker's first page does.
  const sample = JSON.parse(
    await readFile(
      new URL('../fixtures/regional/southvale-2026-03-31.json', import.meta.url),
      'utf8',
    ),
  ) as { system: { name: string; key: string } };
  const other = { ...sample, system: { name: 'Northvale ICS', key: 'northvale ics' } };
  const files = [
    {
      name: 'southvale.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(sample)),
    },
    {
      name: 'northvale.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(other)),
    },
  ];
  await page.goto('/region');
  await expect(page.getByTestId('regional-empty')).toBeVisible();
  const input = page.getByLabel('Choose snapshot files');
  await tabTo(page, input);
  // Space on the focused file field opens the chooser. Headless Chromium sometimes ignores the
  // first press (not the app: the field is native and focused), so, as a person would, press
  // again, then try Enter.
  let chooser: FileChooser | null = null;
  for (const key of ['Space', 'Space', 'Enter']) {
    [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 5_000 }).catch(() => null),
      page.keyboard.press(key),
    ]);
    if (chooser) break;
    await expect(input).toBeFocused();
  }
  expect(chooser, 'the file chooser opened from the keyboard').not.toBeNull();
  await chooser!.setFiles(files);
  await expect(page.getByTestId('import-report')).toContainText('2 of 2 files imported.');
  await expect(rowHeaders(page, 'regional-systems')).toHaveText(['Northvale ICS', 'Southvale ICS']);

  // The order is a radio group: Tab reaches the chosen one, an arrow key chooses the other.
  const alphabetical = page.getByLabel('Alphabetical (A to Z)');
  await tabTo(page, alphabetical);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Rank by overall level')).toBeChecked();
  await expect(page.getByTestId('ranking-warning')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('region-320.png'), fullPage: true });

  // Nothing but the tables' own scroll regions is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  const remove = page.getByRole('button', {
    name: 'Remove the snapshot of Northvale ICS as at 31 March 2026',
  });
  await tabTo(page, remove, 200);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '1 system' })).toBeVisible();
  await expect(rowHeaders(page, 'regional-systems')).toHaveText(['Southvale ICS']);
  // Focus is not lost: it moved to the next Remove button.
  await expect(
    page.getByRole('button', { name: 'Remove the snapshot of Southvale ICS as at 31 March 2026' }),
  ).toBeFocused();
});

test('two systems publish on their own devices; a third imports them side by side', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);
  const a = await otherDevice(browser, baseURL!);
  const b = await otherDevice(browser, baseURL!);
  const west = await publish(
    await a.newPage(),
    testInfo,
    'Westshire ICS',
    '2026-03-31',
    'Maturing',
  );
  const bPage = await b.newPage();
  const east = await publish(bPage, testInfo, 'Eastshire ICS', '2026-03-31', 'Developing');
  const eastOld = await publish(bPage, testInfo, 'Eastshire ICS', '2025-03-31', 'Emerging');
  await a.close();
  await b.close();

  // Context C: the regional analyst.
  await page.goto('/region');
  await expect(page.getByRole('heading', { level: 1, name: 'Regional view' })).toBeVisible();
  await expect(page.getByTestId('regional-empty')).toContainText('No snapshots yet');
  await expectNoAxeViolations(page);

  await page.getByLabel('Choose snapshot files').setInputFiles([west, east, eastOld]);
  await expect(page.getByTestId('import-report')).toContainText('3 of 3 files imported.');
  await expect(page.getByRole('heading', { name: '2 systems' })).toBeVisible();
  // Alphabetical, although Westshire's level is higher.
  await expect(rowHeaders(page, 'regional-systems')).toHaveText(['Eastshire ICS', 'Westshire ICS']);
  await expect(page.getByTestId('ranking-warning')).toHaveCount(0);

  const finance = page
    .getByTestId('distribution')
    .locator('tr[data-characteristic="finance-planning"]');
  // Emerging, developing, maturing, thriving, not enough evidence.
  await expect(finance.locator('td')).toHaveText(['0', '1', '1', '0', '0']);

  const trend = page.getByRole('region', { name: 'Levels of Eastshire ICS over time' });
  await expect(trend.locator('tbody th')).toHaveText(['31 March 2025', '31 March 2026']);
  await expect(trend.locator('tbody tr').nth(0)).toContainText('Emerging');
  await expect(trend.locator('tbody tr').nth(1)).toContainText('Developing');
  await expect(page.locator('.recharts-radar').first()).toBeVisible();
  await expect(page.getByTestId('profiles-data').getByRole('rowheader')).toHaveText([
    'Eastshire ICS',
    'Westshire ICS',
  ]);
  await expectNoAxeViolations(page);

  await page.getByLabel('Rank by overall level').check();
  await expect(page.getByTestId('ranking-warning')).toContainText('A league table misleads');
  await expect(rowHeaders(page, 'regional-systems')).toHaveText(['Westshire ICS', 'Eastshire ICS']);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('region-ranked.png'), fullPage: true });

  // A malformed file is refused with a reason and changes nothing.
  await page.getByLabel('Choose snapshot files').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"type":"ics-maturity-regional-snapshot","version":1,'),
  });
  await expect(page.getByTestId('import-report')).toContainText(
    'broken.json was not imported: it is not a snapshot file (it is not JSON). Nothing was changed.',
  );
  await expect(page.getByRole('heading', { name: '2 systems' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Levels of Eastshire ICS over time' }).locator('tbody tr'),
  ).toHaveCount(2);

  // It is all still there after a reload (and the order is alphabetical again: ranking is a choice per visit).
  await page.reload();
  await expect(rowHeaders(page, 'regional-systems')).toHaveText(['Eastshire ICS', 'Westshire ICS']);
});
