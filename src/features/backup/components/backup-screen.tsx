import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createBackup,
  MAX_BACKUP_BYTES,
  readBackup,
  type Backup,
  type BackupProblem,
} from '@/domain/backup/backup-format';
import { assessmentsCsv } from '@/domain/backup/csv';
import {
  planImport,
  previewImport,
  RECORD_KINDS,
  type ConflictChoice,
  type ImportPreview,
} from '@/domain/backup/plan-import';
import { systemKey } from '@/domain/plan';
import { formatBytes, formatDateTime, todayIso } from '@/lib/format';
import { downloadFile, safeFileName } from '@/lib/files';
import {
  decryptText,
  encryptText,
  isDamagedEncryptedBackup,
  isEncryptedBackup,
  MIN_PASSWORD_LENGTH,
} from '@/lib/encryption';
import { loadFramework, loadKnownFrameworks } from '@/lib/load-framework';
import { listAssessmentSummaries } from '@/storage/repositories/assessments-repo';
import {
  readBackupData,
  readBackupStatus,
  recordBackupMade,
  writeImport,
  type BackupScope,
} from '@/storage/repositories/backup-repo';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | {
      kind: 'locked';
      fileName: string;
      text: string;
      problem: 'wrong-password' | 'damaged' | null;
    }
  | { kind: 'damaged'; fileName: string }
  | { kind: 'refused'; fileName: string; problem: BackupProblem }
  | {
      kind: 'preview';
      fileName: string;
      backup: Backup;
      preview: ImportPreview;
      local: Backup['data'];
    }
  | { kind: 'writing'; fileName: string; done: number; total: number }
  | { kind: 'restored'; fileName: string; count: number }
  | { kind: 'failed'; fileName: string };

