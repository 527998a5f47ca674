import { readFile } from 'node:fs/promises';
import type { Browser, Page, TestInfo } from '@playwright/test';
// @ts-expect-error -- plain ESM script shared with the command line, no type declarations
import { signTestToken, startSyncTestServer } from '../../scripts/sync-test-server.mjs';
import { createAssessment, expect, expectNoAxeViolations, test, waitUntilSaved } from './fixtures';
import { Typist } from './human';

/**
 * The regional view over a regional database (issue 16, item 5): two systems publish their
 * snapshots from their own devices to the region's CouchDB database, and the regional analyst, on
 * a fresh device, sets that database in Settings and fetches them. The region's server is another
 * CouchDB-protocol server on 127.0.0.1 (scripts/sync-test-server.mjs) than partnership sync's, on
 * its own port: the build under test allows both origins (ICS_SYNC_ORIGINS in `npm run test:e2e`).
 */

type TestServer = {
  url: string;
  requests: { method: string; path: string; origin: string | null }[];
  createDatabase(name: string, options?: { signIn: 'token' }): Promise<string>;
  getDocument(database: string, id: string): Promise<Record<string, unknown> | null>;
  close(): Promise<void>;
};

const REGION_PORT = Number(process.env.E2E_REGION_PORT ?? 4176);
const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
let server: TestServer;

test.beforeAll(async () => {
  server = (await startSyncTestServer({
    port: REGION_PORT,
    allowOrigins: [APP_ORIGIN],
  })) as TestServer;
});

test.afterAll(async () => {
  await server?.close();
});

/** Another device: its own browser profile, held to the same no-foreign-request rule. */
async function device(browser: Browser, baseURL: string, width: number) {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width, height: 900 },
  });
  const foreign: string[] = [];
  context.on('request', (request) => {
    if (!/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(request.url()))
      foreign.push(request.url());
  });
  return { context, page: await context.newPage(), foreign };
}

/** Settings → Regional database: the address typed key by key, no sign-in. */
async function setRegionalDatabase(page: Page, url: string): Promise<void> {
  await page.goto('/settings');
  const section = page.getByTestId('regional-database');
  await section.getByRole('button', { name: 'Set a regional database' }).click();
  const address = section.getByLabel('Regional database address');
  await address.focus();
  const typist = await Typist.start(page);
  await typist.type(url, 25);
  await expect(address).toHaveValue(url);
  await expect(section.getByLabel('The server does not ask')).toBeChecked();
  await section.getByRole('button', { name: 'Save the regional database' }).click();
  await expect(section.getByRole('status')).toContainText('Regional database saved.');
  await expect(section.getByTestId('regional-url')).toHaveText(url);
}

/** An assessment rating three finance criteria at `level`, then its snapshot previewed. */
async function prepareSnapshot(page: Page, system: string, level: string): Promise<void> {
  const editor = await createAssessment(page, system, '2026-03-31');
  await page.goto(`${editor}/finance-planning`);
  const groups = page.locator('fieldset.level-cards');
  for (let i = 0; i < 3; i++)
    await groups
      .nth(i)
      .getByRole('radio', { name: new RegExp(`^${level}`) })
      .check();
  await waitUntilSaved(page);
  await page.goto(editor.replace(/\/edit$/, '/results'));
  await page.getByRole('button', { name: 'Prepare the snapshot' }).click();
  await expect(page.getByTestId('snapshot-preview')).toContainText(system);
}

