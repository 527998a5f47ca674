import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '@/domain/framework/schema';
import type { LevelId } from '@/domain/levels';
import { useIsNarrow } from '@/hooks/use-media-query';
import { CriterionPager } from './criterion-pager';
import { LevelChoices, NoteField, targetOf, type Rater } from './private-rating';

/**
 * Round 2 (a re-vote) for one participant: a native radio group for each criterion the
 * facilitator chose, with this participant's round 1 level said beside it (their own, so nothing
 * is given away), and a round 2 note for the room, shown once round 2 is revealed. Each choice is
 * saved at once by `onChoose`; the note as it is typed (autosave). Used behind the hand-over
 * screen on the facilitator's laptop and on a participant's own device. On a phone the criteria
 * come one at a time, then a review, before `children` (criterion-pager.tsx).
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
  const choose = (criterionId: string, level: LevelId): void => {
    setChosen((current) => new Map(current).set(criterionId, level));
    onChoose(criterionId, level);
  };
  const isNarrow = useIsNarrow();
  return (
    <>
      {heading && <h1 tabIndex={-1}>{heading}</h1>}
      <CriterionPager
        isPaged={isNarrow}
        headingLevel={heading ? 2 : 3}
        items={criteria.map((c) => {
          const level = chosen.get(c.id);
          return { id: c.id, title: c.title, choice: level ? levelTitle(level) : null };
        })}
        lead={<p className={heading ? 'nhsuk-body-l' : undefined}>{t('rounds.rateIntro')}</p>}
        end={children}
        renderItem={(item, headingId) => {
          const criterion = criteria.find((c) => c.id === item.id)!;
          const before = round1.get(criterion.id);
          const Heading = heading ? 'h2' : 'h3';
          return (
            <fieldset className="nhsuk-form-group card">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                <Heading className="nhsuk-fieldset__heading" id={headingId} tabIndex={-1}>
                  {t('rounds.rateLegend', { title: criterion.title })}
                </Heading>
              </legend>
              <p className="nhsuk-hint">
                {before
                  ? t('rounds.yourRound1', { level: levelTitle(before) })
                  : t('rounds.noRound1')}
              </p>
              <LevelChoices
                name={`${id}-${criterion.id}`}
                criterion={criterion}
                chosen={chosen.get(criterion.id) ?? null}
                levelTitle={levelTitle}
                onChoose={(level) => choose(criterion.id, level)}
              />
              <NoteField
                id={`${id}-${criterion.id}-note2`}
                label={t('rounds.note')}
                target={targetOf(rater, criterion.id, 'round2Note')}
                stored={notes.get(criterion.id)}
              />
            </fieldset>
          );
        }}
      />
    </>
  );
}
