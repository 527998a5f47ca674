import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@/config/routes';
import type { Framework } from '@/domain/framework/schema';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import {
  byDisagreement,
  criterionStatus,
  SECTORS,
  spreads,
  type Sector,
} from '@/domain/workshop/spread';
import { useFramework } from '@/hooks/use-framework';
import { Link } from '@/lib/router';
import { getAssessment } from '@/storage/repositories/assessments-repo';
import {
  addParticipant,
  getWorkshopData,
  recordAgreement,
  saveIndividualRating,
  type WorkshopData,
} from '@/storage/repositories/workshops-repo';

/**
 * A workshop on one device: add participants, pass the laptop so each rates in private, reveal
 * the spread, and record the agreed level (which becomes the assessment's rating).
 */
export function WorkshopScreen({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation('workshop');
  const data = useLiveQuery(() => getWorkshopData(workshopId), [workshopId]);
  const assessment = useLiveQuery(
    async () => (data ? getAssessment(data.workshop.assessmentId) : undefined),
    [data?.workshop.assessmentId],
  );
  if (data === undefined || (data && assessment === undefined)) return <p>{t('loading')}</p>;
  if (data === null || assessment === null || assessment === undefined) {
    return (
      <>
        <h1>{t('missing')}</h1>
        <Link href={routes.assessments.href()}>{t('back')}</Link>
      </>
    );
  }
  return (
    <Suspense fallback={<p>{t('loading')}</p>}>
      <LoadedWorkshop
        data={data}
        frameworkId={assessment.frameworkId}
        frameworkVersion={assessment.frameworkVersion}
      />
    </Suspense>
  );
}

function LoadedWorkshop({
  data,
  frameworkId,
  frameworkVersion,
}: {
  data: WorkshopData;
  frameworkId: string;
  frameworkVersion: string;
}) {
  const framework = useFramework(frameworkId, frameworkVersion);
  return <Workshop data={data} framework={framework} />;
}

function Workshop({ data, framework }: { data: WorkshopData; framework: Framework }) {
  const { t } = useTranslation('workshop');
  const [rater, setRater] = useState<{ id: string; started: boolean } | null>(null);
  const [isRevealed, setRevealed] = useState(false);
  const criteria = framework.characteristics
    .flatMap((c) => c.criteria)
    .filter((c) => data.workshop.criterionIds.includes(c.id));
  const levelTitle = (level: LevelId): string =>
    framework.levels.find((l) => l.id === level)?.title ?? level;
  const raterParticipant = data.participants.find((p) => p.id === rater?.id);

  if (rater && raterParticipant) {
    return rater.started ? (
      <PrivateRating
        data={data}
        participantId={raterParticipant.id}
        label={raterParticipant.label}
        criteria={criteria}
        levelTitle={levelTitle}
        onDone={() => setRater(null)}
      />
    ) : (
      <section className="card handover" aria-labelledby="handover-heading">
        <h1 id="handover-heading">{t('handover.heading', { name: raterParticipant.label })}</h1>
        <p className="lede">{t('handover.body')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => setRater({ id: raterParticipant.id, started: true })}
          >
            {t('handover.start', { name: raterParticipant.label })}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setRater(null)}>
            {t('handover.cancel')}
          </button>
        </div>
      </section>
    );
  }

  const rated = (participantId: string): number =>
    data.ratings.filter((r) => r.participantId === participantId && r.level !== null).length;
  const spreadList = spreads(
    criteria.map((c) => c.id),
    data.ratings,
    data.participants,
  );

  return (
    <>
      <p className="caption">{t('caption', { date: data.workshop.date })}</p>
      <h1>{data.workshop.title}</h1>
      <p>
        <Link href={routes.workshopFacilitator.href(data.workshop.id)}>
          {t('facilitator.open')}
        </Link>
      </p>
      <ParticipantsPanel
        workshopId={data.workshop.id}
        data={data}
        rated={rated}
        total={criteria.length}
        onRate={(id) => setRater({ id, started: false })}
      />
      <section className="card" aria-labelledby="spread-heading">
        <h2 id="spread-heading">{t('spread.heading')}</h2>
        {!isRevealed ? (
          <>
            <p>{t('spread.hidden')}</p>
            <button type="button" className="button" onClick={() => setRevealed(true)}>
              {t('spread.reveal')}
            </button>
          </>
        ) : (
          byDisagreement(spreadList).map((spread) => {
            const criterion = criteria.find((c) => c.id === spread.criterionId);
            const agreement = data.agreements.find((a) => a.criterionId === spread.criterionId);
            const status = criterionStatus(spread, agreement);
            return (
              <article
                key={spread.criterionId}
                className="spread"
                aria-labelledby={`spread-${spread.criterionId}`}
                data-criterion={spread.criterionId}
              >
                <h3 id={`spread-${spread.criterionId}`}>{criterion?.title}</h3>
                <p
                  className={`tag status-tag status-tag--${status === 'needs-agreement' ? 'off-track' : status === 'agreed' ? 'on-track' : 'behind'}`}
                >
                  {t(`status.${status}`)}
                </p>
                <table className="table table--compact">
                  <caption className="visually-hidden">
                    {t('spread.caption', { title: criterion?.title })}
                  </caption>
                  <thead>
                    <tr>
                      {LEVEL_IDS.map((level) => (
                        <th scope="col" key={level}>
                          {levelTitle(level)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      {LEVEL_IDS.map((level) => (
                        <td key={level}>{spread.counts[level]}</td>
                      ))}
                    </tr>
                  </tbody>
                </table>
                <p>
                  {spread.median && spread.range
                    ? t('spread.summary', {
                        count: spread.count,
                        median:
                          spread.median.low === spread.median.high
                            ? levelTitle(spread.median.low)
                            : t('spread.between', {
                                low: levelTitle(spread.median.low),
                                high: levelTitle(spread.median.high),
                              }),
                        min: levelTitle(spread.range.min),
                        max: levelTitle(spread.range.max),
                      })
                    : t('spread.none')}
                </p>
                {!data.workshop.isAnonymous && (
                  <ul className="flag-list">
                    {data.ratings
                      .filter((r) => r.criterionId === spread.criterionId && r.level !== null)
                      .map((r) => (
                        <li key={r.participantId}>
                          {t(r.note ? 'spread.individualWithNote' : 'spread.individual', {
                            name:
                              data.participants.find((p) => p.id === r.participantId)?.label ?? '',
                            level: levelTitle(r.level!),
                            note: r.note,
                          })}
                        </li>
                      ))}
                  </ul>
                )}
                <AgreementForm
                  workshopId={data.workshop.id}
                  criterionId={spread.criterionId}
                  criterionTitle={criterion?.title ?? ''}
                  suggested={spread.median?.low ?? null}
                  current={agreement?.level ?? null}
                  levelTitle={levelTitle}
                />
              </article>
            );
          })
        )}
      </section>
    </>
  );
}

function ParticipantsPanel({
  workshopId,
  data,
  rated,
  total,
  onRate,
}: {
  workshopId: string;
  data: WorkshopData;
  rated: (participantId: string) => number;
  total: number;
  onRate: (participantId: string) => void;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const [label, setLabel] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [sector, setSector] = useState<Sector>('commissioner');
  const [problem, setProblem] = useState(false);

  const add = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (label.trim() === '' || label.length > 120 || organisation.length > 120) {
      setProblem(true);
      document.getElementById(`${id}-label`)?.focus();
      return;
    }
    setProblem(false);
    await addParticipant(workshopId, {
      label: label.trim(),
      organisation: organisation.trim(),
      sector,
    });
    setLabel('');
    setOrganisation('');
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('participants.heading')}</h2>
      {data.participants.length === 0 ? (
        <p>{t('participants.none')}</p>
      ) : (
        <ul className="assessment-list">
          {data.participants.map((p) => (
            <li key={p.id} className="participant">
              <span>
                {t('participants.item', {
                  name: p.label,
                  organisation: p.organisation,
                  sector: t(`sectors.${p.sector}`),
                })}
              </span>{' '}
              <span className="hint">{t('participants.rated', { done: rated(p.id), total })}</span>{' '}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onRate(p.id)}
              >
                {t('participants.rate', { name: p.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void add(e)} noValidate>
        <h3>{t('participants.add')}</h3>
        <div className="field">
          <label htmlFor={`${id}-label`}>{t('participants.label')}</label>
          <p className="hint" id={`${id}-hint`}>
            {t('participants.labelHint')}
          </p>
          {problem && (
            <p className="field-error" id={`${id}-error`}>
              {t('participants.labelProblem')}
            </p>
          )}
          <input
            id={`${id}-label`}
            value={label}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-organisation`}>{t('participants.organisation')}</label>
          <input
            id={`${id}-organisation`}
            value={organisation}
            onChange={(e) => setOrganisation(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sector`}>{t('participants.sector')}</label>
          <select
            id={`${id}-sector`}
            value={sector}
            onChange={(e) => setSector(e.target.value as Sector)}
          >
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`sectors.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('participants.addButton')}
        </button>
      </form>
    </section>
  );
}

function PrivateRating({
  data,
  participantId,
  label,
  criteria,
  levelTitle,
  onDone,
}: {
  data: WorkshopData;
  participantId: string;
  label: string;
  criteria: Framework['characteristics'][number]['criteria'];
  levelTitle: (level: LevelId) => string;
  onDone: () => void;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  // Shown at once, saved in the background: the radio must not wait for the database.
  const [chosen, setChosen] = useState<Record<string, LevelId | null>>(() =>
    Object.fromEntries(
      data.ratings
        .filter((r) => r.participantId === participantId)
        .map((r) => [r.criterionId, r.level]),
    ),
  );
  const [notes, setNotes] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      data.ratings
        .filter((r) => r.participantId === participantId)
        .map((r) => [r.criterionId, r.note]),
    ),
  );
  const [failed, setFailed] = useState(false);
  const save = (criterionId: string, level: LevelId | null, note: string): void => {
    saveIndividualRating(data.workshop.id, participantId, criterionId, level, note).catch(() =>
      setFailed(true),
    );
  };
  const choose = (criterionId: string, level: LevelId): void => {
    setChosen((current) => ({ ...current, [criterionId]: level }));
    save(criterionId, level, notes[criterionId] ?? '');
  };
  return (
    <>
      <h1>{t('rating.heading', { name: label })}</h1>
      <p className="lede">{t('rating.intro')}</p>
      {failed && (
        <p role="alert" className="field-error">
          {t('rating.failed')}
        </p>
      )}
      {criteria.map((criterion) => {
        return (
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
        );
      })}
      <button type="button" className="button" onClick={onDone}>
        {t('rating.done')}
      </button>
    </>
  );
}

function AgreementForm({
  workshopId,
  criterionId,
  criterionTitle,
  suggested,
  current,
  levelTitle,
}: {
  workshopId: string;
  criterionId: string;
  criterionTitle: string;
  suggested: LevelId | null;
  current: LevelId | null;
  levelTitle: (level: LevelId) => string;
}) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const [level, setLevel] = useState<LevelId | ''>(current ?? suggested ?? '');
  const [rationale, setRationale] = useState('');
  const [dissent, setDissent] = useState('');
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!level) return;
    await recordAgreement(workshopId, { criterionId, level, rationale, dissent });
    setSaved(true);
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="agreement">
      <div className="field">
        <label htmlFor={`${id}-level`}>{t('agree.level', { title: criterionTitle })}</label>
        <select
          id={`${id}-level`}
          value={level}
          onChange={(e) => setLevel(e.target.value as LevelId)}
        >
          <option value="">{t('agree.choose')}</option>
          {LEVEL_IDS.map((l) => (
            <option key={l} value={l}>
              {levelTitle(l)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-rationale`}>{t('agree.rationale')}</label>
        <textarea
          id={`${id}-rationale`}
          rows={2}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-dissent`}>{t('agree.dissent')}</label>
        <textarea
          id={`${id}-dissent`}
          rows={2}
          value={dissent}
          onChange={(e) => setDissent(e.target.value)}
        />
      </div>
      <button type="submit" className="button">
        {t('agree.record', { title: criterionTitle })}
      </button>
      <div role="status">{saved && <p>{t('agree.saved')}</p>}</div>
    </form>
  );
}
