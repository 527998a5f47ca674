import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { emptyRating, type Rating } from '@/domain/assessment';
import { scoreAssessment } from '@/domain/scoring/score-assessment';
import { toScoringInput } from '@/domain/scoring/scoring-input';
import { headline } from '@/lib/headline';
import { shippedFramework } from '../../support/framework';

const framework = shippedFramework;

function rating(criterionId: string, level: Rating['level'], evidence = 0): Rating {
  return {
    ...emptyRating('a1', criterionId),
    level,
    evidence: Array.from({ length: evidence }, (_, i) => ({
      id: `e${i}`,
      text: `Evidence ${i}`,
      url: '',
    })),
  };
}

/** A stand-in for i18next's t: returns the key and its options, so the test sees the structure. */
const fakeT = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key}${JSON.stringify(options)}` : key) as unknown as TFunction<'status'>;

describe('headline', () => {
  const levelTitle = (id: string): string => id.toUpperCase();

  it('names the overall level, the mature count and why the result is provisional', () => {
    const score = scoreAssessment(
      framework,
      toScoringInput(
        framework.characteristics.flatMap((c) =>
          c.criteria.slice(0, 3).map((cr) => rating(cr.id, 'developing')),
        ),
      ),
    );
    expect(headline(score, levelTitle, fakeT)).toBe(
      [
        'headline.overall{"level":"DEVELOPING"}',
        'headline.mature{"count":0,"total":5}',
        'headline.provisional{"count":9}',
      ].join('headline.separator'),
    );
  });

  it('says there is no overall level and how many characteristics lack evidence', () => {
    const score = scoreAssessment(framework, {});
    expect(headline(score, levelTitle, fakeT)).toBe(
      [
        'headline.noOverall',
        'headline.mature{"count":0,"total":5}',
        'headline.insufficient{"count":5}',
        'headline.provisional{"count":24}',
      ].join('headline.separator'),
    );
  });

  it('is not provisional when every criterion is assessed', () => {
    const all = framework.characteristics.flatMap((c) =>
      c.criteria.map((cr) => rating(cr.id, 'thriving', 1)),
    );
    const text = headline(scoreAssessment(framework, toScoringInput(all)), levelTitle, fakeT);
    expect(text).toBe(
      'headline.overall{"level":"THRIVING"}headline.separatorheadline.mature{"count":5,"total":5}',
    );
  });
});
