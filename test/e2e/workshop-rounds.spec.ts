import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { createAssessment, expect, expectNoAxeViolations, test } from './fixtures';
import {
  addParticipant,
  rateInPrivate,
  showEveryCriterion,
  startWorkshop,
} from './workshop-helpers';

/**
 * Rounds (issue 12): three people rate on the facilitator's laptop and one on her own device
 * (joined by code); the facilitator reveals, starts round 2 on the split criterion with the
 * keyboard alone, two people re-rate on the laptop and the own-device participant re-rates with
 * the round 2 code and sends a round 2 response file. Round 2 stays hidden until revealed; then
 * the spread shows both rounds and who moved, and the level agreed is recorded as from round 2.
 */

const VISION = '[data-criterion="leadership.shared-vision"]';

async function otherDevice(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB' });
  context.on('request', (request) => {
    expect(request.url(), 'request from a participant device').toMatch(
      /^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/,
    );
  });
  return context;
}

/** Presses Tab (Shift+Tab when `back`) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error('Tab never reached the control');
}

/** Round 2 on the laptop: `name` re-rates the one criterion in round 2 with `level`. */
async function reRateOnLaptop(page: Page, name: string, level: string): Promise<void> {
  await page.getByRole('button', { name: `Pass the laptop to ${name}` }).click();
  await page.getByRole('button', { name: `I am ${name}: start rating` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `${name}’s private ratings: round 2` }),
  ).toBeVisible();
  // Only round 2's criterion, with this person's own round 1 level beside it, and nobody else's.
  await expect(page.locator('fieldset')).toHaveCount(1);
  await page.getByRole('radio', { name: new RegExp(`^${level}`) }).check();
  await expect(page.getByText('1 of 1 rated')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Finish and hide my answers' }).click();
  await page.getByRole('button', { name: 'Hand back to the facilitator' }).click();
}

