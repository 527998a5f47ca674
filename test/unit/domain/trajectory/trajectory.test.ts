import { describe, expect, it } from 'vitest';
import type { LevelId } from '@/domain/levels';
import { scoreAssessment } from '@/domain/scoring/score-assessment';
import { dayNumber, isoFromDay } from '@/domain/trajectory/dates';
import {
  buildTrajectory,
  defaultTargets,
  overallStatus,
  plannedLevelAt,
  plannedPath,
  plannedRankAt,
  projectionFor,
  statusFor,
  targetOutcome,
  type AssessedPoint,
  type Target,
} from '@/domain/trajectory/trajectory';
import { shippedFramework } from '../../../support/framework';

const framework = shippedFramework;

const point = (date: string, level: LevelId | null, createdAt = 0): AssessedPoint => ({
  assessmentId: `${date}-${createdAt}`,
  date,
  level,
  createdAt,
});
const target = (level: LevelId, date: string, characteristicId = 'leadership'): Target => ({
  id: `${characteristicId}-${date}`,
  characteristicId,
  level,
  date,
});

describe('planned path', () => {
  const path = plannedPath({ date: '2019-06-30', rank: 1 }, [
    target('maturing', '2021-04-01'),
    target('developing', '2019-11-15'),
  ]);

  it('runs from the baseline through each target in date order', () => {
    expect(path).toEqual([
      { date: '2019-06-30', rank: 1 },
      { date: '2019-11-15', rank: 2 },
      { date: '2021-04-01', rank: 3 },
    ]);
  });

  it('interpolates between points and holds the last target afterwards', () => {
    expect(plannedRankAt(path, '2019-06-30')).toBe(1);
    expect(plannedRankAt(path, '2019-11-15')).toBe(2);
    const midway = isoFromDay(Math.round((dayNumber('2019-11-15') + dayNumber('2021-04-01')) / 2));
    expect(plannedRankAt(path, midway)).toBeCloseTo(2.5, 2);
    expect(plannedLevelAt(path, midway)).toBe('developing');
    expect(plannedLevelAt(path, '2021-04-01')).toBe('maturing');
    expect(plannedLevelAt(path, '2026-11-22')).toBe('maturing');
    expect(plannedRankAt(path, '2019-01-01')).toBeNull();
    expect(plannedRankAt([], '2020-01-01')).toBeNull();
  });

  it('leaves out targets dated on or before the baseline, so the path never runs backwards', () => {
    expect(
      plannedPath({ date: '2020-03-31', rank: 2 }, [target('maturing', '2019-11-15')]),
    ).toEqual([{ date: '2020-03-31', rank: 2 }]);
  });
});

describe('status (RAG)', () => {
  const today = '2021-02-15';

  it('is on track at or above the planned level, amber one behind, red two behind', () => {
    expect(statusFor(point('2021-02-01', 'maturing'), 'maturing', today).status).toBe('on-track');
    expect(statusFor(point('2021-02-01', 'thriving'), 'maturing', today).status).toBe('on-track');
    expect(statusFor(point('2021-02-01', 'developing'), 'maturing', today)).toEqual({
      status: 'behind',
      reasons: ['one-level-behind'],
    });
    expect(statusFor(point('2021-02-01', 'emerging'), 'maturing', today)).toEqual({
      status: 'off-track',
      reasons: ['two-or-more-behind'],
    });
  });

  it('is amber when the latest assessment is more than six months old', () => {
    expect(statusFor(point('2020-08-14', 'maturing'), 'maturing', today)).toEqual({
      status: 'behind',
      reasons: ['at-or-above-plan', 'stale'],
    });
    expect(statusFor(point('2020-08-15', 'maturing'), 'maturing', today).status).toBe('on-track');
    expect(statusFor(point('2019-01-01', 'emerging'), 'maturing', today).status).toBe('off-track');
  });

  it('is unknown with no assessment or insufficient evidence', () => {
    expect(statusFor(null, 'maturing', today)).toEqual({
      status: 'unknown',
      reasons: ['no-assessment'],
    });
    expect(statusFor(point('2021-02-01', null), 'maturing', today).reasons).toEqual([
      'insufficient-evidence',
    ]);
  });

  it('overall is the worst characteristic status', () => {
    expect(
      overallStatus([
        { status: 'on-track', reasons: ['at-or-above-plan'] },
        { status: 'off-track', reasons: ['two-or-more-behind'] },
        { status: 'behind', reasons: ['stale'] },
      ]),
    ).toEqual({ status: 'off-track', reasons: ['two-or-more-behind'] });
    expect(overallStatus([]).status).toBe('on-track');
  });
});

describe('target outcome', () => {
  const points = [point('2019-06-30', 'developing'), point('2021-02-01', 'maturing')];

  it('says when a passed target was reached, or that it was not', () => {
    expect(targetOutcome(target('maturing', '2021-04-01'), points, '2026-11-22')).toEqual({
      kind: 'reached',
      date: '2021-02-01',
    });
    expect(targetOutcome(target('thriving', '2021-04-01'), points, '2026-11-22')).toEqual({
      kind: 'not-reached',
    });
    expect(targetOutcome(target('thriving', '2024-03-31'), points, '2022-01-01')).toEqual({
      kind: 'upcoming',
    });
  });

  it('does not count an assessment after the target date as meeting it', () => {
    expect(targetOutcome(target('maturing', '2020-01-01'), points, '2026-11-22')).toEqual({
      kind: 'not-reached',
    });
  });
});

