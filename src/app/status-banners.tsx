import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveSnapshot } from '@/hooks/use-save-state';
import { useWriteFailure } from '@/hooks/use-write-failure';
import type { SaveErrorKind } from '@/storage/save-queue';
import { focusMainHeading } from '@/lib/focus';
import { dismissWriteFailure, reportUnhandledStorageFailures } from '@/storage/write-report';

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Working offline is normal here; the indicator only reassures. */
export function OfflineIndicator() {
  const { t } = useTranslation('common');
  const isOnline = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  return (
    <div role="status" className="offline-region">
      {!isOnline && <p className="banner banner--offline">{t('offline')}</p>}
    </div>
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
