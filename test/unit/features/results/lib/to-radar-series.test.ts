import { describe, expect, it } from 'vitest';
import { emptyRating, type Rating } from '@/domain/assessment';
import { scoreAssessment } from '@/domain/scoring/score-assessment';
import { toScoringInput } from '@/domain/scoring/scoring-input';
import { toRadarSeries } from '@/features/results/lib/to-radar-series';
import { shippedFramework } from '../../../../support/framework';

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
