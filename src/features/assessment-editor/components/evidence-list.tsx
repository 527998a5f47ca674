import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '@/components/field-error';
import { checkEvidenceUrl, LIMITS, type EvidenceItem } from '@/domain/assessment';

type EvidenceListProps = {
  criterionTitle: string;
  prompts: readonly string[];
  items: readonly EvidenceItem[];
  onChange: (items: EvidenceItem[]) => void;
};

export function EvidenceList({ criterionTitle, prompts, items, onChange }: EvidenceListProps) {
  const { t } = useTranslation('editor');
  const id = useId();

  const update = (itemId: string, patch: Partial<EvidenceItem>): void =>
    onChange(items.map((item) => (item.id === itemId ? { ...item, ...patch } : item)));

  const add = (): void => {
    const item = { id: crypto.randomUUID(), text: '', url: '' };
    onChange([...items, item]);
    requestAnimationFrame(() => document.getElementById(`${id}-${item.id}-text`)?.focus());
  };

  return (
    <fieldset className="field evidence">
      <legend>{t('evidence.legend')}</legend>
      {prompts.length > 0 && (
        <details className="evidence__prompts">
          <summary>{t('evidence.prompts')}</summary>
          <ul>
            {prompts.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
        </details>
      )}
      {items.length > 0 && (
        <ol className="evidence__items">
          {items.map((item, index) => {
            const urlProblem = checkEvidenceUrl(item.url);
            return (
              <li key={item.id} className="evidence__item">
                <div className="field">
                  <label htmlFor={`${id}-${item.id}-text`}>
                    {t('evidence.text', { number: index + 1 })}
                  </label>
                  <input
                    id={`${id}-${item.id}-text`}
                    maxLength={LIMITS.evidenceText}
                    value={item.text}
                    onChange={(e) => update(item.id, { text: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-${item.id}-url`}>
                    {t('evidence.url', { number: index + 1 })}
                  </label>
                  <FieldError
                    id={`${id}-${item.id}-url-error`}
                    problem={urlProblem}
                    max={LIMITS.evidenceUrl}
                  />
                  <input
                    id={`${id}-${item.id}-url`}
                    type="url"
                    inputMode="url"
                    value={item.url}
                    aria-invalid={urlProblem ? true : undefined}
                    aria-describedby={urlProblem ? `${id}-${item.id}-url-error` : undefined}
                    onChange={(e) => update(item.id, { url: e.target.value })}
                  />
                </div>
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => onChange(items.filter((other) => other.id !== item.id))}
                >
                  {t('evidence.remove', { number: index + 1 })}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {items.length < LIMITS.evidenceItems && (
        <button type="button" className="button button--secondary" onClick={add}>
          {t('evidence.add')}{' '}
          <span className="visually-hidden">{t('evidence.addFor', { title: criterionTitle })}</span>
        </button>
      )}
    </fieldset>
  );
}
