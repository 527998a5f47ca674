import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '@/components/confirm-buttons';
import type { AssessmentStatus } from '@/domain/assessment-status';
import { assessmentStatusText } from '@/lib/assessment-status-text';

/**
 * Asked before a rating of an agreed or approved assessment changes: what was agreed or approved
 * would no longer be what the assessment says, so the change returns it to draft (recorded in its
 * status history). The rating stays as it was until the person confirms.
 */
export function RatingChangeWarning({
  status,
  levelTitle,
  onConfirm,
  onCancel,
  disabled,
}: {
  status: AssessmentStatus;
  levelTitle: string;
  onConfirm: () => void;
  onCancel: () => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('editor');
  const { t: tCommon } = useTranslation('common');
  const headingId = useId();
  const headingRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div
      className="nhsuk-warning-callout"
      role="group"
      aria-labelledby={headingId}
      data-testid="rating-change-warning"
    >
      <p id={headingId} ref={headingRef} tabIndex={-1}>
        <strong>
          {t('statusChange.heading', { status: assessmentStatusText(status, tCommon) })}
        </strong>
      </p>
      <p>{t('statusChange.body', { level: levelTitle })}</p>
      <ConfirmButtons
        confirmLabel={t('statusChange.confirm')}
        cancelLabel={t('statusChange.cancel')}
        onConfirm={onConfirm}
        onCancel={onCancel}
        disabled={disabled}
      />
    </div>
  );
}
