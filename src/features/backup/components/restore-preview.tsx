import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup, BackupData } from '@/domain/backup/backup-format';
import { RECORD_KINDS, type ConflictChoice, type ImportPreview } from '@/domain/backup/import-plan';
import { formatDateTime } from '@/lib/format';
import { planCounts } from '../lib/restore';

/** What a valid backup would change here, the rule for conflicts, and Restore or Cancel. */
export function RestorePreview({
  fileName,
  step,
  choice,
  onChoice,
  onRestore,
  onCancel,
}: {
  fileName: string;
  step: { backup: Backup; preview: ImportPreview; local: BackupData };
  choice: ConflictChoice;
  onChoice: (choice: ConflictChoice) => void;
  onRestore: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('backup');
  const id = useId();
  const { preview } = step;
  return (
    <div className="banner" data-testid="restore-preview">
      <h3>{t('preview.heading', { file: fileName })}</h3>
      <ul>
        <li>{t('preview.added', { count: preview.added.length })}</li>
        <li>{t('preview.identical', { count: preview.identical })}</li>
        <li>{t('preview.conflicts', { count: preview.conflicts.length })}</li>
      </ul>
      <PlanCounts step={step} choice={choice} />
      {preview.conflicts.length > 0 && (
        <fieldset className="nhsuk-form-group">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            {t('preview.choice')}
          </legend>
          <ul>
            {preview.conflicts.map((c) => (
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
                onChange={() => onChoice(option)}
              />
              {t(`preview.choices.${option}`)}
            </label>
          ))}
        </fieldset>
      )}
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button" onClick={onRestore}>
          {t('preview.restore')}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          {t('preview.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Per record kind, what the chosen rule would add, replace or keep; nothing is ever removed. */
function PlanCounts({
  step,
  choice,
}: {
  step: { backup: Backup; local: BackupData };
  choice: ConflictChoice;
}) {
  const { t } = useTranslation('backup');
  const plan = useMemo(() => planCounts(step, choice), [step, choice]);
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
