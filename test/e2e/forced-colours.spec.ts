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

/**
 * Measures an element's screenshot in the page (decoding it there, so only the figures cross
 * back): its most common colour, and the share of pixels that differ clearly (by more than 60 in
 * summed RGB) from `background`, or from that most common colour when none is given.
 */
async function measure(
  page: Page,
  element: Locator,
  background: Rgb | null = null,
): Promise<{ dominant: Rgb; shareUnlike: number }> {
  const png = (await element.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, background }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, image.width, image.height).data;
      const counts = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      const dominant = [(top >> 16) & 255, (top >> 8) & 255, top & 255] as [number, number, number];
      const [r, g, b] = background ?? dominant;
      let unlike = 0;
      for (let i = 0; i < data.length; i += 4)
        if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) > 60)
          unlike += 1;
      return { dominant, shareUnlike: unlike / (data.length / 4) };
    },
    { png, background: background as [number, number, number] | null },
  );
}

/** The most common colour in an element's screenshot: the background its contents sit on. */
async function dominant(page: Page, element: Locator): Promise<Rgb> {
  return (await measure(page, element)).dominant;
}

/** The share of an element's pixels (0–1) that differ clearly from the background colour. */
async function shareUnlike(page: Page, element: Locator, background: Rgb): Promise<number> {
  return (await measure(page, element, background)).shareUnlike;
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
