import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import lighthouse from 'lighthouse';
// @ts-expect-error -- plain ESM helper shared with scripts/, no type declarations
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium-path.mjs';

/**
 * Lighthouse's accessibility audits on the three screens people use most: the list, the editor and
 * the results. They overlap axe (which every e2e test runs) but add their own checks, and they are
 * what an NHS assurance reviewer will run. Lighthouse drives the same Chromium over its DevTools
 * port, in the same profile, so it sees the assessment made here (storage is not reset).
 */

test('Lighthouse scores accessibility 1.0 on the list, the editor and the results', async ({
  baseURL,
}) => {
  test.slow();
  const profile = await mkdtemp(join(tmpdir(), 'lighthouse-'));
  // Beside the preview server's port, so two checkouts running side by side do not collide.
  const port = Number(new URL(baseURL!).port) + 1000;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: (findChromium as () => string | null)() ?? undefined,
    args: [...(CHROMIUM_ARGS as string[]), `--remote-debugging-port=${port}`],
    headless: true,
    locale: 'en-GB',
    baseURL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await page.getByLabel('System name').fill('Northshire ICS');
    await page.getByLabel('Assessment date (as at)').fill('2021-03-01');
    await page.getByRole('button', { name: 'Start assessment' }).click();
    await expect(page).toHaveURL(/\/assessments\/[^/]+\/edit$/);
    const editor = new URL(page.url()).pathname;
    await page.goto(`${editor}/leadership`);
    await page
      .getByRole('radio', { name: /^Developing/ })
      .first()
      .check();
    await expect(page.locator('[data-save-state]')).toHaveAttribute(
      'data-save-state',
      /saved|idle/,
    );

    const scores: Record<string, number | null> = {};
    const failures: string[] = [];
    for (const path of ['/', `${editor}/leadership`, editor.replace(/\/edit$/, '/results')]) {
      const result = await lighthouse(new URL(path, baseURL).href, {
        port,
        onlyCategories: ['accessibility'],
        disableStorageReset: true,
        formFactor: 'desktop',
        screenEmulation: { disabled: true },
        throttlingMethod: 'provided',
        output: 'json',
        logLevel: 'error',
      });
      const lhr = result!.lhr;
      // The screen itself was audited, not a redirect or an error page.
      expect(new URL(lhr.finalDisplayedUrl).pathname).toBe(path);
      expect(lhr.runtimeError).toBeUndefined();
      scores[path] = lhr.categories.accessibility!.score;
      for (const ref of lhr.categories.accessibility!.auditRefs) {
        const audit = lhr.audits[ref.id]!;
        if (ref.weight > 0 && audit.score !== null && audit.score < 1)
          failures.push(`${path}: ${audit.id} – ${audit.title}`);
      }
    }
    console.log(`lighthouse accessibility: ${JSON.stringify(scores)}`);
    expect(failures).toEqual([]);
    expect(Object.values(scores)).toEqual([1, 1, 1]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});
