import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test runs with three guards: no request may leave the app's own origin, no
 * Content-Security-Policy violation may happen, and no uncaught page error may occur.
 */
export const ORIGIN = 'http://127.0.0.1:4173';

type Guards = { foreignRequests: string[]; cspViolations: string[]; pageErrors: string[] };

export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ context }, use) => {
      const guards: Guards = { foreignRequests: [], cspViolations: [], pageErrors: [] };
      context.on('request', (request) => {
        const url = request.url();
        const isLocal = /^http:\/\/127\.0\.0\.1:\d+\//.test(url);
        if (!isLocal && !url.startsWith('data:') && !url.startsWith('blob:')) {
          guards.foreignRequests.push(url);
        }
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      context.on('console', (message) => {
        const text = message.text();
        if (/Content Security Policy|CSP violation/i.test(text)) guards.cspViolations.push(text);
      });
      context.on('weberror', (error) => guards.pageErrors.push(error.error().message));
      await use(guards);
      expect(guards.foreignRequests, 'requests that left 127.0.0.1').toEqual([]);
      expect(guards.cspViolations, 'Content-Security-Policy violations').toEqual([]);
      expect(guards.pageErrors, 'uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Creates an assessment through the UI and returns its editor URL path. */
export async function createAssessment(
  page: Page,
  systemName: string,
  asAt = '2019-06-30',
): Promise<string> {
  await page.goto('/');
  await page.getByLabel('System name').fill(systemName);
  await page.getByLabel('Assessment date (as at)').fill(asAt);
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page).toHaveURL(/\/assessments\/[^/]+\/edit$/);
  return new URL(page.url()).pathname;
}

export function criterionCard(page: Page, title: string) {
  return page.getByRole('region', { name: new RegExp(title) });
}

export async function rate(page: Page, criterionTitle: string, level: string): Promise<void> {
  await criterionCard(page, criterionTitle)
    .getByRole('radio', { name: new RegExp(`^${level}`) })
    .check();
}

export async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', /saved|idle/);
}

/** Waits until the service worker controls the page (the first load is not controlled). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null)))
    await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** axe with the WCAG 2.2 AA rule sets: no violation may be found on the current page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}
