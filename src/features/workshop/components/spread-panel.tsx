import {
  Activity,
  memo,
  startTransition,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ScrollRegion, TableScroll } from '@/components/scroll-region';
import { useFocusAfter } from '@/hooks/use-focus-after';
import { LOCALE } from '@/lib/format';
import type { Criterion } from '@/domain/framework/schema';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import type { CriterionStatus } from '@/domain/workshop/agreement';
import {
  agreementRound,
  isAllRevealed,
  latestStatus,
  round2Ratings,
} from '@/domain/workshop/rounds';
import { SECTORS } from '@/domain/workshop/participants';
import type { Progress } from '@/domain/workshop/progress';
import { byDisagreement, spreads, type Spread } from '@/domain/workshop/spread';
import { revealRound1 } from '@/storage/repositories/workshop-rounds-repo';
import type { WorkshopData } from '@/storage/repositories/workshops-repo';
import type { AgreementRecord, IndividualRatingRecord } from '@/storage/schema';
import { reportingWrite } from '@/storage/write-report';
import { spreadSummary, statusTone } from '../lib/spread-text';
import { AgreementForm } from './agreement-form';
import { LevelsHead } from './levels-head';
import { RoundCompare } from './round-compare';

/** "A, B and C": names joined the en-GB way. */
const NAMES = new Intl.ListFormat(LOCALE, { style: 'long', type: 'conjunction' });

type SpreadProps = {
  data: WorkshopData;
  criteria: readonly Criterion[];
  /** In the order to show (SpreadPanel reorders its own). */
  spreadList: readonly Spread[];
  levelTitle: (level: LevelId) => string;
  /** How many participants have rated, per criterion and overall (no votes). */
  progress?: Progress;
  /** Criteria with votes newer than their agreed level. */
  late?: readonly string[];
};

/**
 * The spread of views: hidden until the facilitator reveals it (kept on the workshop's record, so
 * it stays revealed on return; a criterion revealed alone in the facilitator view waits for the
 * rest), then one block per criterion,
 * summary first: a small bar chart and its table, median, range, split flag and the agreement
 * form; the breakdown by sector, who said what and the participants' notes (these two unless
 * anonymous) are disclosures built when opened. Most disagreement first by default.
 */
