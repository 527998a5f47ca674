import type { Locator, Page } from '@playwright/test';
import { createAssessment, criterionCard, expect, rate, test } from './fixtures';
import { sleep, throttleCpu, Typist, type ScriptStep } from './human';
import { addParticipant, startWorkshop } from './workshop-helpers';

/**
 * The typist: a person types key by key (never `fill()`) into each kind of text field, at 50 to
 * 800 ms per key with word pauses, moves the caret into the middle of the text and types there,
 * on a CPU slowed 4×, and reloads straight after the last key. Every character must be there
 * after the reload, exactly where it was typed, and the caret must never jump while typing
 * (checked at every word pause, every slow key and after every caret move).
 */

type Words = {
  fast: string;
  steady: string;
  slow: string;
  start: string;
  middle: string;
  end: string;
};

/**
 * 50 ms per key, then 120, 250 (the autosave debounce), Home and 360 ms at the start, four keys
 * left of the end and 800 ms there, End and 360 ms again. Word pauses of 300 ms.
 */
function script(words: Words): ScriptStep[] {
  return [
    { type: words.fast, delay: 50 },
    { type: words.steady, delay: 120 },
    { type: words.slow, delay: 250 },
    { press: 'Home' },
    { pause: 400 },
    { type: words.start, delay: 360 },
    { press: 'End' },
    { press: 'ArrowLeft', times: 4 },
    { pause: 400 },
    { type: words.middle, delay: 800 },
    { press: 'End' },
    { pause: 300 },
    { type: words.end, delay: 360 },
  ];
}

/** Types the script into the focused field with the CPU slowed; returns what the field must hold. */
async function typeLikeAPerson(
  page: Page,
  words: Words,
): Promise<{ typist: Typist; expected: string }> {
  await throttleCpu(page, 4);
  const typist = await Typist.start(page);
  const started = Date.now();
  await typist.run(script(words));
  console.log(
    `typist: ${typist.keys.length} keys in ${((Date.now() - started) / 1000).toFixed(1)} s, ${typist.observations.length} mismatches at pauses`,
  );
  return { typist, expected: typist.value };
}

/** Mismatches while typing are reported with the reload's result, not instead of it. */
function expectNothingJumped(typist: Typist): void {
  expect.soft(typist.report(), 'the field and its caret at every pause while typing').toEqual([]);
}

/** Reloads straight after the last key, on the slowed CPU; the page then loads at full speed. */
async function reloadAtOnce(page: Page): Promise<void> {
  await page.reload();
  await throttleCpu(page, 1);
}

async function focus(field: Locator): Promise<void> {
  await field.click();
  await expect(field).toBeFocused();
}

test.describe.configure({ timeout: 120_000 });

test('the assessment title keeps every key and its caret', async ({ page }) => {
  await createAssessment(page, 'Typist ICS');
  const title = page.getByLabel('Assessment title');
  await expect(title).toHaveValue('Self-assessment');
  await focus(title);
  const { typist, expected } = await typeLikeAPerson(page, {
    fast: ' for the board ',
    steady: 'in June ',
    slow: 'year 2019',
    start: 'Our ',
    middle: 'v1 ',
    end: ' final',
  });
  expect(expected).toBe('Our Self-assessment for the board in June year v1 2019 final');
  expectNothingJumped(typist);
  await reloadAtOnce(page);
  await expect(page.getByLabel('Assessment title')).toHaveValue(expected);
});

test("a criterion's rationale keeps every key and its caret", async ({ page }) => {
  const editor = await createAssessment(page, 'Typist ICS');
  await page.goto(`${editor}/leadership`);
  await rate(page, 'Shared vision', 'Maturing');
  await focus(criterionCard(page, 'Shared vision').getByLabel('Rationale'));
  const { typist, expected } = await typeLikeAPerson(page, {
    fast: 'Partners agree a ',
    steady: 'shared vision ',
    slow: 'for 2021',
    start: 'Yes: ',
    middle: 'Q4 ',
    end: ' now.',
  });
  expect(expected).toBe('Yes: Partners agree a shared vision for Q4 2021 now.');
  expectNothingJumped(typist);
  await reloadAtOnce(page);
  await expect(criterionCard(page, 'Shared vision').getByLabel('Rationale')).toHaveValue(expected);
});

test("an evidence item's text keeps every key and its caret", async ({ page }) => {
  const editor = await createAssessment(page, 'Typist ICS');
  await page.goto(`${editor}/leadership`);
  const card = criterionCard(page, 'Shared vision');
  await card.getByRole('button', { name: /^Add evidence/ }).click();
  await expect(card.getByLabel('Evidence 1: description')).toBeFocused();
  // A person looks at the new, empty field before typing: by then the new item has been saved.
  await sleep(600);
  const { typist, expected } = await typeLikeAPerson(page, {
    fast: 'Board minutes of ',
    steady: 'the ICS ',
    slow: 'May 2019',
    start: 'See ',
    middle: '14 ',
    end: ', p.3',
  });
  expect(expected).toBe('See Board minutes of the ICS May 14 2019, p.3');
  expectNothingJumped(typist);
  await reloadAtOnce(page);
  await expect(
    criterionCard(page, 'Shared vision').getByLabel('Evidence 1: description'),
  ).toHaveValue(expected);
});

test("a development-plan action's title keeps every key and its caret", async ({ page }) => {
  await createAssessment(page, 'Typist ICS');
  await page.goto(`/systems/${encodeURIComponent('typist ics')}/plan`);
  const action = page.getByLabel('Action', { exact: true });
  await focus(action);
  const { typist, expected } = await typeLikeAPerson(page, {
    fast: 'Agree a shared ',
    steady: 'outcomes ',
    slow: 'set 2020',
    start: 'Plan: ',
    middle: 'Q1 ',
    end: ' (CEO)',
  });
  expect(expected).toBe('Plan: Agree a shared outcomes set Q1 2020 (CEO)');
  expectNothingJumped(typist);
  await reloadAtOnce(page);
  await expect(page.getByLabel('Action', { exact: true })).toHaveValue(expected);
});

test("a participant's private note, on the facilitator's laptop, keeps every key and its caret", async ({
  page,
}) => {
  const editor = await createAssessment(page, 'Typist ICS');
  await startWorkshop(page, editor, 'Typist workshop');
  await addParticipant(page, 'Council director', 'Northshire Council', 'Local authority');
  const openRating = async (): Promise<Locator> => {
    await page.getByRole('button', { name: 'Pass the laptop to Council director' }).click();
    await page.getByRole('button', { name: 'I am Council director: start rating' }).click();
    return page.locator('fieldset').nth(0).getByLabel('Note for the room (optional)');
  };
  const note = await openRating();
  await page
    .locator('fieldset')
    .nth(0)
    .getByRole('radio', { name: /^Emerging/ })
    .check();
  await focus(note);
  const { typist, expected } = await typeLikeAPerson(page, {
    fast: 'Council not yet ',
    steady: 'signed up ',
    slow: 'to it 2019',
    start: 'Note: ',
    middle: 'in ',
    end: ' (ok)',
  });
  expect(expected).toBe('Note: Council not yet signed up to it in 2019 (ok)');
  expectNothingJumped(typist);
  await reloadAtOnce(page);
  // A reload while the participant rates lands on the hand-over screen (the laptop stays locked).
  await page.getByRole('button', { name: 'I am Council director: start rating' }).click();
  await expect(
    page.locator('fieldset').nth(0).getByLabel('Note for the room (optional)'),
  ).toHaveValue(expected);
});
