import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkIsoDate } from '@/domain/assessment';
import { levelTitle } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import { DEFAULT_TARGET_DATE } from '@/domain/trajectory/trajectory';
import { RemoveButton } from '@/components/remove-button';
import { formatIsoDate } from '@/lib/format';
import { saveTargets } from '@/storage/repositories/plan-repo';
import { reportingWrite } from '@/storage/write-report';

type EditableTarget = { id: string; characteristicId: string; level: LevelId; date: string };

type TargetsEditorProps = {
  systemKey: string;
  framework: Framework;
  targets: readonly EditableTarget[];
  isDefault: boolean;
  firstAssessmentDate: string | null;
};

/**
 * Targets per characteristic: a level by a date. Every change saves the system's whole list at
 * once; the defaults (maturing by 1 April 2021) are stored the first time anything changes.
 */
export function TargetsEditor({
  systemKey,
  framework,
  targets,
  isDefault,
  firstAssessmentDate,
}: TargetsEditorProps) {
  const { t } = useTranslation('plan');
  const id = useId();
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const [failed, setFailed] = useState(false);
  // The defaults get real ids when first stored. Each row keeps the key it was drawn with, so
  // the control being used (a level just chosen) is not re-mounted and keeps focus.
  const [keys] = useState(() => new Map<string, string>());
  const keyOf = (targetId: string): string => keys.get(targetId) ?? targetId;

  const save = (next: EditableTarget[]): void => {
    setFailed(false);
    reportingWrite(
      saveTargets(
        systemKey,
        next.map((target) => {
          if (!target.id.startsWith('default-')) return target;
          const stored = crypto.randomUUID();
          keys.set(stored, keyOf(target.id));
          return { ...target, id: stored };
        }),
      ),
    ).catch(() => setFailed(true));
  };

  const change = (targetId: string, patch: Partial<EditableTarget>): void =>
    save(targets.map((target) => (target.id === targetId ? { ...target, ...patch } : target)));

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('targets.heading')}</h2>
      <p>{isDefault ? t('targets.defaultNote') : t('targets.intro')}</p>
      {failed && (
        <p role="alert" className="nhsuk-error-message">
          {t('targets.failed')}
        </p>
      )}
      {framework.characteristics.map((characteristic) => {
        const own = targets.filter((target) => target.characteristicId === characteristic.id);
        return (
          <fieldset key={characteristic.id} className="nhsuk-form-group target-group">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              {characteristic.title}
            </legend>
            {own.length === 0 && <p className="nhsuk-hint">{t('targets.none')}</p>}
            <ul className="target-list">
              {own.map((target, index) => {
                const rowId = `${id}-${target.id}`;
                const isBeforeFirst =
                  firstAssessmentDate !== null && target.date < firstAssessmentDate;
                return (
                  <li key={keyOf(target.id)} className="target-row">
                    <div className="nhsuk-form-group">
                      <label className="nhsuk-label" htmlFor={`${rowId}-level`}>
                        {t('targets.level', { number: index + 1 })}
                      </label>
                      <select
                        className="nhsuk-select"
                        id={`${rowId}-level`}
                        value={target.level}
                        onChange={(e) => change(target.id, { level: e.target.value as LevelId })}
                      >
                        {LEVEL_IDS.map((level) => (
                          <option key={level} value={level}>
                            {levelTitle(framework, level)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="nhsuk-form-group">
                      <label className="nhsuk-label" htmlFor={`${rowId}-date`}>
                        {t('targets.date', { number: index + 1 })}
                      </label>
                      {invalid[target.id] && (
                        <p className="nhsuk-error-message" id={`${rowId}-error`}>
                          {t('targets.invalidDate')}
                        </p>
                      )}
                      <input
                        className="nhsuk-input"
                        id={`${rowId}-date`}
                        type="date"
                        defaultValue={target.date}
                        aria-invalid={invalid[target.id] ? true : undefined}
                        aria-describedby={
                          [
                            invalid[target.id] ? `${rowId}-error` : null,
                            isBeforeFirst ? `${rowId}-note` : null,
                          ]
                            .filter(Boolean)
                            .join(' ') || undefined
                        }
                        onChange={(e) => {
                          const value = e.target.value;
                          const isValid = checkIsoDate(value) === null;
                          setInvalid((current) => ({ ...current, [target.id]: !isValid }));
                          if (isValid) change(target.id, { date: value });
                        }}
                      />
                      {isBeforeFirst && firstAssessmentDate && (
                        <p className="nhsuk-hint" id={`${rowId}-note`}>
                          {t('targets.beforeFirst', { date: formatIsoDate(firstAssessmentDate) })}
                        </p>
                      )}
                    </div>
                    {/* With no other target left, focus goes to Add. */}
                    <RemoveButton
                      marker="data-target-remove"
                      fallback={() => document.getElementById(`${id}-${characteristic.id}-add`)}
                      onRemove={() => save(targets.filter((other) => other.id !== target.id))}
                    >
                      {t('targets.remove', {
                        number: index + 1,
                        characteristic: characteristic.title,
                      })}
                    </RemoveButton>
                  </li>
                );
              })}
            </ul>
            <button
              id={`${id}-${characteristic.id}-add`}
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() =>
                save([
                  ...targets,
                  {
                    id: crypto.randomUUID(),
                    characteristicId: characteristic.id,
                    level: 'maturing',
                    date: DEFAULT_TARGET_DATE,
                  },
                ])
              }
            >
              {t('targets.add')}
              <span className="nhsuk-u-visually-hidden">
                {' '}
                {t('targets.addFor', { characteristic: characteristic.title })}
              </span>
            </button>
          </fieldset>
        );
      })}
    </section>
  );
}
