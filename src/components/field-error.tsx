import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/domain/assessment';

type FieldErrorProps = {
  id: string;
  problem: FieldProblem | null;
  max?: number;
  /** A message of the form's own, shown instead of a field problem's. */
  message?: ReactNode;
};

/** The visible, announced message for an invalid field (referenced by aria-describedby). */
export function FieldError({ id, problem, max, message }: FieldErrorProps) {
  const { t } = useTranslation('common');
  if (!problem && !message) return null;
  return (
    <p id={id} className="nhsuk-error-message">
      <span className="nhsuk-u-visually-hidden">{t('error.prefix')}</span>
      {message || t(`fieldProblem.${problem}`, { max })}
    </p>
  );
}