export function SpreadPanel({
  data,
  criteria,
  spreadList,
  levelTitle,
  progress,
  late = [],
}: SpreadProps) {
  const { t } = useTranslation('workshop');
  const criterionIds = criteria.map((c) => c.id);
  // Shown at the click, not after the stored reveal comes back from the database.
  const [isRevealedHere, setRevealedHere] = useState(false);
  const isRevealed = isRevealedHere || isAllRevealed(data.workshop, criterionIds);
  const revealedCount = criterionIds.filter((id) =>
    data.workshop.revealedCriterionIds?.includes(id),
  ).length;
  const [failed, setFailed] = useState(false);
  // The agreement forms follow the spread they belong to in a transition: the reveal paints
  // every criterion's votes first, then the forms render in slices of a few milliseconds.
  const [hasForms, setHasForms] = useState(false);
  useEffect(() => {
    if (isRevealed && !hasForms) startTransition(() => setHasForms(true));
  }, [isRevealed, hasForms]);
  const [order, setOrder] = useState<'disagreement' | 'framework'>('disagreement');
  const ordered = order === 'disagreement' ? byDisagreement(spreadList) : spreadList;
  const sectionRef = useRef<HTMLElement>(null);
  const focusAfter = useFocusAfter();
  // The button goes as the spread is shown: focus moves to the first criterion's heading.
  const reveal = (): void => {
    setRevealedHere(true);
    focusAfter(() => sectionRef.current?.querySelector<HTMLElement>('.spread h3') ?? null);
    reportingWrite(revealRound1(data.workshop.id, criterionIds)).then(
      () => setFailed(false),
      () => setFailed(true),
    );
  };
  return (
    <section className="card" aria-labelledby="spread-heading" ref={sectionRef}>
      <h2 id="spread-heading">{t('spread.heading')}</h2>
      {progress && (
        <p data-testid="overall-done">
          {t('progress.overall', { done: progress.overall.done, total: progress.overall.total })}
        </p>
      )}
      <LateVotes criteria={criteria} late={late} />
      {!isRevealed && (
        <>
          <p>{t('spread.hidden')}</p>
          {revealedCount > 0 && (
            <p className="nhsuk-hint" data-testid="partly-revealed">
              {t('spread.partlyRevealed', { count: revealedCount, total: criterionIds.length })}
            </p>
          )}
          {progress && (
            <ul className="flag-list" aria-label={t('progress.listLabel')}>
              {criteria.map((c) => {
                const done = progress?.byCriterion.get(c.id);
                return (
                  <li key={c.id} data-done-criterion={c.id}>
                    {t('progress.criterion', {
                      title: c.title,
                      done: done?.done ?? 0,
                      total: progress.overall.total,
                    })}
                  </li>
                );
              })}
            </ul>
          )}
          <button type="button" className="nhsuk-button" onClick={reveal}>
            {t('spread.reveal')}
          </button>
          <div role="status">
            {failed && <p className="nhsuk-error-message">{t('spread.revealFailed')}</p>}
          </div>
        </>
      )}
      {/* Built ahead, hidden (display: none: not on screen, not read out, not found by the
          browser's search), at idle priority while the room rates: the reveal then only shows
          it, instead of building 24 criteria in the click. */}
      <Activity mode={isRevealed ? 'visible' : 'hidden'}>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="spread-order">
            {t('spread.order')}
          </label>
          <select
            className="nhsuk-select"
            id="spread-order"
            value={order}
            onChange={(e) => setOrder(e.target.value as typeof order)}
          >
            <option value="disagreement">{t('spread.byDisagreement')}</option>
            <option value="framework">{t('spread.byFramework')}</option>
          </select>
        </div>
        <SpreadList
          data={data}
          criteria={criteria}
          spreadList={ordered}
          levelTitle={levelTitle}
          progress={progress}
          late={late}
          hasForms={hasForms}
        />
      </Activity>
    </section>
  );
}

/** Which criteria have votes newer than their agreed level (the votes themselves stay hidden). */
function LateVotes({
  criteria,
  late,
}: {
  criteria: readonly Criterion[];
  late: readonly string[];
}) {
  const { t } = useTranslation('workshop');
  const headingId = useId();
  if (late.length === 0) return null;
  const titles = new Map(criteria.map((c) => [c.id, c.title]));
  return (
    <div className="nhsuk-warning-callout" role="group" aria-labelledby={headingId}>
      <p id={headingId}>
        <strong>{t('late.heading', { count: late.length })}</strong>
      </p>
      <p>{t('late.body')}</p>
      <ul>
        {late.map((criterionId) => (
          <li key={criterionId}>{titles.get(criterionId) ?? criterionId}</li>
        ))}
      </ul>
    </div>
  );
}

