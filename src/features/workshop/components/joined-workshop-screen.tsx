import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '@/components/confirm-buttons';
import { usePageTitle } from '@/hooks/use-page-title';
import { routes } from '@/config/routes';
import { allCriteria, levelTitle as titleOfLevel } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import type { LevelId } from '@/domain/levels';
import { makeResponse, type ResponseFile } from '@/domain/workshop/response-file';
import { useFramework } from '@/hooks/use-framework';
import { downloadFile, safeFileName } from '@/lib/files';
import { formatDateTime, formatIsoDate } from '@/lib/format';
import { Link, navigate } from '@/lib/router';
import {
  getJoinedWorkshop,
  leaveJoinedWorkshop,
  markResponseExported,
} from '@/storage/repositories/joined-workshops-repo';
import { saveQueue } from '@/storage/autosave';
import type { JoinedWorkshopRecord } from '@/storage/schema';
import { reportingWrite } from '@/storage/write-report';
import { JoinedRound2 } from './joined-round2';
import { PrivateRating } from './private-rating';
import { SendBySync } from './send-by-sync';
import { codeName } from '../lib/code-name';

/**
 * Removing the workshop (and this person's ratings) from the device, in two steps; the second
 * says plainly whether the latest ratings were saved to a response file first.
 */
function RemoveFromDevice({ joined }: { joined: JoinedWorkshopRecord }) {
  const { t } = useTranslation('workshop');
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState(false);
  const unsent = joined.exportedAt === null || joined.updatedAt > joined.exportedAt;
  const remove = async (): Promise<void> => {
    try {
      await reportingWrite(leaveJoinedWorkshop(joined.workshopId));
      navigate(routes.join.href());
    } catch {
      setFailed(true);
    }
  };
  return (
    <section className="card" aria-labelledby="remove-heading">
      <h2 id="remove-heading">{t('join.removeHeading')}</h2>
      {!asking ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => setAsking(true)}
        >
          {t('join.remove')}
        </button>
      ) : (
        <div role="alert">
          <p>{t(unsent ? 'join.removeUnsent' : 'join.removeSent')}</p>
          <ConfirmButtons
            confirmLabel={t('join.removeConfirm')}
            cancelLabel={t('join.removeCancel')}
            onConfirm={() => void remove()}
            onCancel={() => setAsking(false)}
          />
          {failed && <p className="nhsuk-error-message">{t('join.removeFailed')}</p>}
        </div>
      )}
    </section>
  );
}

/**
 * A participant rates on their own device, then saves a response file for the facilitator. The
 * ratings are saved as they are made; the file can be made again at any time (the newer one
 * replaces the older one when the facilitator imports it).
 */
export function JoinedWorkshopScreen({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation('workshop');
  const joined = useLiveQuery(() => getJoinedWorkshop(workshopId), [workshopId]);
  if (joined === undefined) return <p>{t('loading')}</p>;
  if (joined === null) {
    return (
      <>
        <h1>{t('join.missing')}</h1>
        <Link href={routes.join.href()}>{t('join.heading')}</Link>
      </>
    );
  }
  return (
    <Suspense fallback={<p>{t('loading')}</p>}>
      <LoadedJoined joined={joined} />
    </Suspense>
  );
}

function LoadedJoined({ joined }: { joined: JoinedWorkshopRecord }) {
  const framework = useFramework(joined.frameworkId, joined.frameworkVersion);
  // Keyed by workshop, so moving to another joined workshop starts a fresh form.
  return <Joined key={joined.workshopId} joined={joined} framework={framework} />;
}

function Joined({ joined, framework }: { joined: JoinedWorkshopRecord; framework: Framework }) {
  const { t } = useTranslation('workshop');
  const [state, setState] = useState<{ file: string } | 'failed' | null>(null);
  const criteria = allCriteria(framework).filter((c) => joined.criterionIds.includes(c.id));
  const levelTitle = (level: LevelId): string => titleOfLevel(framework, level) ?? level;
  const changedSinceExport = joined.exportedAt !== null && joined.updatedAt > joined.exportedAt;
  usePageTitle([
    t('pageTitle.joined', { name: joined.participant.label }),
    joined.title || codeName(t, joined),
  ]);

  /** The response with everything typed so far: what is queued is written, then read back. */
  const latestResponse = async (): Promise<ResponseFile | null> => {
    const isSaved = await saveQueue.flush();
    const latest = isSaved ? await getJoinedWorkshop(joined.workshopId) : null;
    if (!latest) return null;
    return makeResponse({
      workshop: { id: latest.workshopId, title: latest.title },
      framework: { id: latest.frameworkId, version: latest.frameworkVersion },
      participant: latest.participant,
      ratings: latest.ratings,
      submittedAt: new Date().toISOString(),
    });
  };

  const saveFile = async (): Promise<void> => {
    const response = await latestResponse();
    if (!response) {
      setState('failed');
      return;
    }
    const file = safeFileName(
      [t('join.responseFilePrefix'), joined.participant.label, joined.title || joined.workshopId],
      'json',
    );
    try {
      downloadFile(`${JSON.stringify(response, null, 2)}\n`, file, 'application/json');
      await reportingWrite(
        markResponseExported(joined.workshopId, Date.parse(response.submittedAt)),
      );
      setState({ file });
    } catch {
      setState('failed');
    }
  };

  return (
    <>
      <p className="caption">
        {joined.title
          ? t('join.joinedItem', { title: joined.title, date: formatIsoDate(joined.date) })
          : t('join.joinedByCode', { code: codeName(t, joined) })}
      </p>
      <PrivateRating
        heading={t('join.ratingHeading', { name: joined.participant.label })}
        criteria={criteria}
        rater={{ kind: 'joined', workshopId: joined.workshopId }}
        initial={joined.ratings.map((r) => ({
          ...r,
          noteAt: joined.stamps?.[`${r.criterionId}:note`] ?? joined.updatedAt,
        }))}
        levelTitle={levelTitle}
      >
        <section className="card" aria-labelledby="send-heading">
          <h2 id="send-heading">{t('join.sendHeading')}</h2>
          <p>{t('join.sendIntro')}</p>
          {joined.exportedAt !== null && (
            <p className="nhsuk-hint">
              {t(changedSinceExport ? 'join.changedSinceExport' : 'join.lastExported', {
                time: formatDateTime(joined.exportedAt),
              })}
            </p>
          )}
          <button type="button" className="nhsuk-button" onClick={() => void saveFile()}>
            {t('join.saveResponse')}
          </button>
          <div role="status">
            {state === 'failed' && <p className="nhsuk-error-message">{t('join.exportFailed')}</p>}
            {state !== null && state !== 'failed' && (
              <p>{t('join.exported', { file: state.file })}</p>
            )}
          </div>
          <SendBySync
            build={latestResponse}
            onSent={(at) => reportingWrite(markResponseExported(joined.workshopId, at))}
          />
        </section>
        <JoinedRound2
          joined={joined}
          criteria={criteria}
          frameworkCriterionIds={allCriteria(framework).map((c) => c.id)}
          levelTitle={levelTitle}
        />
        <RemoveFromDevice joined={joined} />
      </PrivateRating>
    </>
  );
}
