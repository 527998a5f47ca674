import type { Framework } from '../framework/schema';
import { LEVEL_IDS, levelRank, type LevelId } from '../levels';
import type { AssessmentScore } from '../scoring/score-assessment';
import { addMonths, dayNumber, isoFromDay } from './dates';

/**
 * Targets, the planned path to them, the projection at the current pace and the RAG status
 * (domain notes §4 item 7). Pure: dates are ISO calendar days; "today" is always passed in.
 */

export type Target = {
  id: string;
  characteristicId: string;
  level: LevelId;
  /** ISO date by which the level should be reached. */
  date: string;
};

/** A characteristic's level at one saved assessment (null: insufficient evidence). */
export type AssessedPoint = {
  assessmentId: string;
  date: string;
  level: LevelId | null;
  createdAt: number;
};

/** A point on a path in level ranks (1 emerging … 4 thriving); fractional between dates. */
export type PathPoint = { date: string; rank: number };

export type Status = 'on-track' | 'behind' | 'off-track' | 'unknown';

export type StatusReason =
  | 'at-or-above-plan'
  | 'one-level-behind'
  | 'two-or-more-behind'
  | 'stale'
  | 'no-assessment'
  | 'insufficient-evidence'
  | 'no-plan-yet';

export type StatusResult = { status: Status; reasons: StatusReason[] };

export type TargetOutcome =
  { kind: 'upcoming' } | { kind: 'reached'; date: string } | { kind: 'not-reached' };

export type Projection =
  | {
      kind: 'projected';
      targetLevel: LevelId;
      date: string;
      path: PathPoint[];
      ranksPerYear: number;
    }
  | { kind: 'reached'; targetLevel: LevelId }
  | { kind: 'none'; reason: 'too-few-assessments' | 'not-improving' | 'no-target' };

export type CharacteristicTrajectory = {
  characteristicId: string;
  points: AssessedPoint[];
  latest: AssessedPoint | null;
  plan: PathPoint[];
  plannedLevelToday: LevelId | null;
  projection: Projection;
  status: StatusResult;
  targets: { target: Target; outcome: TargetOutcome; isBeforeFirstAssessment: boolean }[];
};

export type Trajectory = {
  start: string;
  end: string;
  today: string;
  characteristics: CharacteristicTrajectory[];
  overall: StatusResult;
};

export const STALE_AFTER_MONTHS = 6;
export const DEFAULT_TARGET_DATE = '2021-04-01';
export const DEFAULT_TARGET_LEVEL: LevelId = 'maturing';
/** The plan period of the Long Term Plan: the chart always runs at least this far. */
export const PLAN_PERIOD_END = '2024-03-31';

/** Maturing on every characteristic by 1 April 2021: what a new system starts with. */
export function defaultTargets(framework: Framework): Target[] {
  return framework.characteristics.map((c) => ({
    id: `default-${c.id}`,
    characteristicId: c.id,
    level: DEFAULT_TARGET_LEVEL,
    date: DEFAULT_TARGET_DATE,
  }));
}

function byDateThenCreated(a: AssessedPoint, b: AssessedPoint): number {
  return a.date.localeCompare(b.date) || a.createdAt - b.createdAt;
}

/**
 * The planned path: from the first assessed level (the baseline) in a straight line to each
 * target in date order. Targets dated on or before the baseline are kept as points, so the path
 * never runs backwards in time.
 */
export function plannedPath(baseline: PathPoint | null, targets: readonly Target[]): PathPoint[] {
  const sorted = [...targets].sort((a, b) => a.date.localeCompare(b.date));
  const path: PathPoint[] = [];
  if (baseline) path.push(baseline);
  for (const target of sorted) {
    if (baseline && target.date <= baseline.date) continue;
    path.push({ date: target.date, rank: levelRank(target.level) });
  }
  return path;
}

/** The planned rank at `date` along `path`; null before the path starts or with no path. */
export function plannedRankAt(path: readonly PathPoint[], date: string): number | null {
  const first = path[0];
  if (!first || date < first.date) return null;
  const day = dayNumber(date);
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1]!;
    const to = path[i]!;
    if (date <= to.date) {
      const span = dayNumber(to.date) - dayNumber(from.date);
      if (span <= 0) return to.rank;
      return from.rank + ((to.rank - from.rank) * (day - dayNumber(from.date))) / span;
    }
  }
  return path[path.length - 1]!.rank;
}

/** The whole level the plan expects at `date`: the interpolated rank, rounded down. */
export function plannedLevelAt(path: readonly PathPoint[], date: string): LevelId | null {
  const rank = plannedRankAt(path, date);
  return rank === null ? null : (LEVEL_IDS[Math.max(1, Math.floor(rank + 1e-9)) - 1] ?? null);
}

/**
 * RAG: on track when the latest level is at or above the planned level for today, "behind"
 * (amber) one level below, "off-track" (red) two or more below. Amber too when the latest
 * assessment is more than six months old.
 */
export function statusFor(
  latest: AssessedPoint | null,
  planned: LevelId | null,
  today: string,
): StatusResult {
  if (!latest) return { status: 'unknown', reasons: ['no-assessment'] };
  if (latest.level === null) return { status: 'unknown', reasons: ['insufficient-evidence'] };
  const reasons: StatusReason[] = [];
  let status: Status = 'on-track';
  if (planned === null) {
    reasons.push('no-plan-yet');
  } else {
    const gap = levelRank(planned) - levelRank(latest.level);
    if (gap <= 0) reasons.push('at-or-above-plan');
    else if (gap === 1) {
      status = 'behind';
      reasons.push('one-level-behind');
    } else {
      status = 'off-track';
      reasons.push('two-or-more-behind');
    }
  }
  if (addMonths(latest.date, STALE_AFTER_MONTHS) < today) {
    reasons.push('stale');
    if (status === 'on-track') status = 'behind';
  }
  return { status, reasons };
}

