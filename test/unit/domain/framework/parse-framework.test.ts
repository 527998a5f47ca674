import { describe, expect, it } from 'vitest';
import frameworkJson from '@/content/frameworks/ics-maturity-2019.json';
import { allCriteria } from '@/domain/framework/lookups';
import { parseFramework } from '@/domain/framework/parse-framework';
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
    if (!result.ok) expect(result.problem).toMatch(reason);
  });
});
