import type { Framework } from '../framework/schema';
import { levelRank, type LevelId } from '../levels';
import { scoreAssessment, type RatingsByCriterion } from '../scoring/score-assessment';

/**
 * Year-on-year comparison of two to five assessments (domain notes §4 item 8). Criteria and
 * characteristics are matched by id, so assessments made with different framework versions can
 * be compared; what cannot be matched is listed, never silently dropped. Pure.
 */

export const CHANGE_KINDS = [
  'improved',
  'declined',
  'unchanged',
  'newly-assessed',
  'no-longer-assessed',
  'not-assessed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type CompareInput = {
  id: string;
  title: string;
  asAt: string;
  createdAt: number;
  framework: Framework;
  ratings: RatingsByCriterion;
};

export type ComparedRow = {
  id: string;
  title: string;
  /** One entry per compared assessment, oldest first; undefined where the framework lacks it. */
  levels: (LevelId | null | undefined)[];
  /** Oldest compared assessment that has the row → newest that has it. */
  change: ChangeKind;
};

export type ComparedCriterion = ComparedRow & { characteristicId: string };

export type Comparison = {
  columns: {
    id: string;
    title: string;
    asAt: string;
    frameworkId: string;
    frameworkVersion: string;
  }[];
  characteristics: ComparedRow[];
  criteria: ComparedCriterion[];
  /** Criterion changes from the oldest to the newest assessment. */
  counts: Record<ChangeKind, number>;
  /** Criteria not present in every compared framework version. */
  unmatched: { id: string; title: string; presentIn: string[] }[];
  versionsDiffer: boolean;
};

export function classifyChange(before: LevelId | null, after: LevelId | null): ChangeKind {
  if (before === null && after === null) return 'not-assessed';
  if (before === null) return 'newly-assessed';
  if (after === null) return 'no-longer-assessed';
  const delta = levelRank(after) - levelRank(before);
  return delta > 0 ? 'improved' : delta < 0 ? 'declined' : 'unchanged';
}

function changeAcross(levels: (LevelId | null | undefined)[]): ChangeKind {
  const present = levels.filter((l): l is LevelId | null => l !== undefined);
  if (present.length < 2) return 'not-assessed';
  return classifyChange(present[0] ?? null, present[present.length - 1] ?? null);
}

export function compareAssessments(inputs: readonly CompareInput[]): Comparison {
  const ordered = [...inputs].sort(
    (a, b) => a.asAt.localeCompare(b.asAt) || a.createdAt - b.createdAt,
  );
  const scores = ordered.map((a) => scoreAssessment(a.framework, a.ratings));

  // Row order: the newest framework's, then anything only older ones have.
  const characteristicOrder = new Map<string, string>();
  const criterionOrder = new Map<string, { title: string; characteristicId: string }>();
  for (const input of [...ordered].reverse()) {
    for (const c of input.framework.characteristics) {
      if (!characteristicOrder.has(c.id)) characteristicOrder.set(c.id, c.title);
      for (const cr of c.criteria) {
        if (!criterionOrder.has(cr.id))
          criterionOrder.set(cr.id, { title: cr.title, characteristicId: c.id });
      }
    }
  }

  const characteristics = [...characteristicOrder].map(([id, title]): ComparedRow => {
    const levels = ordered.map((input, i) =>
      input.framework.characteristics.some((c) => c.id === id)
        ? (scores[i]?.characteristics.find((c) => c.characteristicId === id)?.level ?? null)
        : undefined,
    );
    return { id, title, levels, change: changeAcross(levels) };
  });

  const criteria = [...criterionOrder].map(
    ([id, { title, characteristicId }]): ComparedCriterion => {
      const levels = ordered.map((input) =>
        input.framework.characteristics.some((c) => c.criteria.some((cr) => cr.id === id))
          ? (input.ratings[id]?.level ?? null)
          : undefined,
      );
      return { id, title, characteristicId, levels, change: changeAcross(levels) };
    },
  );

  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const criterion of criteria) counts[criterion.change] += 1;

  const unmatched = criteria
    .filter((c) => c.levels.some((l) => l === undefined))
    .map((c) => ({
      id: c.id,
      title: c.title,
      presentIn: ordered.filter((_, i) => c.levels[i] !== undefined).map((a) => a.id),
    }));

  const versions = new Set(ordered.map((a) => `${a.framework.id}@${a.framework.version}`));
  return {
    columns: ordered.map((a) => ({
      id: a.id,
      title: a.title,
      asAt: a.asAt,
      frameworkId: a.framework.id,
      frameworkVersion: a.framework.version,
    })),
    characteristics,
    criteria,
    counts,
    unmatched,
    versionsDiffer: versions.size > 1,
  };
}

/** What the summary sentence says: since when, how many criteria moved, which characteristics changed level. */
export type ComparisonSummary = {
  since: string;
  improved: number;
  declined: number;
  moves: {
    id: string;
    title: string;
    from: LevelId | null;
    to: LevelId | null;
    change: ChangeKind;
  }[];
};

export function summarise(comparison: Comparison): ComparisonSummary | null {
  const oldest = comparison.columns[0];
  if (!oldest || comparison.columns.length < 2) return null;
  return {
    since: oldest.asAt,
    improved: comparison.counts.improved,
    declined: comparison.counts.declined,
    moves: comparison.characteristics
      .filter((c) => c.change === 'improved' || c.change === 'declined')
      .map((c) => {
        const present = c.levels.filter((l): l is LevelId | null => l !== undefined);
        return {
          id: c.id,
          title: c.title,
          from: present[0] ?? null,
          to: present[present.length - 1] ?? null,
          change: c.change,
        };
      }),
  };
}
