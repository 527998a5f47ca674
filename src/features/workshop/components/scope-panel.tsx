import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '@/components/confirm-buttons';
import { allCriteria, levelTitle } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import { makeJoinCode } from '@/domain/workshop/join-code';
import {
  scopeChange,
  type HiddenCriterion,
  type ScopeChange,
  type ScopeProblem,
} from '@/domain/workshop/set-up-change';
import { byId, useFocusAfter } from '@/hooks/use-focus-after';
import { changeScope } from '@/storage/repositories/workshop-setup-repo';
import type { WorkshopData } from '@/storage/repositories/workshops-repo';
import { reportingWrite } from '@/storage/write-report';
import { ScopePicker } from './scope-picker';

const LIST = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/**
 * Changing the criteria in scope after the workshop has started (issue 12, item 5). Criteria taken
 * out are hidden, never deleted; when that hides ratings, notes or an agreed level, the facilitator
 * is told exactly what, per criterion, and asked first. The join code carries the scope, so a new
 * scope means a new code: said with the warning and after saving, with what becomes of the codes
 * already handed out (they still work for the criteria still in scope).
 */
export function ScopePanel({ data, framework }: { data: WorkshopData; framework: Framework }) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const focusAfter = useFocusAfter();
  const known = allCriteria(framework).map((c) => c.id);
  const titles = new Map(allCriteria(framework).map((c) => [c.id, c.title]));
  const current = data.workshop.criterionIds;
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(
    () => new Set(known.filter((c) => !current.includes(c))),
  );
  const [problem, setProblem] = useState<ScopeProblem | null>(null);
  const [pending, setPending] = useState<ScopeChange | null>(null);
  const [outcome, setOutcome] = useState<
    { kind: 'saved'; count: number; code: string } | { kind: 'same' | 'failed' } | null
  >(null);
  const [busy, setBusy] = useState(false);

  const codeFor = (criterionIds: readonly string[]): string =>
    makeJoinCode({
      workshopId: data.workshop.id,
      frameworkCriterionIds: known,
      criterionIds,
      label: data.workshop.codeLabel,
    });

  const apply = async (change: ScopeChange): Promise<void> => {
    setBusy(true);
    try {
      const isSaved = await reportingWrite(changeScope(data.workshop.id, change.scope));
      setOutcome(
        isSaved
          ? { kind: 'saved', count: change.scope.length, code: codeFor(change.scope) }
          : { kind: 'failed' },
      );
    } catch {
      setOutcome({ kind: 'failed' });
    }
    setBusy(false);
    setPending(null);
    focusAfter(byId(`${id}-outcome`));
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setOutcome(null);
    const result = scopeChange({
      before: current,
      after: known.filter((c) => !excluded.has(c)),
      known,
      ratings: data.ratings,
      agreements: data.agreements,
    });
    if (!result.ok) {
      setProblem(result.problem);
      focusAfter(byId(result.problem === 'empty' ? `${id}-picker` : `${id}-outcome`));
      return;
    }
    setProblem(null);
    if (result.value.isSame) {
      setOutcome({ kind: 'same' });
      focusAfter(byId(`${id}-outcome`));
      return;
    }
    if (result.value.hidden.length === 0) {
      void apply(result.value);
      return;
    }
    setPending(result.value);
    focusAfter(byId(`${id}-warning`));
  };

  const describe = (hidden: HiddenCriterion): string => {
    const parts = [
      hidden.ratings > 0 ? t('setUp.hiddenRatings', { count: hidden.ratings }) : '',
      hidden.notes > 0 ? t('setUp.hiddenNotes', { count: hidden.notes }) : '',
      hidden.agreedLevel
        ? t('setUp.hiddenAgreed', {
            level: levelTitle(framework, hidden.agreedLevel) ?? hidden.agreedLevel,
          })
        : '',
      hidden.hasAgreementNote ? t('setUp.hiddenAgreementNote') : '',
    ].filter(Boolean);
    return t('setUp.hiddenItem', {
      title: titles.get(hidden.criterionId) ?? hidden.criterionId,
      what: LIST.format(parts),
    });
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('setUp.scopeHeading')}</h2>
      <p>{t('setUp.scopeIntro')}</p>
      <form onSubmit={submit} noValidate>
        <ScopePicker
          id={`${id}-picker`}
          framework={framework}
          excluded={excluded}
          onChange={(next) => {
            setExcluded(next);
            setPending(null);
          }}
          hasProblem={problem === 'empty'}
        />
        {pending ? (
          <div className="nhsuk-warning-callout" role="alert">
            <p id={`${id}-warning`} tabIndex={-1}>
              {t('setUp.hiddenIntro', { count: pending.hidden.length })}
            </p>
            <ul>
              {pending.hidden.map((hidden) => (
                <li key={hidden.criterionId}>{describe(hidden)}</li>
              ))}
            </ul>
            <p>{t('setUp.codeChange', { code: codeFor(pending.scope) })}</p>
            <ConfirmButtons
              confirmLabel={t('setUp.confirmScope')}
              cancelLabel={t('setUp.cancelScope')}
              disabled={busy}
              onConfirm={() => void apply(pending)}
              onCancel={() => {
                setPending(null);
                setExcluded(new Set(known.filter((c) => !current.includes(c))));
                focusAfter(byId(`${id}-picker`));
              }}
            />
          </div>
        ) : (
          <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={busy}>
            {t('setUp.saveScope')}
          </button>
        )}
      </form>
      <div role="status">
        {(outcome || problem === 'unknown-criterion') && (
          <div id={`${id}-outcome`} tabIndex={-1}>
            {problem === 'unknown-criterion' && (
              <p className="nhsuk-error-message">{t('setUp.unknownCriterion')}</p>
            )}
            {outcome?.kind === 'same' && <p>{t('setUp.scopeSame')}</p>}
            {outcome?.kind === 'failed' && (
              <p className="nhsuk-error-message">{t('setUp.scopeFailed')}</p>
            )}
            {outcome?.kind === 'saved' && (
              <>
                <p>{t('setUp.scopeSaved', { count: outcome.count })}</p>
                <p>{t('setUp.codeChange', { code: outcome.code })}</p>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
