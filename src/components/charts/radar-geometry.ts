/**
 * Where things go on a radar (spider) chart with one spoke per characteristic and rings for the
 * levels 1–4. Pure numbers: the board paper's SVG draws with them, and the screen charts share
 * the same angles (first spoke straight up, then clockwise).
 */

export type RadarFrame = {
  cx: number;
  cy: number;
  /** Radius of the outermost ring. */
  radius: number;
  /** The value drawn on the outermost ring (4: thriving). */
  max: number;
};

/** Angle of spoke `index` of `count`, in radians: the first points up, the rest run clockwise. */
export function spokeAngle(index: number, count: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / count;
}

/** The point at `value` on spoke `index` (0 is the centre, `max` the outer ring). */
export function polarPoint(
  frame: RadarFrame,
  index: number,
  count: number,
  value: number,
): [number, number] {
  const angle = spokeAngle(index, count);
  const r = (frame.radius * value) / frame.max;
  return [frame.cx + r * Math.cos(angle), frame.cy + r * Math.sin(angle)];
}

/** An SVG `points` list for a polygon through `values`, one per spoke. */
export function polygonPoints(frame: RadarFrame, values: readonly number[]): string {
  return values
    .map((value, i) => polarPoint(frame, i, values.length, value).map(round).join(','))
    .join(' ');
}

/** The rings drawn for the levels: 1 … max. */
export function ringValues(frame: RadarFrame): number[] {
  return Array.from({ length: frame.max }, (_, i) => i + 1);
}

export type SpokeLabel = {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** Where the text block sits against (x, y): above a spoke pointing up, below one pointing down. */
  position: 'above' | 'below' | 'beside';
};

/**
 * Where the label of spoke `index` goes: just outside the outer ring (`gap` beyond it), left-
 * aligned on the right half, right-aligned on the left half, centred on a spoke that points
 * (nearly) straight up or down.
 */
export function spokeLabel(
  frame: RadarFrame,
  index: number,
  count: number,
  gap: number,
): SpokeLabel {
  const angle = spokeAngle(index, count);
  const r = frame.radius + gap;
  const x = frame.cx + r * Math.cos(angle);
  const y = frame.cy + r * Math.sin(angle);
  const isVertical = Math.abs(Math.cos(angle)) < 0.05;
  if (isVertical) {
    return { x, y, anchor: 'middle', position: Math.sin(angle) < 0 ? 'above' : 'below' };
  }
  return { x, y, anchor: Math.cos(angle) > 0 ? 'start' : 'end', position: 'beside' };
}

/** The y of the first of `lineCount` lines of a label placed with `spokeLabel`. */
export function labelTop(label: SpokeLabel, lineCount: number, lineHeight: number): number {
  switch (label.position) {
    case 'above':
      return label.y - (lineCount - 1) * lineHeight;
    case 'below':
      return label.y + lineHeight * 0.4;
    case 'beside':
      return label.y - ((lineCount - 1) * lineHeight) / 2;
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
