import { describe, expect, it } from 'vitest';
import {
  checkEvidenceUrl,
  checkIsoDate,
  checkRequired,
  checkSystemName,
  checkTitle,
  countEvidence,
} from '@/domain/assessment';

describe('field checks', () => {
  it('system name: required, not only spaces, at most 120 characters; HTML is just text', () => {
    expect(checkSystemName('')).toBe('required');
    expect(checkSystemName('   \t ')).toBe('required');
    expect(checkSystemName('x'.repeat(10_000))).toBe('tooLong');
    expect(checkSystemName('x'.repeat(120))).toBeNull();
    expect(checkSystemName('<script>alert(1)</script>')).toBeNull();
    expect(checkTitle('t'.repeat(161))).toBe('tooLong');
  });

  it('a required text: visible characters, at most the limit (spaces count towards it)', () => {
    expect(checkRequired('', 5)).toBe('required');
    expect(checkRequired(' \n\t ', 5)).toBe('required');
    expect(checkRequired('abcde', 5)).toBeNull();
    expect(checkRequired(' abcd ', 5)).toBe('tooLong');
  });

  it('dates: real calendar days only', () => {
    expect(checkIsoDate('2021-04-01')).toBeNull();
    expect(checkIsoDate('2020-02-29')).toBeNull();
    expect(checkIsoDate('2021-02-29')).toBe('invalidDate');
    expect(checkIsoDate('2021-02-30')).toBe('invalidDate');
    expect(checkIsoDate('abc')).toBe('invalidDate');
    expect(checkIsoDate('1899-01-01')).toBe('invalidDate');
  });

  it('evidence links: http(s) or nothing', () => {
    expect(checkEvidenceUrl('')).toBeNull();
    expect(checkEvidenceUrl('https://www.england.nhs.uk/')).toBeNull();
    expect(checkEvidenceUrl('javascript:alert(1)')).toBe('invalidUrl');
    expect(checkEvidenceUrl('data:text/html,<b>x</b>')).toBe('invalidUrl');
    expect(checkEvidenceUrl('not a url')).toBe('invalidUrl');
  });

  it('counts evidence items that have text or a link', () => {
    expect(
      countEvidence([
        { id: '1', text: 'Board minutes', url: '' },
        { id: '2', text: ' ', url: ' ' },
        { id: '3', text: '', url: 'https://x.org' },
      ]),
    ).toBe(2);
  });
});
