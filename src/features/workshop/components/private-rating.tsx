import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '@/domain/framework/schema';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';

export type OwnRating = { criterionId: string; level: LevelId | null; note: string };

/**
 * One participant's private ratings: a native radio group per criterion and a note. Used behind
 * the hand-over screen on the facilitator's laptop and on a participant's own device. The choice
 * shows at once and is saved in the background; a failed save says so and changes nothing else.
 */
export function PrivateRating({
  heading,
  criteria,
  initial,
  levelTitle,
  onSave,
  children,
}: {
  heading: string;
  criteria: readonly Criterion[];
  initial: readonly OwnRating[];
  levelTitle: (level: LevelId) => string;
  onSave: (criterionId: string, level: LevelId | null, note: string) => Promise<void>;
  /** What comes after the criteria: the finish or export buttons. */
  children: React.ReactNode;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const [chosen, setChosen] = useState<Record<string, LevelId | null>>(() =>
    Object.fromEntries(initial.map((r) => [r.criterionId, r.level])),
  );
  const [notes, setNotes] = useState<Record<string, string>>(() =>
    Object.fromEntries(initial.map((r) => [r.criterionId, r.note])),
  );
  const [failed, setFailed] = useState(false);
  const save = (criterionId: string, level: LevelId | null, note: string): void => {
    onSave(criterionId, level, note).then(
      () => setFailed(false),
      () => setFailed(true),
    );
  };
  const choose = (criterionId: string, level: LevelId): void => {
    setChosen((current) => ({ ...current, [criterionId]: level }));
    save(criterionId, level, notes[criterionId] ?? '');
  };
  const done = criteria.filter((c) => chosen[c.id]).length;
  return (
    <>
      <h1>{heading}</h1>
      <p className="lede">{t('rating.intro')}</p>
      <p className="hint" aria-live="polite">
        {t('participants.rated', { done, total: criteria.length })}
      </p>
      {failed && (
        <p role="alert" className="field-error">
          {t('rating.failed')}
        </p>
      )}
      {criteria.map((criterion) => (
        <fieldset key={criterion.id} className="field card">
          <legend>{criterion.title}</legend>
          {LEVEL_IDS.map((level) => (
            <label key={level} className="level-card">
              <input
                type="radio"
                name={`${id}-${criterion.id}`}
                checked={chosen[criterion.id] === level}
                onChange={() => choose(criterion.id, level)}
              />
              <span className="level-card__title">{levelTitle(level)}</span>
              <span className="level-card__text">{criterion.descriptors[level]}</span>
            </label>
          ))}
          <div className="field">
            <label htmlFor={`${id}-${criterion.id}-note`}>{t('rating.note')}</label>
            <textarea
              id={`${id}-${criterion.id}-note`}
              rows={2}
              maxLength={2_000}
              value={notes[criterion.id] ?? ''}
              onChange={(e) =>
                setNotes((current) => ({ ...current, [criterion.id]: e.target.value }))
              }
              onBlur={(e) => save(criterion.id, chosen[criterion.id] ?? null, e.target.value)}
            />
          </div>
        </fieldset>
      ))}
      {children}
    </>
  );
}
