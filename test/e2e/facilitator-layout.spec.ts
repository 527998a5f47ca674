import type { Page, TestInfo } from '@playwright/test';
import { createAssessment, expect, expectNoAxeViolations, test } from './fixtures';
import { addParticipant, rateInPrivate, startWorkshop } from './workshop-helpers';

/**
 * The facilitator view as a room sees it (issue 12, item 7): on a 1024 × 768 laptop or projector
 * with no sideways scroll and every level name whole, using the space of a 1920 × 1080 projector,
 * and still usable on a tablet and a 375 px phone. Each size is checked before and after the
 * reveal and with the note open, and a screenshot of each is saved in the test's output folder.
 */

const SIZES = [
  { name: 'projector', width: 1920, height: 1080 },
  { name: 'laptop', width: 1024, height: 768 },
  { name: 'tablet', width: 768, height: 1024 },
  // Where the four columns used to break their names ("Emergin", "Developi").
  { name: 'small-tablet', width: 700, height: 900 },
  { name: 'phone', width: 375, height: 667 },
] as const;

const LEVELS = ['Emerging', 'Developing', 'Maturing', 'Thriving'];

type Layout = {
  scrollWidth: number;
  clientWidth: number;
  /** The bottom of the view's last part (the shortcuts). */
  viewBottom: number;
  /** Elements whose right edge is past the viewport's. */
  sticking: string[];
  /** Level names broken inside a word, cut off or running out of their box. */
  clipped: string[];
  /** Level names seen (in level columns and, once revealed, in the vote counts). */
  names: string[];
  descriptorPx: number;
  /** The bottom of the row with the agreed level (the last thing the room needs to see). */
  actionsBottom: number;
};

/** Measures the page as it is laid out now. */
function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const sticking = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > root.clientWidth + 0.5;
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    const clipped: string[] = [];
    const names: string[] = [];
    // A name is whole when each of its words sits on one line, inside its box and unclipped.
    const check = (box: Element, text: Text) => {
      const name = text.data.trim();
      if (!name) return;
      names.push(name);
      const outer = box.getBoundingClientRect();
      const start = text.data.indexOf(name);
      for (const word of name.split(/\s+/)) {
        const at = text.data.indexOf(word, start);
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + word.length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const isWhole =
          rects.length === 1 &&
          rects[0]!.left >= outer.left - 0.5 &&
          rects[0]!.right <= outer.right + 0.5 &&
          box.scrollWidth <= box.clientWidth + 1;
        if (!isWhole) clipped.push(`${name} (${rects.length} pieces)`);
      }
    };
    for (const title of document.querySelectorAll('.facilitator__level-title')) {
      const text = [...title.childNodes].find(
        (n): n is Text => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
      );
      if (text) check(title, text);
      else clipped.push('a level column without its name');
    }
    const descriptor = document.querySelector('.facilitator__descriptor');
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      viewBottom: Math.max(
        ...[...document.querySelectorAll('.facilitator > *')].map(
          (el) => el.getBoundingClientRect().bottom,
        ),
      ),
      sticking,
      clipped,
      names,
      descriptorPx: descriptor ? parseFloat(getComputedStyle(descriptor).fontSize) : 0,
      actionsBottom: document.querySelector('.facilitator__actions')!.getBoundingClientRect()
        .bottom,
    };
  });
}

async function expectFits(page: Page, testInfo: TestInfo, label: string): Promise<Layout> {
  const layout = await measure(page);
  // Soft: every size and state is measured and photographed, whatever fails first.
  expect
    .soft(
      layout.scrollWidth,
      `${label}: page wider than the window; sticking out: ${layout.sticking.join(', ')}`,
    )
    .toBeLessThanOrEqual(layout.clientWidth);
  expect.soft(layout.names, `${label}: level names`).toEqual(LEVELS);
  expect.soft(layout.clipped, `${label}: level names cut or broken`).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath(`${label}.png`) });
  return layout;
}

test('the facilitator view fits a 1024 × 768 screen and a 1920 × 1080 projector, and works on a tablet and a phone', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const editor = await createAssessment(page, 'Layout Integrated Care System', '2019-09-12');
  await startWorkshop(page, editor, 'Partnership board workshop for the whole system');
  await addParticipant(page, 'Acute CEO', 'Northshire Hospitals', 'Acute trust');
  await addParticipant(page, 'Council director', 'Northshire Council', 'Local authority');
  // Five criteria rated: a reveal is kept, so each size shows one of its own, still hidden.
  await rateInPrivate(
    page,
    'Acute CEO',
    ['Maturing', 'Developing', 'Thriving', 'Maturing', 'Developing'],
    'Flow is the issue',
  );
  await rateInPrivate(page, 'Council director', [
    'Emerging',
    'Developing',
    'Maturing',
    'Emerging',
    'Thriving',
  ]);
  const facilitate = `${new URL(page.url()).pathname}/facilitate`;

  for (const [index, size] of SIZES.entries()) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(facilitate);
    await expect(page.getByRole('heading', { level: 1, name: /^Shared vision/ })).toBeVisible();
    for (let step = 0; step < index; step += 1) await page.keyboard.press('ArrowRight');
    if (index > 0)
      await expect(
        page.getByRole('heading', { level: 1, name: /^Shared vision/ }),
      ).not.toBeVisible();
    await expect(page.locator('.facilitator__votes')).toHaveAttribute('data-revealed', 'false');
    await expectFits(page, testInfo, `${size.name}-hidden`);

    // Revealed with the keyboard where there is one; on the phone, with the button.
    if (size.name === 'phone') await page.getByRole('button', { name: 'Reveal the votes' }).click();
    else await page.keyboard.press('r');
    await expect(page.locator('.facilitator__votes')).toHaveAttribute('data-revealed', 'true');
    const revealed = await expectFits(page, testInfo, `${size.name}-revealed`);
    await expectNoAxeViolations(page);

    if (size.name === 'projector') {
      // The projector's space is used: large type, and the whole view on one screen.
      expect
        .soft(revealed.descriptorPx, 'descriptor type on a projector')
        .toBeGreaterThanOrEqual(24);
      expect.soft(revealed.viewBottom, 'projector view height').toBeLessThanOrEqual(size.height);
    }
    if (size.name === 'laptop') {
      // The criterion, its levels, votes and the agreed level without scrolling.
      expect.soft(revealed.descriptorPx, 'descriptor type on a laptop').toBeGreaterThanOrEqual(16);
      expect.soft(revealed.actionsBottom, 'agreed level in view').toBeLessThanOrEqual(size.height);
    }

    await page.getByRole('button', { name: 'Rationale and dissent' }).click();
    await expect(page.getByLabel('Rationale for the agreed level')).toBeFocused();
    await expectFits(page, testInfo, `${size.name}-note`);
    await page.keyboard.press('Escape');
  }
});