export function BackupScreen() {
  const { t } = useTranslation('backup');
  const id = useId();
  const summaries = useLiveQuery(() => listAssessmentSummaries(), []);
  const status = useLiveQuery(() => readBackupStatus(), []);
  const [scopeKind, setScopeKind] = useState<BackupScope['kind']>('all');
  const [scopeValue, setScopeValue] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [choice, setChoice] = useState<ConflictChoice>('keep-newer');
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  const [isProtected, setProtected] = useState(false);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [passwordProblem, setPasswordProblem] = useState<'short' | 'mismatch' | null>(null);
  const [unlockPassword, setUnlockPassword] = useState('');

  const systems = [
    ...new Map((summaries ?? []).map((s) => [systemKey(s.systemName), s.systemName.trim()])),
  ];

  const exportBackup = async (): Promise<void> => {
    const scope: BackupScope =
      scopeKind === 'system'
        ? { kind: 'system', systemKey: scopeValue || (systems[0]?.[0] ?? '') }
        : scopeKind === 'assessment'
          ? { kind: 'assessment', id: scopeValue || (summaries?.[0]?.id ?? '') }
          : { kind: 'all' };
    if (isProtected) {
      const problem =
        password.length < MIN_PASSWORD_LENGTH
          ? 'short'
          : password !== confirmation
            ? 'mismatch'
            : null;
      setPasswordProblem(problem);
      if (problem) {
        document.getElementById(`${id}-password`)?.focus();
        return;
      }
    }
    try {
      const data = await readBackupData(scope);
      const backup = createBackup(
        data,
        scope.kind,
        { name: 'ICS Maturity', version: __APP_VERSION__ },
        new Date(),
      );
      const label =
        scope.kind === 'system'
          ? (systems.find(([key]) => key === scope.systemKey)?.[1] ?? '')
          : scope.kind === 'assessment'
            ? (summaries?.find((s) => s.id === scope.id)?.title ?? '')
            : t('export.everything');
      const text = JSON.stringify(backup, null, 1);
      const content = isProtected ? JSON.stringify(await encryptText(text, password)) : text;
      const name = [
        'ics-maturity-backup',
        label,
        todayIso(),
        isProtected ? t('export.protectedSuffix') : '',
      ];
      downloadFile(content, safeFileName(name, 'json'), 'application/json');
      if (scope.kind === 'all') await recordBackupMade(Date.now());
      setExportMessage(t('export.done', { count: data.assessments.length }));
    } catch {
      setExportMessage(t('export.failed'));
    }
  };

  const exportCsv = async (): Promise<void> => {
    try {
      const data = await readBackupData();
      const items = await Promise.all(
        data.assessments.map(async (assessment) => ({
          assessment,
          ratings: data.ratings.filter((r) => r.assessmentId === assessment.id),
          framework: await loadFramework(assessment.frameworkId, assessment.frameworkVersion),
        })),
      );
      downloadFile(
        assessmentsCsv(items),
        safeFileName(['ics-maturity-ratings', todayIso()], 'csv'),
        'text/csv;charset=utf-8',
      );
      setExportMessage(t('csv.done', { count: data.assessments.length }));
    } catch {
      setExportMessage(t('export.failed'));
    }
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      setStage({
        kind: 'refused',
        fileName: file.name,
        problem: { code: 'too-large', bytes: file.size },
      });
      return;
    }
    setStage({ kind: 'reading', fileName: file.name });
    const text = await file.text();
    if (isDamagedEncryptedBackup(text)) {
      setStage({ kind: 'damaged', fileName: file.name });
      return;
    }
    if (isEncryptedBackup(text)) {
      setUnlockPassword('');
      setStage({ kind: 'locked', fileName: file.name, text, problem: null });
      return;
    }
    await check(file.name, text);
  };

  const check = async (fileName: string, text: string): Promise<void> => {
    const read = readBackup(text, await loadKnownFrameworks());
    if (!read.ok) {
      setStage({ kind: 'refused', fileName, problem: read.problem });
      return;
    }
    const local = await readBackupData();
    const preview = previewImport(read.value.data, local);
    setStage({ kind: 'preview', fileName, backup: read.value, preview, local });
  };

  const unlock = async (): Promise<void> => {
    if (stage.kind !== 'locked') return;
    const result = await decryptText(stage.text, unlockPassword);
    if (result.ok) await check(stage.fileName, result.text);
    else if (result.reason === 'damaged') setStage({ kind: 'damaged', fileName: stage.fileName });
    else setStage({ ...stage, problem: result.reason });
  };

  const restore = async (): Promise<void> => {
    if (stage.kind !== 'preview') return;
    const { fileName, backup } = stage;
    setStage({ kind: 'writing', fileName, done: 0, total: 1 });
    try {
      // Planned against this device as it is now, by the same rule the preview showed.
      const resolved = planImport(backup.data, await readBackupData(), choice, () =>
        crypto.randomUUID(),
      ).put;
      await writeImport(resolved, (done, total) =>
        setStage({ kind: 'writing', fileName, done, total }),
      );
      setStage({ kind: 'restored', fileName, count: resolved.assessments.length });
    } catch {
      setStage({ kind: 'failed', fileName });
    }
  };

  const problemText = (problem: BackupProblem): string => {
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
  };

  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="nhsuk-body-l">{t('intro')}</p>
      <p data-testid="last-backup">
        {status?.lastBackupAt
          ? t('last', { date: formatDateTime(status.lastBackupAt) })
          : t('never')}
      </p>

      <section className="card" aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>{t('export.heading')}</h2>
        <fieldset className="nhsuk-form-group inline-radios">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            {t('export.scope')}
          </legend>
          {(['all', 'system', 'assessment'] as const).map((kind) => (
            <label key={kind} className="inline-radio">
              <input
                type="radio"
                name={`${id}-scope`}
                checked={scopeKind === kind}
                onChange={() => {
                  setScopeKind(kind);
                  setScopeValue('');
                }}
              />
              {t(`export.scopes.${kind}`)}
            </label>
          ))}
        </fieldset>
        {scopeKind === 'system' && (
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`${id}-system`}>
              {t('export.system')}
            </label>
            <select
              className="nhsuk-select"
              id={`${id}-system`}
              value={scopeValue}
              onChange={(e) => setScopeValue(e.target.value)}
            >
              {systems.map(([key, name]) => (
                <option key={key} value={key}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
        {scopeKind === 'assessment' && (
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`${id}-assessment`}>
              {t('export.assessment')}
            </label>
            <select
              className="nhsuk-select"
              id={`${id}-assessment`}
              value={scopeValue}
              onChange={(e) => setScopeValue(e.target.value)}
            >
              {(summaries ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {t('export.assessmentOption', {
                    system: s.systemName.trim(),
                    title: s.title,
                    date: s.asAt,
                  })}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="nhsuk-form-group">
          <label className="inline-radio">
            <input
              type="checkbox"
              checked={isProtected}
              onChange={(e) => setProtected(e.target.checked)}
            />
            {t('export.protect')}
          </label>
        </div>
        {isProtected && (
          <>
            <p className="nhsuk-hint" id={`${id}-password-hint`}>
              {t('export.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            </p>
            {passwordProblem && (
              <p className="nhsuk-error-message" id={`${id}-password-error`}>
                {t(`export.password-${passwordProblem}`, { min: MIN_PASSWORD_LENGTH })}
              </p>
            )}
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={`${id}-password`}>
                {t('export.password')}
              </label>
              <input
                className="nhsuk-input"
                id={`${id}-password`}
                type="password"
                autoComplete="new-password"
                value={password}
                aria-invalid={passwordProblem ? true : undefined}
                aria-describedby={[
                  `${id}-password-hint`,
                  passwordProblem ? `${id}-password-error` : '',
                ]
                  .join(' ')
                  .trim()}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={`${id}-confirm`}>
                {t('export.confirm')}
              </label>
              <input
                className="nhsuk-input"
                id={`${id}-confirm`}
                type="password"
                autoComplete="new-password"
                value={confirmation}
                onChange={(e) => setConfirmation(e.target.value)}
              />
            </div>
          </>
        )}
        <div className="nhsuk-button-group">
          <button type="button" className="nhsuk-button" onClick={() => void exportBackup()}>
            {t('export.download')}
          </button>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => void exportCsv()}
          >
            {t('csv.download')}
          </button>
        </div>
        <p className="nhsuk-hint">{t('csv.hint')}</p>
        <div role="status">{exportMessage && <p>{exportMessage}</p>}</div>
      </section>

      <section className="card" aria-labelledby={`${id}-restore`}>
        <h2 id={`${id}-restore`}>{t('restore.heading')}</h2>
        <p>{t('restore.intro')}</p>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${id}-file`}>
            {t('restore.file')}
          </label>
          <input
            className="app-file-input"
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            onChange={(e) => void chooseFile(e)}
            disabled={stage.kind === 'reading' || stage.kind === 'writing'}
          />
        </div>
        <div role="status" aria-live="polite">
          {stage.kind === 'reading' && <p>{t('restore.reading', { file: stage.fileName })}</p>}
          {stage.kind === 'writing' && (
            <>
              <p>{t('restore.writing', { file: stage.fileName })}</p>
              <progress max={stage.total} value={stage.done} aria-label={t('restore.progress')} />
            </>
          )}
          {stage.kind === 'restored' && (
            <p className="notification">
              {t('restore.done', { file: stage.fileName, count: stage.count })}
            </p>
          )}
        </div>
        {(stage.kind === 'refused' || stage.kind === 'failed' || stage.kind === 'damaged') && (
          <div role="alert" className="banner banner--error" data-testid="restore-error">
            <p>
              <strong>{t('restore.refused', { file: stage.fileName })}</strong>
            </p>
            <p>
              {stage.kind === 'refused'
                ? problemText(stage.problem)
                : stage.kind === 'damaged'
                  ? t('restore.damaged')
                  : t('restore.writeFailed')}
            </p>
            <p>{t('restore.nothingChanged')}</p>
          </div>
        )}
        {stage.kind === 'locked' && (
          <form
            className="banner"
            data-testid="restore-locked"
            onSubmit={(e) => {
              e.preventDefault();
              void unlock();
            }}
          >
            <p>{t('restore.locked', { file: stage.fileName })}</p>
            {stage.problem === 'wrong-password' && (
              <p role="alert" className="nhsuk-error-message" id={`${id}-unlock-error`}>
                {t('restore.wrongPassword')}
              </p>
            )}
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor={`${id}-unlock`}>
                {t('restore.password')}
              </label>
              <input
                className="nhsuk-input"
                id={`${id}-unlock`}
                type="password"
                autoComplete="current-password"
                value={unlockPassword}
                aria-invalid={stage.problem ? true : undefined}
                aria-describedby={stage.problem ? `${id}-unlock-error` : undefined}
                onChange={(e) => setUnlockPassword(e.target.value)}
              />
            </div>
            <button type="submit" className="nhsuk-button">
              {t('restore.unlock')}
            </button>
          </form>
        )}
        {stage.kind === 'preview' && (
          <div className="banner" data-testid="restore-preview">
            <h3>{t('preview.heading', { file: stage.fileName })}</h3>
            <ul>
              <li>{t('preview.added', { count: stage.preview.added.length })}</li>
              <li>{t('preview.identical', { count: stage.preview.identical })}</li>
              <li>{t('preview.conflicts', { count: stage.preview.conflicts.length })}</li>
            </ul>
            <PlanCounts stage={stage} choice={choice} />
            {stage.preview.conflicts.length > 0 && (
              <fieldset className="nhsuk-form-group">
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                  {t('preview.choice')}
                </legend>
                <ul>
                  {stage.preview.conflicts.map((c) => (
                    <li key={c.id}>
                      {t('preview.conflict', {
                        title: c.title,
                        system: c.systemName,
                        local: formatDateTime(c.localUpdatedAt),
                        incoming: formatDateTime(c.incomingUpdatedAt),
                      })}
                    </li>
                  ))}
                </ul>
                {(['keep-newer', 'keep-both', 'skip'] as const).map((option) => (
                  <label key={option} className="inline-radio">
                    <input
                      type="radio"
                      name={`${id}-choice`}
                      checked={choice === option}
                      onChange={() => setChoice(option)}
                    />
                    {t(`preview.choices.${option}`)}
                  </label>
                ))}
              </fieldset>
            )}
            <div className="nhsuk-button-group">
              <button type="button" className="nhsuk-button" onClick={() => void restore()}>
                {t('preview.restore')}
              </button>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() => setStage({ kind: 'idle' })}
              >
                {t('preview.cancel')}
              </button>
            </div>
          </div>
        )}
      </section>
    </>
  );
}

/** Per record kind, what the chosen rule would add, replace or keep; nothing is ever removed. */
function PlanCounts({
  stage,
  choice,
}: {
  stage: { backup: Backup; local: Backup['data'] };
  choice: ConflictChoice;
}) {
  const { t } = useTranslation('backup');
  const { backup, local } = stage;
  // Only the counts are used, so the ids a real restore would draw are not needed here.
  const plan = useMemo(
    () => planImport(backup.data, local, choice, () => ''),
    [backup, local, choice],
  );
  const kinds = RECORD_KINDS.filter((kind) => {
    const c = plan.counts[kind];
    return c.added + c.replaced + c.kept > 0;
  });
  return (
    <>
      <h4>{t('preview.changesHeading')}</h4>
      <ul data-testid="restore-counts">
        {kinds.length === 0 && <li>{t('preview.noChanges')}</li>}
        {kinds.map((kind) => (
          <li key={kind} data-kind={kind}>
            {t('preview.kindLine', {
              kind: t(`preview.kinds.${kind}`),
              added: plan.counts[kind].added,
              replaced: plan.counts[kind].replaced,
              kept: plan.counts[kind].kept,
            })}
          </li>
        ))}
        {plan.rekeyed > 0 && <li>{t('preview.rekeyed', { count: plan.rekeyed })}</li>}
      </ul>
      <p>{t('preview.nothingRemoved')}</p>
    </>
  );
}
