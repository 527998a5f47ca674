import { describe, expect, it } from 'vitest';
import { dayNumber } from '@/domain/trajectory/dates';
import type { CharacteristicTrajectory, Trajectory } from '@/domain/trajectory/trajectory';
import { axisDomain, toSeries, yearTicks } from '@/features/plan/lib/trajectory-series';

function characteristic(partial: Partial<CharacteristicTrajectory> = {}): CharacteristicTrajectory {
  return {
    characteristicId: 'leadership',
    points: [
      { assessmentId: 'a', date: '2019-03-31', level: 'emerging', createdAt: 1 },
      { assessmentId: 'b', date: '2019-09-30', level: null, createdAt: 2 },
      { assessmentId: 'c', date: '2020-03-31', level: 'maturing', createdAt: 3 },
    ],
    latest: null,
    plan: [
      { date: '2019-03-31', rank: 1 },
      { date: '2021-04-01', rank: 3 },
    ],
    plannedLevelToday: null,
    projection: { kind: 'none', reason: 'not-improving' },
    status: { status: 'unknown', reasons: [] },
    targets: [],
    ...partial,
  };
}

describe('toSeries', () => {
  it('plots assessed levels as ranks by day, leaving out insufficient evidence', () => {
    const series = toSeries(characteristic());
    expect(series.characteristicId).toBe('leadership');
    expect(series.assessed).toEqual([
      { x: dayNumber('2019-03-31'), y: 1, date: '2019-03-31' },
      { x: dayNumber('2020-03-31'), y: 3, date: '2020-03-31' },
    ]);
    expect(series.planned).toEqual([
      { x: dayNumber('2019-03-31'), y: 1, date: '2019-03-31' },
      { x: dayNumber('2021-04-01'), y: 3, date: '2021-04-01' },
    ]);
  });

  it('draws a projection only when there is one', () => {
    expect(toSeries(characteristic()).projected).toEqual([]);
    expect(
      toSeries(characteristic({ projection: { kind: 'reached', targetLevel: 'maturing' } }))
        .projected,
    ).toEqual([]);
    const projected = toSeries(
      characteristic({
        projection: {
          kind: 'projected',
          targetLevel: 'thriving',
          date: '2021-03-31',
          ranksPerYear: 2,
          path: [
            { date: '2020-03-31', rank: 3 },
            { date: '2021-03-31', rank: 4 },
          ],
        },
      }),
    );
    expect(projected.projected).toEqual([
      { x: dayNumber('2020-03-31'), y: 3, date: '2020-03-31' },
      { x: dayNumber('2021-03-31'), y: 4, date: '2021-03-31' },
    ]);
  });
});

describe('axisDomain and yearTicks', () => {
  const trajectory = {
    start: '2019-03-31',
    end: '2021-04-01',
    today: '2019-10-01',
    characteristics: [],
    overall: { status: 'unknown', reasons: [] },
  } satisfies Trajectory;

  it('pads the axis by 30 days either side of the trajectory', () => {
    expect(axisDomain(trajectory)).toEqual([
      dayNumber('2019-03-31') - 30,
      dayNumber('2021-04-01') + 30,
    ]);
  });

  it('ticks 1 January of each year strictly inside the axis', () => {
    expect(yearTicks(axisDomain(trajectory))).toEqual([
      dayNumber('2020-01-01'),
      dayNumber('2021-01-01'),
    ]);
    // An axis starting on 1 January does not tick its own first day.
    expect(yearTicks([dayNumber('2020-01-01'), dayNumber('2020-12-31')])).toEqual([]);
    expect(yearTicks([dayNumber('2019-12-31'), dayNumber('2020-01-01')])).toEqual([
      dayNumber('2020-01-01'),
    ]);
  });
});
