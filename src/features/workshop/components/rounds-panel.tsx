import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '@/domain/framework/schema';
import { workshopProgress } from '@/domain/workshop/progress';
import {
  defaultRound2Criteria,
  round2Ratings,
  roundPhase,
  type Round2,
} from '@/domain/workshop/rounds';
import type { Spread } from '@/domain/workshop/spread';
import { useFocusAfter } from '@/hooks/use-focus-after';
import { revealRound2, startRound2 } from '@/storage/repositories/workshop-rounds-repo';
import type { WorkshopData } from '@/storage/repositories/workshops-repo';
import { reportingWrite } from '@/storage/write-report';

/**
 * Round 2, a re-vote (issue 12): after the room has seen and discussed round 1, the facilitator
 * chooses criteria to rate again (the split ones to start with) and starts round 2. Everyone
 * re-rates them in private, on the laptop ("Pass the laptop" now opens round 2) or on their own
 * device (with the round 2 code, then a round 2 response file); round 2's votes stay hidden until
 * the facilitator reveals them. The spread then shows both rounds and who moved.
 */
export function RoundsPanel({
  data,
  criteria,
  spreadList,
  round2Code,
}: {
  data: WorkshopData;
  criteria: readonly Criterion[];
  /** Round 1 spreads, in framework order. */
  spreadList: readonly Spread[];
  /** The code own devices type to start round 2 (null before it starts). */
  round2Code: string | null;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const round2 = data.workshop.round2;
  const phase = roundPhase(round2);
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  const [isEmpty, setEmpty] = useState(false);
  const [failed, setFailed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfter = useFocusAfter();
  const titles = new Map(criteria.map((c) => [c.id, c.title]));

  const plan = (): void => {
    setChosen(new Set(round2 ? round2.criterionIds : defaultRound2Criteria(spreadList)));
    setEmpty(false);
    focusAfter(() => document.getElementById(`${id}-legend`));
  };
  const act = async (write: Promise<void>): Promise<void> => {
    try {
      await reportingWrite(write);
      setFailed(false);
      setChosen(null);
      focusAfter(() => headingRef.current);
    } catch {
      setFailed(true);
    }
  };
  const start = (): void => {
    if (!chosen || chosen.size === 0) {
      setEmpty(true);
      focusAfter(() => document.querySelector<HTMLInputElement>(`[name="${id}-criterion"]`));
      return;
    }
    void act(startRound2(data.workshop.id, [...chosen]));
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="rounds-panel">
      <h2 id={`${id}-heading`} tabIndex={-1} ref={headingRef}>
        {t('rounds.heading')}
      </h2>
      {chosen ? (
        <Planner
          id={id}
          criteria={criteria}
          spreadList={spreadList}
          chosen={chosen}
          isEmpty={isEmpty}
          onChange={(next) => {
            setChosen(next);
            if (next.size > 0) setEmpty(false);
          }}
          onStart={start}
          onCancel={() => {
            setChosen(null);
            focusAfter(() => headingRef.current);
          }}
          isRestart={round2 !== undefined}
        />
      ) : phase === 'round-1' ? (
        <>
          <p>{t('rounds.intro')}</p>
          <button type="button" className="nhsuk-button" onClick={plan}>
            {t('rounds.plan')}
          </button>
        </>
      ) : (
        <Round2Status
          data={data}
          round2={round2!}
          titles={titles}
          code={round2Code}
          onReveal={() => void act(revealRound2(data.workshop.id))}
          onChange={plan}
        />
      )}
      <div role="status">
        {failed && <p className="nhsuk-error-message">{t('rounds.failed')}</p>}
      </div>
    </section>
  );
}

function Planner({
  id,
  criteria,
  spreadList,
  chosen,
  isEmpty,
  onChange,
  onStart,
  onCancel,
  isRestart,
}: {
  id: string;
  criteria: readonly Criterion[];
  spreadList: readonly Spread[];
  chosen: ReadonlySet<string>;
  isEmpty: boolean;
  onChange: (next: ReadonlySet<string>) => void;
  onStart: () => void;
  onCancel: () => void;
  isRestart: boolean;
}) {
  const { t } = useTranslation('workshop');
  const split = new Set(defaultRound2Criteria(spreadList));
  return (
    <div className={`nhsuk-form-group${isEmpty ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={`${id}-hint`}>
        <legend
          id={`${id}-legend`}
          tabIndex={-1}
          className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s"
        >
          {t('rounds.choose')}
        </legend>
        <p className="nhsuk-hint" id={`${id}-hint`}>
          {t(isRestart ? 'rounds.chooseHintRestart' : 'rounds.chooseHint')}
        </p>
        {isEmpty && (
          <p className="nhsuk-error-message" id={`${id}-error`}>
            {t('rounds.noneChosen')}
          </p>
        )}
        {criteria.map((criterion) => (
          <label key={criterion.id} className="inline-radio scope__item">
            <input
              type="checkbox"
              name={`${id}-criterion`}
              aria-describedby={isEmpty ? `${id}-error` : undefined}
              checked={chosen.has(criterion.id)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(criterion.id);
                else next.delete(criterion.id);
                onChange(next);
              }}
            />
            {split.has(criterion.id)
              ? t('rounds.splitCriterion', { title: criterion.title })
              : criterion.title}
          </label>
        ))}
      </fieldset>
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button" onClick={onStart}>
          {t('rounds.start', { count: chosen.size })}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          {t('rounds.cancel')}
        </button>
      </div>
    </div>
  );
}

function Round2Status({
  data,
  round2,
  titles,
  code,
  onReveal,
  onChange,
}: {
  data: WorkshopData;
  round2: Round2;
  titles: ReadonlyMap<string, string>;
  code: string | null;
  onReveal: () => void;
  onChange: () => void;
}) {
  const { t } = useTranslation('workshop');
  const isRevealed = round2.revealedAt !== null;
  const progress = workshopProgress(
    round2.criterionIds,
    data.participants.map((p) => p.id),
    round2Ratings(data.ratings, round2),
  );
  return (
    <>
      <p>
        {t(isRevealed ? 'rounds.revealedIntro' : 'rounds.openIntro', {
          count: round2.criterionIds.length,
        })}
      </p>
      <p data-testid="round2-overall-done">{t('rounds.overall', { ...progress.overall })}</p>
      <ul className="flag-list" aria-label={t('rounds.listLabel')}>
        {round2.criterionIds.map((criterionId) => (
          <li key={criterionId} data-round2-criterion={criterionId}>
            {t('progress.criterion', {
              title: titles.get(criterionId) ?? criterionId,
              done: progress.byCriterion.get(criterionId)?.done ?? 0,
              total: progress.overall.total,
            })}
          </li>
        ))}
      </ul>
      {!isRevealed && code && (
        <p>
          {t('rounds.codeIntro')}{' '}
          <strong className="join-code" data-testid="round2-code">
            {code}
          </strong>
        </p>
      )}
      <div className="nhsuk-button-group">
        {!isRevealed && (
          <button type="button" className="nhsuk-button" onClick={onReveal}>
            {t('rounds.reveal')}
          </button>
        )}
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onChange}>
          {t('rounds.change')}
        </button>
      </div>
    </>
  );
}
