import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkAgreement,
  checkApproval,
  type Agreement,
  type AgreementInput,
  type AgreementProblems,
  type ApprovalProblems,
  STATUS_LIMITS,
} from '@/domain/assessment-status';
import { useFocusAfter } from '@/hooks/use-focus-after';
import { assessmentStatusText, statusChangeText } from '@/lib/assessment-status-text';
import { formatIsoDate, todayIso } from '@/lib/format';
import {
  agreeAssessment,
  approveAssessment,
  getAssessmentRecord,
  type StatusWrite,
} from '@/storage/repositories/assessments-repo';
import { listWorkshops } from '@/storage/repositories/workshops-repo';
import { reportingWrite } from '@/storage/write-report';
import { ErrorSummary } from './error-summary';
import { FieldError } from './field-error';
import { TextField } from './form-field';

/**
 * The assessment's status (draft, agreed, approved) with the control that records the next step:
 * how and when it was agreed, then which board approved it and when. Its history is underneath.
 * Shared by the editor and results; strings in `common` (statusPanel, assessmentStatus).
 */
export function AssessmentStatusPanel({
  assessmentId,
  criterionTitle,
}: {
  assessmentId: string;
  criterionTitle: (id: string) => string;
}) {
  const { t } = useTranslation('results');
  const headingId = useId();
  const record = useLiveQuery(() => getAssessmentRecord(assessmentId), [assessmentId]);
  const workshops = useLiveQuery(() => listWorkshops(assessmentId), [assessmentId]);
  const [done, setDone] = useState<'agreed' | 'approved' | null>(null);
  if (!record || !workshops) return null;
  const { status, statusHistory } = record;

  return (
    <section className="card status-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('statusPanel.heading')}</h2>
      <p className="status-panel__status" data-testid="assessment-status">
        <strong>{assessmentStatusText(status, t)}</strong>
      </p>
      <p role="status" className="status-panel__done">
        {done && t(`statusPanel.done.${done}`)}
      </p>
      {status.state === 'draft' && (
        <AgreementForm
          assessmentId={assessmentId}
          workshops={workshops}
          onDone={() => setDone('agreed')}
        />
      )}
      {status.state === 'agreed' && (
        <ApprovalForm
          assessmentId={assessmentId}
          agreement={status.agreement}
          onDone={() => setDone('approved')}
        />
      )}
      {status.state === 'approved' && <p className="nhsuk-hint">{t('statusPanel.approvedHint')}</p>}
      {statusHistory.length > 0 && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              {t('statusPanel.history', { count: statusHistory.length })}
            </span>
          </summary>
          <div className="nhsuk-details__text">
            <ol className="nhsuk-list status-panel__history" reversed>
              {[...statusHistory].reverse().map((change) => (
                <li key={`${change.at}-${change.reason}`}>
                  {statusChangeText(change, t, criterionTitle)}
                </li>
              ))}
            </ol>
          </div>
        </details>
      )}
    </section>
  );
}

/** Writes a status change; says so when storage refuses it (the banner says why). */
function useStatusWrite(onDone: () => void) {
  const [failed, setFailed] = useState(false);
  const write = async (change: Promise<StatusWrite>): Promise<void> => {
    setFailed(false);
    try {
      const result = await reportingWrite(change);
      if (result.ok) onDone();
      else setFailed(true);
    } catch {
      setFailed(true);
    }
  };
  return { failed, write };
}

