import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/form-field';
import { MIN_PASSWORD_LENGTH } from '@/lib/encryption';
import { listAssessmentSummaries } from '@/storage/repositories/assessments-repo';
import type { BackupScope } from '@/storage/repositories/backup-repo';
import { checkNewPassword, exportBackup, exportCsv, type PasswordProblem } from '../lib/export';

/** Download a backup (everything, one system or one assessment; optionally protected) or the CSV. */
export function ExportCard() {
  const { t } = useTranslation('backup');
  const id = useId();
  const summaries = useLiveQuery(() => listAssessmentSummaries(), []);
  const [scopeKind, setScopeKind] = useState<BackupScope['kind']>('all');
  const [scopeValue, setScopeValue] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [isProtected, setProtected] = useState(false);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [passwordProblem, setPasswordProblem] = useState<PasswordProblem | null>(null);

  const systems = [...new Map((summaries ?? []).map((s) => [s.systemKey, s.systemName.trim()]))];

  const downloadBackup = async (): Promise<void> => {
    const scope: BackupScope =
      scopeKind === 'system'
        ? { kind: 'system', systemKey: scopeValue || (systems[0]?.[0] ?? '') }
        : scopeKind === 'assessment'
          ? { kind: 'assessment', id: scopeValue || (summaries?.[0]?.id ?? '') }
          : { kind: 'all' };
    if (isProtected) {
      const problem = checkNewPassword(password, confirmation);
      setPasswordProblem(problem);
      if (problem) {
        document.getElementById(`${id}-password`)?.focus();
        return;
      }
    }
    const label =
      scope.kind === 'system'
        ? (systems.find(([key]) => key === scope.systemKey)?.[1] ?? '')
        : scope.kind === 'assessment'
          ? (summaries?.find((s) => s.id === scope.id)?.title ?? '')
          : t('export.everything');
    try {
      const { count } = await exportBackup({
        scope,
        label,
        protection: isProtected ? { password, suffix: t('export.protectedSuffix') } : null,
        appVersion: __APP_VERSION__,
      });
      setMessage(t('export.done', { count }));
    } catch {
      setMessage(t('export.failed'));
    }
  };

  const downloadCsv = async (): Promise<void> => {
    try {
      const { count } = await exportCsv();
      setMessage(t('csv.done', { count }));
    } catch {
      setMessage(t('export.failed'));
    }
  };

  return (
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
          <TextField
            id={`${id}-password`}
            label={t('export.password')}
            hint={t('export.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            error={
              passwordProblem &&
              t(`export.password-${passwordProblem}`, { min: MIN_PASSWORD_LENGTH })
            }
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <TextField
            id={`${id}-confirm`}
            label={t('export.confirm')}
            type="password"
            autoComplete="new-password"
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
          />
        </>
      )}
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button" onClick={() => void downloadBackup()}>
          {t('export.download')}
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => void downloadCsv()}
        >
          {t('csv.download')}
        </button>
      </div>
      <p className="nhsuk-hint">{t('csv.hint')}</p>
      <div role="status">{message && <p>{message}</p>}</div>
    </section>
  );
}
