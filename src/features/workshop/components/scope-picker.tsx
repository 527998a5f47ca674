import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework } from '@/domain/framework/schema';

/**
 * The criteria in scope, folded in a disclosure that says how many: one box per characteristic
 * (all its criteria at once) and one per criterion. Used when a workshop is started and when its
 * scope is changed later. `id` is the summary's (focused when the scope is refused).
 */
export function ScopePicker({
  id,
  framework,
  excluded,
  onChange,
  hasProblem,
}: {
  id: string;
  framework: Framework;
  /** The criteria left out. */
  excluded: ReadonlySet<string>;
  onChange: (excluded: Set<string>) => void;
  /** No criterion is in scope: said, and the disclosure opened. */
  hasProblem: boolean;
}) {
  const { t } = useTranslation('workshop');
  const criteria = framework.characteristics.flatMap((c) => c.criteria);
  const count = criteria.filter((c) => !excluded.has(c.id)).length;
  // The boxes are made only while the disclosure is open, not with the page.
  const [isShown, setShown] = useState(hasProblem);
  const isOpenNow = isShown || hasProblem;
  return (
    <details
      className="nhsuk-form-group scope"
      open={isOpenNow ? true : undefined}
      onToggle={(e) => setShown(e.currentTarget.open)}
    >
      <summary id={id}>{t('new.scope', { count, total: criteria.length })}</summary>
      <p className="nhsuk-hint">{t('new.scopeHint')}</p>
      {hasProblem && (
        <p className="nhsuk-error-message" id={`${id}-error`}>
          {t('new.scopeProblem')}
        </p>
      )}
      {isOpenNow &&
        framework.characteristics.map((characteristic) => (
          <fieldset key={characteristic.id} className="scope__group">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              {characteristic.title}
            </legend>
            <CharacteristicToggle
              title={characteristic.title}
              criterionIds={characteristic.criteria.map((c) => c.id)}
              excluded={excluded}
              onChange={onChange}
            />
            {characteristic.criteria.map((criterion) => (
              <label key={criterion.id} className="inline-radio scope__item">
                <input
                  type="checkbox"
                  checked={!excluded.has(criterion.id)}
                  onChange={(e) => {
                    const next = new Set(excluded);
                    if (e.target.checked) next.delete(criterion.id);
                    else next.add(criterion.id);
                    onChange(next);
                  }}
                />
                {criterion.title}
              </label>
            ))}
          </fieldset>
        ))}
    </details>
  );
}

/**
 * One box for a characteristic's criteria: ticked when all are in scope, mixed when some are
 * (the native indeterminate state, which screen readers announce as "mixed"), unticked when none.
 * Ticking it puts them all in scope; unticking it takes them all out.
 */
function CharacteristicToggle({
  title,
  criterionIds,
  excluded,
  onChange,
}: {
  title: string;
  criterionIds: readonly string[];
  excluded: ReadonlySet<string>;
  onChange: (excluded: Set<string>) => void;
}) {
  const { t } = useTranslation('workshop');
  const count = criterionIds.filter((c) => !excluded.has(c)).length;
  const isAll = count === criterionIds.length;
  const isMixed = count > 0 && !isAll;
  return (
    <label className="inline-radio scope__item scope__item--all">
      <input
        type="checkbox"
        checked={isAll}
        ref={(input) => {
          if (input) input.indeterminate = isMixed;
        }}
        onChange={() => {
          const next = new Set(excluded);
          for (const c of criterionIds) {
            if (isAll) next.add(c);
            else next.delete(c);
          }
          onChange(next);
        }}
      />
      {t('new.scopeAll', { title, count, total: criterionIds.length })}
    </label>
  );
}
