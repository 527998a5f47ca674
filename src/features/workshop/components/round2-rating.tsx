import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '@/domain/framework/schema';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import { NoteField, targetOf, type Rater } from './private-rating';

/**
 * Round 2 (a re-vote) for one participant: a native radio group for each criterion the
 * facilitator chose, with this participant's round 1 level said beside it (their own, so nothing
 * is given away), and a round 2 note for the room, shown once round 2 is revealed. Each choice is
 * saved at once by `onChoose`; the note as it is typed (autosave). Used behind the hand-over
 * screen on the facilitator's laptop and on a participant's own device.
 */
export function Round2Rating({
  heading,
  criteria,
  initial,
  round1,
  rater,
  notes,
  levelTitle,
  onChoose,
  children,
}: {
  /** The page's heading; none when round 2 is a section of a page that has its own. */
  heading?: string;
  criteria: readonly Criterion[];
  /** Round 2 levels already chosen, by criterion. */
  initial: ReadonlyMap<string, LevelId | null>;
  /** This participant's round 1 levels, by criterion. */
  round1: ReadonlyMap<string, LevelId | null>;
  /** Whose votes these are: where the round 2 notes are saved. */
  rater: Rater;
  /** Round 2 notes already typed, by criterion, with when (their stamp). */
  notes: ReadonlyMap<string, { note: string; noteAt: number }>;
  levelTitle: (level: LevelId) => string;
  onChoose: (criterionId: string, level: LevelId) => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlyMap<string, LevelId | null>>(initial);
  const done = criteria.filter((c) => chosen.get(c.id)).length;
  const choose = (criterionId: string, level: LevelId): void => {
    setChosen((current) => new Map(current).set(criterionId, level));
    onChoose(criterionId, level);
  };
  return (
    <>
      {heading && <h1 tabIndex={-1}>{heading}</h1>}
      <p className={heading ? 'nhsuk-body-l' : undefined}>{t('rounds.rateIntro')}</p>
      <p className="nhsuk-hint" aria-live="polite">
        {t('participants.rated', { done, total: criteria.length })}
      </p>
      {criteria.map((criterion) => {
        const before = round1.get(criterion.id);
        return (
          <fieldset key={criterion.id} className="nhsuk-form-group card">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              {t('rounds.rateLegend', { title: criterion.title })}
            </legend>
            <p className="nhsuk-hint">
              {before
                ? t('rounds.yourRound1', { level: levelTitle(before) })
                : t('rounds.noRound1')}
            </p>
            <div className="participant-levels">
              {LEVEL_IDS.map((level) => (
                <label key={level} className="level-card">
                  <input
                    type="radio"
                    name={`${id}-${criterion.id}`}
                    checked={chosen.get(criterion.id) === level}
                    onChange={() => choose(criterion.id, level)}
                  />
                  <span className="level-card__title">{levelTitle(level)}</span>
                  <span className="level-card__text">{criterion.descriptors[level]}</span>
                </label>
              ))}
            </div>
            <NoteField
              id={`${id}-${criterion.id}-note2`}
              label={t('rounds.note')}
              target={targetOf(rater, criterion.id, 'round2Note')}
              stored={notes.get(criterion.id)}
            />
          </fieldset>
        );
      })}
      {children}
    </>
  );
}
