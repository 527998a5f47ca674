import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextareaField } from '@/components/form-field';
import type { Criterion } from '@/domain/framework/schema';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import { useAutosavedText } from '@/hooks/use-autosaved-text';
import { useIsNarrow } from '@/hooks/use-media-query';
import { saveQueue } from '@/storage/autosave';
import type { EditTarget } from '@/storage/edits';
import { nextEditTime } from '@/storage/save-queue';
import { CriterionPager } from './criterion-pager';

/** `noteAt`: when the stored note was typed (its stamp), so a newer draft is never replaced. */
export type OwnRating = {
  criterionId: string;
  level: LevelId | null;
  note: string;
  noteAt?: number;
};

/** Whose ratings these are: a participant on the facilitator's laptop, or this device's own. */
export type Rater =
  | { kind: 'individual'; workshopId: string; participantId: string }
  | { kind: 'joined'; workshopId: string };

export function targetOf(
  rater: Rater,
  criterionId: string,
  field: 'level' | 'note' | 'round2Note',
): EditTarget {
  return { ...rater, criterionId, field };
}

/**
 * One participant's private ratings: a native radio group per criterion and a note. Used behind
 * the hand-over screen on the facilitator's laptop and on a participant's own device. The choice
 * shows at once, and choices and notes are saved as they are made and typed, through the app's
 * autosave (a failed save shows the storage banner and is retried; nothing is lost). On a phone
 * the criteria come one at a time, then a review, before `children` (criterion-pager.tsx).
 */
export function PrivateRating({
  heading,
  criteria,
  rater,
  initial,
  levelTitle,
  children,
}: {
  heading: string;
  criteria: readonly Criterion[];
  rater: Rater;
  initial: readonly OwnRating[];
  levelTitle: (level: LevelId) => string;
  /** What comes after the criteria: the finish or export buttons. */
  children: React.ReactNode;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const [chosen, setChosen] = useState<Record<string, LevelId | null>>(() =>
    Object.fromEntries(initial.map((r) => [r.criterionId, r.level])),
  );
  const choose = (criterionId: string, level: LevelId): void => {
    setChosen((current) => ({ ...current, [criterionId]: level }));
    saveQueue.enqueue(
      {
        ...targetOf(rater, criterionId, 'level'),
        value: level,
        editedAt: nextEditTime(),
      } as Parameters<typeof saveQueue.enqueue>[0],
      { write: 'now' },
    );
  };
  const stored = new Map(initial.map((r) => [r.criterionId, r]));
  const isNarrow = useIsNarrow();
  return (
    <>
      <h1 tabIndex={-1}>{heading}</h1>
      <CriterionPager
        isPaged={isNarrow}
        headingLevel={2}
        items={criteria.map((c) => {
          const level = chosen[c.id];
          return { id: c.id, title: c.title, choice: level ? levelTitle(level) : null };
        })}
        lead={<p className="nhsuk-body-l">{t('rating.intro')}</p>}
        end={children}
        renderItem={(item, headingId) => {
          const criterion = criteria.find((c) => c.id === item.id)!;
          return (
            <fieldset className="nhsuk-form-group card">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                <h2 className="nhsuk-fieldset__heading" id={headingId} tabIndex={-1}>
                  {criterion.title}
                </h2>
              </legend>
              <LevelChoices
                name={`${id}-${criterion.id}`}
                criterion={criterion}
                chosen={chosen[criterion.id] ?? null}
                levelTitle={levelTitle}
                onChoose={(level) => choose(criterion.id, level)}
              />
              <NoteField
                id={`${id}-${criterion.id}-note`}
                target={targetOf(rater, criterion.id, 'note')}
                stored={stored.get(criterion.id)}
              />
            </fieldset>
          );
        }}
      />
    </>
  );
}

/**
 * The four levels of one criterion as native radios. On a phone the four choices sit two by two
 * and the descriptions fold into "What each level means" below them (CSS); from tablet width each
 * choice shows its description.
 */
export function LevelChoices({
  name,
  criterion,
  chosen,
  levelTitle,
  onChoose,
}: {
  name: string;
  criterion: Criterion;
  chosen: LevelId | null;
  levelTitle: (level: LevelId) => string;
  onChoose: (level: LevelId) => void;
}) {
  const { t } = useTranslation('workshop');
  return (
    <>
      <div className="participant-levels">
        {LEVEL_IDS.map((level) => (
          <label key={level} className="level-card">
            <input
              type="radio"
              name={name}
              checked={chosen === level}
              onChange={() => onChoose(level)}
            />
            <span className="level-card__title">{levelTitle(level)}</span>
            <span className="level-card__text">{criterion.descriptors[level]}</span>
          </label>
        ))}
      </div>
      <details className="nhsuk-details participant-descriptors">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">{t('rating.levelsMeaning')}</span>
        </summary>
        <dl className="nhsuk-details__text level-definitions">
          {LEVEL_IDS.map((level) => (
            <div key={level}>
              <dt>{levelTitle(level)}</dt>
              <dd>{criterion.descriptors[level]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}

/** A note for the room, saved as it is typed (round 1's, or round 2's with its own label). */
export function NoteField({
  id,
  target,
  stored,
  label,
}: {
  id: string;
  target: EditTarget;
  stored: Pick<OwnRating, 'note' | 'noteAt'> | undefined;
  label?: string;
}) {
  const { t } = useTranslation('workshop');
  const [note, setNote] = useAutosavedText(target, stored?.note ?? '', stored?.noteAt ?? 0);
  return (
    <TextareaField
      id={id}
      label={label ?? t('rating.note')}
      rows={2}
      maxLength={2_000}
      value={note}
      onChange={(e) => setNote(e.target.value)}
    />
  );
}
