import { readFile, writeFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createAssessment, expect, expectNoAxeViolations, test } from './fixtures';

/**
 * A whole mixed workshop: three people rate on the facilitator's laptop,
 * two more rate on their own devices (separate browser profiles, so separate databases) and hand
 * back response files, one joined with the invitation file and one with the typed code. The
 * facilitator imports both at once, reveals the spread and agrees every criterion; the results
 * then reflect the agreed levels.
 */

const LEVELS = ['Emerging', 'Developing', 'Maturing', 'Thriving'] as const;

/** Another device: its own profile, and no request may leave 127.0.0.1 there either. */
async function otherDevice(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB' });
  context.on('request', (request) => {
    expect(request.url(), 'request from a participant device').toMatch(
      /^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/,
    );
  });
  return context;
}

async function addParticipant(page: Page, name: string, organisation: string, sector: string) {
  await page.getByLabel('Name or anonymous label', { exact: true }).fill(name);
  await page.getByLabel('Organisation', { exact: true }).fill(organisation);
  await page.getByLabel('Sector', { exact: true }).selectOption({ label: sector });
  await page.getByRole('button', { name: 'Add participant' }).click();
  await expect(page.getByText(new RegExp(`^${name}, ${organisation}`))).toBeVisible();
}

/** Rates the first `count` criteria on the rating screen, cycling through `levels`. */
async function rateCriteria(page: Page, levels: readonly string[], count: number) {
  const groups = page.locator('fieldset');
  await expect(groups).toHaveCount(24);
  for (let i = 0; i < count; i += 1) {
    await groups
      .nth(i)
      .getByRole('radio', { name: new RegExp(`^${levels[i % levels.length]}`) })
      .check();
  }
}

async function rateOnLaptop(page: Page, name: string, levels: readonly string[]) {
  await page.getByRole('button', { name: `Pass the laptop to ${name}` }).click();
  await page.getByRole('button', { name: `I am ${name}: start rating` }).click();
  await rateCriteria(page, levels, 3);
  await page.getByRole('button', { name: 'Finish and hide my answers' }).click();
  await page.getByRole('button', { name: 'Hand back to the facilitator' }).click();
}

/** On a participant's device: rate every criterion and save the response file. */
async function rateAndSaveResponse(page: Page, level: string, path: string): Promise<string> {
  await rateCriteria(page, [level], 24);
  await expect(page.getByText('24 of 24 rated')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save my response file' }).click(),
  ]);
  await download.saveAs(path);
  await expect(page.getByText(/Give this file to the facilitator/)).toBeVisible();
  return download.suggestedFilename();
}

