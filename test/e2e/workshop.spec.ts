import { createAssessment, expect, expectNoAxeViolations, test } from './fixtures';
import { addParticipant, rateInPrivate, startWorkshop } from './workshop-helpers';

test('a pass-the-laptop workshop: private ratings, spread, split, agreement drives the results', async ({
  page,
}) => {
  const editor = await createAssessment(page, 'Workshop ICS', '2019-09-12');
  await page.goto(editor.replace(/\/edit$/, '/results'));
  await page.getByRole('link', { name: 'Run or open a workshop' }).click();
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await expect(page.getByText('Enter a title of up to 160 characters.')).toBeVisible();
  await page.getByLabel('Workshop title').fill('Partnership board workshop');
  await page.getByLabel('Facilitator').fill('Programme director');
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Partnership board workshop' }),
  ).toBeVisible();

  await addParticipant(page, '<b>Acute</b> CEO', 'Northshire Hospitals', 'Acute trust');
  await addParticipant(page, 'Council director', 'Northshire Council', 'Local authority');
  await addParticipant(page, 'PCN clinical director', 'Eastvale PCN', 'Primary care or PCN');
  await expectNoAxeViolations(page);

  await rateInPrivate(page, '<b>Acute</b> CEO', ['Maturing', 'Developing']);
  // Nothing of anyone's ratings is on screen before the reveal.
  await expect(page.getByText('Ratings stay hidden until you reveal them')).toBeVisible();
  await expect(page.getByText('Maturing: <b>Acute</b> CEO')).toHaveCount(0);
  await rateInPrivate(
    page,
    'Council director',
    ['Emerging', 'Developing'],
    'Council not yet signed up',
  );
  await rateInPrivate(page, 'PCN clinical director', ['Developing', 'Maturing']);
  await expect(page.getByText('2 of 24 rated')).toHaveCount(3);

  await page.getByRole('button', { name: 'Reveal the ratings' }).click();
  const vision = page.locator('[data-criterion="leadership.shared-vision"]');
  await expect(vision).toContainText('Split: needs agreement');
  await expect(vision).toContainText('3 ratings; median Developing; range Emerging to Maturing.');
  // Who said what and the notes are one click away, summary first.
  await expect(vision).not.toContainText('Maturing: <b>Acute</b> CEO');
  await vision.getByText('Who gave which rating').click();
  await expect(vision).toContainText('Maturing: <b>Acute</b> CEO');
  await vision.getByText('1 note from participants').click();
  await expect(vision).toContainText('Council director (Emerging): Council not yet signed up');
  await expect(page.locator('[data-criterion="leadership.multi-professional"]')).toContainText(
    'Ready to agree',
  );
  // Most disagreement first.
  await expect(page.locator('[data-criterion]').first()).toHaveAttribute(
    'data-criterion',
    'leadership.shared-vision',
  );
  await expectNoAxeViolations(page);

  // The agreed level is the room's choice: nothing is pre-filled, and none recorded says so.
  const agreedLevel = vision.getByLabel(/^Agreed level/);
  await expect(agreedLevel).toHaveValue('');
  await vision.getByRole('button', { name: /^Record agreed rating/ }).click();
  await expect(agreedLevel).toBeFocused();
  await expect(agreedLevel).toHaveAccessibleDescription(
    /Choose the level the room agreed before recording it/,
  );
  await expect(vision.locator('.status-tag')).toHaveText('Split: needs agreement');
  await agreedLevel.selectOption({ label: 'Developing' });
  await vision
    .getByLabel('Rationale')
    .fill('Vision agreed by NHS partners; council sign-off pending.');
  await vision.getByLabel(/^Dissent/).fill('Council director: emerging');
  await vision.getByRole('button', { name: /^Record agreed rating/ }).click();
  // Wait for the write itself: leaving the page earlier could drop it.
  await expect(vision.getByRole('status')).toContainText('Agreed rating recorded');
  await expect(vision.locator('.status-tag')).toHaveText('Agreed');

  // The reveal is kept: back on the workshop after a reload, the spread is still there.
  await page.reload();
  await expect(page.locator('[data-criterion="leadership.shared-vision"]')).toContainText(
    '3 ratings; median Developing',
  );
  await expect(page.getByRole('button', { name: 'Reveal the ratings' })).toHaveCount(0);

  await page.goto(`${editor}/leadership`);
  const card = page.getByRole('region', { name: /Shared vision/ });
  await expect(card.getByRole('radio', { name: /^Developing/ })).toBeChecked();
  await expect(card.getByLabel('Rationale')).toHaveValue(
    'Vision agreed by NHS partners; council sign-off pending.',
  );
});

