import { createAssessment, expect, expectNoAxeViolations, test } from './fixtures';
import { addParticipant, startWorkshop } from './workshop-helpers';

test('pass the laptop is a locked mode: Back and a typed address land on the hand-over, until the laptop is handed back', async ({
  page,
}) => {
  const editor = await createAssessment(page, 'Lockwood ICS');
  await startWorkshop(page, editor, 'Locked workshop');
  const workshopPath = new URL(page.url()).pathname;
  await addParticipant(page, 'Sam', 'Acute', 'Acute trust');
  await addParticipant(page, 'Ash', 'Council', 'Local authority');

  const pass = page.getByRole('button', { name: 'Pass the laptop to Sam' });
  await pass.click();
  const handover = page.getByRole('heading', { level: 1, name: 'Hand the laptop to Sam' });
  await expect(handover).toBeVisible();
  const start = page.getByRole('button', { name: 'I am Sam: start rating' });
  await start.click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your private ratings, Sam' }),
  ).toBeVisible();
  await page
    .locator('fieldset')
    .first()
    .getByRole('radio', { name: /^Maturing/ })
    .check();
  await expect(page.getByText('1 of 24 rated')).toBeVisible();
  // No chrome: no header, navigation, footer or any link out.
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
  await expect(page.getByRole('link')).toHaveCount(0);

  /** The hand-over screen and nothing of the assessment's or the workshop's data. */
  const expectHandover = async (): Promise<void> => {
    await expect(handover).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(workshopPath);
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('link')).toHaveCount(0);
    await expect(page.getByRole('radio')).toHaveCount(0);
    await expect(page.getByText(/Lockwood ICS|Ash|Participants|rated/)).toHaveCount(0);
  };

  // The browser's Back.
  await page.goBack();
  await expectHandover();
  // Back again: still there.
  await page.goBack();
  await expectHandover();
  await expectNoAxeViolations(page);

  // Another address typed into the address bar, from the rating screen.
  await start.click();
  await expect(page.getByText('1 of 24 rated')).toBeVisible();
  await page.goto('/compare');
  await expectHandover();
  await expect(page.getByRole('heading', { name: 'Compare assessments' })).toHaveCount(0);

  // The deliberate way out: the facilitator's screen follows.
  await page.getByRole('button', { name: 'Hand back to the facilitator' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Locked workshop' })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(pass).toBeFocused();
  await expect(page.getByText('1 of 24 rated')).toBeVisible();
  await expectNoAxeViolations(page);

  // Unlocked: other routes open again.
  await page.goto('/compare');
  await expect(page.getByRole('heading', { level: 1, name: 'Compare assessments' })).toBeVisible();
});
