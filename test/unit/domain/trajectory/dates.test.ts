import { describe, expect, it } from 'vitest';
import { addMonths, dayNumber, isoFromDay } from '@/domain/trajectory/dates';

describe('dates', () => {
  it('counts whole days and adds months, clamping to the month end', () => {
    expect(dayNumber('2021-04-01') - dayNumber('2021-03-31')).toBe(1);
    expect(isoFromDay(dayNumber('2020-02-29'))).toBe('2020-02-29');
    expect(addMonths('2020-08-31', 6)).toBe('2021-02-28');
    expect(addMonths('2019-06-30', 6)).toBe('2019-12-30');
  });

  it('counts across a leap day and a clock change as whole days', () => {
    expect(dayNumber('2020-03-01') - dayNumber('2020-02-28')).toBe(2);
    expect(dayNumber('2021-03-01') - dayNumber('2021-02-28')).toBe(1);
    // The UK clocks go forward on 28 March 2021: still one day, not 23 hours.
    expect(dayNumber('2021-03-29') - dayNumber('2021-03-28')).toBe(1);
    expect(dayNumber('1970-01-01')).toBe(0);
  });

  it('adds months across a year end, backwards too, and keeps a leap day only in a leap year', () => {
    expect(addMonths('2021-11-15', 3)).toBe('2022-02-15');
    expect(addMonths('2021-03-31', -1)).toBe('2021-02-28');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28');
    expect(addMonths('2021-05-10', 0)).toBe('2021-05-10');
  });

  it('turns a day number back into the ISO date it came from', () => {
    for (const iso of ['1999-12-31', '2000-01-01', '2024-02-29', '2099-07-04']) {
      expect(isoFromDay(dayNumber(iso))).toBe(iso);
    }
  });
});