test('three rate on the laptop, two on their own devices; import, reveal, agree every criterion', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  // A whole workshop: five people rate 24 criteria each, then every criterion is agreed. On a
  // loaded two-core machine that takes longer than the default minute.
  test.slow();
  const editor = await createAssessment(page, 'Own Devices ICS', '2019-09-12');
  await page.goto(editor.replace(/\/edit$/, '/workshops'));
  await page.getByLabel('Workshop title').fill('Partnership board workshop');
  await page.getByLabel('Facilitator').fill('Programme director');
  await page.getByText('Criteria in scope: 24 of 24').click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Partnership board workshop' }),
  ).toBeVisible();

  await addParticipant(page, 'Acute CEO', 'Northshire Hospitals', 'Acute trust');
  await addParticipant(page, 'Council director', 'Northshire Council', 'Local authority');
  await addParticipant(page, 'PCN clinical director', 'Eastvale PCN', 'Primary care or PCN');
  await rateOnLaptop(page, 'Acute CEO', ['Maturing']);
  await rateOnLaptop(page, 'Council director', ['Emerging']);
  await rateOnLaptop(page, 'PCN clinical director', ['Developing']);

  // The facilitator hands out the invitation file and reads out the code.
  const [invitationDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the invitation file' }).click(),
  ]);
  expect(invitationDownload.suggestedFilename()).toMatch(
    /^workshop-invitation-partnership-board-workshop-\d{4}-\d{2}-\d{2}\.json$/,
  );
  const invitationPath = testInfo.outputPath('invitation.json');
  await invitationDownload.saveAs(invitationPath);
  const code = (await page.getByTestId('join-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expectNoAxeViolations(page);

  // Device A joins with the invitation file.
  const deviceA = await otherDevice(browser, baseURL!);
  const a = await deviceA.newPage();
  await a.goto('/');
  await a.getByRole('link', { name: 'Join a workshop' }).click();
  await a.getByLabel('Choose the invitation file').setInputFiles(invitationPath);
  await expect(a.getByText(/^Workshop: Partnership board workshop on/)).toBeVisible();
  await a.getByLabel('Name or anonymous label', { exact: true }).fill('Ŵyn <i>Jones</i>');
  await a.getByLabel('Organisation', { exact: true }).fill('Eastvale County Council');
  await a.getByLabel('Sector', { exact: true }).selectOption({ label: 'Local authority' });
  await a.getByRole('button', { name: 'Start rating' }).click();
  await expect(
    a.getByRole('heading', { level: 1, name: 'Your private ratings, Ŵyn <i>Jones</i>' }),
  ).toBeVisible();
  await expectNoAxeViolations(a);
  const responseA = testInfo.outputPath('response-a.json');
  await rateAndSaveResponse(a, 'Thriving', responseA);
  // Ratings survive a reload on the participant's device.
  await a.reload();
  await expect(a.getByText('24 of 24 rated')).toBeVisible();

  // Device B types the code: first not a code, then with two neighbours swapped, each refused
  // at once with an error summary and the field's message, then right (lower case, with spaces:
  // that is forgiven).
  const deviceB = await otherDevice(browser, baseURL!);
  const b = await deviceB.newPage();
  await b.goto('/join');
  const codeField = b.getByLabel('Workshop code');
  await codeField.fill('what?');
  await b.getByRole('button', { name: 'Join with this code' }).click();
  await expect(b.locator('.nhsuk-error-summary')).toContainText(
    'Workshop code: Enter the workshop code, using only letters and numbers',
  );
  const plain = code.replace(/-/g, '');
  const swapAt = [...plain].findIndex((c, i) => i > 0 && c !== plain[i - 1]);
  const swapped = `${plain.slice(0, swapAt - 1)}${plain[swapAt]}${plain[swapAt - 1]}${plain.slice(swapAt + 1)}`;
  await codeField.fill(swapped);
  await b.getByRole('button', { name: 'Join with this code' }).click();
  const mistake = 'This code has a mistake: a letter or number is wrong, or two are swapped.';
  await expect(b.locator('.nhsuk-error-summary')).toContainText(`Workshop code: ${mistake}`);
  await expect(codeField).toHaveAccessibleDescription(new RegExp(mistake));
  await expect(codeField).toBeFocused();
  await expect(b.getByLabel('Name or anonymous label', { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(b);
  await b.locator('.nhsuk-error-summary').getByRole('link').click();
  await expect(codeField).toBeFocused();
  await codeField.fill(code.toLowerCase().replace(/-/g, ' '));
  await b.getByRole('button', { name: 'Join with this code' }).click();
  await expect(b.locator('.nhsuk-error-summary')).toHaveCount(0);
  await expect(
    b.getByText(
      `Workshop ${plain.slice(0, 5)}-${plain.slice(5, 10)}. You will rate the 24 criteria this workshop covers.`,
    ),
  ).toBeVisible();
  await b.getByLabel('Name or anonymous label', { exact: true }).fill('Voluntary sector lead');
  await b.getByLabel('Organisation', { exact: true }).fill('Northshire CVS');
  await b.getByLabel('Sector', { exact: true }).selectOption({ label: 'Voluntary sector' });
  await b.getByRole('button', { name: 'Start rating' }).click();
  const responseB = testInfo.outputPath('response-b.json');
  await rateAndSaveResponse(b, 'Developing', responseB);
  await expectNoAxeViolations(b);
  await deviceA.close();
  await deviceB.close();

  // Bad files first: each gets its own message, and nothing changes.
  const broken = testInfo.outputPath('broken.json');
  await writeFile(broken, '{"type":"ics-maturity-workshop-response","ver');
  const tampered = testInfo.outputPath('tampered.json');
  const tamperedContent = JSON.parse(await readFile(responseA, 'utf8')) as {
    ratings: { level: string }[];
  };
  tamperedContent.ratings[0]!.level = 'excellent';
  await writeFile(tampered, JSON.stringify(tamperedContent));
  const files = page.getByLabel('Choose response files, or drop them here');
  await files.setInputFiles([broken, tampered]);
  const report = page.getByRole('status').filter({ hasText: 'files checked' });
  await expect(report).toContainText('broken.json is damaged or incomplete');
  await expect(report).toContainText('tampered.json has a value this app cannot accept');
  await expect(report).toContainText('2 files checked; 0 brought in new ratings.');
  await expect(page.getByText('Rated on their own device')).toHaveCount(0);

  // Both response files at once.
  await files.setInputFiles([responseA, responseB]);
  await expect(report).toContainText('2 files checked; 2 brought in new ratings.');
  await expect(report).toContainText('added Ŵyn <i>Jones</i> with 24 ratings.');
  await expect(report).toContainText('added Voluntary sector lead with 24 ratings.');
  await expect(page.getByText('Rated on their own device')).toHaveCount(2);
  await expect(page.getByText('Ŵyn <i>Jones</i>, Eastvale County Council')).toBeVisible();
  // The same files again change nothing.
  await files.setInputFiles([responseA, responseB]);
  await expect(report).toContainText('2 files checked; 0 brought in new ratings.');
  await expect(report.getByText(/already imported, nothing changed/)).toHaveCount(2);
  await expect(page.getByText(/ of 24 rated$/)).toHaveCount(5);
  await expectNoAxeViolations(page);

  // Reveal: the first criterion has five ratings from emerging to thriving.
  await page.getByRole('button', { name: 'Reveal the ratings' }).click();
  const vision = page.locator('[data-criterion="leadership.shared-vision"]');
  await expect(vision).toContainText('5 ratings; median Developing; range Emerging to Thriving.');
  await expect(vision).toContainText('Split: needs agreement');
  await vision.getByText('Ratings by sector').click();
  const sectors = vision.getByRole('table', { name: /by sector/ });
  await expect(sectors.getByRole('row', { name: /Local authority/ })).toContainText('1');
  await expectNoAxeViolations(page);

  // Agree every criterion: maturing, except the shared vision at developing.
  await page.getByLabel('Order of criteria').selectOption({ label: 'Framework order' });
  const articles = page.locator('[data-criterion]');
  await expect(articles).toHaveCount(24);
  for (let i = 0; i < 24; i += 1) {
    const article = articles.nth(i);
    const id = await article.getAttribute('data-criterion');
    const level = id === 'leadership.shared-vision' ? LEVELS[1] : LEVELS[2];
    await article.getByLabel(/^Agreed level/).selectOption({ label: level });
    await article.getByRole('button', { name: /^Record agreed rating/ }).click();
    await expect(article.getByRole('status')).toContainText('Agreed rating recorded');
  }
  await expect(page.locator('.status-tag', { hasText: /^Agreed$/ })).toHaveCount(24);

  await page.goto(editor.replace(/\/edit$/, '/results'));
  await expect(page.getByTestId('headline')).toContainText(
    'Maturing overall; 5 of 5 characteristics at maturing or above',
  );
  await expect(page.getByTestId('headline')).not.toContainText('provisional');
  await page.goto(`${editor}/leadership`);
  await expect(
    page.getByRole('region', { name: /Shared vision/ }).getByRole('radio', { name: /^Developing/ }),
  ).toBeChecked();
});

test('a workshop on two characteristics: joined by code on a 375 px phone, rated one criterion at a time with Next and Previous, reviewed, and the file imports with those levels', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const editor = await createAssessment(page, 'Scoped ICS', '2019-09-12');
  await page.goto(editor.replace(/\/edit$/, '/workshops'));
  await page.getByLabel('Workshop title').fill('Leadership and delivery');
  await page.getByText('Criteria in scope: 24 of 24').click();
  // One box per characteristic: three unticked leave two characteristics in scope.
  for (const name of [/^All of Integrated/, /^All of System architecture/, /^All of Coherent/]) {
    await page.getByRole('checkbox', { name }).uncheck();
  }
  await expect(page.getByText(/^Criteria in scope: \d+ of 24$/)).not.toHaveText(
    'Criteria in scope: 24 of 24',
  );
  const scope = Number(
    /(\d+) of 24/.exec((await page.getByText(/^Criteria in scope:/).textContent()) ?? '')?.[1],
  );
  expect(scope).toBeGreaterThan(1);
  expect(scope).toBeLessThan(24);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Start workshop' }).click();
  const code = (await page.getByTestId('join-code').textContent()) ?? '';

  // A phone in the hand: 375 px, touch, the criteria one at a time.
  const phone = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    viewport: { width: 375, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  phone.on('request', (request) => {
    expect(request.url(), 'request from the phone').toMatch(
      /^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/,
    );
  });
  const p = await phone.newPage();
  await p.goto('/join');
  await p.getByLabel('Workshop code').fill(code);
  await p.getByRole('button', { name: 'Join with this code' }).tap();
  await expect(
    p.getByText(new RegExp(`You will rate the ${scope} criteria this workshop covers\\.$`)),
  ).toBeVisible();
  await p.getByLabel('Name or anonymous label', { exact: true }).fill('Voluntary sector lead');
  await p.getByLabel('Organisation', { exact: true }).fill('Northshire CVS');
  await p.getByLabel('Sector', { exact: true }).selectOption({ label: 'Voluntary sector' });
  await p.getByRole('button', { name: 'Start rating' }).tap();
  const progress = p.locator('.pager__progress');
  await expect(progress).toHaveText(`Criterion 1 of ${scope} · 0 rated`);
  // One criterion on screen: its heading, four levels, the meanings folded, a note, Next.
  const shown = p.locator('fieldset:visible');
  await expect(shown).toHaveCount(1);
  await expect(shown.getByRole('radio')).toHaveCount(4);
  await expect(shown.getByText('What each level means')).toBeVisible();
  await expect(shown.locator('details')).not.toHaveAttribute('open');
  await expect(p.getByRole('button', { name: 'Previous' })).toHaveCount(0);
  await expectNoAxeViolations(p);
  await p.screenshot({ path: testInfo.outputPath('375-one-criterion.png'), fullPage: true });

  // Every criterion, one tap on a level and one on Next each; the last level chosen is Emerging.
  const chosen: string[] = [];
  for (let i = 0; i < scope; i += 1) {
    const level = LEVELS[i % LEVELS.length]!;
    await expect(progress).toHaveText(`Criterion ${i + 1} of ${scope} · ${i} rated`);
    const heading = (await shown.getByRole('heading', { level: 2 }).textContent()) ?? '';
    await shown.getByRole('radio', { name: new RegExp(`^${level}`) }).tap();
    chosen.push(level);
    if (i === 1) {
      await shown.getByText('What each level means').tap();
      await expect(shown.getByRole('definition').first()).toBeVisible();
      await p.screenshot({ path: testInfo.outputPath('375-meanings-open.png') });
    }
    if (i < scope - 1) {
      await p.getByRole('button', { name: 'Next' }).tap();
      // Focus follows to the next criterion's heading.
      await expect(p.locator(':focus')).not.toHaveText(heading);
      await expect(shown.getByRole('heading', { level: 2 })).toBeFocused();
    }
  }
  await expect(progress).toHaveText(`Criterion ${scope} of ${scope} · ${scope} rated`);
  // Back one with Previous: the choice made there is kept; change it to Thriving.
  await p.getByRole('button', { name: 'Previous' }).tap();
  await expect(shown.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(
    shown.getByRole('radio', { name: new RegExp(`^${chosen[scope - 2]}`) }),
  ).toBeChecked();
  await shown.getByRole('radio', { name: /^Thriving/ }).tap();
  chosen[scope - 2] = 'Thriving';
  await p.getByRole('button', { name: 'Next' }).tap();
  await expect(
    shown.getByRole('radio', { name: new RegExp(`^${chosen[scope - 1]}`) }),
  ).toBeChecked();
  await p.getByRole('button', { name: 'Review my ratings' }).tap();

  // The review lists every criterion with its choice, before the file is saved.
  await expect(p.getByRole('heading', { level: 2, name: 'Check your ratings' })).toBeFocused();
  await expect(progress).toHaveText(`${scope} of ${scope} rated`);
  const values = p.locator('.pager__review .nhsuk-summary-list__value');
  await expect(values).toHaveText(chosen);
  await expect(p.getByText('Not rated')).toHaveCount(0);
  await expectNoAxeViolations(p);
  await p.screenshot({ path: testInfo.outputPath('375-review.png'), fullPage: true });
  // At 320 px neither the review nor a criterion scrolls sideways.
  await p.setViewportSize({ width: 320, height: 640 });
  const pageWidth = () => p.evaluate(() => document.documentElement.scrollWidth);
  expect(await pageWidth()).toBeLessThanOrEqual(320);
  await p.getByRole('button', { name: 'Back to the last criterion' }).tap();
  await expect(progress).toHaveText(`Criterion ${scope} of ${scope} · ${scope} rated`);
  expect(await pageWidth()).toBeLessThanOrEqual(320);
  await p.getByRole('button', { name: 'Review my ratings' }).tap();
  // Turned into a wide screen: the whole list as on a laptop, every choice still made.
  await p.setViewportSize({ width: 1280, height: 800 });
  await expect(p.locator('fieldset:visible')).toHaveCount(scope);
  await expect(p.getByRole('radio', { checked: true })).toHaveCount(scope);
  await expect(p.getByText(`${scope} of ${scope} rated`)).toBeVisible();
  await p.screenshot({ path: testInfo.outputPath('1280-list.png') });
  await p.setViewportSize({ width: 375, height: 740 });
  await expect(p.getByRole('heading', { level: 2, name: 'Check your ratings' })).toBeVisible();

  const [download] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('button', { name: 'Save my response file' }).tap(),
  ]);
  const response = testInfo.outputPath('scoped-response.json');
  await download.saveAs(response);
  await phone.close();

  await page.getByLabel('Choose response files, or drop them here').setInputFiles(response);
  const report = page.getByRole('status').filter({ hasText: /files? checked/ });
  await expect(report).toContainText('1 file checked; 1 brought in new ratings.');
  await expect(report).toContainText(`added Voluntary sector lead with ${scope} ratings.`);
  await expect(report).not.toContainText('outside');
  // The facilitator reveals: each criterion has the one vote at the level chosen on the phone.
  await page.getByRole('button', { name: 'Reveal the ratings' }).click();
  const blocks = page.locator('article[data-criterion]');
  await expect(blocks).toHaveCount(scope);
  for (let i = 0; i < scope; i += 1) {
    const counts = blocks.nth(i).locator('table').first().locator('tbody td');
    await expect(counts).toHaveText(LEVELS.map((level) => (level === chosen[i] ? '1' : '0')));
  }
});
