import type { Assessment, AssessmentField, Rating, RatingField } from '@/domain/assessment';

/** One user change to one field: the unit of autosave, journaling and conflict resolution. */
export type Edit =
  | {
      kind: 'assessment';
      assessmentId: string;
      field: AssessmentField;
      value: Assessment[AssessmentField];
      editedAt: number;
    }
  | {
      kind: 'rating';
      assessmentId: string;
      criterionId: string;
      field: RatingField;
      value: Rating[RatingField];
      editedAt: number;
    };

export function editKey(
  edit: Pick<Edit, 'kind' | 'assessmentId' | 'field'> & { criterionId?: string },
): string {
  return edit.kind === 'assessment'
    ? `a|${edit.assessmentId}|${edit.field}`
    : `r|${edit.assessmentId}|${edit.criterionId ?? ''}|${edit.field}`;
}
