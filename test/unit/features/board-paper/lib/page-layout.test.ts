import { describe, expect, it } from 'vitest';
import {
  keepWithNextHeight,
  linesOnThisPage,
  ORPHANS,
  paragraphKeepLines,
  startsNewPage,
  WIDOWS,
  type Frame,
} from '@/features/board-paper/lib/page-layout';

/** A page of 100 mm from 20 to 120, with 5 mm lines: 20 lines to a page. */
const frame: Frame = { top: 20, bottom: 120 };
const LINE = 5;

describe('startsNewPage', () => {
  it('keeps a block where it is when it fits, to the last millimetre', () => {
    expect(startsNewPage(50, 70, frame)).toBe(false);
    expect(startsNewPage(50, 70.001, frame)).toBe(false);
  });

  it('moves a block that does not fit to the next page', () => {
    expect(startsNewPage(100, 21, frame)).toBe(true);
  });

  it('never moves on from the top of a page: a taller block starts there and flows', () => {
    expect(startsNewPage(20, 150, frame)).toBe(false);
  });
});

describe('keep-with-next: a heading never ends a page', () => {
  it('the heading and the start of its first block move together', () => {
    // A heading of 8 mm at 110 mm fits alone (to 118) but not with two lines of its paragraph.
    const keep = keepWithNextHeight({ heights: [8], next: paragraphKeepLines(10) * LINE });
    expect(keep).toBe(8 + ORPHANS * LINE);
    expect(startsNewPage(110, 8, frame)).toBe(false);
    expect(startsNewPage(110, keep, frame)).toBe(true);
  });

  it('stacked headings (a characteristic, then its first criterion) move as one', () => {
    const keep = keepWithNextHeight({ heights: [8, 6], next: 2 * LINE });
    expect(keep).toBe(24);
    expect(startsNewPage(97, keep, frame)).toBe(true);
    expect(startsNewPage(96, keep, frame)).toBe(false);
  });

  it('a label and a one-line value ("Confidence", "High") are never split', () => {
    const keep = keepWithNextHeight({ heights: [LINE], next: paragraphKeepLines(1) * LINE });
    // At 112 mm the label would fit (to 117) but its value would not.
    expect(startsNewPage(112, keep, frame)).toBe(true);
    expect(startsNewPage(110, keep, frame)).toBe(false);
  });
});

describe('paragraphKeepLines', () => {
  it('keeps a short paragraph whole and a long one by its first ORPHANS lines', () => {
    expect(paragraphKeepLines(1)).toBe(1);
    expect(paragraphKeepLines(ORPHANS + WIDOWS - 1)).toBe(ORPHANS + WIDOWS - 1);
    expect(paragraphKeepLines(ORPHANS + WIDOWS)).toBe(ORPHANS);
    expect(paragraphKeepLines(40)).toBe(ORPHANS);
  });
});

describe('linesOnThisPage', () => {
  it('draws every line that fits', () => {
    expect(linesOnThisPage(20, LINE, 12, frame)).toBe(12);
    expect(linesOnThisPage(60, LINE, 12, frame)).toBe(12);
  });

  it('splits a long paragraph where the page ends, carrying WIDOWS lines or more over', () => {
    // Room for 4 lines at 100 mm.
    expect(linesOnThisPage(100, LINE, 10, frame)).toBe(4);
    expect(linesOnThisPage(100, LINE, 5, frame)).toBe(5 - WIDOWS);
  });

  it('never leaves fewer than ORPHANS lines at a page foot: it starts on the next page', () => {
    // Room for one line only.
    expect(linesOnThisPage(112, LINE, 10, frame)).toBe(0);
    // Room for 2, but 3 lines would leave one alone on the next page.
    expect(linesOnThisPage(110, LINE, 3, frame)).toBe(0);
  });

  it('from the top of a page, fills it: a paragraph longer than a page flows on', () => {
    expect(linesOnThisPage(20, LINE, 50, frame)).toBe(20);
    // A line taller than the page still makes progress.
    expect(linesOnThisPage(20, 200, 3, frame)).toBe(1);
  });
});
