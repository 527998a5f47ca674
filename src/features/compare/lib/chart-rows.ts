import type { RadarRow } from '@/components/charts/radar-chart';
import type { Comparison } from '@/domain/compare/compare';
import { levelRank } from '@/domain/levels';

/** Characters of a characteristic's title kept on a chart axis before it is cut with "…". */
export const SHORT_LABEL_LENGTH = 22;

/** "1. Collaborative and…": the number, then whole words up to the limit. */
export function shortLabel(title: string, index: number): string {
  let label = '';
  for (const word of title.split(' ')) {
    if (`${label} ${word}`.trim().length > SHORT_LABEL_LENGTH) return `${index + 1}. ${label}…`;
    label = `${label} ${word}`.trim();
  }
  return `${index + 1}. ${label}`;
}

/**
 * One chart row per characteristic: the short label for the axis, the full title, and per
 * compared assessment (keyed by its id) the level rank, 0 where there is no level.
 */
export function chartRows(comparison: Comparison): RadarRow[] {
  return comparison.characteristics.map((c, index) => ({
    label: shortLabel(c.title, index),
    title: c.title,
    ...Object.fromEntries(
      comparison.columns.map((column, i) => {
        const level = c.levels[i];
        return [column.id, level ? levelRank(level) : 0];
      }),
    ),
  }));
}