test('after starting, the facilitator removes and renames participants and changes the scope, warned of what each change drops', async ({
  page,
}, testInfo) => {
  const editor = await createAssessment(page, 'Changing ICS');
  await startWorkshop(page, editor, 'Changing workshop');
  await addParticipant(page, 'Sam', 'Northshire Hospitals', 'Acute trust');
  await addParticipant(page, 'Ash', 'Northshire Council', 'Local authority');
  await addParticipant(page, 'Kim', 'Eastvale PCN', 'Primary care or PCN');
  await rateInPrivate(page, 'Sam', ['Maturing', 'Developing', 'Thriving'], 'Board owns it');
  await rateInPrivate(page, 'Ash', ['Emerging']);
  const participants = page.getByRole('region', { name: 'Participants', exact: true });

  // Kim has rated nothing: removed at once.
  await participants.getByRole('button', { name: 'Remove Kim' }).click();
  await expect(participants.getByRole('status')).toHaveText('Kim was removed from the workshop.');
  await expect(participants.getByText(/^Kim, Eastvale PCN/)).toHaveCount(0);

  // Sam has: the warning says exactly what goes, and Keep changes nothing.
  await page.setViewportSize({ width: 375, height: 740 });
  await participants.getByRole('button', { name: 'Remove Sam' }).click();
  const warning = participants.getByRole('alert');
  await warning.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('375-remove-warning.png') });
  await expect(warning).toContainText(
    'Removing Sam deletes Sam’s 3 ratings and 1 note from this workshop, in both rounds.',
  );
  await expectNoAxeViolations(page);
  await warning.getByRole('button', { name: 'Keep Sam' }).click();
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(participants.getByText('3 of 24 rated')).toBeVisible();
  await participants.getByRole('button', { name: 'Remove Sam' }).click();
  await participants.getByRole('button', { name: 'Yes, remove Sam' }).click();
  await expect(participants.getByRole('status')).toHaveText('Sam was removed from the workshop.');
  await expect(participants.getByText(/^Sam, /)).toHaveCount(0);

  // Ash's details changed in place.
  await participants.getByRole('button', { name: 'Change details Ash' }).click();
  await expect(participants.getByLabel('Name or anonymous label').first()).toBeFocused();
  await participants.getByLabel('Name or anonymous label').first().fill('Ash Patel');
  await participants.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    participants.getByRole('button', { name: 'Pass the laptop to Ash Patel' }),
  ).toBeVisible();

  // Leadership out of scope: Ash's rating of Shared vision is hidden, and the code changes.
  const before = (await page.getByTestId('join-code').textContent()) ?? '';
  const scope = page.getByRole('region', { name: 'Criteria in scope', exact: true });
  await scope.getByText('Criteria in scope: 24 of 24').click();
  await scope.getByRole('checkbox', { name: /^All of Collaborative/ }).uncheck();
  await scope.getByRole('button', { name: 'Save the scope' }).click();
  const scopeWarning = scope.getByRole('alert');
  await expect(scopeWarning.getByRole('listitem')).toHaveText([
    'Shared vision, purpose and objectives: 1 rating',
  ]);
  await expect(scopeWarning).toContainText('The join code changes to');
  await expectNoAxeViolations(page);
  await scopeWarning.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('1280-scope-warning.png') });
  await scopeWarning.getByRole('button', { name: 'Yes, change the scope' }).click();
  await expect(scope.getByRole('status')).toContainText('Scope saved: 19 criteria in scope.');
  await expect(page.getByTestId('join-code')).not.toHaveText(before);
  const after = (await page.getByTestId('join-code').textContent()) ?? '';
  await expect(scope.getByRole('status')).toContainText(`The join code changes to ${after}.`);
  await expect(participants.getByText('0 of 19 rated')).toBeVisible();

  // Put back: nothing is hidden by adding, so no question, and Ash's rating is there again.
  await scope.getByRole('checkbox', { name: /^All of Collaborative/ }).check();
  await scope.getByRole('button', { name: 'Save the scope' }).click();
  await expect(scope.getByRole('status')).toContainText('Scope saved: 24 criteria in scope.');
  await expect(participants.getByText('1 of 24 rated')).toBeVisible();
  await expect(page.getByTestId('join-code')).toHaveText(before);
});
