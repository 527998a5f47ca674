import type { Locator, Page } from '@playwright/test';
import { createAssessment, expect, expectNoAxeViolations, test } from './fixtures';
import { addParticipant, rateInPrivate, startWorkshop } from './workshop-helpers';

/** The agreed level per characteristic, by the start of its title, and the key that records it. */
const PLAN: readonly { characteristic: RegExp; key: string; level: string; id: string }[] = [
  { characteristic: /^Collaborative/, key: '2', level: 'Developing', id: 'leadership' },
  { characteristic: /^Integrated/, key: '3', level: 'Maturing', id: 'integrated-care' },
  { characteristic: /^System architecture/, key: '4', level: 'Thriving', id: 'finance-planning' },
  { characteristic: /^Track record/, key: '1', level: 'Emerging', id: 'delivery' },
  { characteristic: /^Coherent/, key: '3', level: 'Maturing', id: 'population' },
];

const LEVELS = ['Emerging', 'Developing', 'Maturing', 'Thriving'] as const;

/** The criterion title and its four level descriptors are all on screen, without scrolling. */
async function expectCriterionFits(page: Page, view: Locator): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport({ ratio: 1 });
  const levels = view.getByRole('list', { name: /^The four levels for/ }).getByRole('listitem');
  await expect(levels).toHaveCount(4);
  for (const [index, level] of LEVELS.entries()) {
    await expect(levels.nth(index).getByRole('heading', { level: 2 })).toContainText(level);
    await expect(levels.nth(index)).toBeInViewport({ ratio: 1 });
  }
}

