import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import type { Assessment, AssessmentField, Rating } from '@/domain/assessment';
import type { Framework } from '@/domain/framework/schema';
import { allCriteria } from '@/domain/framework/lookups';
import { useSaveSnapshot } from '@/hooks/use-save-state';
import { saveQueue } from '@/storage/autosave';
import type { RatingScalarField } from '@/storage/edits';
import { nextEditTime } from '@/storage/save-queue';
import { getAssessmentRecord, listRatingRecords } from '@/storage/repositories/assessments-repo';
import type { AssessmentRecord } from '@/storage/schema';
import { withPendingAssessment, withPendingRatings } from '../lib/merge-pending';

/**
 * Live stored assessment with its per-field stamps (undefined while loading, null if it does not
 * exist): one query serves both the screen's loading state and the editable fields.
 */
export function useStoredAssessment(assessmentId: string): AssessmentRecord | null | undefined {
  return useLiveQuery(() => getAssessmentRecord(assessmentId), [assessmentId]);
}

export function useEditableAssessment(stored: AssessmentRecord, framework: Framework) {
  const storedRatings = useLiveQuery(() => listRatingRecords(stored.id), [stored.id]);
  // Pending edits and the ones just written, laid over the stored values by the stamp rules.
  const { overlay: pending } = useSaveSnapshot();
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

  /** Level and confidence (text fields save through useAutosavedText). */
  const setRatingField = useCallback(
    <F extends RatingScalarField>(criterionId: string, field: F, value: Rating[F]) =>
      // A level or confidence is chosen in one click: written at once, not after a debounce.
      saveQueue.enqueue(
        {
          kind: 'rating',
          assessmentId: stored.id,
          criterionId,
          field,
          value,
          editedAt: nextEditTime(),
        },
        { write: 'now' },
      ),
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
