import { createAssessment, expect, expectNoAxeViolations, test } from './fixtures';
import { addParticipant, rateInPrivate } from './workshop-helpers';

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
