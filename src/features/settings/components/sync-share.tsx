import { useLiveQuery } from 'dexie-react-hooks';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SHARE_ALL, type SyncShare } from '@/domain/sync/share';
import { formatIsoDate } from '@/lib/format';
import {
  listAssessmentSummaries,
  type AssessmentSummary,
} from '@/storage/repositories/assessments-repo';

/**
 * "What this device shares" for partnership sync: every assessment, every assessment of chosen
 * systems (those made later too), or chosen assessments. NHS.UK radios with conditional reveals.
 */

type System = { key: string; name: string; assessments: AssessmentSummary[] };

/** This device's systems, alphabetically, each with its assessments newest first. */
function bySystem(summaries: readonly AssessmentSummary[]): System[] {
  const systems = new Map<string, System>();
  for (const summary of summaries) {
    const system = systems.get(summary.systemKey) ?? {
      key: summary.systemKey,
      name: summary.systemName.trim(),
      assessments: [],
    };
    system.assessments.push(summary);
    systems.set(summary.systemKey, system);
  }
  return [...systems.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export function shareSummary(t: TFunction<'settings'>, share: SyncShare = SHARE_ALL): string {
  switch (share.kind) {
    case 'all':
      return t('sync.share.summary.all');
    case 'systems':
      return t('sync.share.summary.systems', { count: share.systemKeys.length });
    case 'assessments':
      return t('sync.share.summary.assessments', { count: share.assessmentIds.length });
  }
}

function toggle(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

export function ShareFieldset({
  id,
  share,
  onChange,
  isEmptyError = false,
}: {
  id: string;
  share: SyncShare;
  onChange: (share: SyncShare) => void;
  /** The choice was submitted with nothing ticked. */
  isEmptyError?: boolean;
}) {
  const { t } = useTranslation('settings');
  const summaries = useLiveQuery(() => listAssessmentSummaries(), []);
  const systems = useMemo(() => bySystem(summaries ?? []), [summaries]);
  const errorId = `${id}-error`;

  const radio = (kind: SyncShare['kind'], next: () => SyncShare) => (
    <div className="nhsuk-radios__item">
      <input
        className="nhsuk-radios__input"
        id={`${id}-${kind}`}
        name={id}
        type="radio"
        checked={share.kind === kind}
        onChange={() => onChange(next())}
      />
      <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-${kind}`}>
        {t(`sync.share.${kind}`)}
      </label>
    </div>
  );

  return (
    <div className={`nhsuk-form-group${isEmptyError ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset
        className="nhsuk-fieldset"
        aria-describedby={[`${id}-hint`, isEmptyError ? errorId : null].filter(Boolean).join(' ')}
      >
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          {t('sync.share.legend')}
        </legend>
        <p className="nhsuk-hint" id={`${id}-hint`}>
          {t('sync.share.hint')}
        </p>
        {isEmptyError && (
          <p className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">{t('sync.share.errorPrefix')} </span>
            {t(`sync.share.empty.${share.kind === 'systems' ? 'systems' : 'assessments'}`)}
          </p>
        )}
        <div className="nhsuk-radios nhsuk-radios--conditional">
          {radio('all', () => SHARE_ALL)}
          {radio('systems', () => ({ kind: 'systems', systemKeys: [] }))}
          {share.kind === 'systems' && (
            <div className="nhsuk-radios__conditional" data-testid="share-systems">
              {systems.length === 0 && <p>{t('sync.share.none')}</p>}
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                {systems.map((system, index) => (
                  <Checkbox
                    key={system.key}
                    id={`${id}-system-${index}`}
                    label={t('sync.share.system', {
                      name: system.name,
                      count: system.assessments.length,
                    })}
                    checked={share.systemKeys.includes(system.key)}
                    onChange={(on) =>
                      onChange({ ...share, systemKeys: toggle(share.systemKeys, system.key, on) })
                    }
                  />
                ))}
              </div>
            </div>
          )}
          {radio('assessments', () => ({ kind: 'assessments', assessmentIds: [] }))}
          {share.kind === 'assessments' && (
            <div className="nhsuk-radios__conditional" data-testid="share-assessments">
              {systems.length === 0 && <p>{t('sync.share.none')}</p>}
              {systems.map((system) => (
                <fieldset key={system.key} className="nhsuk-fieldset">
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                    {system.name}
                  </legend>
                  <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                    {system.assessments.map((assessment) => (
                      <Checkbox
                        key={assessment.id}
                        id={`${id}-assessment-${assessment.id}`}
                        label={t('sync.share.assessment', {
                          title: assessment.title || t('sync.conflicts.untitled'),
                          date: formatIsoDate(assessment.asAt),
                        })}
                        checked={share.assessmentIds.includes(assessment.id)}
                        onChange={(on) =>
                          onChange({
                            ...share,
                            assessmentIds: toggle(share.assessmentIds, assessment.id, on),
                          })
                        }
                      />
                    ))}
                  </div>
                </fieldset>
              ))}
            </div>
          )}
        </div>
      </fieldset>
    </div>
  );
}

function Checkbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="nhsuk-checkboxes__item">
      <input
        className="nhsuk-checkboxes__input"
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
