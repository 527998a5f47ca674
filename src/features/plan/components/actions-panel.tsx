import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '@/components/scroll-region';
import { useFormDraft } from '@/hooks/use-form-draft';
import { ErrorSummary } from '@/components/error-summary';
import { TextField } from '@/components/form-field';
import { RemoveButton } from '@/components/remove-button';
import type { Framework } from '@/domain/framework/schema';
import {
  ACTION_STATUSES,
  checkAction,
  hasProblems,
  isOverdue,
  PLAN_LIMITS,
  type ActionProblems,
  type ActionStatus,
  type PlanAction,
} from '@/domain/plan';
import { formatIsoDate } from '@/lib/format';
import { addAction, deleteAction, updateAction } from '@/storage/repositories/plan-repo';
import { fireWrite, reportingWrite } from '@/storage/write-report';

type ActionsPanelProps = {
  systemKey: string;
  framework: Framework;
  actions: PlanAction[];
  today: string;
};

const GROUPINGS = ['characteristic', 'owner', 'dueDate'] as const;
type Grouping = (typeof GROUPINGS)[number];

const EMPTY = {
  title: '',
  owner: '',
  dueDate: '',
  status: 'not-started',
  criterionId: '',
  milestoneDate: '',
};

/** The development plan: actions with an owner, a due date and a status, tied to a criterion. */
export function ActionsPanel({ systemKey, framework, actions, today }: ActionsPanelProps) {
  const { t } = useTranslation('plan');
  const id = useId();
  // Kept as typed, so a half-written action survives a crash or a closed tab.
  const [draft, setDraft, clearDraft] = useFormDraft(`action:${systemKey}`, EMPTY);
  const [problems, setProblems] = useState<ActionProblems | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [grouping, setGrouping] = useState<Grouping>('characteristic');
  const criteria = framework.characteristics.flatMap((c) =>
    c.criteria.map((cr) => ({ ...cr, characteristicId: c.id })),
  );
  const criterionTitle = (criterionId: string | null): string =>
    criteria.find((c) => c.id === criterionId)?.title ?? t('actions.noCriterion');
  const characteristicTitle = (characteristicId: string): string =>
    framework.characteristics.find((c) => c.id === characteristicId)?.title ?? characteristicId;

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const found = checkAction(draft);
    setProblems(found);
    if (hasProblems(found)) {
      const first = found.title ? 'title' : found.owner ? 'owner' : 'due';
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const criterion = criteria.find((c) => c.id === draft.criterionId);
    try {
      await reportingWrite(
        addAction({
          systemKey,
          title: draft.title.trim(),
          owner: draft.owner.trim(),
          dueDate: draft.dueDate,
          status: draft.status as ActionStatus,
          characteristicId: criterion?.characteristicId ?? framework.characteristics[0]?.id ?? '',
          criterionId: criterion?.id ?? null,
          milestoneDate: draft.milestoneDate || null,
        }),
      );
      setNotice(
        draft.dueDate < today && draft.status !== 'done'
          ? t('actions.addedOverdue', { title: draft.title.trim() })
          : t('actions.added', { title: draft.title.trim() }),
      );
      await clearDraft();
      setProblems(null);
    } catch {
      setNotice(t('actions.failed'));
    }
  };

  const sorted = [...actions].sort((a, b) => {
    if (grouping === 'owner')
      return a.owner.localeCompare(b.owner, 'en-GB') || a.dueDate.localeCompare(b.dueDate);
    if (grouping === 'dueDate') return a.dueDate.localeCompare(b.dueDate);
    const order = (x: PlanAction): number =>
      framework.characteristics.findIndex((c) => c.id === x.characteristicId);
    return order(a) - order(b) || a.dueDate.localeCompare(b.dueDate);
  });
  const groupLabel = (action: PlanAction): string =>
    grouping === 'owner'
      ? action.owner
      : grouping === 'dueDate'
        ? t('actions.dueGroup', { date: formatIsoDate(action.dueDate) })
        : characteristicTitle(action.characteristicId);
  const overdueCount = actions.filter((a) => isOverdue(a, today)).length;

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {t('actions.heading')}
      </h2>
      <p>{t('actions.summary', { count: actions.length, overdue: overdueCount })}</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="action-form">
        <h3>{t('actions.addHeading')}</h3>
        <ErrorSummary
          items={[
            {
              fieldId: `${id}-title`,
              label: t('actions.title'),
              problem: problems?.title ?? null,
              max: PLAN_LIMITS.actionTitle,
            },
            {
              fieldId: `${id}-owner`,
              label: t('actions.owner'),
              problem: problems?.owner ?? null,
              max: PLAN_LIMITS.owner,
            },
            {
              fieldId: `${id}-due`,
              label: t('actions.dueDate'),
              problem: problems?.dueDate ?? null,
            },
          ]}
        />
        <TextField
          id={`${id}-title`}
          label={t('actions.title')}
          problem={problems?.title}
          max={PLAN_LIMITS.actionTitle}
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
        />
        <TextField
          id={`${id}-owner`}
          label={t('actions.owner')}
          problem={problems?.owner}
          max={PLAN_LIMITS.owner}
          value={draft.owner}
          onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
        />
        <TextField
          id={`${id}-due`}
          label={t('actions.dueDate')}
          problem={problems?.dueDate}
          type="date"
          value={draft.dueDate}
          onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })}
        />
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${id}-criterion`}>
            {t('actions.criterion')}
          </label>
          <select
            className="nhsuk-select"
            id={`${id}-criterion`}
            value={draft.criterionId}
            onChange={(e) => setDraft({ ...draft, criterionId: e.target.value })}
          >
            <option value="">{t('actions.noCriterion')}</option>
            {framework.characteristics.map((c) => (
              <optgroup key={c.id} label={c.title}>
                {c.criteria.map((cr) => (
                  <option key={cr.id} value={cr.id}>
                    {cr.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${id}-milestone`}>
            {t('actions.milestone')}
          </label>
          <select
            className="nhsuk-select"
            id={`${id}-milestone`}
            value={draft.milestoneDate}
            onChange={(e) => setDraft({ ...draft, milestoneDate: e.target.value })}
          >
            <option value="">{t('actions.noMilestone')}</option>
            {framework.milestones.map((m) => (
              <option key={m.date + m.label} value={m.date}>
                {t('actions.milestoneOption', { date: formatIsoDate(m.date), label: m.label })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="nhsuk-button">
          {t('actions.add')}
        </button>
      </form>
      <div role="status">{notice && <p>{notice}</p>}</div>

      {actions.length > 0 && (
        <>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`${id}-group`}>
              {t('actions.groupBy')}
            </label>
            <select
              className="nhsuk-select"
              id={`${id}-group`}
              value={grouping}
              onChange={(e) => setGrouping(e.target.value as Grouping)}
            >
              {GROUPINGS.map((g) => (
                <option key={g} value={g}>
                  {t(`actions.grouping.${g}`)}
                </option>
              ))}
            </select>
          </div>
          <ScrollRegion label={t('actions.heading')}>
            <table className="nhsuk-table" data-testid="actions-table">
              <caption className="nhsuk-u-visually-hidden">{t('actions.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`actions.grouping.${grouping}`)}</th>
                  <th scope="col">{t('actions.title')}</th>
                  <th scope="col">{t('actions.owner')}</th>
                  <th scope="col">{t('actions.dueDate')}</th>
                  <th scope="col">{t('actions.status')}</th>
                  <th scope="col">{t('actions.criterion')}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {sorted.map((action) => {
                  const overdue = isOverdue(action, today);
                  return (
                    <tr
                      key={action.id}
                      className={overdue ? 'row--overdue' : undefined}
                      data-action={action.title}
                    >
                      <td>{groupLabel(action)}</td>
                      <th scope="row">{action.title}</th>
                      <td className="wrap-anywhere">{action.owner}</td>
                      <td>
                        {formatIsoDate(action.dueDate)}
                        {overdue && (
                          <span className="nhsuk-tag nhsuk-tag--red">{t('actions.overdue')}</span>
                        )}
                      </td>
                      <td>
                        <label
                          className="nhsuk-u-visually-hidden"
                          htmlFor={`${id}-${action.id}-status`}
                        >
                          {t('actions.statusFor', { title: action.title })}
                        </label>
                        <select
                          className="nhsuk-select"
                          id={`${id}-${action.id}-status`}
                          value={action.status}
                          onChange={(e) =>
                            fireWrite(
                              updateAction(action.id, { status: e.target.value as ActionStatus }),
                            )
                          }
                        >
                          {ACTION_STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {t(`actions.statuses.${s}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>{criterionTitle(action.criterionId)}</td>
                      <td>
                        {/* With no other row left, focus goes to the plan's heading. */}
                        <RemoveButton
                          marker="data-action-remove"
                          fallback={() => document.getElementById(`${id}-heading`)}
                          onRemove={() => fireWrite(deleteAction(action.id))}
                        >
                          {t('actions.remove', { title: action.title })}
                        </RemoveButton>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
