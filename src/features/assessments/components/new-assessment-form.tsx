import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '@/components/error-summary';
import { TextField } from '@/components/form-field';
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
      <TextField
        id={`${id}-system`}
        label={t('new.systemName')}
        hint={t('new.systemNameHint')}
        problem={problems?.systemName}
        max={LIMITS.systemName}
        name="systemName"
        autoComplete="organization"
        value={systemName}
        onChange={(e) => setSystemName(e.target.value)}
      />
      <TextField
        id={`${id}-title`}
        label={t('new.title')}
        problem={problems?.title}
        max={LIMITS.title}
        name="title"
        value={title}
        placeholder={t('new.defaultTitle')}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextField
        id={`${id}-date`}
        label={t('new.asAt')}
        problem={problems?.asAt}
        type="date"
        name="asAt"
        value={asAt}
        onChange={(e) => setAsAt(e.target.value)}
      />
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
