import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '@/components/error-summary';
import { FieldError } from '@/components/field-error';
import type { Criterion } from '@/domain/framework/schema';
import type { LevelId } from '@/domain/levels';
import { makeResponse } from '@/domain/workshop/response-file';
import { readRound2Code, type Round2CodeProblem } from '@/domain/workshop/rounds';
import { useFocusAfter } from '@/hooks/use-focus-after';
import { saveQueue } from '@/storage/autosave';
import { downloadFile, safeFileName } from '@/lib/files';
import {
  getJoinedWorkshop,
  saveJoinedRound2Vote,
  startJoinedRound2,
} from '@/storage/repositories/joined-workshops-repo';
import type { JoinedWorkshopRecord } from '@/storage/schema';
import { fireWrite, reportingWrite } from '@/storage/write-report';
import { Round2Rating } from './round2-rating';

/**
 * Round 2 on a participant's own device: they type the round 2 code the facilitator shows (a
 * join code whose scope is round 2's criteria, checked to be this workshop's), rate those
 * criteria again, and save a round 2 response file for the facilitator to import with the others.
 */
export function JoinedRound2({
  joined,
  criteria,
  frameworkCriterionIds,
  levelTitle,
}: {
  joined: JoinedWorkshopRecord;
  /** The criteria this device rates, in framework order. */
  criteria: readonly Criterion[];
  frameworkCriterionIds: readonly string[];
  levelTitle: (level: LevelId) => string;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const focusAfter = useFocusAfter();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Round2CodeProblem | null>(null);
  const [isEntering, setEntering] = useState(false);
  const [state, setState] = useState<{ file: string } | 'failed' | null>(null);
  const round2 = joined.round2;

  const start = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const read = readRound2Code(code, joined, frameworkCriterionIds);
    if (!read.ok) {
      setProblem(read.problem);
      document.getElementById(`${id}-code`)?.focus();
      return;
    }
    setProblem(null);
    try {
      await reportingWrite(startJoinedRound2(joined.workshopId, read.value));
      setEntering(false);
      setCode('');
      focusAfter(() => document.getElementById(`${id}-started`));
    } catch {
      setState('failed');
    }
  };

  const saveFile = async (): Promise<void> => {
    // The round 2 notes typed so far go into the file: write what is queued, then read it back.
    const isSaved = await saveQueue.flush();
    const latest = isSaved ? await getJoinedWorkshop(joined.workshopId).catch(() => null) : null;
    if (!latest?.round2) {
      setState('failed');
      return;
    }
    const response = makeResponse({
      workshop: { id: latest.workshopId, title: latest.title },
      framework: { id: latest.frameworkId, version: latest.frameworkVersion },
      participant: latest.participant,
      ratings: latest.round2.ratings.map((r) => ({ ...r, note: r.note ?? '' })),
      submittedAt: new Date().toISOString(),
      round: 2,
    });
    const file = safeFileName(
      [t('rounds.responseFilePrefix'), latest.participant.label, latest.title || latest.workshopId],
      'json',
    );
    try {
      downloadFile(`${JSON.stringify(response, null, 2)}\n`, file, 'application/json');
      setState({ file });
    } catch {
      setState('failed');
    }
  };

  const message = problem
    ? problem.code === 'other-workshop' ||
      problem.code === 'no-criteria' ||
      problem.code === 'join-code'
      ? t(`rounds.codeProblem.${problem.code}`)
      : t(`join.codeProblem.${problem.code}`, { ...problem })
    : null;

  const codeForm = (
    <form onSubmit={(e) => void start(e)} noValidate>
      {message && (
        <ErrorSummary
          items={[{ fieldId: `${id}-code`, label: t('rounds.code'), problem: null, message }]}
        />
      )}
      <div className={`nhsuk-form-group${message ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={`${id}-code`}>
          {t('rounds.code')}
        </label>
        <p className="nhsuk-hint" id={`${id}-code-hint`}>
          {t('rounds.codeHint')}
        </p>
        <FieldError id={`${id}-code-error`} problem={null} message={message} />
        <input
          id={`${id}-code`}
          className={`nhsuk-input input--code${message ? ' nhsuk-input--error' : ''}`}
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={`${id}-code-hint${message ? ` ${id}-code-error` : ''}`}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <button type="submit" className="nhsuk-button">
        {t('rounds.startHere')}
      </button>
    </form>
  );

  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="joined-round2">
      <h2 id={`${id}-heading`}>{t('rounds.joinedHeading')}</h2>
      {!round2 || isEntering ? (
        <>
          <p>{t('rounds.joinedIntro')}</p>
          {codeForm}
        </>
      ) : (
        <>
          <p id={`${id}-started`} tabIndex={-1}>
            {t('rounds.joinedStarted', { count: round2.criterionIds.length })}
          </p>
          <Round2Rating
            key={round2.criterionIds.join(' ')}
            criteria={criteria.filter((c) => round2.criterionIds.includes(c.id))}
            initial={new Map(round2.ratings.map((r) => [r.criterionId, r.level]))}
            round1={new Map(joined.ratings.map((r) => [r.criterionId, r.level]))}
            rater={{ kind: 'joined', workshopId: joined.workshopId }}
            notes={
              new Map(
                round2.ratings.map((r) => [
                  r.criterionId,
                  {
                    note: r.note ?? '',
                    noteAt: joined.stamps?.[`${r.criterionId}:round2Note`] ?? joined.updatedAt,
                  },
                ]),
              )
            }
            levelTitle={levelTitle}
            onChoose={(criterionId, level) =>
              fireWrite(saveJoinedRound2Vote(joined.workshopId, criterionId, level))
            }
          >
            <div className="nhsuk-button-group">
              <button type="button" className="nhsuk-button" onClick={() => void saveFile()}>
                {t('rounds.saveResponse')}
              </button>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() => {
                  setEntering(true);
                  focusAfter(() => document.getElementById(`${id}-code`));
                }}
              >
                {t('rounds.newCode')}
              </button>
            </div>
          </Round2Rating>
        </>
      )}
      <div role="status">
        {state === 'failed' && <p className="nhsuk-error-message">{t('join.exportFailed')}</p>}
        {state !== null && state !== 'failed' && <p>{t('join.exported', { file: state.file })}</p>}
      </div>
    </section>
  );
}
