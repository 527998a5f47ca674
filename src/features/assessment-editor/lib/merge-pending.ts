import {
  ASSESSMENT_FIELDS,
  RATING_FIELDS,
  emptyRating,
  type Assessment,
  type Rating,
} from '@/domain/assessment';
import { editKey, type Edit } from '@/storage/edits';

/**
 * What the editor shows: the stored values with any edits still waiting to be saved laid over
 * them, so typing is instant and a slow or failing save never makes the screen jump back.
 */
export function withPendingAssessment(
  stored: Assessment,
  pending: ReadonlyMap<string, Edit>,
): Assessment {
  let merged = stored;
  for (const field of ASSESSMENT_FIELDS) {
    const edit = pending.get(editKey({ kind: 'assessment', assessmentId: stored.id, field }));
    if (edit) merged = { ...merged, [field]: edit.value };
  }
  return merged;
}

export function withPendingRatings(
  assessmentId: string,
  criterionIds: readonly string[],
  stored: readonly Rating[],
  pending: ReadonlyMap<string, Edit>,
): Map<string, Rating> {
  const byCriterion = new Map(stored.map((r) => [r.criterionId, r]));
  const merged = new Map<string, Rating>();
  for (const criterionId of criterionIds) {
    let rating = byCriterion.get(criterionId) ?? emptyRating(assessmentId, criterionId);
    for (const field of RATING_FIELDS) {
      const edit = pending.get(editKey({ kind: 'rating', assessmentId, criterionId, field }));
      if (edit) rating = { ...rating, [field]: edit.value };
    }
    merged.set(criterionId, rating);
  }
  return merged;
}