describe('projection at the current pace', () => {
  const goal = [target('maturing', '2021-04-01')];

  it('continues the last change in a straight line to the target level', () => {
    // One level in 365 days; one more level needed.
    const projection = projectionFor(
      [point('2020-06-30', 'emerging'), point('2021-06-30', 'developing')],
      goal,
    );
    expect(projection).toMatchObject({
      kind: 'projected',
      targetLevel: 'maturing',
      date: '2022-06-30',
    });
    if (projection.kind === 'projected') expect(projection.ranksPerYear).toBeCloseTo(1, 2);
  });

  it('needs two assessments on different dates', () => {
    expect(projectionFor([point('2019-06-30', 'emerging')], goal)).toEqual({
      kind: 'none',
      reason: 'too-few-assessments',
    });
    expect(
      projectionFor(
        [point('2019-06-30', 'emerging', 1), point('2019-06-30', 'developing', 2)],
        goal,
      ),
    ).toEqual({ kind: 'none', reason: 'too-few-assessments' });
  });

  it('does not project a level that went down or stayed flat', () => {
    expect(
      projectionFor([point('2019-06-30', 'developing'), point('2020-06-30', 'emerging')], goal),
    ).toEqual({
      kind: 'none',
      reason: 'not-improving',
    });
  });

  it('says the target is reached when the latest level is already there', () => {
    expect(projectionFor([point('2020-06-30', 'thriving')], goal)).toEqual({
      kind: 'reached',
      targetLevel: 'maturing',
    });
    expect(projectionFor([point('2020-06-30', 'thriving')], [])).toEqual({
      kind: 'none',
      reason: 'no-target',
    });
  });
});

describe('buildTrajectory', () => {
  const allAt = (level: LevelId) =>
    scoreAssessment(
      framework,
      Object.fromEntries(
        framework.characteristics.flatMap((c) =>
          c.criteria.map((cr) => [cr.id, { level, evidenceCount: 1 }]),
        ),
      ),
    );

  it('gives each characteristic its points, plan, projection, status and target outcomes', () => {
    const trajectory = buildTrajectory({
      framework,
      assessments: [
        { id: 'c', asAt: '2021-02-01', createdAt: 3, score: allAt('maturing') },
        { id: 'a', asAt: '2019-06-30', createdAt: 1, score: allAt('emerging') },
        { id: 'b', asAt: '2020-03-31', createdAt: 2, score: allAt('developing') },
      ],
      targets: defaultTargets(framework),
      today: '2021-03-01',
    });
    expect(trajectory.start).toBe('2019-06-30');
    expect(trajectory.end).toBe('2024-03-31');
    const leadership = trajectory.characteristics[0]!;
    expect(leadership.points.map((p) => p.level)).toEqual(['emerging', 'developing', 'maturing']);
    expect(leadership.latest?.assessmentId).toBe('c');
    expect(leadership.plan).toEqual([
      { date: '2019-06-30', rank: 1 },
      { date: '2021-04-01', rank: 3 },
    ]);
    expect(leadership.status.status).toBe('on-track');
    expect(leadership.projection).toEqual({ kind: 'reached', targetLevel: 'maturing' });
    // Reached before its date.
    expect(leadership.targets[0]?.outcome).toEqual({ kind: 'reached', date: '2021-02-01' });
    expect(trajectory.overall.status).toBe('on-track');
  });

  it('takes the later-created of two assessments on the same day as the latest', () => {
    const trajectory = buildTrajectory({
      framework,
      assessments: [
        { id: 'second', asAt: '2020-01-01', createdAt: 2, score: allAt('developing') },
        { id: 'first', asAt: '2020-01-01', createdAt: 1, score: allAt('thriving') },
      ],
      targets: [],
      today: '2020-02-01',
    });
    expect(trajectory.characteristics[0]?.latest?.assessmentId).toBe('second');
    expect(trajectory.characteristics[0]?.status).toEqual({
      status: 'on-track',
      reasons: ['no-plan-yet'],
    });
  });

  it('flags targets dated before the first assessment and keeps the axis at the first assessment', () => {
    const trajectory = buildTrajectory({
      framework,
      assessments: [{ id: 'a', asAt: '2020-03-31', createdAt: 1, score: allAt('developing') }],
      targets: [target('developing', '2019-11-15'), target('thriving', '2025-03-31')],
      today: '2026-11-22',
    });
    expect(trajectory.start).toBe('2020-03-31');
    expect(trajectory.end).toBe('2025-03-31');
    const leadership = trajectory.characteristics[0]!;
    expect(leadership.targets.map((t) => [t.target.date, t.isBeforeFirstAssessment])).toEqual([
      ['2019-11-15', true],
      ['2025-03-31', false],
    ]);
    expect(leadership.targets[1]?.outcome).toEqual({ kind: 'not-reached' });
    expect(leadership.status.status).toBe('off-track');
  });

  it('works with no assessments at all', () => {
    const trajectory = buildTrajectory({
      framework,
      assessments: [],
      targets: defaultTargets(framework),
      today: '2019-01-01',
    });
    expect(trajectory.start).toBe('2021-04-01');
    expect(trajectory.overall).toEqual({ status: 'unknown', reasons: ['no-assessment'] });
  });
});