/** Every criterion's spread, in the order given; with its agreement form unless `hasForms` is false. */
export function SpreadList({
  data,
  criteria,
  spreadList,
  levelTitle,
  progress,
  late = [],
  hasForms = true,
}: SpreadProps & { hasForms?: boolean }) {
  // One translation hook for the list, handed to every block: 24 hooks (and their effects)
  // cost more than the blocks' own rendering at the reveal.
  const { t } = useTranslation('workshop');
  const { t: tCommon } = useTranslation('common');
  const tableName = useCallback(
    (name: string): string => tCommon('scrollRegion', { name }),
    [tCommon],
  );
  // Grouped once per change of the ratings, not once per criterion or render: a 40-person
  // workshop has 960 ratings.
  const byCriterion = useMemo(() => {
    const grouped = new Map<string, IndividualRatingRecord[]>();
    for (const rating of data.ratings) {
      if (rating.level === null) continue;
      const list = grouped.get(rating.criterionId);
      if (list) list.push(rating);
      else grouped.set(rating.criterionId, [rating]);
    }
    return grouped;
  }, [data.ratings]);
  const labels = useMemo(
    () => new Map(data.participants.map((p) => [p.id, p.label])),
    [data.participants],
  );
  // Round 2's spreads, for the status of a criterion re-rated in round 2 (its latest round).
  const round2 = data.workshop.round2;
  const round2Spreads = useMemo(
    () =>
      round2
        ? new Map(
            spreads(
              round2.criterionIds,
              round2Ratings(data.ratings, round2),
              data.participants,
            ).map((s) => [s.criterionId, s]),
          )
        : null,
    [round2, data.ratings, data.participants],
  );
  const criteriaById = new Map(criteria.map((c) => [c.id, c]));
  return spreadList.map((spread) => {
    const agreement = data.agreements.find((a) => a.criterionId === spread.criterionId);
    return (
      <CriterionSpread
        key={spread.criterionId}
        workshopId={data.workshop.id}
        isAnonymous={data.workshop.isAnonymous}
        agreement={agreement}
        status={latestStatus(
          spread.criterionId,
          { round1: spread, round2Spread: round2Spreads?.get(spread.criterionId) ?? null },
          agreement,
          // The spread list is shown once round 1 is revealed.
          { revealedCriterionIds: [spread.criterionId], round2 },
        )}
        spread={spread}
        criterion={criteriaById.get(spread.criterionId)}
        individuals={byCriterion.get(spread.criterionId) ?? NONE}
        labels={labels}
        levelTitle={levelTitle}
        done={progress?.byCriterion.get(spread.criterionId)}
        isLate={late.includes(spread.criterionId)}
        round={agreementRound(spread.criterionId, data.workshop.round2)}
        roundData={data.workshop.round2?.criterionIds.includes(spread.criterionId) ? data : null}
        hasForm={hasForms}
        t={t}
        tableName={tableName}
      />
    );
  });
}

const NONE: readonly IndividualRatingRecord[] = [];

/**
 * A disclosure whose content is built only while it is open: the reveal paints 24 criteria at
 * once, and their closed tables and lists of names would more than double its time.
 */
function LazyDetails({
  className,
  summary,
  children,
}: {
  className: string;
  summary: string;
  children: () => ReactNode;
}) {
  const [isOpen, setOpen] = useState(false);
  return (
    <details className={className} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {isOpen && children()}
    </details>
  );
}

/**
 * One criterion's spread. Memoised: its props change only with its own ratings, agreement or
 * progress, so typing a rationale or recording one criterion re-renders that criterion alone.
 */