async function publish(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const form = page.getByTestId('publish-to-region');
  await form.getByRole('button', { name: 'Publish to the regional database' }).click();
  await expect(page.getByTestId('region-publish-status')).toHaveText(
    new RegExp(`^Published to 127\\.0\\.0\\.1:${REGION_PORT} at \\d{2}:\\d{2}\\.`),
    { timeout: 20_000 },
  );
  await expectNoAxeViolations(page);
  await form.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

function rowHeaders(page: Page, testId: string) {
  return page.getByTestId(testId).getByRole('rowheader');
}

test('two systems publish to the regional database; a fresh device fetches them side by side', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);
  const database = `north-east-region-${Date.now()}`;
  const url = await server.createDatabase(database);
  const before = server.requests.length;
  const sent = () => server.requests.slice(before);

  // Device A, system 1, on a phone: sets the regional database; saving it contacts nothing.
  const a = await device(browser, baseURL!, 375);
  await setRegionalDatabase(a.page, url);
  await expectNoAxeViolations(a.page);
  await a.page.screenshot({ path: testInfo.outputPath('settings-375.png'), fullPage: true });
  expect(
    await a.page.evaluate(() => document.documentElement.scrollWidth),
    'nothing wider than the phone',
  ).toBeLessThanOrEqual(375);
  await prepareSnapshot(a.page, 'Westshire ICS', 'Maturing');
  expect(sent(), 'requests to the regional server before anyone published').toEqual([]);
  await publish(a.page, testInfo, 'published-375');
  expect(await server.getDocument(database, 'snapshot:westshire ics:2026-03-31')).toMatchObject({
    type: 'ics-maturity-regional-snapshot',
    system: { name: 'Westshire ICS' },
  });

  // Device B, system 2, on a desktop.
  const b = await device(browser, baseURL!, 1280);
  await setRegionalDatabase(b.page, url);
  await prepareSnapshot(b.page, 'Eastshire ICS', 'Developing');
  // Offline first: said in words, nothing sent; back online, it publishes.
  await b.context.setOffline(true);
  const sentBeforeOffline = server.requests.length;
  await b.page
    .getByTestId('publish-to-region')
    .getByRole('button', { name: 'Publish to the regional database' })
    .click();
  await expect(b.page.getByTestId('region-publish-status')).toHaveText(
    'Not published: this device is offline. Nothing was sent. Publish again when you are back online, or download the file.',
  );
  expect(server.requests.length).toBe(sentBeforeOffline);
  await expect(b.page.getByRole('button', { name: 'Download the snapshot file' })).toBeEnabled();
  await b.context.setOffline(false);
  await publish(b.page, testInfo, 'published-1280');
  expect(await server.getDocument(database, 'snapshot:eastshire ics:2026-03-31')).not.toBeNull();
  expect(a.foreign, 'requests that left 127.0.0.1 on device A').toEqual([]);
  expect(b.foreign, 'requests that left 127.0.0.1 on device B').toEqual([]);
  await a.context.close();
  await b.context.close();

  // Device C, the regional analyst's, fresh: no regional database yet, so files only.
  await page.setViewportSize({ width: 1280, height: 900 });
  const published = server.requests.length;
  await page.goto('/region');
  await expect(page.getByTestId('regional-empty')).toBeVisible();
  await expect(page.getByLabel('Choose snapshot files')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fetch from the regional database' })).toHaveCount(
    0,
  );

  // A wrong address is saved (it passes the checks), and fetching says so in words.
  await setRegionalDatabase(page, `${server.url}/north-east`);
  await page.goto('/region');
  const fetchCard = page.getByTestId('fetch-snapshots');
  await expect(fetchCard).toContainText(`127.0.0.1:${REGION_PORT}`);
  expect(server.requests.length, 'requests before the analyst fetched').toBe(published);
  await fetchCard.getByRole('button', { name: 'Fetch from the regional database' }).click();
  await expect(page.getByTestId('fetch-report')).toHaveText(
    `Nothing was fetched: there is no database at ${server.url}/north-east. Check the address in Settings with your region's administrator. The snapshots here are unchanged.`,
  );
  await expect(page.getByTestId('regional-empty')).toBeVisible();
  await expectNoAxeViolations(page);

  // Corrected in Settings, then fetched: both systems, alphabetically, no ranking.
  await page.goto('/settings');
  await page
    .getByTestId('regional-database')
    .getByRole('button', { name: 'Change the regional database' })
    .click();
  const address = page.getByTestId('regional-database').getByLabel('Regional database address');
  await address.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  const typist = await Typist.start(page);
  await typist.type(url, 25);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('settings-form-1280.png'), fullPage: true });
  await page.getByRole('button', { name: 'Save the regional database' }).click();
  await expect(page.getByTestId('regional-url')).toHaveText(url);
  await page.screenshot({ path: testInfo.outputPath('settings-1280.png'), fullPage: true });

  await page.goto('/region');
  await page.getByRole('button', { name: 'Fetch from the regional database' }).click();
  const report = page.getByTestId('fetch-report');
  await expect(report).toContainText('2 snapshots fetched, 0 refused.');
  await expect(report).toContainText('Eastshire ICS as at 31 March 2026 added.');
  await expect(report).toContainText('Westshire ICS as at 31 March 2026 added.');
  await expect(page.getByRole('heading', { name: '2 systems' })).toBeVisible();
  // Alphabetical, although Westshire's level is higher.
  await expect(rowHeaders(page, 'regional-systems')).toHaveText(['Eastshire ICS', 'Westshire ICS']);
  await expect(page.getByLabel('Alphabetical (A to Z)')).toBeChecked();
  await expect(page.getByTestId('ranking-warning')).toHaveCount(0);
  const finance = page
    .getByTestId('distribution')
    .locator('tr[data-characteristic="finance-planning"]');
  await expect(finance.locator('td')).toHaveText(['0', '1', '1', '0', '0']);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('region-1280.png'), fullPage: true });

  // Fetching again duplicates nothing.
  await page.getByRole('button', { name: 'Fetch from the regional database' }).click();
  await expect(report).toContainText(
    'Westshire ICS as at 31 March 2026 was already here; updated.',
  );
  await expect(page.getByRole('heading', { name: '2 systems' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Levels of Eastshire ICS over time' }).locator('tbody tr'),
  ).toHaveCount(1);

  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('region-375.png'), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // Every request the region's server saw came from the app's origin (the fixture checks that no
  // request left 127.0.0.1 on this device).
  expect(server.requests.every((r) => r.origin === null || r.origin === APP_ORIGIN)).toBe(true);
});

