import { dayNumber } from '@/domain/trajectory/dates';

/**
 * Scales for a chart of levels over time: x is a date (as a UTC day number), y a level rank
 * (1 emerging … 4 thriving, with half a level of room above and below). Pure numbers, used by the
 * board paper's SVG and by the screen's recharts trajectory.
 */

export type Domain = readonly [number, number];

/** Days of margin either side of the first and last date. */
export const DATE_MARGIN_DAYS = 30;
/** The level axis runs from half a level below emerging to half a level above thriving. */
export const RANK_DOMAIN: Domain = [0.5, 4.5];
export const RANK_TICKS = [1, 2, 3, 4] as const;

/**
 * The date axis: from the start to the end of the trajectory, widened to take in today, so the
 * "Today" line is always on the chart (and in its key) even after the plan period has ended.
 */
export function timeDomain(span: { start: string; end: string; today: string }): Domain {
  const days = [dayNumber(span.start), dayNumber(span.end), dayNumber(span.today)];
  return [Math.min(...days) - DATE_MARGIN_DAYS, Math.max(...days) + DATE_MARGIN_DAYS];
}

export function isWithin(domain: Domain, value: number): boolean {
  return value >= domain[0] && value <= domain[1];
}

/** A linear scale from `domain` onto `range` (pixels; the range may run backwards). */
export function linearScale(domain: Domain, range: Domain): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** 1 January of every year strictly inside the domain, as day numbers. */
export function yearTicks([from, to]: Domain): number[] {
  const first = new Date(from * 86_400_000).getUTCFullYear() + 1;
  const last = new Date(to * 86_400_000).getUTCFullYear();
  const ticks: number[] = [];
  for (let year = first; year <= last; year++) {
    const day = dayNumber(`${year}-01-01`);
    if (day > from && day <= to) ticks.push(day);
  }
  return ticks;
}

export function yearOf(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}
