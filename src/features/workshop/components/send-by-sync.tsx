import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseFile } from '@/domain/workshop/response-file';
import { formatTime } from '@/lib/format';
import { getSyncState, sendWorkshopResponse, subscribeSync } from '@/sync/sync-service';

/**
 * On a participant's own device, when partnership sync is on: sends the response through the
 * partnership's server instead of a file (the facilitator's device, syncing with the same
 * partnership, brings it in; docs/sync.md, "Live workshops"). Nothing shows while sync is off.
 */
export function SendBySync({
  build,
  onSent,
}: {
  /** The response with everything typed so far, or null if it could not be read back. */
  build: () => Promise<ResponseFile | null>;
  onSent: (at: number) => Promise<void>;
}) {
  const { t } = useTranslation('workshop');
  const sync = useSyncExternalStore(subscribeSync, getSyncState);
  const [state, setState] = useState<{ at: number } | 'failed' | 'not-syncing' | null>(null);
  if (!sync.settings?.enabled) return null;
  const isRunningHere = sync.snapshot !== null && !sync.otherTab && !sync.needsPassword;

  const send = async (): Promise<void> => {
    const response = await build();
    if (!response) {
      setState('failed');
      return;
    }
    try {
      if ((await sendWorkshopResponse(response)) === 'not-syncing') {
        setState('not-syncing');
        return;
      }
      const at = Date.parse(response.submittedAt);
      await onSent(at);
      setState({ at });
    } catch {
      setState('failed');
    }
  };

  return (
    <div data-testid="send-by-sync">
      <h3>{t('join.sync.heading')}</h3>
      <p>{t('join.sync.intro')}</p>
      {isRunningHere ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => void send()}
        >
          {t('join.sync.send')}
        </button>
      ) : (
        <p className="nhsuk-hint">{t('join.sync.notRunning')}</p>
      )}
      <div role="status">
        {state === 'failed' && <p className="nhsuk-error-message">{t('join.sync.failed')}</p>}
        {state === 'not-syncing' && <p className="nhsuk-hint">{t('join.sync.notRunning')}</p>}
        {state !== null && typeof state === 'object' && (
          <p>{t('join.sync.sent', { time: formatTime(state.at) })}</p>
        )}
      </div>
    </div>
  );
}
