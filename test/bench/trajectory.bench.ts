import { bench, describe } from 'vitest';
import { LEVEL_IDS } from '@/domain/levels';
import { scoreAssessment } from '@/domain/scoring/score-assessment';
import { isoFromDay, dayNumber } from '@/domain/trajectory/dates';
import { buildTrajectory, defaultTargets } from '@/domain/trajectory/trajectory';
import { shippedFramework } from '../support/framework';

const framework = shippedFramework;

// A system with 20 assessments, one every two months from June 2019, levels slowly rising.
const assessments = Array.from({ length: 20 }, (_, index) => {
  const rank = Math.min(3, Math.floor(index / 6));
  const ratings = Object.fromEntries(
    framework.characteristics.flatMap((c) =>
      c.criteria.map((cr, j) => [
        cr.id,
        { level: LEVEL_IDS[Math.min(3, rank + (j % 2))] ?? null, evidenceCount: 1 },
      ]),
    ),
  );
  return {
    id: `a${index}`,
    asAt: isoFromDay(dayNumber('2019-06-30') + index * 61),
    createdAt: index,
    ratings,
  };
});
const targets = [
  ...defaultTargets(framework),
  ...framework.characteristics.map((c) => ({
    id: `t-${c.id}`,
    characteristicId: c.id,
    level: 'thriving' as const,
    date: '2024-03-31',
  })),
];

describe('trajectory', () => {
  // Scoring each assessment is part of the work: the plan screen starts from stored ratings.
  bench('trajectory data for a system with 20 assessments', () => {
    buildTrajectory({
      framework,
      targets,
      today: '2026-11-22',
      assessments: assessments.map(({ ratings, ...a }) => ({
        ...a,
        score: scoreAssessment(framework, ratings),
      })),
    });
  });
});
