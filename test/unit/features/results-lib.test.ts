import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '@/domain/scoring/score-assessment';
import { headline } from '@/lib/headline';
import { toRadarSeries } from '@/features/results/lib/to-radar-series';
import { toScoringInput } from '@/domain/scoring/scoring-input';
import { wrapLabel } from '@/lib/wrap-label';
import { emptyRating, type Rating } from '@/domain/assessment';
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
  options ? `${key}${JSON.stringify(options)}` : key) as unknown as TFunction<'results'>;

describe('toScoringInput', () => {
  it('counts only evidence items with some text or link', () => {
    const r = rating('care.pcns', 'maturing');
    r.evidence = [
      { id: '1', text: 'Report', url: '' },
      { id: '2', text: '  ', url: '' },
      { id: '3', text: '', url: 'https://example.org' },
    ];
    expect(toScoringInput([r])).toEqual({ 'care.pcns': { level: 'maturing', evidenceCount: 2 } });
  });
});

describe('toRadarSeries', () => {
  it('gives one point per characteristic in framework order, 0 when insufficient', () => {
    const score = scoreAssessment(
      framework,
      toScoringInput([
        rating('care.pcns', 'thriving', 1),
        rating('care.phm', 'thriving', 1),
        rating('care.community-teams', 'maturing', 1),
      ]),
    );
    const series = toRadarSeries(framework, score);
    expect(series.map((p) => p.characteristicId)).toEqual(
      framework.characteristics.map((c) => c.id),
    );
    expect(series.find((p) => p.characteristicId === 'integrated-care')?.value).toBe(4);
    expect(series.find((p) => p.characteristicId === 'leadership')?.value).toBe(0);
  });
});

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

describe('wrapLabel', () => {
  it('breaks between words within the width', () => {
    expect(
      wrapLabel('System architecture and strong financial management and planning', 22),
    ).toEqual(['System architecture', 'and strong financial', 'management and', 'planning']);
  });

  it('keeps a word longer than the width whole, and ignores extra spaces', () => {
    expect(wrapLabel('  Supercalifragilistic   word ', 5)).toEqual([
      'Supercalifragilistic',
      'word',
    ]);
    expect(wrapLabel('', 10)).toEqual([]);
  });
});
