import type { Page } from '@playwright/test';
import { createAssessment, expect, expectNoAxeViolations, test } from './fixtures';

/**
 * The browser losing its database: after a crash Chromium may find its IndexedDB files damaged,
 * delete the whole database and start an empty one, while localStorage, kept apart, still holds
 * the app's marker that the database held data. Here the database is deleted the same way, by
 * the browser's own `indexedDB.deleteDatabase` before the app opens it on the next load, and the
 * marker is left where it is.
 */

const MARKER = 'ics-maturity:holds-data';

const marker = (page: Page) =>
  page.evaluate((key) => localStorage.getItem(key), MARKER) as Promise<string | null>;

/** Deletes the app's database before the app's own script runs on the next load of this tab. */
async function deleteDatabaseOnNextLoad(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    // Only in the app's own top-level page (an opaque-origin frame may not touch storage).
    if (window !== window.top || window.location.protocol !== 'http:') return;
    if (sessionStorage.getItem('e2e:delete-database') === null) return;
    sessionStorage.removeItem('e2e:delete-database');
    // Queued before the app's open, so the app opens the database only once it is gone.
    indexedDB.deleteDatabase('ics-maturity');
  });
  await page.evaluate(() => sessionStorage.setItem('e2e:delete-database', '1'));
}

const lostBanner = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'This browser has lost the assessments' });

test('an empty database that held assessments is said to be lost, with the way to a backup, until dismissed', async ({
  page,
}) => {
  await createAssessment(page, 'Lost ICS');
  await expect.poll(() => marker(page)).not.toBeNull();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Self-assessment', exact: true })).toBeVisible();
  await expect(lostBanner(page)).toHaveCount(0);

  await deleteDatabaseOnNextLoad(page);
  await page.reload();
  await expect(page.getByText('No assessments yet. Start one with the form.')).toBeVisible();
  const banner = lostBanner(page);
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(
    'This browser has lost the assessments it stored on this device.',
  );
  await expect(banner).toContainText('This can happen when the browser or computer crashes.');
  await expectNoAxeViolations(page);

  // It stays: on another screen, and after a reload.
  await banner.getByRole('link', { name: 'Restore your most recent backup' }).click();
  await expect(page).toHaveURL(/\/backup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Backup and restore' })).toBeVisible();
  await expect(lostBanner(page)).toBeVisible();
  await page.reload();
  await expect(lostBanner(page)).toBeVisible();
  expect(await marker(page)).not.toBeNull();

  await lostBanner(page).getByRole('button', { name: 'Dismiss this message' }).click();
  await expect(lostBanner(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Backup and restore' })).toBeFocused();
  await expect.poll(() => marker(page)).toBeNull();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Backup and restore' })).toBeVisible();
  await expect(lostBanner(page)).toHaveCount(0);
});

test('deleting the last assessment yourself is never reported as a loss', async ({ page }) => {
  await createAssessment(page, 'Deleted ICS');
  await expect.poll(() => marker(page)).not.toBeNull();
  await page.goto('/');
  await page.getByRole('button', { name: 'Delete for Self-assessment' }).click();
  await expect(page.getByText(/Deleted “Self-assessment” \(Deleted ICS\)/)).toBeVisible();
  await expect.poll(() => marker(page)).toBeNull();
  await page.reload();
  await expect(page.getByText('No assessments yet. Start one with the form.')).toBeVisible();
  await expect(lostBanner(page)).toHaveCount(0);
});
