import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@/config/routes';
import { useSaveSnapshot } from '@/hooks/use-save-state';
import { useWriteFailure } from '@/hooks/use-write-failure';
import { focusMainHeading } from '@/lib/focus';
import { Link } from '@/lib/router';
import { dismissLostData, isStoredDataLost, subscribeStoredDataLost } from '@/storage/lost-data';
import type { SaveErrorKind } from '@/storage/save-queue';
import { dismissWriteFailure, reportUnhandledStorageFailures } from '@/storage/write-report';

// The banners about storage load with storage (after the first paint), not in the first load.

/** Both storage banners, in the order the shell shows them. */
export function StorageBanners({ openFailure }: { openFailure: SaveErrorKind | null }) {
  return (
    <>
      <StorageProblemBanner openFailure={openFailure} />
      <LostDataBanner />
    </>
  );
}

/**
 * Shown when IndexedDB refuses a write or cannot be opened. Autosaved edits are kept and retried;
 * a one-shot write that failed (storage/write-report) is said to be not done.
 */
export function StorageProblemBanner({ openFailure }: { openFailure: SaveErrorKind | null }) {
  const { t } = useTranslation('common');
  const { status, pending } = useSaveSnapshot();
  const writeFailure = useWriteFailure();
  useEffect(() => reportUnhandledStorageFailures(window), []);
  const kind = status.state === 'error' ? status.kind : openFailure;
  if (!kind && writeFailure) {
    return (
      <div role="alert" className="banner banner--error" data-testid="write-failure">
        <p>
          <strong>{t(`writeFailed.${writeFailure.kind}`)}</strong>
        </p>
        <p>{t('writeFailed.next')}</p>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => {
            dismissWriteFailure();
            focusMainHeading();
          }}
        >
          {t('writeFailed.dismiss')}
        </button>
      </div>
    );
  }
  if (!kind) return null;
  return (
    <div role="alert" className="banner banner--error">
      <p>
        <strong>{t(`storageProblem.${kind}`)}</strong>
      </p>
      <p>{t('storageProblem.kept', { count: pending.size })}</p>
    </div>
  );
}

/**
 * Shown from the start when the database is empty but this device's marker says it held the
 * person's data (storage/lost-data): the browser lost it, typically by deleting a database it
 * found damaged after a crash. It says what happened and how to get the work back, and stays
 * (across reloads too) until the person dismisses it or restores a backup. Nothing is deleted.
 */
export function LostDataBanner() {
  const { t } = useTranslation('common');
  const isLost = useSyncExternalStore(subscribeStoredDataLost, isStoredDataLost);
  if (!isLost) return null;
  return (
    <div role="alert" className="banner banner--error" data-testid="lost-data">
      <p>
        <strong>{t('lostData.what')}</strong>
      </p>
      <p>{t('lostData.why')}</p>
      <p>
        <Link href={routes.backup.href()}>{t('lostData.restore')}</Link>
      </p>
      <p>{t('lostData.noBackup')}</p>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={() => {
          void dismissLostData();
          focusMainHeading();
        }}
      >
        {t('lostData.dismiss')}
      </button>
    </div>
  );
}
