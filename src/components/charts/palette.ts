import type { LevelId } from '@/domain/levels';
import type { StatusResult } from '@/domain/trajectory/trajectory';

/**
 * The one palette of every chart: screen (recharts) and board paper (SVG for PDF/PNG/print).
 * Checked by test/unit/components/charts/palette.test.ts: contrast against white and of each
 * label on its fill (WCAG 1.4.11, 1.4.3), and distances under simulated deuteranopia,
 * protanopia and in greyscale.
 */

export const INK = '#212b32';
export const SECONDARY_TEXT = '#4c6272';
export const GRID = '#d8dde0';
export const AXIS = '#4c6272';
export const WHITE = '#ffffff';
/** The frame's accent bar and the board paper's headings (NHS Blue and NHS Dark Blue). */
export const BRAND = '#005eb8';
export const HEADING = '#003087';
/** Table header band in drawn tables (NHS Pale Grey). */
export const PANEL = '#e8edee';

export type Fill = { fill: string; text: string };

/**
 * Maturity levels: one blue hue from light to dark, so it reads as an ordered scale and never as
 * red/amber/green. Every step is at least 3:1 against white and about 1.6–1.9:1 against its
 * neighbour, so the order survives greyscale printing and colour-vision deficiency.
 */
export const LEVEL_FILLS: Record<LevelId, Fill> = {
  emerging: { fill: '#4e97d8', text: INK },
  developing: { fill: '#1c69b8', text: WHITE },
  maturing: { fill: '#0b417f', text: WHITE },
  thriving: { fill: '#021a3b', text: WHITE },
};

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down';

export type SeriesStyle = {
  colour: string;
  /** SVG `stroke-dasharray`; '' for a solid line. */
  dash: string;
  marker: MarkerShape;
};

/**
 * Series (compared assessments, characteristics on a trajectory): five colours that stay apart
 * under deuteranopia and protanopia, each with its own dash pattern and marker shape, so no
 * series is told from another by colour alone. On a trajectory the dash says assessed, planned or
 * projected instead, and the marker shape tells the characteristics apart.
 */
export const SERIES: readonly SeriesStyle[] = [
  { colour: '#005eb8', dash: '', marker: 'circle' },
  { colour: '#b34700', dash: '10 4', marker: 'square' },
  { colour: '#330072', dash: '3 3', marker: 'triangle' },
  { colour: '#ae2573', dash: '12 3 3 3', marker: 'diamond' },
  { colour: '#212b32', dash: '6 2 2 2 2 2', marker: 'triangle-down' },
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES[index % SERIES.length]!;
}

/** How the kinds of line on a trajectory are drawn (the same for every characteristic). */
export const TRAJECTORY_LINES = {
  assessed: { dash: '', width: 2.5 },
  planned: { dash: '8 4', width: 1.5 },
  projected: { dash: '2 3', width: 1.5 },
} as const;

/** "Today" on a time axis: dark and dashed, not red (red means "off track"). */
export const TODAY_LINE = { colour: INK, dash: '4 3', width: 1.5 } as const;

/** Framework milestones on a time axis. */
export const MILESTONE_LINE = { colour: '#aeb7bd', dash: '2 4' } as const;

/**
 * Red/amber/green for the on-track status only, always next to its text label. Amber (NHS Warm
 * Yellow) is lighter than 3:1 against white, so its swatch is drawn with an ink outline.
 */
export const STATUS_FILLS: Record<StatusResult['status'], Fill & { outline: string | null }> = {
  'on-track': { fill: '#007f3b', text: WHITE, outline: null },
  behind: { fill: '#ffb81c', text: INK, outline: INK },
  'off-track': { fill: '#d5281b', text: WHITE, outline: null },
  unknown: { fill: '#4c6272', text: WHITE, outline: null },
};
