import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { getSyncState, subscribeSync } from '@/sync/sync-service';

/**
 * On the facilitator's device, when partnership sync is on: participants whose devices sync with
 * the same partnership can send their ratings without a file (docs/sync.md, "Live workshops").
 * Nothing shows while sync is off.
 */
export function SyncResponsesNote() {
  const { t } = useTranslation('workshop');
  const sync = useSyncExternalStore(subscribeSync, getSyncState);
  if (!sync.settings?.enabled) return null;
  const received = sync.snapshot?.responsesReceived ?? 0;
  return (
    <p className="nhsuk-inset-text" data-testid="sync-responses">
      {t('own.sync.on')}{' '}
      {sync.snapshot && !sync.otherTab && !sync.needsPassword
        ? t('own.sync.received', { count: received })
        : t('own.sync.notRunning')}
    </p>
  );
}
