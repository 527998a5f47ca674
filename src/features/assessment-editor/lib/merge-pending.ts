import { ASSESSMENT_FIELDS, emptyRating, type Assessment, type Rating } from '@/domain/assessment';
import { applyEvidence, applyPatch } from '@/storage/apply-patch';
import type { Edit } from '@/storage/edits';
import type { AssessmentRecord, RatingRecord } from '@/storage/schema';

/** What the editor shows of an assessment: its values and, per field, the time of that value. */
export type EditableAssessment = Assessment & Pick<AssessmentRecord, 'stamps'>;
export type EditableRating = Rating & Pick<RatingRecord, 'stamps'>;

/**
 * What the editor shows: the stored values with any edits still waiting to be saved laid over
 * them (by the same rules storage applies them), so typing is instant and a slow or failing save
 * never makes the screen jump back. Stamps come along, so a field can tell whether a value is at
 * least as new as what it last typed.
 */
export function withPendingAssessment(
  stored: EditableAssessment,
  pending: ReadonlyMap<string, Edit>,
): EditableAssessment {
  let merged = stored;
  for (const field of ASSESSMENT_FIELDS) {
    const edit = pending.get(`a|${stored.id}|${field}`);
    if (edit?.kind === 'assessment')
      merged = applyPatch(merged, { [field]: edit.value }, edit.editedAt).record;
  }
  return merged;
}

export function withPendingRatings(
  assessmentId: string,
  criterionIds: readonly string[],
  stored: readonly EditableRating[],
  pending: ReadonlyMap<string, Edit>,
): Map<string, EditableRating> {
  const byCriterion = new Map(stored.map((r) => [r.criterionId, r]));
  const queued = new Map<string, Edit[]>();
  for (const edit of pending.values()) {
    if ((edit.kind !== 'rating' && edit.kind !== 'evidence') || edit.assessmentId !== assessmentId)
      continue;
    queued.set(edit.criterionId, [...(queued.get(edit.criterionId) ?? []), edit]);
  }
  const merged = new Map<string, EditableRating>();
  for (const criterionId of criterionIds) {
    // Unchanged criteria keep the same object, so their (memoised) cards do not re-render.
    let rating: EditableRating = byCriterion.get(criterionId) ?? unrated(assessmentId, criterionId);
    const edits = (queued.get(criterionId) ?? []).sort((a, b) => a.editedAt - b.editedAt);
    for (const edit of edits) {
      if (edit.kind === 'rating')
        rating = applyPatch(rating, { [edit.field]: edit.value }, edit.editedAt).record;
      else if (edit.kind === 'evidence') rating = applyEvidence(rating, edit);
    }
    merged.set(criterionId, rating);
  }
  return merged;
}

const UNRATED = new Map<string, EditableRating>();
/** One stable empty rating per criterion, so an unrated card does not re-render on every key. */
function unrated(assessmentId: string, criterionId: string): EditableRating {
  const key = `${assessmentId}|${criterionId}`;
  let rating = UNRATED.get(key);
  if (!rating) {
    rating = { ...emptyRating(assessmentId, criterionId), stamps: {} };
    UNRATED.set(key, rating);
  }
  return rating;
}
