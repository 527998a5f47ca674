import { canonical } from '../canonical';
import type { RatingRecord, Stamps } from '../records';
import type { AssessmentContent } from './assessment-document';

/**
 * Merging two versions of one assessment (this device's and another's), field by field, against
 * the version both started from (the base). A field changed on one side only takes that side's
 * value: that is the automatic merge. A field changed on both sides to different values is a
 * conflict: the user sees both and chooses; nothing is decided by which edit came last. Without a
 * base (two devices that had the assessment before they first synced), every field that differs
 * is a conflict.
 *
 * A field is one answer: an assessment's name, title, date or status (with its history), or one
 * criterion's level, rationale, confidence or evidence list.
 */

export const ASSESSMENT_FIELDS = ['systemName', 'title', 'asAt', 'status'] as const;
export const RATING_FIELDS = ['level', 'rationale', 'confidence', 'evidence'] as const;
export type AssessmentField = (typeof ASSESSMENT_FIELDS)[number];
export type RatingField = (typeof RATING_FIELDS)[number];

export type FieldPath =
  | { scope: 'assessment'; field: AssessmentField }
  | { scope: 'rating'; criterionId: string; field: RatingField };

export type Side = 'mine' | 'theirs';

export type FieldConflict = {
  /** Stable key of the field, for choices: `assessment.title`, `rating.<criterion>.level`. */
  key: string;
  path: FieldPath;
  mine: unknown;
  theirs: unknown;
};

export type MergeResult = {
  /** The merged content; a conflicting field holds the chosen side, or mine until chosen. */
  merged: AssessmentContent;
  conflicts: FieldConflict[];
  /** Conflicts without a choice in `choices`. */
  unresolved: number;
};

export function fieldKey(path: FieldPath): string {
  return path.scope === 'assessment'
    ? `assessment.${path.field}`
    : `rating.${path.criterionId}.${path.field}`;
}

type RatingValue = Pick<RatingRecord, RatingField | 'stamps'>;
const EMPTY_RATING: RatingValue = {
  level: null,
  rationale: '',
  confidence: null,
  evidence: [],
  stamps: {},
};

function same(a: unknown, b: unknown): boolean {
  return a === b || canonical(a) === canonical(b);
}

function assessmentValue(content: AssessmentContent, field: AssessmentField): unknown {
  const { assessment } = content;
  return field === 'status'
    ? { status: assessment.status, statusHistory: assessment.statusHistory }
    : assessment[field];
}

function ratingOf(content: AssessmentContent | null, criterionId: string): RatingValue | null {
  if (!content) return null;
  return content.ratings.find((r) => r.criterionId === criterionId) ?? EMPTY_RATING;
}

type Decision = { side: Side; conflict: boolean };

/** Which side a field takes: the changed one, the same value, or (a conflict) the chosen one. */
function decide(
  base: unknown,
  hasBase: boolean,
  mine: unknown,
  theirs: unknown,
  choice: Side | undefined,
): Decision {
  if (same(mine, theirs)) return { side: 'mine', conflict: false };
  if (hasBase && same(mine, base)) return { side: 'theirs', conflict: false };
  if (hasBase && same(theirs, base)) return { side: 'mine', conflict: false };
  return { side: choice ?? 'mine', conflict: true };
}

/** The stamps of the rating field `field` (evidence has one per item and field). */
function stampEntries(stamps: Stamps<string>, field: RatingField): [string, number][] {
  return Object.entries(stamps).filter(
    (entry): entry is [string, number] =>
      entry[1] !== undefined &&
      (field === 'evidence'
        ? entry[0] === 'evidence' || entry[0].startsWith('evidence:')
        : entry[0] === field),
  );
}

/**
 * Merges `theirs` into `mine` against `base` (null when unknown). `choices` settles conflicts by
 * field key; run the merge again with the user's choices to get the resolved content.
 */
export function mergeAssessments(
  base: AssessmentContent | null,
  mine: AssessmentContent,
  theirs: AssessmentContent,
  choices: Readonly<Record<string, Side>> = {},
): MergeResult {
  const conflicts: FieldConflict[] = [];
  const note = (path: FieldPath, decision: Decision, m: unknown, t: unknown) => {
    if (decision.conflict) conflicts.push({ key: fieldKey(path), path, mine: m, theirs: t });
  };

  const assessment = { ...mine.assessment, stamps: { ...mine.assessment.stamps } };
  for (const field of ASSESSMENT_FIELDS) {
    const path: FieldPath = { scope: 'assessment', field };
    const m = assessmentValue(mine, field);
    const t = assessmentValue(theirs, field);
    const decision = decide(
      base && assessmentValue(base, field),
      base !== null,
      m,
      t,
      choices[fieldKey(path)],
    );
    note(path, decision, m, t);
    if (decision.side === 'mine') continue;
    if (field === 'status') {
      assessment.status = theirs.assessment.status;
      assessment.statusHistory = theirs.assessment.statusHistory;
    } else {
      assessment[field] = theirs.assessment[field];
      assessment.stamps[field] = theirs.assessment.stamps[field];
      if (assessment.stamps[field] === undefined) delete assessment.stamps[field];
    }
  }
  assessment.updatedAt = Math.max(mine.assessment.updatedAt, theirs.assessment.updatedAt);

  const criterionIds = [
    ...new Set([...mine.ratings, ...theirs.ratings].map((r) => r.criterionId)),
  ].sort();
  const ratings: RatingRecord[] = [];
  for (const criterionId of criterionIds) {
    const m = ratingOf(mine, criterionId) ?? EMPTY_RATING;
    const t = ratingOf(theirs, criterionId) ?? EMPTY_RATING;
    const b = ratingOf(base, criterionId);
    const rating: RatingRecord = {
      assessmentId: mine.assessment.id,
      criterionId,
      level: m.level,
      rationale: m.rationale,
      confidence: m.confidence,
      evidence: m.evidence,
      updatedAt: 0,
      stamps: { ...m.stamps },
    };
    for (const field of RATING_FIELDS) {
      const path: FieldPath = { scope: 'rating', criterionId, field };
      const decision = decide(b?.[field], b !== null, m[field], t[field], choices[fieldKey(path)]);
      note(path, decision, m[field], t[field]);
      if (decision.side === 'mine') continue;
      for (const [key] of stampEntries(rating.stamps, field))
        delete (rating.stamps as Record<string, number>)[key];
      for (const [key, at] of stampEntries(t.stamps, field))
        (rating.stamps as Record<string, number>)[key] = at;
      Object.assign(rating, { [field]: t[field] });
    }
    const times = [mine, theirs].map(
      (side) => side.ratings.find((r) => r.criterionId === criterionId)?.updatedAt ?? 0,
    );
    rating.updatedAt = Math.max(...times);
    ratings.push(rating);
  }

  const unresolved = conflicts.filter((c) => choices[c.key] === undefined).length;
  return { merged: { assessment, ratings }, conflicts, unresolved };
}
