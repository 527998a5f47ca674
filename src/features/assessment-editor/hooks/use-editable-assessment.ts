import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import type { Assessment, AssessmentField, Rating } from '@/domain/assessment';
import type { Framework } from '@/domain/framework/schema';
import { allCriteria } from '@/domain/framework/parse-framework';
import { useSaveSnapshot } from '@/hooks/use-save-state';
import { saveQueue } from '@/storage/autosave';
import type { RatingScalarField } from '@/storage/edits';
import { nextEditTime } from '@/storage/save-queue';
import {
  getAssessment,
  getAssessmentRecord,
  listRatingRecords,
} from '@/storage/repositories/assessments-repo';
import { withPendingAssessment, withPendingRatings } from '../lib/merge-pending';

/** Live stored assessment (undefined while loading, null if it does not exist). */
export function useStoredAssessment(assessmentId: string): Assessment | null | undefined {
  return useLiveQuery(() => getAssessment(assessmentId), [assessmentId]);
}

export function useEditableAssessment(stored: Assessment, framework: Framework) {
  const storedRecord = useLiveQuery(() => getAssessmentRecord(stored.id), [stored.id]);
  const storedRatings = useLiveQuery(() => listRatingRecords(stored.id), [stored.id]);
  // Pending edits and the ones just written, laid over the stored values by the stamp rules.
  const { overlay: pending } = useSaveSnapshot();
  const criterionIds = useMemo(() => allCriteria(framework).map((c) => c.id), [framework]);

  const assessment = useMemo(
    () => withPendingAssessment(storedRecord ?? { ...stored, stamps: {} }, pending),
    [stored, storedRecord, pending],
  );
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
    isLoaded: storedRatings !== undefined && storedRecord !== undefined,
    setAssessmentField,
    setRatingField,
  };
}
