import { useId, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '@/domain/assessment';

export type ErrorSummaryItem = {
  /** The id of the invalid field: the summary links to it. */
  fieldId: string;
  /** The field's label, as shown on the form. */
  label: string;
  problem: FieldProblem | null;
  max?: number;
  /** Or a message of the form's own, for a problem that is not a field problem. */
  message?: string | null;
};

/**
 * The NHS.UK error summary: at the top of a form that was sent with mistakes, one link per invalid
 * field, in the form's order. Following a link puts the cursor in the field (a plain #fragment
 * link would only scroll to it). Nothing is shown while the form has no problem.
 */
export function ErrorSummary({ items }: { items: readonly ErrorSummaryItem[] }) {
  const { t } = useTranslation('common');
  const id = useId();
  const problems = items.filter((item) => item.problem !== null || item.message);
  if (problems.length === 0) return null;
  const goTo = (event: MouseEvent<HTMLAnchorElement>, fieldId: string): void => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
  };
  return (
    <div className="nhsuk-error-summary" aria-labelledby={`${id}-title`}>
      <h2 className="nhsuk-error-summary__title" id={`${id}-title`}>
        {t('errorSummary.title')}
      </h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {problems.map((item) => (
            <li key={item.fieldId}>
              <a href={`#${item.fieldId}`} onClick={(event) => goTo(event, item.fieldId)}>
                {t('errorSummary.item', {
                  field: item.label,
                  message: item.message || t(`fieldProblem.${item.problem}`, { max: item.max }),
                })}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
