import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import type { Assessment, AssessmentField, Rating, RatingField } from '@/domain/assessment';
import type { Framework } from '@/domain/framework/schema';
import { allCriteria } from '@/domain/framework/parse-framework';
import { useSaveSnapshot } from '@/hooks/use-save-state';
import { saveQueue } from '@/storage/autosave';
import { getAssessment, listRatings } from '@/storage/repositories/assessments-repo';
import { withPendingAssessment, withPendingRatings } from '../lib/merge-pending';

let lastEditAt = 0;
/** Strictly increasing edit times, so two edits in one millisecond keep their order. */
function nextEditTime(): number {
  lastEditAt = Math.max(Date.now(), lastEditAt + 1);
  return lastEditAt;
}

/** Live stored assessment (undefined while loading, null if it does not exist). */
export function useStoredAssessment(assessmentId: string): Assessment | null | undefined {
  return useLiveQuery(() => getAssessment(assessmentId), [assessmentId]);
}

export function useEditableAssessment(stored: Assessment, framework: Framework) {
  const storedRatings = useLiveQuery(() => listRatings(stored.id), [stored.id]);
  const { pending } = useSaveSnapshot();
  const criterionIds = useMemo(() => allCriteria(framework).map((c) => c.id), [framework]);

  const assessment = useMemo(() => withPendingAssessment(stored, pending), [stored, pending]);
  const ratings = useMemo(
    () => withPendingRatings(stored.id, criterionIds, storedRatings ?? [], pending),
    [stored.id, criterionIds, storedRatings, pending],
  );

  const setAssessmentField = useCallback(
    <F extends AssessmentField>(field: F, value: Assessment[F]) =>
      saveQueue.enqueue({
        kind: 'assessment',
        assessmentId: stored.id,
        field,
        value,
        editedAt: nextEditTime(),
      }),
    [stored.id],
  );

  const setRatingField = useCallback(
    <F extends RatingField>(criterionId: string, field: F, value: Rating[F]) =>
      saveQueue.enqueue({
        kind: 'rating',
        assessmentId: stored.id,
        criterionId,
        field,
        value,
        editedAt: nextEditTime(),
      }),
    [stored.id],
  );

  return {
    assessment,
    ratings,
    isLoaded: storedRatings !== undefined,
    setAssessmentField,
    setRatingField,
  };
}
