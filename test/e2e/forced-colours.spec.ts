import type { Locator, Page } from '@playwright/test';
import { createAssessment, expect, rate, test } from './fixtures';
import { addParticipant, rateInPrivate, startWorkshop } from './workshop-helpers';

/**
 * Windows High Contrast and other forced-colour themes replace every background colour with the
 * theme's Canvas colour, so a bar drawn only as a coloured background disappears. These tests
 * emulate `forced-colors: active` (Chromium then really forces the colours) and look at the
 * pixels: a bar or chart mark must differ from the background it sits on.
 */

type Rgb = readonly [number, number, number];

/** An element's pixels as [r, g, b] triples, decoded in the page from Playwright's screenshot. */
async function pixels(page: Page, element: Locator): Promise<Rgb[]> {
  const png = (await element.screenshot()).toString('base64');
  const flat = await page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    return Array.from(context.getImageData(0, 0, image.width, image.height).data);
  }, png);
  const out: Rgb[] = [];
  for (let i = 0; i < flat.length; i += 4) out.push([flat[i]!, flat[i + 1]!, flat[i + 2]!]);
  return out;
}

/** The most common colour in an element's screenshot: the background its contents sit on. */
async function dominant(page: Page, element: Locator): Promise<Rgb> {
  const counts = new Map<string, number>();
  for (const rgb of await pixels(page, element)) {
    const key = rgb.join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [key] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const [r, g, b] = key.split(',').map(Number);
  return [r!, g!, b!];
}

/** The share of an element's pixels (0–1) that differ clearly from the background colour. */
async function shareUnlike(page: Page, element: Locator, background: Rgb): Promise<number> {
  const all = await pixels(page, element);
  const unlike = all.filter(
    ([r, g, b]) =>
      Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]) > 60,
  );
  return unlike.length / all.length;
}

test.describe('forced colours', () => {
  test('spread and facilitator vote bars stay visible', async ({ page }) => {
    test.setTimeout(120_000);
    const editor = await createAssessment(page, 'High contrast ICS', '2019-09-12');
    await startWorkshop(page, editor, 'Contrast workshop');
    await addParticipant(page, 'Acute CEO', 'Northshire Hospitals', 'Acute trust');
    await addParticipant(page, 'Council director', 'Northshire Council', 'Local authority');
    await rateInPrivate(page, 'Acute CEO', ['Maturing']);
    await rateInPrivate(page, 'Council director', ['Emerging']);
    await page.getByRole('button', { name: 'Reveal the ratings' }).click();
    await page.emulateMedia({ forcedColors: 'active' });

    const spread = page.locator('[data-criterion="leadership.shared-vision"]');
    await expect(spread.locator('[data-bar-level]')).toHaveCount(4);
    const background = await dominant(page, spread);
    for (const level of ['emerging', 'maturing']) {
      const bar = spread.locator(`[data-bar-level="${level}"]`);
      expect(await shareUnlike(page, bar, background), `${level} spread bar`).toBeGreaterThan(0.5);
    }

    await page.emulateMedia({ forcedColors: 'none' });
    await page.getByRole('link', { name: 'Open the facilitator view' }).click();
    const view = page.getByRole('region', { name: /^Facilitator view/ });
    await expect(view).toBeVisible();
    await page.keyboard.press('r');
    await expect(view.locator('[data-revealed="true"]')).toBeVisible();
    await page.emulateMedia({ forcedColors: 'active' });
    const votes = view.getByRole('table', { name: /^Votes for/ });
    const vote = votes.locator('[data-bar-level="maturing"]');
    expect(await shareUnlike(page, vote, await dominant(page, votes)), 'vote bar').toBeGreaterThan(
      0.5,
    );
  });

  test('the results radar keeps its shape and data marks', async ({ page }) => {
    const editor = await createAssessment(page, 'High contrast radar ICS', '2019-09-12');
    await page.goto(`${editor}/leadership`);
    await rate(page, 'Shared vision', 'Thriving');
    await page.goto(editor.replace(/\/edit$/, '/results'));
    const chart = page.locator('.recharts-surface').first();
    await expect(chart).toBeVisible();
    await page.emulateMedia({ forcedColors: 'active' });
    const background = await dominant(page, chart);
    expect(await shareUnlike(page, chart, background), 'radar chart').toBeGreaterThan(0.02);
  });
});
