import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JsonFileField } from '@/components/form-field';
import type { ConflictChoice } from '@/domain/backup/import-plan';
import { useFocusAfter } from '@/hooks/use-focus-after';
import { formatNumber } from '@/lib/format';
import {
  openBackupFile,
  restoreBackup,
  unlockBackup,
  type RestoreProblem,
  type RestoreProgress,
  type RestoreStep,
} from '../lib/restore';
import { RestorePreview } from './restore-preview';
import { RestoreRefused } from './restore-refused';
import { UnlockForm } from './unlock-form';

/** Where a restore is: the steps of ../lib/restore.ts, and the screen's own while it waits. */
type Stage =
  | { kind: 'idle' }
  | ({ fileName: string } & (
      | RestoreStep
      /** Reading, checking or comparing the file, before anything is shown or written. */
      | { kind: 'checking'; stage: Exclude<RestoreProgress['stage'], 'writing'> }
      | { kind: 'writing'; done: number; total: number }
      | { kind: 'restored'; count: number }
      | { kind: 'failed'; problem: RestoreProblem }
    ));

/** Choose a backup file, unlock it if protected, see what it would change, then restore. */
export function RestoreCard() {
  const { t } = useTranslation('backup');
  const id = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [choice, setChoice] = useState<ConflictChoice>('keep-newer');
  const section = useRef<HTMLElement>(null);
  // Each step of a restore replaces the one before: focus follows it (the preview, the password,
  // the refusal, the progress and result), and goes back to the file field when it is cancelled.
  const focusAfter = useFocusAfter();
  const shownStage = useRef(stage.kind);
  useEffect(() => {
    if (shownStage.current === stage.kind) return;
    shownStage.current = stage.kind;
    const selector = {
      idle: 'input[type="file"]',
      checking: null,
      locked: '[data-testid="restore-locked"] input[type="password"]',
      preview: '[data-testid="restore-preview"] h3',
      writing: '[data-restore-status]',
      restored: '[data-restore-status]',
      refused: '[data-testid="restore-error"]',
      damaged: '[data-testid="restore-error"]',
      failed: '[data-testid="restore-error"]',
    }[stage.kind];
    if (selector) focusAfter(() => section.current?.querySelector<HTMLElement>(selector) ?? null);
  }, [stage.kind, focusAfter]);

  // While a file is read and checked, or written, the status says which stage it is at.
  const checking = (fileName: string) => (progress: RestoreProgress) => {
    if (progress.stage !== 'writing')
      setStage({ kind: 'checking', fileName, stage: progress.stage });
  };

  const chooseFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const fileName = file.name;
    const step = await openBackupFile(file, { onProgress: checking(fileName) });
    setStage({ ...step, fileName });
  };

  const unlock = async (password: string): Promise<void> => {
    if (stage.kind !== 'locked') return;
    const { fileName, text } = stage;
    setStage({
      ...(await unlockBackup(text, password, { onProgress: checking(fileName) })),
      fileName,
    });
  };

  const restore = async (): Promise<void> => {
    if (stage.kind !== 'preview') return;
    const { fileName, backup } = stage;
    setStage({ kind: 'writing', fileName, done: 0, total: 0 });
    const restored = await restoreBackup(backup, choice, ({ done, total }) =>
      setStage({ kind: 'writing', fileName, done, total }),
    );
    setStage(
      restored.ok
        ? { kind: 'restored', fileName, count: restored.value.count }
        : { kind: 'failed', fileName, problem: restored.problem },
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-restore`} ref={section}>
      <h2 id={`${id}-restore`}>{t('restore.heading')}</h2>
      <p>{t('restore.intro')}</p>
      <JsonFileField
        id={`${id}-file`}
        label={t('restore.file')}
        onFiles={(files) => void chooseFile(files[0])}
        disabled={stage.kind === 'checking' || stage.kind === 'writing'}
      />
      <div role="status" aria-live="polite" data-restore-status>
        {stage.kind === 'checking' && (
          <p>{t(`restore.stage.${stage.stage}`, { file: stage.fileName })}</p>
        )}
        {stage.kind === 'writing' && <p>{t('restore.writing', { file: stage.fileName })}</p>}
        {stage.kind === 'restored' && (
          <p className="notification">
            {t('restore.done', { file: stage.fileName, count: stage.count })}
          </p>
        )}
      </div>
      {/* Outside the status region: the count moves several times a second, too often to announce. */}
      {stage.kind === 'writing' && stage.total > 0 && (
        <div className="nhsuk-form-group" data-testid="restore-progress">
          <progress max={stage.total} value={stage.done} aria-label={t('restore.progress')} />
          <p className="nhsuk-hint">
            {t('restore.written', {
              done: formatNumber(stage.done),
              total: formatNumber(stage.total),
            })}
          </p>
        </div>
      )}
      {(stage.kind === 'refused' || stage.kind === 'failed' || stage.kind === 'damaged') && (
        <RestoreRefused
          fileName={stage.fileName}
          problem={
            stage.kind === 'refused'
              ? stage.problem
              : stage.kind === 'failed'
                ? stage.problem
                : stage.kind
          }
        />
      )}
      {stage.kind === 'locked' && (
        <UnlockForm
          fileName={stage.fileName}
          problem={stage.problem}
          onUnlock={(password) => void unlock(password)}
        />
      )}
      {stage.kind === 'preview' && (
        <RestorePreview
          fileName={stage.fileName}
          step={stage}
          choice={choice}
          onChoice={setChoice}
          onRestore={() => void restore()}
          onCancel={() => setStage({ kind: 'idle' })}
        />
      )}
    </section>
  );
}
