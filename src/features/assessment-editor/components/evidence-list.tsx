import { useId, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/form-field';
import { checkEvidenceUrl, LIMITS, type EvidenceItem } from '@/domain/assessment';
import { useAutosavedText } from '@/hooks/use-autosaved-text';
import { byId, useFocusAfter } from '@/hooks/use-focus-after';
import { focusAfterRemoval } from '@/lib/focus';
import { saveQueue } from '@/storage/autosave';
import { nextEditTime } from '@/storage/save-queue';
import type { EditableRating } from '../lib/merge-pending';

type EvidenceListProps = {
  criterionTitle: string;
  prompts: readonly string[];
  rating: EditableRating;
};

/**
 * The evidence cited for one rating. Each item saves field by field as it is typed, merged by
 * item id: two tabs adding evidence to the same criterion both keep what they added.
 */
export function EvidenceList({ criterionTitle, prompts, rating }: EvidenceListProps) {
  const { t } = useTranslation('editor');
  const id = useId();
  const items = rating.evidence;
  const { assessmentId, criterionId } = rating;
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useFocusAfter();

  const add = (): void => {
    const itemId = crypto.randomUUID();
    saveQueue.enqueue({
      kind: 'evidence',
      assessmentId,
      criterionId,
      itemId,
      field: 'text',
      value: '',
      editedAt: nextEditTime(),
    });
    // The new item's description takes focus in the same commit it appears in, so nothing
    // typed straight after is lost.
    focusAfter(byId(`${id}-${itemId}-text`));
  };
  const remove = (itemId: string, event: MouseEvent<HTMLButtonElement>): void => {
    // Then the next item's Remove, else the previous one's, else "Add evidence".
    focusAfterRemoval(
      event.currentTarget,
      '[data-evidence-remove]',
      () => addRef.current,
      listRef.current ?? undefined,
    );
    saveQueue.enqueue({
      kind: 'evidence',
      assessmentId,
      criterionId,
      itemId,
      field: 'removed',
      value: true,
      editedAt: nextEditTime(),
    });
  };

  return (
    <fieldset className="nhsuk-form-group evidence">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
        {t('evidence.legend')}
      </legend>
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
        <ol className="evidence__items" ref={listRef}>
          {items.map((item, index) => (
            <EvidenceFields
              key={item.id}
              idPrefix={`${id}-${item.id}`}
              number={index + 1}
              item={item}
              rating={rating}
              onRemove={(event) => remove(item.id, event)}
            />
          ))}
        </ol>
      )}
      {items.length < LIMITS.evidenceItems && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={add}
          ref={addRef}
        >
          {t('evidence.add')}{' '}
          <span className="nhsuk-u-visually-hidden">
            {t('evidence.addFor', { title: criterionTitle })}
          </span>
        </button>
      )}
    </fieldset>
  );
}

const isSafeUrl = (value: string): boolean => checkEvidenceUrl(value) === null;

function EvidenceFields({
  idPrefix,
  number,
  item,
  rating,
  onRemove,
}: {
  idPrefix: string;
  number: number;
  item: EvidenceItem;
  rating: EditableRating;
  onRemove: (event: MouseEvent<HTMLButtonElement>) => void;
}) {
  const { t } = useTranslation('editor');
  const target = {
    kind: 'evidence',
    assessmentId: rating.assessmentId,
    criterionId: rating.criterionId,
    itemId: item.id,
  } as const;
  const [text, setText] = useAutosavedText(
    { ...target, field: 'text' },
    item.text,
    rating.stamps[`evidence:${item.id}:text`],
  );
  // Only a safe link (http or https, or none) is saved: what backups may carry, too.
  const [url, setUrl] = useAutosavedText(
    { ...target, field: 'url' },
    item.url,
    rating.stamps[`evidence:${item.id}:url`],
    isSafeUrl,
  );
  const urlProblem = checkEvidenceUrl(url);
  return (
    <li className="evidence__item">
      <TextField
        id={`${idPrefix}-text`}
        label={t('evidence.text', { number })}
        maxLength={LIMITS.evidenceText}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <TextField
        id={`${idPrefix}-url`}
        label={t('evidence.url', { number })}
        problem={urlProblem}
        max={LIMITS.evidenceUrl}
        type="url"
        inputMode="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
      />
      <button
        type="button"
        className="nhsuk-button app-button-link"
        onClick={onRemove}
        data-evidence-remove
      >
        {t('evidence.remove', { number })}
      </button>
    </li>
  );
}
