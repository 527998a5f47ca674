import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@/lib/format';
import {
  readStorageReport,
  requestPersistentStorage,
  type StorageReport,
} from '@/storage/storage-health';
import { EraseDevice } from './erase-device';
import { RegionalDatabase } from './regional-database';
import { SyncSettings } from './sync-settings';

export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const [report, setReport] = useState<StorageReport | null>(null);
  const [requestResult, setRequestResult] = useState<boolean | null | undefined>(undefined);

  useEffect(() => {
    void readStorageReport().then(setReport);
  }, []);

  const ask = async (): Promise<void> => {
    setRequestResult(await requestPersistentStorage());
    setReport(await readStorageReport());
  };

  const persisted =
    report === null
      ? t('loading')
      : report.isPersisted === null
        ? t('persist.unknown')
        : report.isPersisted
          ? t('persist.yes')
          : t('persist.no');

  return (
    <>
      <h1>{t('heading')}</h1>
      <section className="card" aria-labelledby="storage-heading">
        <h2 id="storage-heading">{t('storage.heading')}</h2>
        <p>{t('storage.intro')}</p>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('persist.label')}</dt>
            <dd className="nhsuk-summary-list__value" data-testid="persisted">
              {persisted}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('storage.used')}</dt>
            <dd className="nhsuk-summary-list__value" data-testid="usage">
              {report?.usage != null && report.quota != null
                ? t('storage.usedValue', {
                    used: formatBytes(report.usage),
                    quota: formatBytes(report.quota),
                  })
                : t('storage.unknown')}
            </dd>
          </div>
        </dl>
        {report?.isPersisted !== true && (
          <button type="button" className="nhsuk-button" onClick={() => void ask()}>
            {t('persist.ask')}
          </button>
        )}
        <div role="status">
          {requestResult !== undefined && (
            <p>{requestResult ? t('persist.granted') : t('persist.refused')}</p>
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('privacy.heading')}</h2>
        <p>{t('privacy.body')}</p>
      </section>
      <SyncSettings />
      <RegionalDatabase />
      <EraseDevice />
      <p className="nhsuk-hint" data-testid="app-version">
        {t('version', { version: __APP_VERSION__, build: __BUILD_ID__ })}
      </p>
    </>
  );
}
