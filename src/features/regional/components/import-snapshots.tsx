import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileDropZone } from '@/components/file-drop-zone';
import type { Framework } from '@/domain/framework/schema';
import {
  MAX_SNAPSHOT_BYTES,
  readSnapshot,
  type Snapshot,
  type SnapshotProblem,
} from '@/domain/regional/snapshot';
import { formatIsoDate } from '@/lib/format';
import { importSnapshots, type SnapshotOutcome } from '@/storage/repositories/snapshots-repo';

type FileReport =
  | { file: string; kind: 'outcome'; outcome: SnapshotOutcome | 'not-saved'; snapshot: Snapshot }
  | { file: string; kind: 'problem'; problem: SnapshotProblem };

/**
 * Imports regional snapshot files, many at once (picker or drag and drop). Each file gets a line
 * saying what happened; a refused file changes nothing, and the accepted ones are stored in one
 * transaction (importing one again replaces it).
 */
export function ImportSnapshots({ framework }: { framework: Framework }) {
  const { t } = useTranslation('regional');
  const id = useId();
  const [reports, setReports] = useState<FileReport[] | null>(null);
  const [busy, setBusy] = useState(false);

  const importFiles = async (files: readonly File[]): Promise<void> => {
    if (files.length === 0) return;
    setBusy(true);
    const read = await Promise.all(
      files.map(async (file) => ({
        file: file.name,
        // Checked before reading, so a huge file is never loaded into memory.
        result:
          file.size > MAX_SNAPSHOT_BYTES
            ? { ok: false as const, problem: { code: 'too-large' as const } }
            : readSnapshot(await file.text(), [framework], file.size),
      })),
    );
    const accepted = read.flatMap((r) => (r.result.ok ? [r.result.value] : []));
    let outcomes: (SnapshotOutcome | 'not-saved')[];
    try {
      outcomes = accepted.length > 0 ? await importSnapshots(accepted) : [];
    } catch {
      outcomes = accepted.map(() => 'not-saved');
    }
    let next = 0;
    setReports(
      read.map((r): FileReport => {
        if (!r.result.ok) return { file: r.file, kind: 'problem', problem: r.result.problem };
        const index = next++;
        return {
          file: r.file,
          kind: 'outcome',
          outcome: outcomes[index]!,
          snapshot: r.result.value,
        };
      }),
    );
    setBusy(false);
  };

  const describe = (report: FileReport): string => {
    if (report.kind === 'problem')
      return t(`import.problem.${report.problem.code}`, { file: report.file, ...report.problem });
    return t(`import.outcome.${report.outcome}`, {
      file: report.file,
      system: report.snapshot.system.name,
      date: formatIsoDate(report.snapshot.asAt),
    });
  };

  const accepted =
    reports?.filter((r) => r.kind === 'outcome' && r.outcome !== 'not-saved').length ?? 0;

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('import.heading')}</h2>
      <FileDropZone
        id={`${id}-files`}
        label={t('import.chooseFiles')}
        hint={t('import.hint')}
        disabled={busy}
        onFiles={(files) => void importFiles(files)}
      />
      <div role="status" aria-live="polite" data-testid="import-report">
        {busy && <p>{t('import.importing')}</p>}
        {reports && !busy && (
          <>
            <p>{t('import.summary', { count: reports.length, accepted })}</p>
            <ul className="import-report">
              {reports.map((report, index) => (
                <li
                  key={`${report.file}-${index}`}
                  className={
                    report.kind === 'problem' || report.outcome === 'not-saved'
                      ? 'import-report__problem'
                      : undefined
                  }
                >
                  {describe(report)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
