import type { Browser, BrowserContext, Page } from '@playwright/test';
// @ts-expect-error -- plain ESM script shared with the command line, no type declarations
import { signTestToken, startSyncTestServer } from '../../scripts/sync-test-server.mjs';
import { startWorkshop } from './workshop-helpers';
import {
  createAssessment,
  criterionCard,
  expect,
  expectNoAxeViolations,
  rate,
  test,
} from './fixtures';

/**
 * Partnership sync between two devices (two browser contexts: separate storage) through a
 * CouchDB-protocol server on 127.0.0.1 (scripts/sync-test-server.mjs). The build under test
 * allows that server in its Content-Security-Policy (ICS_SYNC_ORIGINS in `npm run test:e2e`).
 */

type TestServer = {
  url: string;
  requests: { method: string; path: string; origin: string | null }[];
  createDatabase(name: string, options?: { signIn: 'token' }): Promise<string>;
  getDocument(database: string, id: string): Promise<Record<string, unknown> | null>;
  close(): Promise<void>;
};

// Not the port after the suite's: test/e2e/update.spec.ts serves its second build there.
const SYNC_PORT = Number(process.env.E2E_SYNC_PORT ?? 4175);
// The app's origin, as playwright.config.ts serves it.
const APP_ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
/**
 * COUCHDB_URL=http://admin:password@127.0.0.1:5984 runs the same test against a real CouchDB 3
 * (CORS on for the app's origin; build with ICS_SYNC_ORIGINS set to its origin: docs/sync.md).
 * The devices sign in as that user.
 */
const REAL_COUCHDB = process.env.COUCHDB_URL ? new URL(process.env.COUCHDB_URL) : null;
let server: TestServer;

