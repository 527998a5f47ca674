import { describe, expect, it } from 'vitest';
import {
  DATE_MARGIN_DAYS,
  isWithin,
  linearScale,
  RANK_DOMAIN,
  timeDomain,
  yearOf,
  yearTicks,
} from '@/components/charts/line-geometry';
import { dayNumber } from '@/domain/trajectory/dates';

describe('line geometry', () => {
  it('runs the date axis from start to end with a margin', () => {
    const domain = timeDomain({ start: '2019-06-01', end: '2024-03-31', today: '2022-01-10' });
    expect(domain).toEqual([
      dayNumber('2019-06-01') - DATE_MARGIN_DAYS,
      dayNumber('2024-03-31') + DATE_MARGIN_DAYS,
    ]);
  });

  it('widens the axis to take in today when today is after the plan period', () => {
    const domain = timeDomain({ start: '2019-06-01', end: '2024-03-31', today: '2026-12-02' });
    expect(domain[1]).toBe(dayNumber('2026-12-02') + DATE_MARGIN_DAYS);
    expect(isWithin(domain, dayNumber('2026-12-02'))).toBe(true);
    expect(isWithin(domain, dayNumber('2027-06-01'))).toBe(false);
  });

  it('scales linearly, including onto a range that runs upwards (y)', () => {
    const x = linearScale([0, 100], [10, 210]);
    expect(x(0)).toBe(10);
    expect(x(50)).toBe(110);
    const y = linearScale(RANK_DOMAIN, [300, 100]);
    expect(y(0.5)).toBe(300);
    expect(y(4.5)).toBe(100);
    // Each level sits on its own gridline, a quarter of the height apart: no offsets.
    expect(y(1)).toBe(275);
    expect(y(3)).toBe(175);
  });

  it('ticks 1 January of each year inside the axis', () => {
    const ticks = yearTicks([dayNumber('2019-05-02'), dayNumber('2021-03-01')]);
    expect(ticks).toEqual([dayNumber('2020-01-01'), dayNumber('2021-01-01')]);
    expect(ticks.map(yearOf)).toEqual([2020, 2021]);
  });
});