const CriterionSpread = memo(function CriterionSpread({
  workshopId,
  isAnonymous,
  agreement,
  status,
  spread,
  criterion,
  individuals,
  labels,
  levelTitle,
  done,
  isLate,
  round,
  roundData,
  hasForm,
  t,
  tableName,
}: {
  workshopId: string;
  isAnonymous: boolean;
  agreement: AgreementRecord | undefined;
  /** Its status from its latest round (domain/workshop/rounds.ts, latestStatus). */
  status: CriterionStatus;
  spread: Spread;
  criterion: Criterion | undefined;
  /** This criterion's ratings that have a level. */
  individuals: readonly IndividualRatingRecord[];
  /** Participants' labels by id. */
  labels: ReadonlyMap<string, string>;
  levelTitle: (level: LevelId) => string;
  done: Progress['overall'] | undefined;
  isLate: boolean;
  /** The round a level agreed now comes from. */
  round: 1 | 2;
  /** The workshop, for a criterion in round 2 only (so the others stay memoised). */
  roundData: WorkshopData | null;
  /** Whether its agreement form is there yet (SpreadPanel adds the forms just after the reveal). */
  hasForm: boolean;
  t: TFunction<'workshop'>;
  /** The name of a table's scroll area (ScrollRegion's), from the table's caption. */
  tableName: (caption: string) => string;
}) {
  const title = criterion?.title ?? spread.criterionId;
  const most = Math.max(1, ...LEVEL_IDS.map((level) => spread.counts[level]));
  const sectors = SECTORS.filter((s) => spread.bySector[s]);
  const headingId = `spread-${spread.criterionId}`;
  const caption = t('spread.caption', { title });
  const notes = isAnonymous ? 0 : individuals.filter((r) => r.note).length;
  const labelOf = (participantId: string): string => labels.get(participantId) ?? '';
  return (
    <article className="spread" aria-labelledby={headingId} data-criterion={spread.criterionId}>
      <h3 id={headingId} tabIndex={-1}>
        {title}
      </h3>
      <p className={`nhsuk-tag status-tag status-tag--${statusTone(status)}`}>
        {t(`status.${status}`)}
      </p>
      {done && <p className="nhsuk-hint">{t('progress.done', { ...done })}</p>}
      {isLate && <p className="nhsuk-inset-text">{t('late.criterion')}</p>}
      <div className="spread__figures">
        {/* The bars repeat the table beside them, so screen readers read the table only. */}
        <div className="spread-bars" aria-hidden="true">
          {LEVEL_IDS.map((level) => (
            <div key={level} className="spread-bars__row">
              <span className="spread-bars__label">{levelTitle(level)}</span>
              <span
                className={`spread-bars__bar spread-bars__bar--${level}`}
                data-bar-level={level}
                style={{ width: `${(spread.counts[level] / most) * 100}%` }}
              />
              <span className="spread-bars__count">{spread.counts[level]}</span>
            </div>
          ))}
        </div>
        <TableScroll name={tableName(caption)}>
          <table className="nhsuk-table app-table--compact">
            <caption className="nhsuk-u-visually-hidden">{caption}</caption>
            <LevelsHead levelTitle={levelTitle} />
            <tbody>
              <tr>
                {LEVEL_IDS.map((level) => (
                  <td key={level}>{spread.counts[level]}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </TableScroll>
      </div>
      <p>{spreadSummary(t, spread, levelTitle) ?? t('spread.none')}</p>
      {roundData && (
        <RoundCompare
          data={roundData}
          criterionId={spread.criterionId}
          title={title}
          levelTitle={levelTitle}
        />
      )}
      {sectors.length > 0 && (
        <LazyDetails className="spread__details" summary={t('spread.bySector')}>
          {() => (
            <ScrollRegion label={t('spread.bySectorCaption', { title })}>
              <table className="nhsuk-table app-table--compact">
                <caption className="nhsuk-u-visually-hidden">
                  {t('spread.bySectorCaption', { title })}
                </caption>
                <LevelsHead levelTitle={levelTitle} first={t('participants.sector')} />
                <tbody>
                  {sectors.map((sector) => (
                    <tr key={sector}>
                      <th scope="row">{t(`sectors.${sector}`)}</th>
                      {LEVEL_IDS.map((level) => (
                        <td key={level}>{spread.bySector[sector]?.[level] ?? 0}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </LazyDetails>
      )}
      {/* An anonymous workshop shows neither names nor notes, which could identify people. */}
      {!isAnonymous && individuals.length > 0 && (
        <LazyDetails className="spread__details" summary={t('spread.who')}>
          {() => (
            <ul className="flag-list" aria-label={t('spread.whoLabel', { title })}>
              {LEVEL_IDS.filter((level) => spread.counts[level] > 0).map((level) => (
                <li key={level}>
                  {t('spread.whoAtLevel', {
                    level: levelTitle(level),
                    names: NAMES.format(
                      individuals
                        .filter((r) => r.level === level)
                        .map((r) => labelOf(r.participantId)),
                    ),
                  })}
                </li>
              ))}
            </ul>
          )}
        </LazyDetails>
      )}
      {notes > 0 && (
        <LazyDetails className="spread__details" summary={t('spread.notes', { count: notes })}>
          {() => (
            <ul className="flag-list" aria-label={t('spread.notesLabel', { title })}>
              {individuals
                .filter((r) => r.note)
                .map((r) => (
                  <li key={r.participantId}>
                    {t('spread.note', {
                      name: labelOf(r.participantId),
                      level: levelTitle(r.level!),
                      note: r.note,
                    })}
                  </li>
                ))}
            </ul>
          )}
        </LazyDetails>
      )}
      {hasForm && (
        <AgreementForm
          workshopId={workshopId}
          criterionId={spread.criterionId}
          criterionTitle={title}
          current={agreement}
          levelTitle={levelTitle}
          round={round}
          t={t}
        />
      )}
    </article>
  );
});
