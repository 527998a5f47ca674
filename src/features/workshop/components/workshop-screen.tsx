import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@/config/routes';
import { allCriteria, levelTitle as titleOfLevel } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import type { LevelId } from '@/domain/levels';
import { spreads } from '@/domain/workshop/spread';
import { byId, useFocusAfter } from '@/hooks/use-focus-after';
import { usePageTitle } from '@/hooks/use-page-title';
import { formatIsoDate } from '@/lib/format';
import { pageHeading } from '@/lib/focus';
import { Link } from '@/lib/router';
import type { WorkshopData } from '@/storage/repositories/workshops-repo';
import { OwnDevicesPanel } from './own-devices-panel';
import { ParticipantsPanel } from './participants-panel';
import { PrivateRating } from './private-rating';
import { SpreadPanel } from './spread-panel';
import { WorkshopLoader } from './workshop-loader';

/**
 * A workshop: add participants, pass the laptop so each rates in private or import the response
 * files made on their own devices, reveal the spread, and record the agreed level (which becomes
 * the assessment's rating).
 */
export function WorkshopScreen({ workshopId }: { workshopId: string }) {
  return (
    <WorkshopLoader workshopId={workshopId}>
      {(data, framework) => <Workshop data={data} framework={framework} />}
    </WorkshopLoader>
  );
}

function Workshop({ data, framework }: { data: WorkshopData; framework: Framework }) {
  const { t } = useTranslation('workshop');
  const [rater, setRater] = useState<{ id: string; started: boolean } | null>(null);
  const criteria = allCriteria(framework).filter((c) => data.workshop.criterionIds.includes(c.id));
  const levelTitle = (level: LevelId): string => titleOfLevel(framework, level) ?? level;
  const raterParticipant = data.participants.find((p) => p.id === rater?.id);
  const id = useId();
  const focusAfter = useFocusAfter();
  // Each step of passing the laptop is a page of its own: its title, and focus on its heading.
  const show = (next: { id: string; started: boolean } | null): void => {
    setRater(next);
    focusAfter(next ? () => pageHeading() : byId(`${id}-rate-${rater?.id ?? ''}`));
  };
  usePageTitle(
    rater && raterParticipant
      ? [
          t(rater.started ? 'pageTitle.rating' : 'pageTitle.handover', {
            name: raterParticipant.label,
          }),
          data.workshop.title,
        ]
      : [t('pageTitle.workshop', { title: data.workshop.title })],
  );

  if (rater && raterParticipant) {
    return rater.started ? (
      <PrivateRating
        heading={t('rating.heading', { name: raterParticipant.label })}
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
        <button type="button" className="nhsuk-button" onClick={() => show(null)}>
          {t('rating.done')}
        </button>
      </PrivateRating>
    ) : (
      <section className="card handover" aria-labelledby="handover-heading">
        <h1 id="handover-heading" tabIndex={-1}>
          {t('handover.heading', { name: raterParticipant.label })}
        </h1>
        <p className="nhsuk-body-l">{t('handover.body')}</p>
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button"
            onClick={() => show({ id: raterParticipant.id, started: true })}
          >
            {t('handover.start', { name: raterParticipant.label })}
          </button>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => show(null)}
          >
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
        total={criteria.length}
        idPrefix={id}
        onRate={(participantId) => show({ id: participantId, started: false })}
      />
      <OwnDevicesPanel data={data} framework={framework} />
      <SpreadPanel
        data={data}
        criteria={criteria}
        spreadList={spreadList}
        levelTitle={levelTitle}
      />
    </>
  );
}
