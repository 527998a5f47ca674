import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '@/components/error-summary';
import { FieldError } from '@/components/field-error';
import { CURRENT_FRAMEWORK } from '@/config/frameworks';
import { routes } from '@/config/routes';
import {
  checkIsoDate,
  checkSystemName,
  checkTitle,
  LIMITS,
  type FieldProblem,
} from '@/domain/assessment';
import { todayIso } from '@/lib/format';
import { navigate } from '@/lib/router';
import { createAssessment } from '@/storage/repositories/assessments-repo';
import { reportingWrite } from '@/storage/write-report';

type Problems = {
  systemName: FieldProblem | null;
  title: FieldProblem | null;
  asAt: FieldProblem | null;
};

export function NewAssessmentForm() {
  const { t } = useTranslation('assessments');
  const id = useId();
  const [systemName, setSystemName] = useState('');
  const [title, setTitle] = useState('');
  const [asAt, setAsAt] = useState(todayIso());
  const [problems, setProblems] = useState<Problems | null>(null);
  const [failed, setFailed] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const found: Problems = {
      systemName: checkSystemName(systemName),
      title: checkTitle(title),
      asAt: checkIsoDate(asAt),
    };
    setProblems(found);
    if (found.systemName || found.title || found.asAt) {
      const firstInvalid = found.systemName ? 'system' : found.title ? 'title' : 'date';
      document.getElementById(`${id}-${firstInvalid}`)?.focus();
      return;
    }
    try {
      const newId = await reportingWrite(
        createAssessment({
          systemName: systemName.trim(),
          title: title.trim() || t('new.defaultTitle'),
          asAt,
          frameworkId: CURRENT_FRAMEWORK.id,
          frameworkVersion: CURRENT_FRAMEWORK.version,
        }),
      );
      navigate(routes.editor.href(newId));
    } catch {
      setFailed(true);
    }
  };

  const describedBy = (field: keyof Problems): string | undefined =>
    problems?.[field] ? `${id}-${field}-error` : undefined;

  return (
    <form
      className="card"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-heading`}
    >
      <h2 id={`${id}-heading`}>{t('new.heading')}</h2>
      <ErrorSummary
        items={[
          {
            fieldId: `${id}-system`,
            label: t('new.systemName'),
            problem: problems?.systemName ?? null,
            max: LIMITS.systemName,
          },
          {
            fieldId: `${id}-title`,
            label: t('new.title'),
            problem: problems?.title ?? null,
            max: LIMITS.title,
          },
          { fieldId: `${id}-date`, label: t('new.asAt'), problem: problems?.asAt ?? null },
        ]}
      />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-system`}>
          {t('new.systemName')}
        </label>
        <p className="nhsuk-hint" id={`${id}-system-hint`}>
          {t('new.systemNameHint')}
        </p>
        <FieldError
          id={`${id}-systemName-error`}
          problem={problems?.systemName ?? null}
          max={LIMITS.systemName}
        />
        <input
          className="nhsuk-input"
          id={`${id}-system`}
          name="systemName"
          autoComplete="organization"
          value={systemName}
          onChange={(e) => setSystemName(e.target.value)}
          aria-invalid={problems?.systemName ? true : undefined}
          aria-describedby={[`${id}-system-hint`, describedBy('systemName')]
            .filter(Boolean)
            .join(' ')}
        />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-title`}>
          {t('new.title')}
        </label>
        <FieldError id={`${id}-title-error`} problem={problems?.title ?? null} max={LIMITS.title} />
        <input
          className="nhsuk-input"
          id={`${id}-title`}
          name="title"
          value={title}
          placeholder={t('new.defaultTitle')}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={problems?.title ? true : undefined}
          aria-describedby={describedBy('title')}
        />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-date`}>
          {t('new.asAt')}
        </label>
        <FieldError id={`${id}-asAt-error`} problem={problems?.asAt ?? null} />
        <input
          className="nhsuk-input"
          id={`${id}-date`}
          type="date"
          name="asAt"
          value={asAt}
          onChange={(e) => setAsAt(e.target.value)}
          aria-invalid={problems?.asAt ? true : undefined}
          aria-describedby={describedBy('asAt')}
        />
      </div>
      {failed && (
        <p role="alert" className="nhsuk-error-message">
          {t('new.failed')}
        </p>
      )}
      <button type="submit" className="nhsuk-button">
        {t('new.submit')}
      </button>
    </form>
  );
}
