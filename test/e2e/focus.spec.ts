import type { Locator, Page } from '@playwright/test';
import { createAssessment, criterionCard, expect, rate, test, waitUntilSaved } from './fixtures';
import { addParticipant, rateInPrivate, startWorkshop } from './workshop-helpers';

/**
 * Focus is never lost (WCAG 2.4.3): every action below is done from the keyboard, and focus ends
 * exactly where the rule in src/lib/focus.ts says — the new thing, the next item, the new page's
 * heading — never on body. Each page and state has its own title, a page change is announced
 * once, and the save status speaks once per burst of typing.
 */

/** Tab (forwards) until `target` has focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function expectFocusOn(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
}

const announcer = (page: Page) => page.getByTestId('route-announcer');

test('editor: evidence added and removed, steps and Back move focus to the right place, titles and announcements follow', async ({
  page,
}) => {
  const editor = await createAssessment(page, 'Focus ICS');
  await page.goto(`${editor}/leadership`);
  const card = criterionCard(page, 'Shared vision');
  const add = card.getByRole('button', { name: /^Add evidence/ });

  await tabTo(page, add);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, card.getByLabel('Evidence 1: description'));
  await page.keyboard.type('Board minutes', { delay: 30 });
  await tabTo(page, add);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, card.getByLabel('Evidence 2: description'));
  await page.keyboard.type('Strategy', { delay: 30 });
  await tabTo(page, add);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, card.getByLabel('Evidence 3: description'));

  // Remove the middle one: the next item's Remove (now "Remove evidence 2") has focus.
  await card.getByRole('button', { name: 'Remove evidence 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(card.getByLabel(/description$/)).toHaveCount(2);
  await expectFocusOn(page, card.getByRole('button', { name: 'Remove evidence 2' }));
  // Remove the last: the previous item's Remove.
  await page.keyboard.press('Enter');
  await expect(card.getByLabel(/description$/)).toHaveCount(1);
  await expectFocusOn(page, card.getByRole('button', { name: 'Remove evidence 1' }));
  await expect(card.getByLabel('Evidence 1: description')).toHaveValue('Board minutes');
  // Remove the only one: "Add evidence".
  await page.keyboard.press('Enter');
  await expect(card.getByLabel(/description$/)).toHaveCount(0);
  await expectFocusOn(page, add);

  // A step link: the new step's h1 has focus, its title is its own and is announced once.
  const leadershipTitle =
    'Collaborative and inclusive system leadership – Self-assessment – ICS Maturity';
  await expect(page).toHaveTitle(leadershipTitle);
  const next = page.getByRole('link', { name: /^Next: Integrated local system/ });
  await tabTo(page, next);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/edit\/integrated-care$/);
  const careTitle = 'Integrated local system and care models – Self-assessment – ICS Maturity';
  await expect(page).toHaveTitle(careTitle);
  await expectFocusOn(page, page.getByRole('heading', { level: 1 }));
  await expect(announcer(page)).toHaveText(careTitle);

  // Back: the previous step's h1, title and announcement.
  await page.goBack();
  await expect(page).toHaveURL(/\/edit\/leadership$/);
  await expect(page).toHaveTitle(leadershipTitle);
  await expectFocusOn(page, page.getByRole('heading', { level: 1 }));
  await expect(announcer(page)).toHaveText(leadershipTitle);

  // A header link to another screen.
  await tabTo(page, page.getByRole('link', { name: 'Compare', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle('Compare assessments – ICS Maturity');
  await expectFocusOn(page, page.getByRole('heading', { level: 1, name: 'Compare assessments' }));
});

test('the save status speaks once per burst of typing, not once per save', async ({ page }) => {
  const editor = await createAssessment(page, 'Typing ICS');
  await page.goto(`${editor}/leadership`);
  await waitUntilSaved(page);
  const region = page.getByTestId('save-announcement');
  await expect(region).toHaveAttribute('role', 'status');
  // Every text the live region takes, in order, recorded in the page.
  await region.evaluate((el) => {
    const w = window as unknown as { spoken: string[] };
    w.spoken = [];
    new MutationObserver(() => {
      const text = el.textContent ?? '';
      if (text && text !== w.spoken.at(-1)) w.spoken.push(text);
      else if (text) w.spoken.push(text); // the same words as a new node: said again
    }).observe(el, { childList: true, subtree: true, characterData: true });
  });
  const spoken = () => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);

  await criterionCard(page, 'Shared vision').getByLabel('Rationale').focus();
  // A sentence key by key, with pauses between words: many saves, visible status changes.
  const states = new Set<string>();
  for (const word of ['Partners', 'agreed', 'the', 'vision', 'in', 'May.']) {
    await page.keyboard.type(`${word} `, { delay: 90 });
    states.add((await page.locator('[data-save-state]').getAttribute('data-save-state')) ?? '');
    await page.waitForTimeout(400);
    states.add((await page.locator('[data-save-state]').getAttribute('data-save-state')) ?? '');
  }
  expect(states.has('saved'), 'saves landed during the burst').toBe(true);
  expect(await spoken(), 'nothing said while typing').toEqual([]);
  await expect.poll(spoken, { timeout: 5_000 }).toHaveLength(1);
  expect((await spoken())[0]).toMatch(/^Saved at \d{2}:\d{2}$/);
  await page.waitForTimeout(2_500);
  expect(await spoken()).toHaveLength(1);

  // A second burst: said once more.
  for (const word of ['Council', 'too.']) {
    await page.keyboard.type(` ${word}`, { delay: 90 });
    await page.waitForTimeout(400);
  }
  expect(await spoken()).toHaveLength(1);
  await expect.poll(spoken, { timeout: 5_000 }).toHaveLength(2);
});

test('assessments: Undo and Dismiss keep focus on the page', async ({ page }) => {
  await createAssessment(page, 'Undo ICS');
  await page.goto('/');
  const remove = page.getByRole('button', { name: /^Delete for/ });
  await tabTo(page, remove);
  await page.keyboard.press('Enter');
  const undo = page.getByRole('button', { name: 'Undo' });
  await expectFocusOn(page, undo);
  await page.keyboard.press('Enter');
  // The restored assessment's link.
  await expectFocusOn(page, page.getByRole('link', { name: 'Self-assessment', exact: true }));

  await tabTo(page, remove);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, undo);
  await page.keyboard.press('Tab');
  await expectFocusOn(page, page.getByRole('button', { name: 'Dismiss' }));
  await page.keyboard.press('Enter');
  await expectFocusOn(page, page.getByRole('heading', { name: 'Saved assessments' }));
});

test('plan: a target level change keeps focus; removing targets and actions focuses the next, previous, then Add or the heading', async ({
  page,
}) => {
  const editor = await createAssessment(page, 'Plan ICS');
  await page.goto(editor.replace(/\/edit$/, '/results'));
  await page.getByRole('link', { name: 'Targets and trajectory for this system' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Targets, plan and trajectory');
  await expect(page).toHaveTitle('Targets, plan and trajectory – Plan ICS – ICS Maturity');

  const leadership = page.getByRole('group', {
    name: 'Collaborative and inclusive system leadership',
  });
  const level = leadership.getByLabel('Target 1: level');
  await level.focus();
  // The first change stores the default targets with new ids: the row must not be re-mounted.
  await page.keyboard.press('ArrowDown');
  await expect(level).toHaveValue('thriving');
  await page.waitForTimeout(300);
  await expectFocusOn(page, level);
  await page.keyboard.press('ArrowUp');
  await expect(level).toHaveValue('maturing');
  await expectFocusOn(page, level);

  const addTarget = leadership.getByRole('button', { name: /^Add a target/ });
  await addTarget.focus();
  await page.keyboard.press('Enter');
  await expect(leadership.getByLabel(/^Target \d: level/)).toHaveCount(2);
  await leadership.getByRole('button', { name: /^Remove target 1 / }).focus();
  await page.keyboard.press('Enter');
  await expect(leadership.getByLabel(/^Target \d: level/)).toHaveCount(1);
  await expectFocusOn(page, leadership.getByRole('button', { name: /^Remove target 1 / }));
  await page.keyboard.press('Enter');
  await expect(leadership.getByLabel(/^Target \d: level/)).toHaveCount(0);
  await expectFocusOn(page, addTarget);

  for (const title of ['First action', 'Second action']) {
    await page.getByLabel('Action', { exact: true }).fill(title);
    await page.getByLabel('Owner').fill('Director');
    await page.getByLabel('Due date').fill('2030-01-01');
    await page.getByRole('button', { name: 'Add action' }).click();
    await expect(page.getByRole('button', { name: `Remove ${title}` })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Remove First action' }).focus();
  await page.keyboard.press('Enter');
  await expectFocusOn(page, page.getByRole('button', { name: 'Remove Second action' }));
  await page.keyboard.press('Enter');
  await expectFocusOn(page, page.getByRole('heading', { name: 'Development plan' }));
});

test('workshop: pass the laptop, rate, finish, reveal and leave the facilitator view without losing focus', async ({
  page,
}) => {
  const editor = await createAssessment(page, 'Room ICS');
  await startWorkshop(page, editor, 'Board workshop');
  await addParticipant(page, 'Sam', 'Acute', 'Acute trust');
  await addParticipant(page, 'Ash', 'Council', 'Local authority');
  const titles = new Set<string>([await page.title()]);
  expect(await page.title()).toBe('Workshop: Board workshop – ICS Maturity');

  const pass = page.getByRole('button', { name: 'Pass the laptop to Sam' });
  await tabTo(page, pass);
  await page.keyboard.press('Enter');
  await expectFocusOn(
    page,
    page.getByRole('heading', { level: 1, name: 'Hand the laptop to Sam' }),
  );
  await expect(page).toHaveTitle('Hand the laptop to Sam – Board workshop – ICS Maturity');
  titles.add(await page.title());
  await page.keyboard.press('Tab');
  await expectFocusOn(page, page.getByRole('button', { name: 'I am Sam: start rating' }));
  await page.keyboard.press('Enter');
  await expectFocusOn(
    page,
    page.getByRole('heading', { level: 1, name: 'Your private ratings, Sam' }),
  );
  await expect(page).toHaveTitle('Private ratings, Sam – Board workshop – ICS Maturity');
  titles.add(await page.title());
  await page.keyboard.press('Tab'); // into the first criterion's radio group
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio').first()).toBeChecked();
  const finish = page.getByRole('button', { name: 'Finish and hide my answers' });
  await tabTo(page, finish, 200);
  await page.keyboard.press('Enter');
  // Still locked: the hand-back step, its heading focused and titled.
  await expectFocusOn(
    page,
    page.getByRole('heading', { level: 1, name: 'Hand the laptop back to the facilitator' }),
  );
  await expect(page).toHaveTitle(
    'Hand back to the facilitator, Sam – Board workshop – ICS Maturity',
  );
  titles.add(await page.title());
  await page.keyboard.press('Tab');
  await expectFocusOn(page, page.getByRole('button', { name: 'Hand back to the facilitator' }));
  await page.keyboard.press('Enter');
  // Back to the workshop, on the button that passed the laptop.
  await expectFocusOn(page, pass);
  await expect(page).toHaveTitle('Workshop: Board workshop – ICS Maturity');
  expect(titles.size).toBe(4);

  await rateInPrivate(page, 'Ash', ['Maturing']);
  const reveal = page.getByRole('button', { name: 'Reveal the ratings' });
  await tabTo(page, reveal);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, page.locator('.spread h3').first());
  // 24 rationale and dissent fields, each named for its criterion (the agreement forms follow
  // the votes in a transition, so they are waited for).
  await expect(page.locator('.agreement textarea')).toHaveCount(48);
  const names = await page
    .locator('.agreement textarea')
    .evaluateAll((els) =>
      els.map((el) => (el as HTMLTextAreaElement).labels?.[0]?.textContent?.trim() ?? ''),
    );
  expect(names.length).toBe(48);
  expect(new Set(names).size).toBe(48);
  await expect(page.getByRole('textbox', { name: 'Rationale for Shared vision' })).toHaveCount(1);

  await page.getByRole('link', { name: 'Open the facilitator view' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/facilitate$/);
  await expect(page).toHaveTitle(
    'Shared vision, purpose and objectives – Facilitator view: Board workshop – ICS Maturity',
  );
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveTitle(/^Collaborative, multi-professional and clinical leadership – /);
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/workshops\/[^/]+$/);
  await expectFocusOn(page, page.getByRole('heading', { level: 1, name: 'Board workshop' }));
  await expect(announcer(page)).toHaveText('Workshop: Board workshop – ICS Maturity');
});

test('a board-paper download and a restore keep focus; a compare choice keeps the picker open', async ({
  page,
}, testInfo) => {
  const editor = await createAssessment(page, 'Paper ICS');
  await page.goto(`${editor}/integrated-care`);
  await rate(page, 'Primary care networks', 'Maturing');
  await waitUntilSaved(page);
  await page.goto(editor.replace(/\/edit$/, '/paper'));
  const pdf = page.getByRole('button', {
    name: 'Download summary PDF (cover sheet and up to 2 pages)',
  });
  await tabTo(page, pdf);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  await expect(page.getByTestId('export-status')).toContainText('is ready');
  await expectFocusOn(page, pdf);

  await page.goto('/backup');
  const [backup] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).press('Enter'),
  ]);
  const file = testInfo.outputPath('backup.json');
  await backup.saveAs(file);
  await page.getByLabel('Backup file').setInputFiles(file);
  await expectFocusOn(page, page.getByTestId('restore-preview').getByRole('heading', { level: 3 }));
  await tabTo(page, page.getByRole('button', { name: 'Restore', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'backup.json' })).toBeVisible();
  await expectFocusOn(page, page.getByRole('status').filter({ hasText: 'backup.json' }));

  await createAssessment(page, 'Paper ICS', '2020-06-30');
  await page.goto('/compare');
  // Two chosen by default, so the picker starts closed: open it from the keyboard.
  await page.locator('details.card summary').focus();
  await page.keyboard.press('Enter');
  const boxes = page.getByRole('checkbox');
  await expect(boxes).toHaveCount(2);
  await boxes.first().focus();
  await page.keyboard.press('Space');
  await expect(boxes.first()).not.toBeChecked();
  await expectFocusOn(page, boxes.first());
  await page.keyboard.press('Space');
  await expect(boxes.first()).toBeChecked();
  await expect(page.locator('details.card')).toHaveAttribute('open', '');
  await expectFocusOn(page, boxes.first());
  await expect(page.getByRole('heading', { level: 1 })).not.toBeFocused();
});

test('the join form offers the person’s own name and organisation from autofill', async ({
  page,
}) => {
  await page.goto('/join');
  // A checked code (key, scope of all 24 criteria, check character) for a workshop made elsewhere.
  await page.getByLabel('Workshop code').fill('T4KT-RVP1-A0ZZ-ZZF5');
  await page.getByRole('button', { name: 'Join with this code' }).press('Enter');
  await expectFocusOn(page, page.getByRole('heading', { level: 1, name: 'Who is rating?' }));
  await expect(page).toHaveTitle('Who is rating? – ICS Maturity');
  await expect(page.getByLabel('Name or anonymous label', { exact: true })).toHaveAttribute(
    'autocomplete',
    'name',
  );
  await expect(page.getByLabel('Organisation', { exact: true })).toHaveAttribute(
    'autocomplete',
    'organization',
  );
});
