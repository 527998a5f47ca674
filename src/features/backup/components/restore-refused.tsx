import { useTranslation } from 'react-i18next';
import { MAX_BACKUP_BYTES, type BackupProblem } from '@/domain/backup/backup-format';
import { formatBytes } from '@/lib/format';
import type { RestoreProblem } from '../lib/restore';

/**
 * Why a file was not restored (refused, damaged, storage full, or the write failed): nothing was
 * changed.
 */
export function RestoreRefused({
  fileName,
  problem,
}: {
  fileName: string;
  problem: BackupProblem | 'damaged' | RestoreProblem;
}) {
  const { t } = useTranslation('backup');
  return (
    <div role="alert" className="banner banner--error" data-testid="restore-error">
      <p>
        <strong>{t('restore.refused', { file: fileName })}</strong>
      </p>
      <p>
        {problem === 'damaged'
          ? t('restore.damaged')
          : problem === 'write-failed'
            ? t('restore.writeFailed')
            : problem === 'storage-full'
              ? t('restore.storageFull')
              : problemText(t, problem)}
      </p>
      <p>{t('restore.nothingChanged')}</p>
    </div>
  );
}

function problemText(
  t: ReturnType<typeof useTranslation<'backup'>>['t'],
  problem: BackupProblem,
): string {
  switch (problem.code) {
    case 'too-large':
      return t('problem.too-large', {
        size: formatBytes(problem.bytes),
        max: formatBytes(MAX_BACKUP_BYTES),
      });
    case 'newer-version':
      return t('problem.newer-version', { version: problem.version });
    case 'invalid':
      return t('problem.invalid', { path: problem.path, detail: problem.detail });
    case 'dangling-rating':
      return t('problem.dangling-rating', { id: problem.assessmentId });
    case 'dangling-record':
      return t('problem.dangling-record', { table: problem.table, key: problem.key });
    case 'duplicate':
      return t('problem.duplicate', { table: problem.table, key: problem.key });
    case 'unknown-framework':
      return t('problem.unknown-framework', { id: problem.id, version: problem.version });
    case 'unknown-criterion':
      return t('problem.unknown-criterion', {
        table: problem.table,
        criterion: problem.criterionId,
      });
    default:
      return t(`problem.${problem.code}`);
  }
}
