import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDateTime,
  formatIsoDate,
  formatNumber,
  formatTime,
  todayIso,
} from '@/lib/format';

describe('formatIsoDate', () => {
  it('writes a calendar day in British English, the same in every time zone', () => {
    expect(formatIsoDate('2021-04-01')).toBe('1 April 2021');
    expect(formatIsoDate('2019-12-31')).toBe('31 December 2019');
  });

  it('shows text that is not a date as it is', () => {
    expect(formatIsoDate('not a date')).toBe('not a date');
    expect(formatIsoDate('')).toBe('');
  });
});

describe('times and numbers', () => {
  it('formats a moment as a British date and time', () => {
    const ms = new Date(2019, 9, 1, 14, 5).getTime();
    expect(formatDateTime(ms)).toBe('1 Oct 2019, 14:05');
    expect(formatTime(ms)).toBe('14:05');
  });

  it('groups thousands with commas', () => {
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
  });

  it('gives sizes in decimal units with at most one decimal place', () => {
    expect(formatBytes(0)).toBe('0 byte');
    expect(formatBytes(999)).toBe('999 byte');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(2_345_678)).toBe('2.3 MB');
    expect(formatBytes(5e12)).toBe('5,000 GB');
  });
});

describe('todayIso', () => {
  it("gives today's date where the user is, not in UTC", () => {
    // 23:30 on 31 March local time is still 31 March, whatever UTC says.
    expect(todayIso(new Date(2021, 2, 31, 23, 30))).toBe('2021-03-31');
    expect(todayIso(new Date(2021, 3, 1, 0, 15))).toBe('2021-04-01');
  });
});