test('round 2 on the split criterion: laptop and own device re-rate, both rounds side by side, agreed from round 2', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  // Four people, two rounds, an own device and axe on every state: minutes on a loaded machine.
  test.setTimeout(360_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const editor = await createAssessment(page, 'Rounds ICS', '2019-09-12');
  await startWorkshop(page, editor, 'Rounds workshop');
  await addParticipant(page, 'Acute CEO', 'Northshire Hospitals', 'Acute trust');
  await addParticipant(page, 'Council director', 'Northshire Council', 'Local authority');
  await addParticipant(page, 'PCN clinical director', 'Eastvale PCN', 'Primary care or PCN');
  await rateInPrivate(page, 'Acute CEO', ['Emerging', 'Developing']);
  await rateInPrivate(page, 'Council director', ['Maturing', 'Developing']);
  await rateInPrivate(page, 'PCN clinical director', ['Developing', 'Developing']);

  // One participant joins by code on her own device and rates the first criterion.
  const code = (await page.getByTestId('join-code').textContent()) ?? '';
  const device = await otherDevice(browser, baseURL!);
  const own = await device.newPage();
  await own.goto('/join');
  await own.getByLabel('Workshop code').fill(code);
  await own.getByRole('button', { name: 'Join with this code' }).click();
  await own.getByLabel('Name or anonymous label', { exact: true }).fill('Voluntary sector lead');
  await own.getByLabel('Organisation', { exact: true }).fill('Northshire CVS');
  await own.getByLabel('Sector', { exact: true }).selectOption({ label: 'Voluntary sector' });
  await own.getByRole('button', { name: 'Start rating' }).click();
  await own
    .locator('fieldset')
    .first()
    .getByRole('radio', { name: /^Thriving/ })
    .check();
  const round1File = testInfo.outputPath('round-1.json');
  const [first] = await Promise.all([
    own.waitForEvent('download'),
    own.getByRole('button', { name: 'Save my response file' }).click(),
  ]);
  await first.saveAs(round1File);
  const files = page.getByLabel('Choose response files, or drop them here');
  await files.setInputFiles(round1File);
  const report = page.getByRole('status').filter({ hasText: 'checked' });
  await expect(report).toContainText('1 file checked; 1 brought in new ratings.');

  // Round 1 revealed: shared vision is split (Emerging to Thriving).
  await page.getByRole('button', { name: 'Reveal the ratings' }).click();
  const vision = page.locator(VISION);
  await expect(vision).toContainText('Split: needs agreement');
  await expect(vision.getByTestId('round-compare')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The facilitator's round 2 controls, from the keyboard alone.
  const plan = page.getByRole('button', { name: 'Plan round 2' });
  await tabTo(page, plan);
  await page.keyboard.press('Enter');
  const rounds = page.getByTestId('rounds-panel');
  await expect(rounds.getByText('Criteria to rate again in round 2')).toBeFocused();
  // The split criterion is chosen to start with, and only it.
  await expect(rounds.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await expect(rounds.getByRole('checkbox', { name: /split in round 1/ })).toBeChecked();
  await expectNoAxeViolations(page);
  // Unticking it and starting is refused with a message; ticking it again with Space.
  const split = rounds.getByRole('checkbox', { name: /split in round 1/ });
  await tabTo(page, split);
  await page.keyboard.press('Space');
  await tabTo(page, rounds.getByRole('button', { name: 'Start round 2 on 0 criteria' }));
  await page.keyboard.press('Enter');
  await expect(rounds.getByText('Choose at least one criterion to rate again.')).toBeVisible();
  await expect(rounds.getByRole('checkbox').first()).toBeFocused();
  await tabTo(page, split);
  await page.keyboard.press('Space');
  await tabTo(page, rounds.getByRole('button', { name: 'Start round 2 on 1 criterion' }));
  await page.keyboard.press('Enter');
  await expect(rounds.getByRole('heading', { name: 'Round 2: rate again' })).toBeFocused();
  await expect(rounds).toContainText('Round 2 is open on 1 criterion.');
  await expect(rounds.getByTestId('round2-overall-done')).toHaveText(
    'Round 2: 0 of 4 participants have rated every criterion again.',
  );
  const round2Code = (await rounds.getByTestId('round2-code').textContent()) ?? '';
  expect(round2Code).toMatch(/^R2(-[0-9A-Z]{1,4})+$/);
  expect(round2Code).not.toBe(code);
  await expectNoAxeViolations(page);

  // Two change their view on the laptop: one up, one down.
  await reRateOnLaptop(page, 'Acute CEO', 'Developing');
  await reRateOnLaptop(page, 'Council director', 'Developing');

  // On her own device: the join code is refused as a round 2 code, the round 2 code accepted.
  await own.reload();
  const round2 = own.getByTestId('joined-round2');
  await round2.getByLabel('Round 2 code').fill(code);
  await round2.getByRole('button', { name: 'Start round 2' }).click();
  await expect(own.locator('.nhsuk-error-summary')).toContainText(
    'Round 2 code: This is the workshop’s join code, for round 1.',
  );
  await expectNoAxeViolations(own);
  // And the round 2 code typed on the Join screen is refused as no code to join with.
  const joinedPath = new URL(own.url()).pathname;
  await own.goto('/join');
  await own.getByLabel('Workshop code').fill(round2Code);
  await own.getByRole('button', { name: 'Join with this code' }).click();
  await expect(own.locator('.nhsuk-error-summary')).toContainText(
    'This is the round 2 code of a workshop you already joined on this device',
  );
  await expect(own.getByRole('heading', { name: 'Who is rating?' })).toHaveCount(0);
  await expectNoAxeViolations(own);
  await own.getByRole('link', { name: /^Open the workshop you joined/ }).click();
  await expect(own).toHaveURL(joinedPath);
  await round2.getByLabel('Round 2 code').fill(round2Code.toLowerCase());
  await round2.getByRole('button', { name: 'Start round 2' }).click();
  await expect(round2).toContainText('Round 2 is on: rate 1 criterion again');
  await expect(round2).toContainText('Your round 1 rating: Thriving');
  await round2.getByRole('radio', { name: /^Maturing/ }).check();
  // A note for the room in round 2, typed key by key; it goes into the round 2 file.
  await round2
    .getByLabel('Note for the room in round 2 (optional)')
    .pressSequentially('Closer to the acute view now', { delay: 30 });
  await expectNoAxeViolations(own);
  await round2.screenshot({ path: testInfo.outputPath('own-device-round-2.png') });
  const round2File = testInfo.outputPath('round-2.json');
  const [second] = await Promise.all([
    own.waitForEvent('download'),
    round2.getByRole('button', { name: 'Save my round 2 response file' }).click(),
  ]);
  await second.saveAs(round2File);
  await device.close();

  // Round 2 and round 1 files together, in either order: the round 1 file changes nothing.
  await files.setInputFiles([round2File, round1File]);
  await expect(report).toContainText('2 files checked; 1 brought in new ratings.');
  await expect(report).toContainText(
    'added Voluntary sector lead with 1 rating. These are round 2 votes.',
  );
  await expect(rounds.getByTestId('round2-overall-done')).toHaveText(
    'Round 2: 3 of 4 participants have rated every criterion again.',
  );
  // Round 1's spread is still revealed (the reveal is kept); round 2's votes are hidden, and the
  // criterion's status goes by its latest round, round 2.
  await expect(page.getByRole('button', { name: 'Reveal the ratings' })).toHaveCount(0);
  await expect(vision.locator('.status-tag')).toHaveText('Votes hidden');
  await expect(vision.getByTestId('round-compare')).toHaveCount(0);
  await expect(page.getByText(/moved (up|down)/)).toHaveCount(0);

  // Reveal round 2, from the keyboard.
  await tabTo(page, rounds.getByRole('button', { name: 'Reveal round 2' }), true);
  await page.keyboard.press('Enter');
  await expect(rounds).toContainText('Round 2 is revealed (1 criterion).');
  // Round 2 (Developing, Developing, Developing, Maturing) is not split.
  await expect(vision.locator('.status-tag')).toHaveText('Ready to agree');
  const compare = vision.getByTestId('round-compare');
  await expect(compare).toBeVisible();
  const rows = compare.getByRole('row');
  await expect(rows.nth(1)).toHaveText(/Emerging\s*1\s*0/);
  await expect(rows.nth(2)).toHaveText(/Developing\s*1\s*2/);
  await expect(rows.nth(3)).toHaveText(/Maturing\s*1\s*1/);
  await expect(rows.nth(4)).toHaveText(/Thriving\s*1\s*0/);
  const moves = compare.getByTestId('moves');
  await expect(moves).toContainText('Acute CEO moved up from Emerging to Developing');
  await expect(moves).toContainText('Council director moved down from Maturing to Developing');
  await expect(moves).toContainText('Voluntary sector lead moved down from Thriving to Maturing');
  await expect(moves).not.toContainText('PCN clinical director');
  await expect(compare.getByTestId('round2-notes')).toHaveText(
    'Voluntary sector lead (Maturing): Closer to the acute view now',
  );
  // Round 2's reveal grew the criterion while it was off screen: scroll through, as people do.
  await showEveryCriterion(page);
  await expectNoAxeViolations(page);
  await vision.screenshot({ path: testInfo.outputPath('both-rounds.png') });
  await rounds.screenshot({ path: testInfo.outputPath('rounds-panel.png') });

  // Agreed from round 2.
  await vision.getByLabel(/^Agreed level/).selectOption({ label: 'Developing' });
  await vision.getByRole('button', { name: /^Record agreed rating/ }).click();
  await expect(vision.getByRole('status')).toContainText('Agreed rating recorded');
  await expect(vision.getByTestId('agreed-round')).toHaveText(
    'Developing was agreed from round 2’s votes.',
  );
  await expectNoAxeViolations(page);
  // Kept: after a reload the record still says round 2, and both rounds are still revealed.
  await page.reload();
  await expect(page.locator(VISION).getByTestId('agreed-round')).toBeVisible();
  await expect(page.locator(VISION).getByTestId('round-compare')).toBeVisible();
  await showEveryCriterion(page);
});

test('the facilitator view’s timer: keyboard, +1 minute, pause, polite announcements, no auto-advance', async ({
  page,
}, testInfo) => {
  await page.clock.install();
  const editor = await createAssessment(page, 'Timer ICS', '2019-09-12');
  await startWorkshop(page, editor, 'Timer workshop');
  await page.getByRole('link', { name: 'Open the facilitator view' }).click();
  const timer = page.getByTestId('criterion-timer');
  await expect(timer.getByRole('timer')).toHaveText('3:00');
  const heading = page.locator('h1, h2').filter({ hasText: /./ }).first();
  const before = await heading.textContent();
  await tabTo(page, timer.getByRole('button', { name: 'Start timer' }));
  await page.keyboard.press('Enter');
  await expect(timer).toContainText('Running');
  await expect(timer.getByRole('button', { name: 'Pause timer' })).toBeFocused();
  await page.clock.runFor(65_000);
  await expect(timer.getByRole('timer')).toHaveText('1:55');
  // Nothing is said while the time runs.
  await expect(page.getByTestId('timer-announcement')).toHaveText('');
  await page.keyboard.press('Enter');
  await expect(timer).toContainText('Paused');
  await page.clock.runFor(30_000);
  await expect(timer.getByRole('timer')).toHaveText('1:55');
  await expect(timer.getByRole('button', { name: 'Resume timer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(timer).toContainText('Running');
  // A reload mid-timer finds it running where it was (kept as a start time and the time used).
  await page.clock.runFor(10_000);
  await expect(timer.getByRole('timer')).toHaveText('1:45');
  await page.reload();
  // Still running, from where it was (the fake clock goes on during the reload itself).
  await expect(timer).toContainText('Running');
  await expect(timer.getByRole('timer')).toHaveText(/^1:[0-4]\d$/);
  await page.clock.runFor(60_000);
  await expect(page.getByTestId('timer-announcement')).toHaveText(/^1 minute left on /);
  await expectNoAxeViolations(page);
  await page.clock.runFor(60_000);
  await expect(timer).toContainText('Time is up');
  await page.screenshot({ path: testInfo.outputPath('timer-up.png') });
  await expect(page.getByTestId('timer-announcement')).toHaveText(/^Time is up on /);
  await expect(timer.getByRole('timer')).toHaveText('0:00');
  // The pulse at time up is there only for people who have not asked for reduced motion.
  const animation = () =>
    timer.getByRole('timer').evaluate((el) => getComputedStyle(el).animationName);
  expect(await animation()).toBe('criterion-timer-pulse');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await animation()).toBe('none');
  // No auto-advance: the view is still on the same criterion.
  await page.clock.runFor(120_000);
  expect(await heading.textContent()).toBe(before);
  await expectNoAxeViolations(page);
  await tabTo(page, timer.getByRole('button', { name: 'Add 1 minute' }), true);
  await page.keyboard.press('Enter');
  await expect(timer.getByRole('timer')).toHaveText('1:00');
  await expect(timer).toContainText('Running');
  await tabTo(page, timer.getByRole('button', { name: 'Reset timer' }));
  await page.keyboard.press('Enter');
  await expect(timer.getByRole('timer')).toHaveText('3:00');
  await expect(timer).toContainText('Not started');
  await expect(timer.getByRole('button', { name: 'Reset timer' })).toBeFocused();
});
