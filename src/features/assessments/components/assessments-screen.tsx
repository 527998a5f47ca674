import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@/config/routes';
import { todayIso } from '@/lib/format';
import { navigate } from '@/lib/router';
import {
  deleteAssessment,
  startNextAssessment,
  undoDeleteAssessment,
  type AssessmentSummary,
  type DeletedAssessment,
} from '@/storage/repositories/assessments-repo';
import { useAssessmentGroups } from '../hooks/use-assessment-summaries';
import { SystemGroups } from './system-groups';
import { NewAssessmentForm } from './new-assessment-form';

// Not needed for the first paint: loaded after it, so it adds nothing to the first-load JS.
const BackupReminder = lazy(() =>
  import('./backup-reminder').then((m) => ({ default: m.BackupReminder })),
);

export function AssessmentsScreen() {
  const { t } = useTranslation('assessments');
  const groups = useAssessmentGroups();
  const [deleted, setDeleted] = useState<DeletedAssessment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (deleted) undoRef.current?.focus();
  }, [deleted]);

  const remove = async (summary: AssessmentSummary): Promise<void> => {
    try {
      setDeleted(await deleteAssessment(summary.id));
    } catch {
      setProblem(t('list.deleteFailed'));
    }
  };

  const undo = async (): Promise<void> => {
    if (!deleted) return;
    try {
      await undoDeleteAssessment(deleted);
      setDeleted(null);
    } catch {
      setProblem(t('list.undoFailed'));
    }
  };

  const startNext = async (summary: AssessmentSummary): Promise<void> => {
    try {
      const asAt = todayIso();
      const id = await startNextAssessment(summary.id, {
        asAt,
        title: t('new.defaultTitle'),
      });
      navigate(routes.editor.href(id));
    } catch {
      setProblem(t('list.startNextFailed'));
    }
  };

  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="lede">{t('intro')}</p>
      <Suspense fallback={null}>
        <BackupReminder />
      </Suspense>
      <div role="status" className="notification-region">
        {deleted && (
          <p className="notification">
            {t('list.deleted', {
              title: deleted.assessment.title,
              system: deleted.assessment.systemName,
            })}{' '}
            <button
              ref={undoRef}
              type="button"
              className="button button--secondary"
              onClick={() => void undo()}
            >
              {t('list.undo')}
            </button>
            <button type="button" className="button button--link" onClick={() => setDeleted(null)}>
              {t('list.dismiss')}
            </button>
          </p>
        )}
      </div>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      <div className="two-column">
        <section aria-labelledby="saved-heading" className="two-column__main">
          <h2 id="saved-heading">{t('list.heading')}</h2>
          {groups === undefined ? (
            <p>{t('list.loading')}</p>
          ) : groups.length === 0 ? (
            <p>{t('list.empty')}</p>
          ) : (
            <SystemGroups groups={groups} onStartNext={startNext} onDelete={remove} />
          )}
        </section>
        <div className="two-column__side">
          <NewAssessmentForm />
        </div>
      </div>
    </>
  );
}
