import type { TFunction } from 'i18next';
import type { AssessmentStatus, StatusChange } from '@/domain/assessment-status';
import { formatDateTime, formatIsoDate } from './format';

/**
 * An assessment's status in one line, as the editor, results, the list and every board paper say
 * it: "Draft", "Agreed at the workshop ‘Partnership workshop’ on 20 February 2021", "Agreed by the
 * leadership team on 1 March 2021", "Approved by the ICS Partnership Board on 12 March 2021".
 * Strings in the `common` namespace (always loaded), so any screen or renderer can use them.
 */
export function assessmentStatusText(status: AssessmentStatus, t: TFunction<'common'>): string {
  switch (status.state) {
    case 'draft':
      return t('assessmentStatus.draft', { ns: 'common' });
    case 'agreed':
      return agreementText(status.agreement, t);
    case 'approved':
      return t('assessmentStatus.approved', {
        ns: 'common',
        board: boardName(status.approval.board),
        date: formatIsoDate(status.approval.date),
      });
  }
}

/** How and when it was agreed. */
export function agreementText(
  agreement: Extract<AssessmentStatus, { state: 'agreed' }>['agreement'],
  t: TFunction<'common'>,
): string {
  const date = formatIsoDate(agreement.date);
  return agreement.by === 'workshop'
    ? t('assessmentStatus.agreedAtWorkshop', {
        ns: 'common',
        workshop: agreement.workshopTitle,
        date,
      })
    : t('assessmentStatus.agreedByTeam', { ns: 'common', date });
}

/** One entry of the history: "12 Mar 2021, 14:05 – Approved by the ICS Partnership Board …". */
export function statusChangeText(
  change: StatusChange,
  t: TFunction<'common'>,
  criterionTitle: (id: string) => string,
): string {
  const what =
    change.reason === 'rating-changed'
      ? t('assessmentStatus.history.ratingChanged', {
          ns: 'common',
          criterion: change.criterionId ? criterionTitle(change.criterionId) : '',
        })
      : change.reason === 'returned-to-draft'
        ? t('assessmentStatus.history.returnedToDraft', { ns: 'common' })
        : assessmentStatusText(change.status, t);
  return t('assessmentStatus.history.entry', {
    ns: 'common',
    when: formatDateTime(change.at),
    what,
  });
}

/** "The ICS Partnership Board" reads "the ICS Partnership Board" after "Approved by the". */
function boardName(board: string): string {
  return board.trim().replace(/^the\s+/i, '');
}
