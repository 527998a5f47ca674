import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '@/hooks/use-page-title';
import { TextField } from '@/components/form-field';
import { MissingNotice } from '@/components/missing-notice';
import { routes } from '@/config/routes';
import { checkIsoDate, type Assessment } from '@/domain/assessment';
import { useFramework } from '@/hooks/use-framework';
import { allCriteria } from '@/domain/framework/lookups';
import { formatIsoDate, todayIso } from '@/lib/format';
import { Link, navigate } from '@/lib/router';
import { getAssessment } from '@/storage/repositories/assessments-repo';
import { createWorkshop, listWorkshops } from '@/storage/repositories/workshops-repo';
import { reportingWrite } from '@/storage/write-report';
import { codeLabelProblem, normaliseCodeLabel } from '@/domain/workshop/join-code';
import { ScopePicker } from './scope-picker';

/** The workshops of one assessment, and a form to start a new one (all criteria in scope). */
export function WorkshopListScreen({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation('workshop');
  const data = useLiveQuery(
    async () => ({
      assessment: await getAssessment(assessmentId),
      workshops: await listWorkshops(assessmentId),
    }),
    [assessmentId],
  );
  usePageTitle(data?.assessment ? [t('pageTitle.list', { title: data.assessment.title })] : null);
  if (data === undefined) return <p>{t('loading')}</p>;
  if (data.assessment === null) {
    return <MissingNotice heading={t('missing')} backLabel={t('back')} />;
  }
  const assessment = data.assessment;

  return (
    <>
      <p className="caption">
        {t('listCaption', { system: assessment.systemName, title: assessment.title })}
      </p>
      <h1>{t('listHeading')}</h1>
      <p className="nhsuk-body-l">{t('intro')}</p>
      {data.workshops.length > 0 && (
        <ul>
          {data.workshops.map((w) => (
            <li key={w.id}>
              <Link href={routes.workshop.href(w.id)}>
                {t('listItem', { title: w.title, date: formatIsoDate(w.date) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Suspense fallback={<p>{t('loading')}</p>}>
        <NewWorkshopForm assessment={assessment} />
      </Suspense>
    </>
  );
}

/** Title, date, facilitator, anonymity and the criteria in scope (all by default). */
function NewWorkshopForm({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const framework = useFramework(assessment.frameworkId, assessment.frameworkVersion);
  const criteria = allCriteria(framework);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(todayIso());
  const [facilitator, setFacilitator] = useState('');
  const [codeLabel, setCodeLabel] = useState('');
  const [isAnonymous, setAnonymous] = useState(false);
  const [problem, setProblem] = useState<'title' | 'date' | 'label' | 'scope' | null>(null);
  const labelProblem = codeLabelProblem(codeLabel);

  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const inScope = criteria.filter((c) => !excluded.has(c.id));
  const assessmentId = assessment.id;

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const found =
      title.trim() === '' || title.length > 160
        ? 'title'
        : checkIsoDate(date)
          ? 'date'
          : labelProblem
            ? 'label'
            : inScope.length === 0
              ? 'scope'
              : null;
    setProblem(found);
    if (found) {
      document.getElementById(`${id}-${found}`)?.focus();
      return;
    }
    let workshopId: string;
    try {
      workshopId = await reportingWrite(
        createWorkshop({
          assessmentId,
          title: title.trim(),
          date,
          facilitator: facilitator.trim(),
          isAnonymous,
          criterionIds: inScope.map((c) => c.id),
          ...(normaliseCodeLabel(codeLabel) ? { codeLabel: normaliseCodeLabel(codeLabel) } : {}),
        }),
      );
    } catch {
      // The storage banner says what happened; the form keeps what was typed.
      return;
    }
    navigate(routes.workshop.href(workshopId));
  };

  return (
    <form
      className="card"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-new`}
    >
      <h2 id={`${id}-new`}>{t('new.heading')}</h2>
      <TextField
        id={`${id}-title`}
        label={t('new.title')}
        error={problem === 'title' && t('new.titleProblem')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextField
        id={`${id}-date`}
        label={t('new.date')}
        error={problem === 'date' && t('new.dateProblem')}
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
      />
      <TextField
        id={`${id}-facilitator`}
        label={t('new.facilitator')}
        value={facilitator}
        onChange={(e) => setFacilitator(e.target.value)}
      />
      <TextField
        id={`${id}-label`}
        label={t('new.codeLabel')}
        hint={t('new.codeLabelHint')}
        error={problem === 'label' && labelProblem && t(`new.codeLabelProblem.${labelProblem}`)}
        value={codeLabel}
        onChange={(e) => setCodeLabel(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
      <div className="nhsuk-form-group">
        <label className="inline-radio">
          <input
            type="checkbox"
            checked={isAnonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
          />
          {t('new.anonymous')}
        </label>
      </div>
      <ScopePicker
        id={`${id}-scope`}
        framework={framework}
        excluded={excluded}
        onChange={setExcluded}
        hasProblem={problem === 'scope'}
      />
      <button type="submit" className="nhsuk-button">
        {t('new.submit')}
      </button>
    </form>
  );
}
