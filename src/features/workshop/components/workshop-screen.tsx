import { useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@/config/routes';
import { allCriteria, levelTitle as titleOfLevel } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import type { LevelId } from '@/domain/levels';
import type { LockStep } from '@/domain/workshop/private-lock';
import { votesAfterAgreement, workshopProgress } from '@/domain/workshop/progress';
import { makeRound2Code, roundPhase, timedVotes } from '@/domain/workshop/rounds';
import { spreads } from '@/domain/workshop/spread';
import { byId, useFocusAfter } from '@/hooks/use-focus-after';
import { usePageTitle } from '@/hooks/use-page-title';
import { formatIsoDate } from '@/lib/format';
import { pageHeading } from '@/lib/focus';
import { Link, navigate } from '@/lib/router';
import type { WorkshopData } from '@/storage/repositories/workshops-repo';
import { saveRound2Vote } from '@/storage/repositories/workshop-rounds-repo';
import { fireWrite } from '@/storage/write-report';
import { setLock, usePrivateLock } from '../lib/private-lock-store';
import { OwnDevicesPanel } from './own-devices-panel';
import { ParticipantsPanel } from './participants-panel';
import { PrivateRating } from './private-rating';
import { Round2Rating } from './round2-rating';
import { RoundsPanel } from './rounds-panel';
import { ScopePanel } from './scope-panel';
import { SpreadPanel } from './spread-panel';
import { WorkshopLoader } from './workshop-loader';

/**
 * A workshop: add participants, pass the laptop so each rates in private or import the response
 * files made on their own devices, reveal the spread, and record the agreed level (which becomes
 * the assessment's rating).
 */
export function WorkshopScreen({ workshopId }: { workshopId: string }) {
  const lock = usePrivateLock();
  return (
    <WorkshopLoader workshopId={workshopId} missing={lock ? <GoneWhileLocked /> : undefined}>
      {(data, framework) => <Workshop data={data} framework={framework} />}
    </WorkshopLoader>
  );
}

/** The workshop was deleted (in another tab) while locked: the hand-back is still the way out. */
function GoneWhileLocked() {
  const { t } = useTranslation('workshop');
  return (
    <section className="card handover" aria-labelledby="handover-heading">
      <h1 id="handover-heading" tabIndex={-1}>
        {t('missing')}
      </h1>
      <button type="button" className="nhsuk-button" onClick={() => setLock(null)}>
        {t('handBack.button')}
      </button>
    </section>
  );
}

function Workshop({ data, framework }: { data: WorkshopData; framework: Framework }) {
  const { t } = useTranslation('workshop');
  const lock = usePrivateLock();
  const rater = lock?.workshopId === data.workshop.id ? lock : null;
  const criteria = useMemo(
    () => allCriteria(framework).filter((c) => data.workshop.criterionIds.includes(c.id)),
    [framework, data.workshop.criterionIds],
  );
  const levelTitle = useCallback(
    (level: LevelId): string => titleOfLevel(framework, level) ?? level,
    [framework],
  );
  // Worked out again only when the votes change: the spread's blocks re-render only then.
  const room = useMemo(() => {
    const criterionIds = criteria.map((c) => c.id);
    return {
      spreadList: spreads(criterionIds, data.ratings, data.participants),
      progress: workshopProgress(
        criterionIds,
        data.participants.map((p) => p.id),
        data.ratings,
      ),
      late: votesAfterAgreement(criterionIds, timedVotes(data.ratings), data.agreements),
    };
  }, [criteria, data.ratings, data.participants, data.agreements]);
  const raterParticipant = data.participants.find((p) => p.id === rater?.participantId);
  // A participant removed elsewhere while holding the laptop: the hand-back still works.
  const raterName = raterParticipant?.label ?? t('handover.someone');
  const id = useId();
  const focusAfter = useFocusAfter();
  // While round 2 is open, passing the laptop opens round 2's criteria (issue 12).
  const round2 = data.workshop.round2;
  const isRound2Open = roundPhase(round2) === 'round-2-voting';
  const round2Criteria = criteria.filter((c) => round2?.criterionIds.includes(c.id));
  // Each step of passing the laptop is a page of its own: its title, and focus on its heading.
  const show = (next: LockStep): void => {
    if (!rater) return;
    setLock({ ...rater, step: next });
    focusAfter(() => pageHeading());
  };
  const passTo = (participantId: string): void => {
    setLock({ workshopId: data.workshop.id, participantId, step: 'handover' });
    // An entry of its own, so the browser's Back stays on the hand-over screen (app.tsx).
    navigate(routes.workshop.href(data.workshop.id));
    focusAfter(() => pageHeading());
  };
  // The deliberate way out: the facilitator's screen follows, focus on the participant's button.
  const handBack = (): void => {
    const participantId = rater?.participantId ?? '';
    setLock(null);
    focusAfter(byId(`${id}-rate-${participantId}`));
  };
  usePageTitle(
    rater
      ? [
          t(
            {
              handover: 'pageTitle.handover',
              rating: 'pageTitle.rating',
              finished: 'pageTitle.handBack',
            }[rater.step],
            { name: raterName },
          ),
          data.workshop.title,
        ]
      : [t('pageTitle.workshop', { title: data.workshop.title })],
  );

  const handBackButton = (isPrimary: boolean) => (
    <button
      type="button"
      className={`nhsuk-button${isPrimary ? '' : ' nhsuk-button--secondary'}`}
      onClick={handBack}
    >
      {t('handBack.button')}
    </button>
  );

  if (rater) {
    if (rater.step === 'rating' && raterParticipant && isRound2Open) {
      const own = data.ratings.filter((r) => r.participantId === raterParticipant.id);
      return (
        <Round2Rating
          heading={t('rounds.rateHeading', { name: raterName })}
          criteria={round2Criteria}
          initial={new Map(own.map((r) => [r.criterionId, r.round2?.level ?? null]))}
          round1={new Map(own.map((r) => [r.criterionId, r.level]))}
          rater={{
            kind: 'individual',
            workshopId: data.workshop.id,
            participantId: raterParticipant.id,
          }}
          notes={
            new Map(
              own.map((r) => [
                r.criterionId,
                {
                  note: r.round2?.note ?? '',
                  noteAt: r.stamps?.round2Note ?? r.round2?.ratedAt ?? 0,
                },
              ]),
            )
          }
          levelTitle={levelTitle}
          onChoose={(criterionId, level) =>
            fireWrite(saveRound2Vote(data.workshop.id, raterParticipant.id, criterionId, level))
          }
        >
          <button type="button" className="nhsuk-button" onClick={() => show('finished')}>
            {t('rating.done')}
          </button>
        </Round2Rating>
      );
    }
    if (rater.step === 'rating' && raterParticipant) {
      return (
        <PrivateRating
          heading={t('rating.heading', { name: raterName })}
          criteria={criteria}
          rater={{
            kind: 'individual',
            workshopId: data.workshop.id,
            participantId: raterParticipant.id,
          }}
          initial={data.ratings
            .filter((r) => r.participantId === raterParticipant.id)
            .map((r) => ({ ...r, noteAt: r.stamps?.note ?? r.ratedAt }))}
          levelTitle={levelTitle}
        >
          <button type="button" className="nhsuk-button" onClick={() => show('finished')}>
            {t('rating.done')}
          </button>
        </PrivateRating>
      );
    }
    if (rater.step === 'finished' || !raterParticipant) {
      return (
        <section className="card handover" aria-labelledby="handover-heading">
          <h1 id="handover-heading" tabIndex={-1}>
            {t('handBack.heading')}
          </h1>
          <p className="nhsuk-body-l">{t('handBack.body', { name: raterName })}</p>
          <div className="nhsuk-button-group">
            {handBackButton(true)}
            {raterParticipant && (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() => show('rating')}
              >
                {t('handBack.change', { name: raterName })}
              </button>
            )}
          </div>
        </section>
      );
    }
    return (
      <section className="card handover" aria-labelledby="handover-heading">
        <h1 id="handover-heading" tabIndex={-1}>
          {t('handover.heading', { name: raterName })}
        </h1>
        <p className="nhsuk-body-l">{t('handover.body')}</p>
        <div className="nhsuk-button-group">
          <button type="button" className="nhsuk-button" onClick={() => show('rating')}>
            {t('handover.start', { name: raterName })}
          </button>
          {handBackButton(false)}
        </div>
      </section>
    );
  }

  // Criteria taken out of scope keep their ratings, hidden: they do not count.
  const rated = (participantId: string): number =>
    data.ratings.filter((r) =>
      r.participantId !== participantId || !data.workshop.criterionIds.includes(r.criterionId)
        ? false
        : isRound2Open
          ? r.round2?.level != null && round2!.criterionIds.includes(r.criterionId)
          : r.level !== null,
    ).length;

  return (
    <>
      <p className="caption">{t('caption', { date: formatIsoDate(data.workshop.date) })}</p>
      <h1 tabIndex={-1}>{data.workshop.title}</h1>
      <p>
        <Link href={routes.workshopFacilitator.href(data.workshop.id)}>
          {t('facilitator.open')}
        </Link>
      </p>
      <ParticipantsPanel
        workshopId={data.workshop.id}
        data={data}
        rated={rated}
        total={isRound2Open ? round2Criteria.length : criteria.length}
        idPrefix={id}
        onRate={passTo}
      />
      <ScopePanel data={data} framework={framework} />
      <OwnDevicesPanel data={data} framework={framework} />
      <SpreadPanel
        data={data}
        criteria={criteria}
        spreadList={room.spreadList}
        levelTitle={levelTitle}
        progress={room.progress}
        late={room.late}
      />
      <RoundsPanel
        data={data}
        criteria={criteria}
        spreadList={room.spreadList}
        round2Code={
          round2
            ? makeRound2Code({
                workshopId: data.workshop.id,
                frameworkCriterionIds: allCriteria(framework).map((c) => c.id),
                round2,
              })
            : null
        }
      />
    </>
  );
}
