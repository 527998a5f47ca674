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
export function FieldError(props: FieldErrorProps) {
  // Most fields are valid: they skip the translation hook, which costs on every mount (a page
  // such as the workshop's spread mounts 72 fields at once).
  if (!props.problem && !props.message) return null;
  return <ErrorMessage {...props} />;
}

function ErrorMessage({ id, problem, max, message }: FieldErrorProps) {
  const { t } = useTranslation('common');
  return (
    <p id={id} className="nhsuk-error-message">
      <span className="nhsuk-u-visually-hidden">{t('error.prefix')}</span>
      {message || t(`fieldProblem.${problem}`, { max })}
    </p>
  );
}
