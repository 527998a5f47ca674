import { describe, expect, it } from 'vitest';
import frameworkJson from '@/content/frameworks/ics-maturity-2019.json';
import {
  checkEvidenceUrl,
  checkIsoDate,
  checkSystemName,
  checkTitle,
  countEvidence,
} from '@/domain/assessment';
import { allCriteria, parseFramework } from '@/domain/framework/parse-framework';
import { LEVEL_IDS } from '@/domain/levels';

describe('the shipped framework', () => {
  const parsed = parseFramework(frameworkJson);

  it('is valid, with 4 levels, 5 characteristics and 24 criteria with all four descriptors', () => {
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const fw = parsed.value;
    expect(fw.id).toBe('ics-maturity-2019');
    expect(fw.version).toBe('1.0.0');
    expect(fw.attribution).toBe("Adapted from NHS England's ICS maturity matrix, 2019");
    expect(fw.levels.map((l) => l.id)).toEqual([...LEVEL_IDS]);
    expect(fw.characteristics).toHaveLength(5);
    expect(allCriteria(fw)).toHaveLength(24);
    for (const criterion of allCriteria(fw)) {
      expect(Object.keys(criterion.descriptors).sort()).toEqual([...LEVEL_IDS].sort());
      expect(criterion.evidence.length).toBeGreaterThan(0);
    }
    expect(fw.milestones.some((m) => m.date === '2021-04-01')).toBe(true);
  });
});

describe('parseFramework rejects bad frameworks with a reason, never throwing', () => {
  const valid = structuredClone(frameworkJson) as Record<string, unknown> & typeof frameworkJson;

  const cases: [string, (fw: typeof valid) => unknown, RegExp][] = [
    ['not an object', () => 'hello', /Invalid framework/],
    ['null', () => null, /Invalid framework/],
    [
      'a missing descriptor',
      (fw) => {
        const copy = structuredClone(fw);
        delete (
          copy.characteristics[0]!.criteria[0]!.descriptors as Partial<Record<string, string>>
        ).thriving;
        return copy;
      },
      /characteristics\.0\.criteria\.0\.descriptors\.thriving/,
    ],
    [
      'levels out of order',
      (fw) => ({ ...fw, levels: [fw.levels[1], fw.levels[0], fw.levels[2], fw.levels[3]] }),
      /levels must be emerging, developing, maturing, thriving in order/,
    ],
    [
      'a duplicate criterion id',
      (fw) => {
        const copy = structuredClone(fw);
        copy.characteristics[1]!.criteria[0]!.id = copy.characteristics[0]!.criteria[0]!.id;
        return copy;
      },
      /duplicate id leadership\.shared-vision/,
    ],
    ['a bad version', (fw) => ({ ...fw, version: 'one' }), /version must look like 1\.0\.0/],
    [
      'a bad milestone date',
      (fw) => ({ ...fw, milestones: [{ ...fw.milestones[0], date: '2021-13-40' }] }),
      /milestones/,
    ],
  ];

  it.each(cases)('%s', (_name, mutate, reason) => {
    const result = parseFramework(mutate(valid));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('field checks', () => {
  it('system name: required, not only spaces, at most 120 characters; HTML is just text', () => {
    expect(checkSystemName('')).toBe('required');
    expect(checkSystemName('   \t ')).toBe('required');
    expect(checkSystemName('x'.repeat(10_000))).toBe('tooLong');
    expect(checkSystemName('x'.repeat(120))).toBeNull();
    expect(checkSystemName('<script>alert(1)</script>')).toBeNull();
    expect(checkTitle('t'.repeat(161))).toBe('tooLong');
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
