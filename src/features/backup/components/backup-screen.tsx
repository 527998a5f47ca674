import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { readBackupStatus } from '@/storage/repositories/backup-repo';
import { ExportCard } from './export-card';
import { RestoreCard } from './restore-card';

/**
 * Backup and restore. The work is done by the use cases in ../lib (export.ts, restore.ts); the
 * components only ask for what they need and draw what comes back.
 */
export function BackupScreen() {
  const { t } = useTranslation('backup');
  const status = useLiveQuery(() => readBackupStatus(), []);
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="nhsuk-body-l">{t('intro')}</p>
      <p data-testid="last-backup">
        {status?.lastBackupAt
          ? t('last', { date: formatDateTime(status.lastBackupAt) })
          : t('never')}
      </p>
      <ExportCard />
      <RestoreCard />
    </>
  );
}
