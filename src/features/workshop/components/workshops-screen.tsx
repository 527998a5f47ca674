import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@/config/routes';
import { checkIsoDate } from '@/domain/assessment';
import { allCriteria } from '@/domain/framework/parse-framework';
import { formatIsoDate, todayIso } from '@/lib/format';
import { loadFramework } from '@/lib/load-framework';
import { Link, navigate } from '@/lib/router';
import { getAssessment } from '@/storage/repositories/assessments-repo';
import { createWorkshop, listWorkshops } from '@/storage/repositories/workshops-repo';

/** The workshops of one assessment, and a form to start a new one (all criteria in scope). */
export function WorkshopsScreen({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation('workshop');
  const id = useId();
  const data = useLiveQuery(
    async () => ({
      assessment: await getAssessment(assessmentId),
      workshops: await listWorkshops(assessmentId),
    }),
    [assessmentId],
  );
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(todayIso());
  const [facilitator, setFacilitator] = useState('');
  const [isAnonymous, setAnonymous] = useState(false);
  const [problem, setProblem] = useState<'title' | 'date' | null>(null);

  if (data === undefined) return <p>{t('loading')}</p>;
  if (data.assessment === null) {
    return (
      <>
        <h1>{t('missing')}</h1>
        <Link href={routes.assessments.href()}>{t('back')}</Link>
      </>
    );
  }
  const assessment = data.assessment;

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const found =
      title.trim() === '' || title.length > 160 ? 'title' : checkIsoDate(date) ? 'date' : null;
    setProblem(found);
    if (found) {
      document.getElementById(`${id}-${found}`)?.focus();
      return;
    }
    const framework = await loadFramework(assessment.frameworkId, assessment.frameworkVersion);
    const workshopId = await createWorkshop({
      assessmentId,
      title: title.trim(),
      date,
      facilitator: facilitator.trim(),
      isAnonymous,
      criterionIds: allCriteria(framework).map((c) => c.id),
    });
    navigate(routes.workshop.href(workshopId));
  };

  return (
    <>
      <p className="caption">
        {t('listCaption', { system: assessment.systemName, title: assessment.title })}
      </p>
      <h1>{t('listHeading')}</h1>
      <p className="lede">{t('intro')}</p>
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
      <form
        className="card"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby={`${id}-new`}
      >
        <h2 id={`${id}-new`}>{t('new.heading')}</h2>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('new.title')}</label>
          {problem === 'title' && (
            <p className="field-error" id={`${id}-title-error`}>
              {t('new.titleProblem')}
            </p>
          )}
          <input
            id={`${id}-title`}
            value={title}
            aria-invalid={problem === 'title' ? true : undefined}
            aria-describedby={problem === 'title' ? `${id}-title-error` : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('new.date')}</label>
          {problem === 'date' && (
            <p className="field-error" id={`${id}-date-error`}>
              {t('new.dateProblem')}
            </p>
          )}
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            aria-invalid={problem === 'date' ? true : undefined}
            aria-describedby={problem === 'date' ? `${id}-date-error` : undefined}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-facilitator`}>{t('new.facilitator')}</label>
          <input
            id={`${id}-facilitator`}
            value={facilitator}
            onChange={(e) => setFacilitator(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="inline-radio">
            <input
              type="checkbox"
              checked={isAnonymous}
              onChange={(e) => setAnonymous(e.target.checked)}
            />
            {t('new.anonymous')}
          </label>
        </div>
        <button type="submit" className="button">
          {t('new.submit')}
        </button>
      </form>
    </>
  );
}
