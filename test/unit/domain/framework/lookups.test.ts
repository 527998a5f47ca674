import { describe, expect, it } from 'vitest';
import { allCriteria, criterionTitle, levelTitle } from '@/domain/framework/lookups';
import { shippedFramework } from '../../../support/framework';

describe('levelTitle', () => {
  it("gives the framework's title for each level id", () => {
    expect(levelTitle(shippedFramework, 'emerging')).toBe(shippedFramework.levels[0]!.title);
    expect(levelTitle(shippedFramework, 'thriving')).toBe(shippedFramework.levels[3]!.title);
  });

  it('gives undefined for no level or an unknown one, so the caller chooses the wording', () => {
    expect(levelTitle(shippedFramework, null)).toBeUndefined();
    expect(levelTitle(shippedFramework, undefined)).toBeUndefined();
    expect(levelTitle(shippedFramework, 'excellent')).toBeUndefined();
  });

  it("works on any list of levels, such as a board paper's copy", () => {
    const paper = { levels: [{ id: 'maturing', title: 'Maturing (renamed)' }] };
    expect(levelTitle(paper, 'maturing')).toBe('Maturing (renamed)');
  });
});

describe('allCriteria', () => {
  it('lists every criterion once, characteristic by characteristic', () => {
    const criteria = allCriteria(shippedFramework);
    expect(criteria).toHaveLength(24);
    expect(new Set(criteria.map((c) => c.id)).size).toBe(24);
    expect(criteria[0]).toBe(shippedFramework.characteristics[0]!.criteria[0]);
    expect(criteria.at(-1)).toBe(shippedFramework.characteristics.at(-1)!.criteria.at(-1));
  });
});

describe('criterionTitle', () => {
  it('finds a criterion in any characteristic', () => {
    const last = shippedFramework.characteristics.at(-1)!.criteria.at(-1)!;
    expect(criterionTitle(shippedFramework, last.id)).toBe(last.title);
    expect(criterionTitle(shippedFramework, 'no-such-criterion')).toBeUndefined();
  });
});
