import { systemKey } from '../system-key';

/**
 * What a device shares with its partnership's database. Everything that came from the
 * partnership stays in step whatever this says (it is the partnership's already); this decides
 * which of this device's own assessments, never shared before, are sent.
 */
export type SyncShare =
  | { kind: 'all' }
  /** Every assessment of these systems (by `systemKey`), those made later included. */
  | { kind: 'systems'; systemKeys: string[] }
  /** These assessments only. */
  | { kind: 'assessments'; assessmentIds: string[] };

export const SHARE_ALL: SyncShare = { kind: 'all' };

/** Whether `share` covers an assessment of this device that the partnership has not seen. */
export function sharesAssessment(
  share: SyncShare,
  assessment: { id: string; systemName: string },
): boolean {
  switch (share.kind) {
    case 'all':
      return true;
    case 'systems':
      return share.systemKeys.includes(systemKey(assessment.systemName));
    case 'assessments':
      return share.assessmentIds.includes(assessment.id);
  }
}

/** A choice that shares nothing (no system or assessment ticked) cannot be saved. */
export function isEmptyShare(share: SyncShare): boolean {
  return (
    (share.kind === 'systems' && share.systemKeys.length === 0) ||
    (share.kind === 'assessments' && share.assessmentIds.length === 0)
  );
}
