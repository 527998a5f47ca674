/**
 * Where the board paper's PDF breaks its pages, as plain arithmetic on heights in millimetres, so
 * the rules can be tested without drawing: a heading or a label ("Confidence", "Evidence") moves
 * to the next page with the start of what follows it, a paragraph leaves at least ORPHANS lines
 * at a page foot and carries at least WIDOWS lines over, and a table row never splits.
 */

/** The part of a page that content may use: from `top` down to `bottom`. */
export type Frame = { top: number; bottom: number };

/** Lines of a paragraph that may stand alone at the foot of a page. */
export const ORPHANS = 2;
/** Lines of a paragraph that may stand alone at the head of a page. */
export const WIDOWS = 2;

/** Rounding slack, so a block that fits to the micrometre is not pushed on. */
const EPSILON = 0.01;

function atTop(y: number, frame: Frame): boolean {
  return y <= frame.top + EPSILON;
}

/**
 * Whether something that must not be split, `keep` tall, starts on the next page rather than at
 * `y`. Never from the top of a page: a new page would not give it more room.
 */
export function startsNewPage(y: number, keep: number, frame: Frame): boolean {
  return y + keep > frame.bottom + EPSILON && !atTop(y, frame);
}

/** How many of a paragraph's first lines must stay together: all of a short one, else ORPHANS. */
export function paragraphKeepLines(lineCount: number): number {
  return lineCount < ORPHANS + WIDOWS ? lineCount : ORPHANS;
}

/**
 * How many of a paragraph's remaining `lineCount` lines to draw on this page from `y`: all that
 * fit, but never fewer than ORPHANS here or WIDOWS on the next page; 0 means "start on the next
 * page". From the top of a page it always draws at least one line.
 */
export function linesOnThisPage(
  y: number,
  lineHeight: number,
  lineCount: number,
  frame: Frame,
): number {
  const room = Math.max(0, Math.floor((frame.bottom - y + EPSILON) / lineHeight));
  if (lineCount <= room) return lineCount;
  if (atTop(y, frame)) return Math.max(1, room);
  const here = Math.min(room, lineCount - WIDOWS);
  return here >= ORPHANS ? here : 0;
}

/** A line that keeps with what follows it (a heading or a label), and what follows. */
export type KeepWithNext = { heights: readonly number[]; next: number };

/**
 * The height to keep together for one or more headings (or labels) stacked before a block whose
 * unsplittable start is `next` tall: the headings move on with it, never staying at a page foot.
 */
export function keepWithNextHeight({ heights, next }: KeepWithNext): number {
  return heights.reduce((sum, height) => sum + height, 0) + next;
}
