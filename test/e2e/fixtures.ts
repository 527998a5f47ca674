import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test runs with three guards: no request may leave the app's own origin, no
 * Content-Security-Policy violation may happen, and no uncaught page error may occur.
 */
export const ORIGIN = 'http://127.0.0.1:4173';

type Guards = { foreignRequests: string[]; cspViolations: string[]; pageErrors: string[] };

export const test = base.extend<{ guards: Guards; axeAtEnd: void }>({
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
  // Every state a test ends in is held to axe too, so every route and state the suite reaches is
  // checked without each spec remembering to. A test whose last state is not a page of the app
  // (a closed page, a download, another browser) is skipped; one can opt out with a reason by
  // adding the annotation `{ type: 'no-axe-at-end', description: why }`.
  axeAtEnd: [
    async ({ page }, use, testInfo) => {
      await use();
      if (testInfo.status !== testInfo.expectedStatus) return;
      if (testInfo.annotations.some((a) => a.type === 'no-axe-at-end')) return;
      if (page.isClosed() || !/^http:\/\/127\.0\.0\.1:\d+\//.test(page.url())) return;
      await page.waitForLoadState('load');
      await expect(page.locator('main h1, h1').first()).toBeVisible();
      await expectNoAxeViolations(page);
    },
    { auto: true, timeout: 60_000 },
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

/** The axe rule sets every page is held to: WCAG 2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe with WCAG 2.2 AA and best practices: no violation may be found on the current page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const where = (node: (typeof results.violations)[number]['nodes'][number]) => {
    const related = node.any.flatMap((check) => check.relatedNodes ?? []).map((r) => r.target);
    return related.length > 0
      ? `${node.target.join(' ')} (with ${related.join(', ')})`
      : node.target.join(' ');
  };
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map(where).join(', ')}`),
    `axe violations on ${page.url()}`,
  ).toEqual([]);
}