/** The same few calls on a real CouchDB (no request log: it is not ours to read). */
function realCouchDb(url: URL): TestServer {
  const base = `${url.protocol}//${url.host}`;
  const headers = {
    Authorization: `Basic ${btoa(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`)}`,
  };
  return {
    url: base,
    requests: [],
    async createDatabase(name) {
      const response = await fetch(`${base}/${name}`, { method: 'PUT', headers });
      if (!response.ok) throw new Error(`Could not create ${name}: ${response.status}`);
      return `${base}/${name}`;
    },
    async getDocument(database, id) {
      const response = await fetch(`${base}/${database}/${encodeURIComponent(id)}`, { headers });
      return response.ok ? ((await response.json()) as Record<string, unknown>) : null;
    },
    close: async () => undefined,
  };
}

test.beforeAll(async () => {
  server = REAL_COUCHDB
    ? realCouchDb(REAL_COUCHDB)
    : ((await startSyncTestServer({ port: SYNC_PORT, allowOrigins: [APP_ORIGIN] })) as TestServer);
});

test.afterAll(async () => {
  await server?.close();
});

/** A second device: its own browser context, held to the same no-foreign-request rule. */
async function secondDevice(browser: Browser, baseURL: string) {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const foreign: string[] = [];
  context.on('request', (request) => {
    if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(request.url())) foreign.push(request.url());
  });
  return { context, page: await context.newPage(), foreign };
}

async function switchSyncOn(page: Page, url: string): Promise<void> {
  await page.goto('/settings');
  const address = page.getByLabel('Database address');
  await address.click();
  await address.pressSequentially(url, { delay: 15 });
  if (REAL_COUCHDB) {
    await page.getByLabel('With a user name and password').check();
    await page.getByLabel('User name').fill(decodeURIComponent(REAL_COUCHDB.username));
    await page
      .getByLabel('Password', { exact: true })
      .fill(decodeURIComponent(REAL_COUCHDB.password));
  }
  await page.getByRole('button', { name: 'Switch sync on' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Up to date', { timeout: 20_000 });
}

async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
}

test('two devices share assessments, merge offline edits, and a true conflict is settled by the user', async ({
  page: firstPage,
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  let page = firstPage;
  const database = `north-shire-${Date.now()}`;
  const url = await server.createDatabase(database);
  const sentBefore = server.requests.length;

  // Device A works alone first: nothing is sent anywhere while sync is off.
  const editor = `${await createAssessment(page, 'North Shire ICS')}/leadership`;
  await page.goto(editor);
  await rate(page, 'Shared vision', 'Developing');
  await rate(page, 'Partnership governance', 'Developing');
  await rate(page, 'Collaborative, multi-professional', 'Developing');
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: 'Partnership sync' })).toBeVisible();
  expect(server.requests.length, 'requests to the sync server while sync was off').toBe(sentBefore);

  // An address the build does not allow is refused with a reason, and nothing is stored.
  await page.getByLabel('Database address').fill('https://elsewhere.example.com/db');
  await page.getByRole('button', { name: 'Switch sync on' }).click();
  await expect(page.getByText('may only sync with its own server')).toBeVisible();
  await expect(page.getByLabel('Database address')).toBeFocused();
  await page.getByLabel('Database address').fill('');

  await switchSyncOn(page, url);
  const assessmentId = decodeURIComponent(editor.split('/')[2]!);
  await expect
    .poll(async () => (await server.getDocument(database, `assessment:${assessmentId}`)) !== null)
    .toBe(true);
  await expectNoAxeViolations(page);

  // A second tab on device A: one tab syncs at a time; this one says so, and takes over when the
  // first one closes.
  const secondTab = await context.newPage();
  await secondTab.goto('/settings');
  await expect(secondTab.getByTestId('sync-status')).toHaveText(/Syncing in another tab/);
  await page.close();
  await expect(secondTab.getByTestId('sync-status')).toHaveText('Up to date', { timeout: 20_000 });
  page = secondTab;

  // Device B joins and receives the assessment.
  const b = await secondDevice(browser, baseURL!);
  await switchSyncOn(b.page, url);
  await b.page.goto('/');
  await expect(b.page.getByText('North Shire ICS').first()).toBeVisible({ timeout: 20_000 });
  await b.page.goto(editor);
  await expect(
    criterionCard(b.page, 'Shared vision').getByRole('radio', { name: /^Developing/ }),
  ).toBeChecked();

  // Both go offline and change the assessment: different answers, and one the same.
  await page.goto(editor);
  await goOffline(context, page);
  await goOffline(b.context, b.page);
  await rate(page, 'Shared vision', 'Maturing');
  await rate(page, 'Collaborative, multi-professional', 'Emerging');
  await rate(b.page, 'Partnership governance', 'Thriving');
  await rate(b.page, 'Collaborative, multi-professional', 'Thriving');
  await page.waitForTimeout(1500);
  await b.page.waitForTimeout(1500);

  // The network returns: the different answers merge; the same answer is a conflict on both.
  await context.setOffline(false);
  await b.context.setOffline(false);
  for (const device of [page, b.page]) {
    await device.goto('/settings');
    await expect(device.getByTestId('sync-conflicts')).toBeVisible({ timeout: 30_000 });
    await expect(device.getByTestId('sync-conflicts')).toContainText(
      'Collaborative, multi-professional',
    );
  }
  const conflict = page.getByTestId('sync-conflicts');
  await expect(conflict.getByRole('radio', { name: /On this device: Emerging/ })).toBeVisible();
  await expect(conflict.getByRole('radio', { name: /On another device: Thriving/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // Choosing nothing is refused; choosing the other device's answer settles it everywhere.
  await conflict.getByRole('button', { name: 'Keep the chosen answers' }).click();
  await expect(conflict.getByText('Choose which answer to keep.')).toBeVisible();
  await conflict.getByRole('radio', { name: /On another device: Thriving/ }).check();
  await conflict.getByRole('button', { name: 'Keep the chosen answers' }).click();
  await expect(page.getByTestId('sync-conflicts')).toHaveCount(0);
  await expect(b.page.getByTestId('sync-conflicts')).toHaveCount(0, { timeout: 30_000 });

  for (const device of [page, b.page]) {
    await device.goto(editor);
    const checked = async (criterion: string, level: string) =>
      expect(
        criterionCard(device, criterion).getByRole('radio', { name: new RegExp(`^${level}`) }),
      ).toBeChecked({ timeout: 20_000 });
    await checked('Shared vision', 'Maturing');
    await checked('Partnership governance', 'Thriving');
    await checked('Collaborative, multi-professional', 'Thriving');
  }
  expect(b.foreign, 'requests that left 127.0.0.1 from device B').toEqual([]);
  await b.context.close();
});

const JWT_SECRET = 'sync-test-secret'; // the test server's default
const token = (expiresInSeconds: number) =>
  (signTestToken as (secret: string, claims: object) => string)(JWT_SECRET, {
    sub: 'programme.director@example.nhs.uk',
    _couchdb: { roles: ['north-shire'] },
    exp: Math.floor(Date.now() / 1000) + expiresInSeconds,
  });

test('a device signs in with its organisation’s token and shares only the system it chooses', async ({
  page,
}) => {
  test.skip(REAL_COUCHDB !== null, 'the token is signed for the loopback server');
  test.setTimeout(120_000);
  const database = `partnership-${Date.now()}`;
  const url = await server.createDatabase(database, { signIn: 'token' });
  const north = decodeURIComponent(
    (await createAssessment(page, 'North Shire ICS')).split('/')[2]!,
  );
  const south = decodeURIComponent((await createAssessment(page, 'South Vale')).split('/')[2]!);

  // Set-up on a 320 px phone with the keyboard alone: the address typed key by key, sign-in
  // with a token (an expired one first), one system shared.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/settings');
  const address = page.getByLabel('Database address');
  await address.focus();
  await page.keyboard.type(url, { delay: 15 });
  await page.keyboard.press('Tab'); // the sign-in radios, on the checked one
  await expect(page.getByLabel('The server does not ask')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(
    page.getByLabel("With a token from my organisation's sign-in service (JWT)"),
  ).toBeChecked();
  const tokenField = page.getByLabel('Token from your organisation');
  await page.keyboard.press('Tab');
  await expect(tokenField).toBeFocused();
  await page.keyboard.press('Tab'); // what to share: every assessment, checked
  await expect(page.getByLabel('Every assessment on this device')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Every assessment of the systems I choose')).toBeChecked();
  await page.keyboard.press('Tab'); // past the systems' boxes, unticked, to the button
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Switch sync on' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Nothing pasted, nothing ticked: both are said, the token field has the focus, nothing starts.
  await expect(page.getByText('Paste the token your organisation gave you.')).toBeVisible();
  await expect(page.getByText('Choose at least one system to share')).toBeVisible();
  await expect(tokenField).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page);
  await page.keyboard.insertText(token(-60)); // pasted: an expired token
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('North Shire ICS (1 assessment)')).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sync-status')).toHaveText(/refused the token/, {
    timeout: 20_000,
  });
  await page.getByLabel('Token from your organisation').fill(token(3600));
  await page.getByRole('button', { name: 'Resume sync' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Up to date', { timeout: 20_000 });
  await expect(page.getByTestId('sync-share')).toContainText('Every assessment of 1 system');
  await expect(page.getByTestId('sync-share')).toContainText(
    '1 assessment on this device is not shared.',
  );
  expect(await server.getDocument(database, `assessment:${north}`)).not.toBeNull();
  expect(await server.getDocument(database, `assessment:${south}`)).toBeNull();
  await expectNoAxeViolations(page);

  // Sharing everything from now on sends the other system's assessment too.
  await page.getByRole('button', { name: 'Change what this device shares' }).click();
  await page.getByLabel('Every assessment on this device').check();
  await page.getByRole('button', { name: 'Save what this device shares' }).click();
  await expect
    .poll(async () => (await server.getDocument(database, `assessment:${south}`)) !== null, {
      timeout: 20_000,
    })
    .toBe(true);
  await expect(page.getByTestId('sync-share')).toHaveText('Every assessment on this device');

  // The token is never stored: after a reload the device asks for it again.
  await page.reload();
  await expect(page.getByTestId('sync-status')).toHaveText(
    'Paused: paste the token from your organisation to carry on.',
  );
  const stored = await page.evaluate(async () => {
    const open = indexedDB.open('ics-maturity');
    const db = await new Promise<IDBDatabase>(
      (resolve) => (open.onsuccess = () => resolve(open.result)),
    );
    const all = db.transaction('settings').objectStore('settings').getAll();
    return new Promise<string>(
      (resolve) => (all.onsuccess = () => resolve(JSON.stringify(all.result))),
    );
  });
  expect(stored).toContain(database);
  expect(stored).not.toContain('eyJ');
});

/** A participant's device joins the workshop (with the invitation file, or the typed code). */
async function joinWorkshop(
  page: Page,
  how: { file: string } | { code: string },
  name: string,
  sector: string,
) {
  await page.goto('/join');
  if ('file' in how) {
    await page.getByLabel('Choose the invitation file').setInputFiles(how.file);
    await expect(page.getByText(/^Workshop: Live partnership workshop on/)).toBeVisible();
  } else {
    await page.getByLabel('Workshop code').pressSequentially(how.code, { delay: 20 });
    await page.getByRole('button', { name: 'Join with this code' }).click();
  }
  await page.getByLabel('Name or anonymous label', { exact: true }).fill(name);
  await page.getByLabel('Organisation', { exact: true }).fill(`${name}'s organisation`);
  await page.getByLabel('Sector', { exact: true }).selectOption({ label: sector });
  await page.getByRole('button', { name: 'Start rating' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Your private ratings, ${name}` }),
  ).toBeVisible();
}

/** Rates every criterion of the rating screen at `level`. */
async function rateAll(page: Page, level: string) {
  const groups = page.locator('fieldset');
  await expect(groups).toHaveCount(24);
  for (let i = 0; i < 24; i += 1)
    await groups
      .nth(i)
      .getByRole('radio', { name: new RegExp(`^${level}`) })
      .check();
  await expect(page.getByText('24 of 24 rated')).toBeVisible();
}

test('a live workshop: three participants send their ratings through sync, a fourth hands in a file', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);
  const database = `live-${Date.now()}`;
  const url = await server.createDatabase(database);

  // The facilitator sets up the workshop and syncs with the partnership.
  const editor = await createAssessment(page, 'Live ICS', '2019-09-12');
  await startWorkshop(page, editor, 'Live partnership workshop');
  const workshopPath = new URL(page.url()).pathname;
  const [invitation] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the invitation file' }).click(),
  ]);
  const invitationPath = testInfo.outputPath('invitation.json');
  await invitation.saveAs(invitationPath);
  const code = (await page.getByTestId('join-code').textContent()) ?? '';
  await switchSyncOn(page, url);
  await page.goto(workshopPath);

  // Three participants on their own devices, syncing with the same partnership.
  const one = await secondDevice(browser, baseURL!);
  await switchSyncOn(one.page, url);
  await joinWorkshop(one.page, { file: invitationPath }, 'Acute CEO', 'Acute trust');
  const two = await secondDevice(browser, baseURL!);
  await switchSyncOn(two.page, url);
  await joinWorkshop(two.page, { code }, 'Council director', 'Local authority');
  const four = await secondDevice(browser, baseURL!);
  await switchSyncOn(four.page, url);
  await joinWorkshop(four.page, { code }, 'Voluntary sector lead', 'Voluntary sector');

  await rateAll(one.page, 'Maturing');
  await one.page.getByRole('button', { name: 'Send my ratings to the facilitator' }).click();
  await expect(one.page.getByTestId('send-by-sync')).toContainText(/Sent at \d\d:\d\d/);
  await expectNoAxeViolations(one.page);
  // The facilitator's screen counts them without a file.
  await expect(page.getByText('Participants done: 1 of 1 have rated every criterion.')).toBeVisible(
    {
      timeout: 20_000,
    },
  );

  await rateAll(two.page, 'Emerging');
  await two.page.getByRole('button', { name: 'Send my ratings to the facilitator' }).click();
  await expect(page.getByText('Participants done: 2 of 2 have rated every criterion.')).toBeVisible(
    {
      timeout: 20_000,
    },
  );
  await rateAll(four.page, 'Developing');
  await four.page.getByRole('button', { name: 'Send my ratings to the facilitator' }).click();
  await expect(page.getByText('Participants done: 3 of 3 have rated every criterion.')).toBeVisible(
    {
      timeout: 20_000,
    },
  );
  await expect(page.getByTestId('sync-responses')).toContainText(
    '3 responses have arrived that way since sync started in this tab.',
  );

  // A fourth, with no network, hands in a response file as before.
  const three = await secondDevice(browser, baseURL!);
  await joinWorkshop(
    three.page,
    { file: invitationPath },
    'PCN clinical director',
    'Primary care or PCN',
  );
  await expect(three.page.getByTestId('send-by-sync')).toHaveCount(0);
  await rateAll(three.page, 'Thriving');
  const [responseDownload] = await Promise.all([
    three.page.waitForEvent('download'),
    three.page.getByRole('button', { name: 'Save my response file' }).click(),
  ]);
  const responsePath = testInfo.outputPath('response-three.json');
  await responseDownload.saveAs(responsePath);
  await page.getByLabel('Choose response files, or drop them here').setInputFiles(responsePath);
  await expect(
    page.getByText('Participants done: 4 of 4 have rated every criterion.'),
  ).toBeVisible();

  // The first participant changes their mind and sends again: the newer ratings replace theirs.
  const first = one.page.locator('fieldset').first();
  await first.getByRole('radio', { name: /^Developing/ }).check();
  await one.page.getByRole('button', { name: 'Send my ratings to the facilitator' }).click();
  await page.getByRole('button', { name: 'Reveal the ratings' }).click();
  const vision = page.locator('[data-criterion="leadership.shared-vision"]');
  await expect(vision).toContainText('4 ratings; median Developing; range Emerging to Thriving.', {
    timeout: 20_000,
  });
  await expectNoAxeViolations(page);
  for (const device of [one, two, four, three]) {
    expect(device.foreign, 'requests that left 127.0.0.1').toEqual([]);
    await device.context.close();
  }
});
