import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { routes } from '@/config/routes';
import { shouldRemind, snoozeUntil } from '@/domain/backup/reminder';
import { formatDateTime } from '@/lib/format';
import { Link } from '@/lib/router';
import { readBackupStatus, snoozeBackupReminder } from '@/storage/repositories/backup-repo';
import { fireWrite } from '@/storage/write-report';

/** Answers live only on this device: after a week of unbacked-up changes, say so (snoozable). */
export function BackupReminder() {
  const { t } = useTranslation('assessments');
  const status = useLiveQuery(async () => {
    const current = await readBackupStatus();
    return { ...current, isDue: shouldRemind(current, Date.now()) };
  }, []);
  if (!status?.isDue) return null;
  return (
    <div
      className="banner"
      role="region"
      aria-label={t('reminder.label')}
      data-testid="backup-reminder"
    >
      <p>
        <strong>
          {status.lastBackupAt
            ? t('reminder.since', { date: formatDateTime(status.lastBackupAt) })
            : t('reminder.never')}
        </strong>
      </p>
      <div className="nhsuk-button-group">
        <Link className="nhsuk-button" href={routes.backup.href()}>
          {t('reminder.backUp')}
        </Link>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => fireWrite(snoozeBackupReminder(snoozeUntil(Date.now())))}
        >
          {t('reminder.snooze')}
        </button>
      </div>
    </div>
  );
}
