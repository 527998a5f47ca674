import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Workshop set-up through the UI, shared by the workshop specs. */

/** From an assessment's editor path: open its workshops and start one; ends on the workshop screen. */
export async function startWorkshop(page: Page, editorPath: string, title: string): Promise<void> {
  await page.goto(editorPath.replace(/\/edit$/, '/results'));
  await page.getByRole('link', { name: 'Run or open a workshop' }).click();
  await page.getByLabel('Workshop title').fill(title);
  await page.getByLabel('Facilitator').fill('Programme director');
  await page.getByRole('button', { name: 'Start workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

export async function addParticipant(
  page: Page,
  name: string,
  organisation: string,
  sector: string,
): Promise<void> {
  await page.getByLabel('Name or anonymous label', { exact: true }).fill(name);
  await page.getByLabel('Organisation', { exact: true }).fill(organisation);
  await page.getByLabel('Sector', { exact: true }).selectOption({ label: sector });
  await page.getByRole('button', { name: 'Add participant' }).click();
  await expect(page.getByText(new RegExp(`^${name}, ${organisation}`))).toBeVisible();
}

/** Passes the laptop to `name`, who rates the first criteria in framework order with `levels`. */
export async function rateInPrivate(
  page: Page,
  name: string,
  levels: readonly string[],
  note = '',
): Promise<void> {
  await page.getByRole('button', { name: `Pass the laptop to ${name}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Hand the laptop to ${name}` }),
  ).toBeVisible();
  await page.getByRole('button', { name: `I am ${name}: start rating` }).click();
  await rateShownCriteria(page, levels, note);
  await page.getByRole('button', { name: 'Finish and hide my answers' }).click();
  // The laptop stays locked until it is handed back deliberately.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hand the laptop back to the facilitator' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Hand back to the facilitator' }).click();
}

/**
 * Scrolls every criterion of the revealed spread into view once, as a facilitator scrolling down
 * does. The spread's criteria skip layout while far off screen (`content-visibility: auto`) and
 * keep a placeholder height until first shown, so after a fresh load axe would measure targets in
 * blocks not laid out yet (overlapping sizes nobody sees).
 */
export async function showEveryCriterion(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const block of document.querySelectorAll('.spread')) {
      block.scrollIntoView();
      await new Promise((done) => setTimeout(done, 20));
    }
    window.scrollTo(0, 0);
  });
}

/** Below the tablet breakpoint a participant sees one criterion at a time (criterion-pager.tsx). */
export function isPhone(page: Page): boolean {
  return (page.viewportSize()?.width ?? 1280) < 641;
}

/**
 * On a participant's rating screen, rates the first criteria with `levels` (the first with
 * `note` too), as a person does at this width: on a wide screen each criterion in the list; on a
 * phone one at a time, pressing Next after each, then "Review my ratings" to reach the review and
 * the buttons after it.
 */
export async function rateShownCriteria(
  page: Page,
  levels: readonly string[],
  note = '',
): Promise<void> {
  if (!isPhone(page)) {
    const groups = page.locator('fieldset');
    for (const [index, level] of levels.entries()) {
      await groups
        .nth(index)
        .getByRole('radio', { name: new RegExp(`^${level}`) })
        .check();
    }
    if (note) await groups.nth(0).getByLabel('Note for the room (optional)').fill(note);
    return;
  }
  const shown = page.locator('fieldset:visible');
  for (const [index, level] of levels.entries()) {
    await expect(page.locator('.pager__progress')).toContainText(`Criterion ${index + 1} of`);
    await shown.getByRole('radio', { name: new RegExp(`^${level}`) }).click();
    if (index === 0 && note) await shown.getByLabel('Note for the room (optional)').fill(note);
    const next = page.getByRole('button', { name: 'Next' });
    if (index < levels.length - 1) await next.click();
  }
  await page.getByRole('button', { name: 'Review my ratings' }).click();
  await expect(page.getByRole('heading', { name: 'Check your ratings' })).toBeFocused();
}
