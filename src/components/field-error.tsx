import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/domain/assessment';

type FieldErrorProps = { id: string; problem: FieldProblem | null; max?: number };

/** The visible, announced message for an invalid field (referenced by aria-describedby). */
export function FieldError({ id, problem, max }: FieldErrorProps) {
  const { t } = useTranslation('common');
  if (!problem) return null;
  return (
    <p id={id} className="nhsuk-error-message">
      <span className="nhsuk-u-visually-hidden">{t('error.prefix')}</span>
      {t(`fieldProblem.${problem}`, { max })}
    </p>
  );
}
