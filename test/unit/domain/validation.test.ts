import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/domain/assessment';
import {
  appDate,
  CLOCK_SKEW_MS,
  evidenceUrl,
  firstDuplicate,
  isPastTime,
  pastDateTime,
  pastTime,
} from '@/domain/validation';

const NOW = Date.UTC(2019, 9, 1, 12);

describe('isPastTime', () => {
  it('accepts whole times up to a day of clock skew ahead of now', () => {
    expect(isPastTime(0, NOW)).toBe(true);
    expect(isPastTime(NOW, NOW)).toBe(true);
    expect(isPastTime(NOW + CLOCK_SKEW_MS, NOW)).toBe(true);
    expect(isPastTime(NOW + CLOCK_SKEW_MS + 1, NOW)).toBe(false);
  });

  it('refuses negative, fractional and non-finite times', () => {
    expect(isPastTime(-1, NOW)).toBe(false);
    expect(isPastTime(1.5, NOW)).toBe(false);
    expect(isPastTime(Number.NaN, NOW)).toBe(false);
    expect(isPastTime(Number.POSITIVE_INFINITY, NOW)).toBe(false);
  });
});

describe('schemas shared with the editor', () => {
  it('appDate: real calendar days from 2000 to 2100 only', () => {
    expect(appDate.safeParse('2020-02-29').success).toBe(true);
    expect(appDate.safeParse('2021-02-29').success).toBe(false);
    expect(appDate.safeParse('1999-12-31').success).toBe(false);
    expect(appDate.safeParse(20200101).success).toBe(false);
  });

  it('pastTime and pastDateTime: not in the future, and a date-time from 2000 on', () => {
    expect(pastTime.safeParse(Date.now()).success).toBe(true);
    expect(pastTime.safeParse(Date.now() + 2 * CLOCK_SKEW_MS).success).toBe(false);
    expect(pastDateTime.safeParse('2019-09-01T10:00:00.000Z').success).toBe(true);
    expect(pastDateTime.safeParse('1999-12-31T23:59:59Z').success).toBe(false);
    expect(pastDateTime.safeParse('9999-01-01T00:00:00Z').success).toBe(false);
    expect(pastDateTime.safeParse('2019-09-01').success).toBe(false);
  });

  it('evidenceUrl: empty or http(s), never javascript: or data:, within the length limit', () => {
    expect(evidenceUrl.safeParse('').success).toBe(true);
    expect(evidenceUrl.safeParse('https://www.england.nhs.uk/').success).toBe(true);
    expect(evidenceUrl.safeParse('javascript:alert(1)').success).toBe(false);
    expect(evidenceUrl.safeParse('data:text/html,x').success).toBe(false);
    const long = `https://example.org/${'a'.repeat(LIMITS.evidenceUrl)}`;
    expect(evidenceUrl.safeParse(long).success).toBe(false);
  });
});

describe('firstDuplicate', () => {
  it('gives the first value seen twice, or null', () => {
    expect(firstDuplicate(['a', 'b', 'c', 'b', 'a'])).toBe('b');
    expect(firstDuplicate(['a', 'b'])).toBeNull();
    expect(firstDuplicate(new Set(['a']))).toBeNull();
    expect(firstDuplicate([])).toBeNull();
  });
});