const token = (expiresInSeconds: number) =>
  (signTestToken as (secret: string, claims: object) => string)('sync-test-secret', {
    sub: 'regional.analyst@example.nhs.uk',
    _couchdb: { roles: ['north-east-region'] },
    exp: Math.floor(Date.now() / 1000) + expiresInSeconds,
  });

test('at 375 px, a region that needs a token: an expired one is refused in words, a fresh one fetches, neither is stored', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 375, height: 800 });
  const database = `region-token-${Date.now()}`;
  const url = await server.createDatabase(database, { signIn: 'token' });
  // A system published Southvale's snapshot there.
  const snapshot = JSON.parse(
    await readFile(
      new URL('../fixtures/regional/southvale-2026-03-31.json', import.meta.url),
      'utf8',
    ),
  ) as Record<string, unknown>;
  const put = await fetch(`${url}/${encodeURIComponent('snapshot:southvale ics:2026-03-31')}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token(600)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(snapshot),
  });
  expect(put.status).toBe(201);
  const before = server.requests.length;

  // Settings: the address key by key, and an expired token pasted.
  await page.goto('/settings');
  const section = page.getByTestId('regional-database');
  await section.getByRole('button', { name: 'Set a regional database' }).click();
  await section.getByLabel('Regional database address').focus();
  await (await Typist.start(page)).type(url, 25);
  await section.getByLabel("With a token from my organisation's sign-in service (JWT)").check();
  await section.getByLabel('Token from your organisation').fill(token(-60));
  await section.getByRole('button', { name: 'Save the regional database' }).click();
  await expect(section.getByRole('status')).toContainText('Regional database saved.');
  await expect(section).toContainText('A token from your organisation');
  expect(server.requests.length, 'requests when the regional database was saved').toBe(before);

  // The token is held for the tab, so fetching asks for nothing, and the server refuses it.
  // To the Region page inside the app (a full page load would drop the token held in memory).
  await page.getByRole('button', { name: 'Menu' }).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Region', exact: true })
    .click();
  const card = page.getByTestId('fetch-snapshots');
  await expect(card.getByLabel('Token for the regional database')).toHaveCount(0);
  await card.getByRole('button', { name: 'Fetch from the regional database' }).click();
  await expect(page.getByTestId('fetch-report')).toHaveText(
    'Nothing was fetched: the regional database refused the token; it may have expired. Paste a new one. The snapshots here are unchanged.',
  );
  await expect(page.getByTestId('regional-empty')).toBeVisible();
  await expect(card.getByLabel('Token for the regional database')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('token-refused-375.png'), fullPage: true });

  // A fresh token, pasted where it is asked for.
  await page.keyboard.insertText(token(600));
  await card.getByRole('button', { name: 'Fetch from the regional database' }).click();
  await expect(page.getByTestId('fetch-report')).toContainText('1 snapshot fetched, 0 refused.');
  await expect(rowHeaders(page, 'regional-systems')).toHaveText(['Southvale ICS']);

  // After a reload the token is asked for again: it was never stored.
  await page.reload();
  await expect(
    page.getByTestId('fetch-snapshots').getByLabel('Token for the regional database'),
  ).toBeVisible();
  const stored = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('ics-maturity');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('settings').objectStore('settings').getAll();
          read.onsuccess = () => resolve(JSON.stringify(read.result));
        };
      }),
  );
  expect(stored).toContain(url);
  expect(stored).not.toContain('eyJ');
});
