import { describe, expect, it } from 'vitest';
import { dayNumber } from '@/domain/trajectory/dates';
import type { CharacteristicTrajectory } from '@/domain/trajectory/trajectory';
import { toSeries } from '@/features/plan/lib/trajectory-series';

const base: CharacteristicTrajectory = {
  characteristicId: 'leadership',
  points: [
    { assessmentId: 'a', date: '2019-06-01', level: 'emerging', createdAt: 1 },
    { assessmentId: 'b', date: '2019-12-01', level: null, createdAt: 2 },
    { assessmentId: 'c', date: '2020-06-01', level: 'developing', createdAt: 3 },
  ],
  latest: null,
  plan: [
    { date: '2019-06-01', rank: 1 },
    { date: '2021-04-01', rank: 3 },
  ],
  plannedLevelToday: null,
  projection: {
    kind: 'projected',
    targetLevel: 'maturing',
    date: '2021-06-01',
    path: [
      { date: '2020-06-01', rank: 2 },
      { date: '2021-06-01', rank: 3 },
    ],
    ranksPerYear: 1,
  },
  status: { status: 'unknown', reasons: [] },
  targets: [],
};

describe('toSeries', () => {
  it('maps assessed levels (skipping insufficient evidence), the plan and the projection to x/y', () => {
    const series = toSeries(base, 2, 'Leadership');
    expect(series).toMatchObject({ id: 'leadership', name: 'Leadership', index: 2 });
    expect(series.assessed).toEqual([
      { x: dayNumber('2019-06-01'), y: 1 },
      { x: dayNumber('2020-06-01'), y: 2 },
    ]);
    expect(series.planned).toEqual([
      { x: dayNumber('2019-06-01'), y: 1 },
      { x: dayNumber('2021-04-01'), y: 3 },
    ]);
    expect(series.projected.map((p) => p.y)).toEqual([2, 3]);
  });

  it('has no projected line without a projection', () => {
    const none = toSeries(
      { ...base, projection: { kind: 'none', reason: 'too-few-assessments' } },
      0,
      'x',
    );
    expect(none.projected).toEqual([]);
  });
});
