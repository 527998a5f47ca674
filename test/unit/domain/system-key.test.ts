import { describe, expect, it } from 'vitest';
import { systemKey } from '@/domain/system-key';

describe('systemKey', () => {
  it('treats names differing only in case and spacing as one system', () => {
    expect(systemKey('  Northshire   and Eastvale ICS ')).toBe('northshire and eastvale ics');
    expect(systemKey('NORTHSHIRE AND EASTVALE ICS')).toBe(systemKey('Northshire and Eastvale ICS'));
    expect(systemKey('Northshire\tand\nEastvale ICS')).toBe('northshire and eastvale ics');
  });

  it('keeps different systems apart', () => {
    expect(systemKey('Eastvale')).not.toBe(systemKey('Northshire'));
    expect(systemKey('North shire')).not.toBe(systemKey('Northshire'));
  });
});