const SEVERITY: Record<Status, number> = { 'on-track': 0, unknown: 1, behind: 2, 'off-track': 3 };

/** The worst status among the characteristics, with the reasons that led to it. */
export function overallStatus(results: readonly StatusResult[]): StatusResult {
  let worst: StatusResult = { status: 'on-track', reasons: [] };
  for (const result of results)
    if (SEVERITY[result.status] > SEVERITY[worst.status]) worst = result;
  return {
    status: worst.status,
    reasons: [...new Set(results.flatMap((r) => (r.status === worst.status ? r.reasons : [])))],
  };
}

/** Whether a target was met: the first assessment on or before its date at or above its level. */
export function targetOutcome(
  target: Target,
  points: readonly AssessedPoint[],
  today: string,
): TargetOutcome {
  const reached = points.find(
    (p) =>
      p.date <= target.date && p.level !== null && levelRank(p.level) >= levelRank(target.level),
  );
  if (reached) return { kind: 'reached', date: reached.date };
  return target.date < today ? { kind: 'not-reached' } : { kind: 'upcoming' };
}

/**
 * Where the current pace leads: the change in level between the last two assessments on
 * different dates, continued in a straight line until the highest target level is reached.
 */
export function projectionFor(
  points: readonly AssessedPoint[],
  targets: readonly Target[],
): Projection {
  const goal = targets.reduce<LevelId | null>(
    (best, t) => (best === null || levelRank(t.level) > levelRank(best) ? t.level : best),
    null,
  );
  if (!goal) return { kind: 'none', reason: 'no-target' };
  const scored = points.filter((p) => p.level !== null);
  const last = scored[scored.length - 1];
  if (last && levelRank(last.level!) >= levelRank(goal))
    return { kind: 'reached', targetLevel: goal };
  const previous = [...scored].reverse().find((p) => last && p.date < last.date);
  if (!last || !previous) return { kind: 'none', reason: 'too-few-assessments' };
  const days = dayNumber(last.date) - dayNumber(previous.date);
  const perDay = (levelRank(last.level!) - levelRank(previous.level!)) / days;
  if (perDay <= 0) return { kind: 'none', reason: 'not-improving' };
  const needed = levelRank(goal) - levelRank(last.level!);
  const date = isoFromDay(dayNumber(last.date) + Math.ceil(needed / perDay));
  return {
    kind: 'projected',
    targetLevel: goal,
    date,
    ranksPerYear: perDay * 365.25,
    path: [
      { date: last.date, rank: levelRank(last.level!) },
      { date, rank: levelRank(goal) },
    ],
  };
}

export type TrajectoryInput = {
  framework: Framework;
  assessments: readonly { id: string; asAt: string; createdAt: number; score: AssessmentScore }[];
  targets: readonly Target[];
  today: string;
};

export function buildTrajectory({
  framework,
  assessments,
  targets,
  today,
}: TrajectoryInput): Trajectory {
  const characteristics = framework.characteristics.map(
    (characteristic): CharacteristicTrajectory => {
      const points = assessments
        .map((a) => ({
          assessmentId: a.id,
          date: a.asAt,
          createdAt: a.createdAt,
          level:
            a.score.characteristics.find((c) => c.characteristicId === characteristic.id)?.level ??
            null,
        }))
        .sort(byDateThenCreated);
      const own = targets.filter((t) => t.characteristicId === characteristic.id);
      const firstScored = points.find((p) => p.level !== null);
      const baseline = firstScored
        ? { date: firstScored.date, rank: levelRank(firstScored.level!) }
        : null;
      // No targets, no plan: the baseline alone is not a promise of anything.
      const plan = own.length > 0 ? plannedPath(baseline, own) : [];
      const latest = points[points.length - 1] ?? null;
      const plannedLevelToday = plannedLevelAt(plan, today);
      const firstDate = points[0]?.date;
      return {
        characteristicId: characteristic.id,
        points,
        latest,
        plan,
        plannedLevelToday,
        projection: projectionFor(points, own),
        status: statusFor(latest, plannedLevelToday, today),
        targets: own
          .map((target) => ({
            target,
            outcome: targetOutcome(target, points, today),
            isBeforeFirstAssessment: firstDate !== undefined && target.date < firstDate,
          }))
          .sort((a, b) => a.target.date.localeCompare(b.target.date)),
      };
    },
  );
  // The axis runs from the first assessment (or, with none, the first target) to the later of
  // the last target and the end of the plan period. Projections beyond it are clipped by the chart.
  const firstAssessment = [...assessments.map((a) => a.asAt)].sort()[0];
  const targetDates = targets.map((t) => t.date).sort();
  const start = firstAssessment ?? targetDates[0] ?? today;
  const lastTarget = targetDates[targetDates.length - 1] ?? PLAN_PERIOD_END;
  return {
    start,
    end: lastTarget > PLAN_PERIOD_END ? lastTarget : PLAN_PERIOD_END,
    today,
    characteristics,
    overall: overallStatus(characteristics.map((c) => c.status)),
  };
}