test('the facilitator view, driven by the keyboard alone: reveal, agree every criterion, note, leave', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const editor = await createAssessment(page, 'Projector ICS', '2019-09-12');
  await startWorkshop(page, editor, 'Partnership board workshop');
  await addParticipant(page, 'Acute CEO', 'Northshire Hospitals', 'Acute trust');
  await addParticipant(page, 'Council director', 'Northshire Council', 'Local authority');
  await addParticipant(page, 'PCN clinical director', 'Eastvale PCN', 'Primary care or PCN');
  // The first ten criteria in framework order; the tenth has the longest descriptor.
  const rest = Array<string>(7).fill('Maturing');
  await rateInPrivate(page, 'Acute CEO', ['Maturing', 'Developing', ...rest, 'Thriving']);
  await rateInPrivate(page, 'Council director', ['Emerging', 'Developing', ...rest, 'Emerging']);
  await rateInPrivate(page, 'PCN clinical director', [
    'Developing',
    'Maturing',
    ...rest,
    'Developing',
  ]);
  const workshopPath = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Open the facilitator view' }).click();
  await expect(page).toHaveURL(`${workshopPath}/facilitate`);
  const view = page.getByRole('region', { name: 'Facilitator view: Partnership board workshop' });
  await expect(view).toBeVisible();
  // Projected without the app's header, navigation and footer.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toHaveCount(0);

  // From here on, only the keyboard.
  const status = view.getByRole('status');
  const position = view.getByText(/^Criterion \d+ of 24$/);
  const votes = view.getByRole('table', { name: /^Votes for/ });
  await expect(position).toHaveText('Criterion 1 of 24');
  await expect(view.getByText('Collaborative and inclusive system leadership')).toBeVisible();
  // Before the reveal the tag tells the room nothing about how the votes fell.
  await expect(view.locator('[data-status]')).toHaveText('Votes hidden');
  await expect(view.getByLabel(/^Agreed level for/)).toHaveValue('');
  await expectCriterionFits(page, view);

  // Votes hidden before R: nothing but how many have rated.
  await expect(view).toContainText('Votes are hidden so that nobody is anchored.');
  await expect(view).toContainText('Ratings received: 3 of 3.');
  await expect(votes).toHaveCount(0);
  await expect(view).not.toContainText('median');
  await expectNoAxeViolations(page);

  await page.keyboard.press('r');
  await expect(status).toHaveText(/^Votes revealed for /);
  await expect(votes).toBeVisible();
  await expect(votes.getByRole('cell')).toHaveText(['1 vote', '1 vote', '1 vote', '0 votes']);
  await expect(view).toContainText('3 ratings; median Developing; range Emerging to Maturing.');
  await expect(view).not.toContainText('Votes are hidden');
  await expect(view.locator('[data-status]')).toHaveText('Split: needs agreement');
  await expectNoAxeViolations(page);

  // ← at the first criterion stays there; → moves on, and the next criterion starts hidden.
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText('Criterion 1 of 24');
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('Criterion 2 of 24');
  await expect(votes).toHaveCount(0);
  await expect(view.locator('[data-status]')).toHaveText('Votes hidden');
  await page.keyboard.press('R');
  await expect(view.locator('[data-status]')).toHaveText('Ready to agree');
  await expect(votes.getByRole('cell')).toHaveText(['0 votes', '2 votes', '1 vote', '0 votes']);
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText('Criterion 1 of 24');
  await expect(votes).toBeVisible(); // a revealed criterion stays revealed

  // N opens the note; typing there triggers no shortcut (r, n, 1–4, o, f).
  await page.keyboard.press('n');
  const rationale = view.getByLabel('Rationale for the agreed level');
  await expect(rationale).toBeFocused();
  await page.keyboard.type(
    'Vision agreed by NHS partners; council sign-off pending (3 of 4 for it).',
  );
  await page.keyboard.press('Tab');
  await expect(view.getByLabel('Dissent (who disagreed and why)')).toBeFocused();
  await page.keyboard.type('Council director: emerging; no formal sign-off.');
  await expect(position).toHaveText('Criterion 1 of 24');
  await expect(view.locator('[data-status]')).toHaveText('Split: needs agreement');
  await expect(status).toHaveText(''); // nothing recorded, revealed or toggled
  await expectNoAxeViolations(page);
  await page.keyboard.press('Control+Enter');
  await expect(rationale).toHaveCount(0);
  await expect(status).toHaveText(/^Note saved for .*Record the agreed level to keep it/);
  await expect(view).toContainText(
    'Rationale: Vision agreed by NHS partners; council sign-off pending (3 of 4 for it).',
  );

  // Esc in the note closes it without saving and without leaving the view.
  await page.keyboard.press('N');
  await expect(rationale).toBeFocused();
  await page.keyboard.type(' More');
  await page.keyboard.press('Escape');
  await expect(rationale).toHaveCount(0);
  await expect(page).toHaveURL(`${workshopPath}/facilitate`);
  await expect(view).not.toContainText('pending (3 of 4 for it). More');

  // O: most disagreement first (a toggle; the criterion on screen stays).
  await page.keyboard.press('o');
  await expect(view.getByRole('button', { name: 'Most disagreement first' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // The tenth criterion (emerging to thriving) now comes first; shared vision stays on screen.
  await expect(position).toHaveText('Criterion 2 of 24');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Shared vision, purpose and objectives',
  );
  await page.keyboard.press('o');
  await expect(view.getByRole('button', { name: 'Most disagreement first' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(position).toHaveText('Criterion 1 of 24');

  // On a button a key is the button's: 3 records nothing, R reveals nothing (WCAG 2.1.4).
  const orderButton = view.getByRole('button', { name: 'Most disagreement first' });
  await orderButton.focus();
  await page.keyboard.press('3');
  await page.keyboard.press('ArrowRight');
  await expect(status).not.toContainText('Recorded');
  await expect(position).toHaveText('Criterion 1 of 24');
  await expect(view.locator('[data-status]')).not.toHaveText('Agreed');
  await page.keyboard.press('Enter'); // the button itself still works
  await expect(orderButton).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(orderButton).toHaveAttribute('aria-pressed', 'false');
  // The shortcuts are listed on screen; a click on the criterion gives them back.
  const legend = view.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(legend).toContainText('1–4');
  await expect(legend.getByRole('checkbox', { name: 'Use single-key shortcuts' })).toBeChecked();
  await page.getByRole('heading', { level: 1 }).click();

  // 1–4 record the agreed level at once; agree every criterion in scope.
  for (let n = 1; n <= 24; n += 1) {
    await expect(position).toHaveText(`Criterion ${n} of 24`);
    const characteristic = (await view.locator('.facilitator__characteristic').textContent()) ?? '';
    const plan = PLAN.find((p) => p.characteristic.test(characteristic));
    if (!plan) throw new Error(`No plan for ${characteristic}`);
    await page.keyboard.press(plan.key);
    await expect(status).toHaveText(new RegExp(`^Recorded: .* agreed at ${plan.level}\\.$`));
    await expect(view.locator('[data-status]')).toHaveText('Agreed');
    await expect(view.locator(`[data-level="${plan.level.toLowerCase()}"]`).first()).toContainText(
      'Agreed level',
    );
    if (n === 1) {
      await expect(view).toContainText('Dissent: Council director: emerging; no formal sign-off.');
      await expectNoAxeViolations(page);
    }
    if (n === 10) {
      // The criterion with the longest descriptor, votes revealed: fits at both sizes.
      await page.keyboard.press('r');
      await expect(votes).toBeVisible();
      await expectCriterionFits(page, view);
      await expect(votes).toBeInViewport({ ratio: 1 });
      await page.setViewportSize({ width: 1920, height: 1080 });
      await expectCriterionFits(page, view);
      await expect(votes).toBeInViewport({ ratio: 1 });
      await page.setViewportSize({ width: 1280, height: 720 });
      await expectNoAxeViolations(page);
    }
    if (n < 24) await page.keyboard.press('ArrowRight');
  }
  await expect(position).toHaveText('Criterion 24 of 24');
  await page.keyboard.press('End');
  await expect(position).toHaveText('Criterion 24 of 24');
  // → after the last criterion: the end screen, every criterion agreed, a link to the results.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1, name: 'End of the criteria' })).toBeFocused();
  await expect(view.getByTestId('end-count')).toHaveText('24 of 24 agreed');
  await expect(view).toContainText('Every criterion in the workshop has an agreed level.');
  await expect(view.getByRole('link', { name: 'See the results' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText('Criterion 24 of 24');
  await page.keyboard.press('Home');
  await expect(position).toHaveText('Criterion 1 of 24');

  // Esc leaves for the workshop screen.
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(workshopPath);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Partnership board workshop' }),
  ).toBeVisible();

  // The agreed levels are the assessment's ratings and drive the results.
  await page.goto(editor.replace(/\/edit$/, '/results'));
  const table = page.getByTestId('characteristic-table');
  for (const plan of PLAN) {
    await expect(table.locator(`[data-characteristic="${plan.id}"] td`).first()).toHaveText(
      plan.level,
    );
  }
  await page.goto(`${editor}/leadership`);
  const card = page.getByRole('region', { name: /Shared vision/ });
  await expect(card.getByRole('radio', { name: /^Developing/ })).toBeChecked();
  await expect(card.getByLabel('Rationale')).toHaveValue(
    'Vision agreed by NHS partners; council sign-off pending (3 of 4 for it).',
  );
});
