import { describe, expect, it } from 'vitest';
import frameworkJson from '@/content/frameworks/ics-maturity-2019.json';
import {
  classifyChange,
  compareAssessments,
  summarise,
  type CompareInput,
} from '@/domain/compare/compare';
import { parseFramework } from '@/domain/framework/parse-framework';
import type { Framework } from '@/domain/framework/schema';
import type { LevelId } from '@/domain/levels';
import v2Json from '../../../fixtures/frameworks/ics-maturity-2019@2.0.0-test.json';

function load(json: unknown): Framework {
  const parsed = parseFramework(json);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}
const v1 = load(frameworkJson);
const v2 = load(v2Json);

function input(
  id: string,
  asAt: string,
  levels: Record<string, LevelId | null>,
  framework = v1,
): CompareInput {
  return {
    id,
    title: `Assessment ${asAt}`,
    asAt,
    createdAt: 0,
    framework,
    ratings: Object.fromEntries(
      Object.entries(levels).map(([k, level]) => [k, { level, evidenceCount: 1 }]),
    ),
  };
}

describe('classifyChange', () => {
  it('names every kind of change', () => {
    expect(classifyChange('developing', 'maturing')).toBe('improved');
    expect(classifyChange('maturing', 'emerging')).toBe('declined');
    expect(classifyChange('maturing', 'maturing')).toBe('unchanged');
    expect(classifyChange(null, 'emerging')).toBe('newly-assessed');
    expect(classifyChange('thriving', null)).toBe('no-longer-assessed');
    expect(classifyChange(null, null)).toBe('not-assessed');
  });
});

describe('compareAssessments', () => {
  const finance = {
    'finance.architecture': 'developing',
    'finance.collective-financial-management': 'developing',
    'finance.planning': 'developing',
  } as const;
  const before = input('old', '2019-10-01', {
    ...finance,
    'leadership.shared-vision': 'developing',
    'leadership.governance': 'maturing',
    'care.pcns': 'emerging',
    'care.phm': 'developing',
  });
  const after = input('new', '2020-10-01', {
    'finance.architecture': 'maturing',
    'finance.collective-financial-management': 'maturing',
    'finance.planning': 'maturing',
    'leadership.shared-vision': 'maturing',
    'leadership.governance': 'developing',
    'care.pcns': null,
    'delivery.quality': 'developing',
  });

  it('orders the assessments oldest first whatever order they come in', () => {
    const comparison = compareAssessments([after, before]);
    expect(comparison.columns.map((c) => c.id)).toEqual(['old', 'new']);
  });

  it('classifies each criterion from the oldest to the newest and counts the kinds', () => {
    const comparison = compareAssessments([before, after]);
    const change = (id: string) => comparison.criteria.find((c) => c.id === id)?.change;
    expect(change('leadership.shared-vision')).toBe('improved');
    expect(change('leadership.governance')).toBe('declined');
    expect(change('care.pcns')).toBe('no-longer-assessed');
    expect(change('delivery.quality')).toBe('newly-assessed');
    expect(change('care.phm')).toBe('no-longer-assessed');
    expect(comparison.counts).toEqual({
      improved: 4,
      declined: 1,
      unchanged: 0,
      'newly-assessed': 1,
      'no-longer-assessed': 2,
      'not-assessed': 16,
    });
    expect(comparison.versionsDiffer).toBe(false);
    expect(comparison.unmatched).toEqual([]);
  });

  it('compares characteristic levels too, and summarises what moved', () => {
    const comparison = compareAssessments([before, after]);
    const financeRow = comparison.characteristics.find((c) => c.id === 'finance-planning');
    expect(financeRow).toMatchObject({ levels: ['developing', 'maturing'], change: 'improved' });
    expect(summarise(comparison)).toEqual({
      since: '2019-10-01',
      improved: 4,
      declined: 1,
      moves: [
        {
          id: 'finance-planning',
          title: 'System architecture and strong financial management and planning',
          from: 'developing',
          to: 'maturing',
          change: 'improved',
        },
      ],
    });
  });

  it('takes the first and last of up to five assessments for the change', () => {
    const middle = input('mid', '2020-03-01', { 'leadership.shared-vision': 'emerging' });
    const comparison = compareAssessments([after, middle, before]);
    expect(comparison.columns.map((c) => c.id)).toEqual(['old', 'mid', 'new']);
    const vision = comparison.criteria.find((c) => c.id === 'leadership.shared-vision');
    expect(vision).toMatchObject({
      levels: ['developing', 'emerging', 'maturing'],
      change: 'improved',
    });
  });

  it('matches criteria by id across framework versions and lists what does not match', () => {
    const newer = input(
      'v2',
      '2021-10-01',
      { 'leadership.shared-vision': 'thriving', 'leadership.statutory-readiness': 'developing' },
      v2,
    );
    const comparison = compareAssessments([before, newer]);
    expect(comparison.versionsDiffer).toBe(true);
    expect(comparison.columns.map((c) => c.frameworkVersion)).toEqual(['1.0.0', '2.0.0']);
    expect(comparison.criteria.find((c) => c.id === 'leadership.shared-vision')).toMatchObject({
      levels: ['developing', 'thriving'],
      change: 'improved',
    });
    const readiness = comparison.criteria.find((c) => c.id === 'leadership.statutory-readiness');
    expect(readiness).toMatchObject({ levels: [undefined, 'developing'], change: 'not-assessed' });
    const unmatchedIds = comparison.unmatched.map((u) => u.id);
    expect(unmatchedIds).toContain('leadership.statutory-readiness');
    expect(unmatchedIds).toContain('care.pcns');
    expect(comparison.unmatched.find((u) => u.id === 'care.pcns')?.presentIn).toEqual(['old']);
    // Rows follow the newest framework first.
    expect(comparison.criteria[0]?.id).toBe('leadership.shared-vision');
  });

  it('has no summary for a single assessment', () => {
    expect(summarise(compareAssessments([before]))).toBeNull();
  });
});