function AgreementForm({
  assessmentId,
  workshops,
  onDone,
}: {
  assessmentId: string;
  workshops: readonly { id: string; title: string; date: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation('results');
  const id = useId();
  const focusAfter = useFocusAfter();
  const [input, setInput] = useState<AgreementInput>({
    by: null,
    workshopId: workshops[0]?.id ?? '',
    date: todayIso(),
  });
  const [problems, setProblems] = useState<AgreementProblems | null>(null);
  const { failed, write } = useStatusWrite(onDone);
  const byId = `${id}-by`;
  const fieldIds = { by: byId, workshopId: `${id}-workshop`, date: `${id}-date` } as const;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const checked = checkAgreement(input, workshops, todayIso());
    if (!checked.ok) {
      setProblems(checked.problem);
      const first = (['by', 'workshopId', 'date'] as const).find((f) => checked.problem[f]);
      if (first) focusAfter(() => document.getElementById(fieldIds[first]));
      return;
    }
    setProblems(null);
    void write(agreeAssessment(assessmentId, checked.value));
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('statusPanel.agree.heading')}</h3>
      <ErrorSummary
        items={[
          { fieldId: byId, label: t('statusPanel.agree.by'), problem: problems?.by ?? null },
          {
            fieldId: fieldIds.workshopId,
            label: t('statusPanel.agree.workshop'),
            problem: problems?.workshopId ?? null,
          },
          {
            fieldId: fieldIds.date,
            label: t('statusPanel.agree.date'),
            problem: problems?.date ?? null,
          },
        ]}
      />
      <div className={`nhsuk-form-group${problems?.by ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset
          className="nhsuk-fieldset"
          aria-describedby={problems?.by ? `${id}-by-error` : undefined}
        >
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            {t('statusPanel.agree.by')}
          </legend>
          <FieldError id={`${id}-by-error`} problem={problems?.by ?? null} />
          <div className="nhsuk-radios">
            {workshops.length > 0 && (
              <div className="nhsuk-radios__item">
                <input
                  className="nhsuk-radios__input"
                  id={byId}
                  type="radio"
                  name={`${id}-by`}
                  value="workshop"
                  checked={input.by === 'workshop'}
                  onChange={() => setInput({ ...input, by: 'workshop' })}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={byId}>
                  {t('statusPanel.agree.atWorkshop')}
                </label>
              </div>
            )}
            <div className="nhsuk-radios__item">
              <input
                className="nhsuk-radios__input"
                id={workshops.length > 0 ? `${id}-by-team` : byId}
                type="radio"
                name={`${id}-by`}
                value="leadership-team"
                checked={input.by === 'leadership-team'}
                onChange={() => setInput({ ...input, by: 'leadership-team' })}
              />
              <label
                className="nhsuk-label nhsuk-radios__label"
                htmlFor={workshops.length > 0 ? `${id}-by-team` : byId}
              >
                {t('statusPanel.agree.byTeam')}
              </label>
            </div>
          </div>
        </fieldset>
      </div>
      {input.by === 'workshop' && (
        <div
          className={`nhsuk-form-group${problems?.workshopId ? ' nhsuk-form-group--error' : ''}`}
        >
          <label className="nhsuk-label" htmlFor={fieldIds.workshopId}>
            {t('statusPanel.agree.workshop')}
          </label>
          <FieldError id={`${fieldIds.workshopId}-error`} problem={problems?.workshopId ?? null} />
          <select
            className="nhsuk-select"
            id={fieldIds.workshopId}
            value={input.workshopId}
            aria-invalid={problems?.workshopId ? true : undefined}
            aria-describedby={problems?.workshopId ? `${fieldIds.workshopId}-error` : undefined}
            onChange={(e) => setInput({ ...input, workshopId: e.target.value })}
          >
            {workshops.map((w) => (
              <option key={w.id} value={w.id}>
                {t('statusPanel.agree.workshopOption', {
                  title: w.title,
                  date: formatIsoDate(w.date),
                })}
              </option>
            ))}
          </select>
        </div>
      )}
      <TextField
        id={fieldIds.date}
        label={t('statusPanel.agree.date')}
        hint={t('statusPanel.dateHint')}
        problem={problems?.date}
        type="date"
        value={input.date}
        onChange={(e) => setInput({ ...input, date: e.target.value })}
      />
      {failed && (
        <p role="alert" className="nhsuk-error-message">
          {t('statusPanel.failed')}
        </p>
      )}
      <button type="submit" className="nhsuk-button">
        {t('statusPanel.agree.submit')}
      </button>
    </form>
  );
}

function ApprovalForm({
  assessmentId,
  agreement,
  onDone,
}: {
  assessmentId: string;
  agreement: Agreement;
  onDone: () => void;
}) {
  const { t } = useTranslation('results');
  const id = useId();
  const focusAfter = useFocusAfter();
  const [board, setBoard] = useState('');
  const [date, setDate] = useState(todayIso());
  const [problems, setProblems] = useState<ApprovalProblems | null>(null);
  const { failed, write } = useStatusWrite(onDone);
  const fieldIds = { board: `${id}-board`, date: `${id}-date` } as const;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const checked = checkApproval({ board, date }, agreement, todayIso());
    if (!checked.ok) {
      setProblems(checked.problem);
      const first = (['board', 'date'] as const).find((f) => checked.problem[f]);
      if (first) focusAfter(() => document.getElementById(fieldIds[first]));
      return;
    }
    setProblems(null);
    void write(approveAssessment(assessmentId, checked.value));
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('statusPanel.approve.heading')}</h3>
      <ErrorSummary
        items={[
          {
            fieldId: fieldIds.board,
            label: t('statusPanel.approve.board'),
            problem: problems?.board ?? null,
            max: STATUS_LIMITS.board,
          },
          {
            fieldId: fieldIds.date,
            label: t('statusPanel.approve.date'),
            problem: problems?.date ?? null,
          },
        ]}
      />
      <TextField
        id={fieldIds.board}
        label={t('statusPanel.approve.board')}
        hint={t('statusPanel.approve.boardHint')}
        problem={problems?.board}
        max={STATUS_LIMITS.board}
        autoComplete="off"
        value={board}
        onChange={(e) => setBoard(e.target.value)}
      />
      <TextField
        id={fieldIds.date}
        label={t('statusPanel.approve.date')}
        hint={t('statusPanel.approve.dateHint', { date: formatIsoDate(agreement.date) })}
        problem={problems?.date}
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
      />
      {failed && (
        <p role="alert" className="nhsuk-error-message">
          {t('statusPanel.failed')}
        </p>
      )}
      <button type="submit" className="nhsuk-button">
        {t('statusPanel.approve.submit')}
      </button>
    </form>
  );
}
