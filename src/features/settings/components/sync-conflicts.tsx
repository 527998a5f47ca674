import { Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentStatus } from '@/domain/assessment-status';
import { criterionTitle, levelTitle } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import type { FieldConflict, Side } from '@/domain/sync/merge-assessment';
import { useFramework } from '@/hooks/use-framework';
import { assessmentStatusText } from '@/lib/assessment-status-text';
import { formatIsoDate } from '@/lib/format';
import type { SyncConflict } from '@/sync/engine';
import { resolveSyncConflict } from '@/sync/sync-service';

/**
 * The answers changed on this device and on another since they last agreed: both shown, side by
 * side, for the user to choose one of each. Nothing is kept or dropped until they do.
 */
export function SyncConflicts({ conflicts }: { conflicts: SyncConflict[] }) {
  const { t } = useTranslation('settings');
  return (
    <div data-testid="sync-conflicts">
      <h3>{t('sync.conflicts.heading', { count: conflicts.length })}</h3>
      <p>{t('sync.conflicts.intro')}</p>
      <Suspense fallback={<p>{t('loading')}</p>}>
        {conflicts.map((conflict) => (
          <ConflictForm key={conflict.assessmentId} conflict={conflict} />
        ))}
      </Suspense>
    </div>
  );
}

function ConflictForm({ conflict }: { conflict: SyncConflict }) {
  const { t } = useTranslation('settings');
  const framework = useFramework(conflict.frameworkId, conflict.frameworkVersion);
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const [missing, setMissing] = useState(false);
  const [failed, setFailed] = useState(false);
  const headingId = `sync-conflict-${conflict.assessmentId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (conflict.conflicts.some((c) => choices[c.key] === undefined)) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setFailed(!(await resolveSyncConflict(conflict.assessmentId, choices)));
  };

  return (
    <form
      className="app-sync-choice"
      aria-labelledby={headingId}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h4 id={headingId}>
        {t('sync.conflicts.assessment', {
          system: conflict.systemName,
          title: conflict.title || t('sync.conflicts.untitled'),
          date: formatIsoDate(conflict.asAt),
        })}
      </h4>
      {conflict.conflicts.map((field) => (
        <FieldChoice
          key={field.key}
          idPrefix={`${conflict.assessmentId}-${field.key}`}
          field={field}
          framework={framework}
          choice={choices[field.key]}
          isMissing={missing && choices[field.key] === undefined}
          onChoose={(side) => setChoices((old) => ({ ...old, [field.key]: side }))}
        />
      ))}
      {failed && (
        <p className="nhsuk-error-message" role="alert">
          {t('sync.conflicts.changed')}
        </p>
      )}
      <button type="submit" className="nhsuk-button">
        {t('sync.conflicts.keep')}
      </button>
    </form>
  );
}

function FieldChoice({
  idPrefix,
  field,
  framework,
  choice,
  isMissing,
  onChoose,
}: {
  idPrefix: string;
  field: FieldConflict;
  framework: Framework;
  choice: Side | undefined;
  isMissing: boolean;
  onChoose: (side: Side) => void;
}) {
  const { t } = useTranslation(['settings', 'common']);
  const id = idPrefix.replace(/[^A-Za-z0-9_-]/g, '-');
  const path = field.path;
  const what =
    path.scope === 'assessment'
      ? t(`sync.conflicts.assessmentField.${path.field}`)
      : t('sync.conflicts.ratingField', {
          criterion: criterionTitle(framework, path.criterionId) ?? path.criterionId,
          field: t(`sync.conflicts.field.${path.field}`),
        });
  const show = (value: unknown): string => {
    if (path.scope === 'assessment') {
      if (path.field === 'status')
        return assessmentStatusText((value as { status: AssessmentStatus }).status, t);
      if (path.field === 'asAt') return formatIsoDate(String(value));
      return String(value) || t('sync.conflicts.blank');
    }
    switch (path.field) {
      case 'level':
        return levelTitle(framework, value as string | null) ?? t('sync.conflicts.notAssessed');
      case 'confidence':
        return value ? t(`sync.conflicts.confidence.${String(value)}`) : t('sync.conflicts.blank');
      case 'rationale':
        return String(value) || t('sync.conflicts.blank');
      case 'evidence': {
        const items = value as { text: string; url: string }[];
        return items.length === 0
          ? t('sync.conflicts.blank')
          : items.map((item) => item.text || item.url).join('; ');
      }
    }
  };
  return (
    <div className={`nhsuk-form-group${isMissing ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={isMissing ? `${id}-error` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{what}</legend>
        {isMissing && (
          <p className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">{t('error.prefix', { ns: 'common' })}</span>
            {t('sync.conflicts.choose')}
          </p>
        )}
        <div className="nhsuk-radios">
          {(['mine', 'theirs'] as const).map((side) => (
            <div className="nhsuk-radios__item" key={side}>
              <input
                className="nhsuk-radios__input"
                id={`${id}-${side}`}
                name={id}
                type="radio"
                checked={choice === side}
                onChange={() => onChoose(side)}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-${side}`}>
                <span className="nhsuk-u-font-weight-bold">{t(`sync.conflicts.${side}`)}</span>{' '}
                <span className="app-break-anywhere">{show(field[side])}</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
