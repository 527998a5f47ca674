import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

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
