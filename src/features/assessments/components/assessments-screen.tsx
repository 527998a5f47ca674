import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@/config/routes';
import { byId, useFocusAfter } from '@/hooks/use-focus-after';
import { todayIso } from '@/lib/format';
import { navigate } from '@/lib/router';
import { saveQueue } from '@/storage/autosave';
import {
  deleteAssessment,
  deletionImpact,
  startNextAssessment,
  undoDeleteAssessment,
  type AssessmentSummary,
  type DeletedAssessment,
  type DeletionImpact,
} from '@/storage/repositories/assessments-repo';
import { reportingWrite } from '@/storage/write-report';
import { useSystemGroups } from '../hooks/use-assessment-summaries';
import { SystemGroups } from './system-groups';
import { NewAssessmentForm } from './new-assessment-form';

// Not needed for the first paint: loaded after it, so it adds nothing to the first-load JS.
const BackupReminder = lazy(() =>
  import('./backup-reminder').then((m) => ({ default: m.BackupReminder })),
);

export function AssessmentsScreen() {
  const { t } = useTranslation('assessments');
  // Systems shown in full ("Show all"): only their rows beyond the newest few are read.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const groups = useSystemGroups(expanded);
  const [deleted, setDeleted] = useState<DeletedAssessment | null>(null);
  const [confirming, setConfirming] = useState<{
    summary: AssessmentSummary;
    impact: DeletionImpact;
  } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useFocusAfter();

  const remove = async (summary: AssessmentSummary): Promise<void> => {
    try {
      // Anything typed but not yet written lands first, so the delete (and Undo) covers it and
      // no queued edit (a note's draft) can arrive after it.
      await saveQueue.flush();
      setDeleted(await reportingWrite(deleteAssessment(summary.id)));
      setConfirming(null);
      // The deleted item's buttons go: focus moves to Undo.
      focusAfter(() => undoRef.current);
    } catch {
      setProblem(t('list.deleteFailed'));
    }
  };

  /** The system's last assessment takes its targets and plan with it: that is asked first. */
  const askToRemove = async (summary: AssessmentSummary): Promise<void> => {
    try {
      const impact = await deletionImpact(summary.id);
      if (impact?.isLastOfSystem && impact.targets + impact.actions > 0) {
        setConfirming({ summary, impact });
        return;
      }
    } catch {
      // Could not count: delete as asked; undo still brings everything back.
    }
    await remove(summary);
  };

  const undo = async (): Promise<void> => {
    if (!deleted) return;
    try {
      await reportingWrite(undoDeleteAssessment(deleted));
      setDeleted(null);
      // Back where it was: focus moves to it as soon as the list shows it again.
      const restored = CSS.escape(deleted.assessment.id);
      focusAfter(() =>
        document.querySelector<HTMLElement>(`[data-assessment-id="${restored}"] h4 a`),
      );
    } catch {
      setProblem(t('list.undoFailed'));
    }
  };

  const startNext = async (summary: AssessmentSummary): Promise<void> => {
    try {
      const asAt = todayIso();
      const id = await reportingWrite(
        startNextAssessment(summary.id, { asAt, title: t('new.defaultTitle') }),
      );
      navigate(routes.editor.href(id));
    } catch {
      setProblem(t('list.startNextFailed'));
    }
  };

  return (
    <>
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
            {deleted.workshops.length > 0 &&
              `${t('list.deletedWorkshops', {
                count: deleted.workshops.length,
                participants: deleted.participants.length,
              })} `}
            {deleted.targets.length + deleted.actions.length > 0 &&
              `${t('list.deletedPlan', {
                system: deleted.assessment.systemName,
                count: deleted.actions.length,
              })} `}
            <button
              ref={undoRef}
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => void undo()}
            >
              {t('list.undo')}
            </button>
            <button
              type="button"
              className="nhsuk-button app-button-link"
              onClick={() => {
                setDeleted(null);
                focusAfter(byId('saved-heading'));
              }}
            >
              {t('list.dismiss')}
            </button>
          </p>
        )}
      </div>
      {problem && (
        <p role="alert" className="nhsuk-error-message">
          {problem}
        </p>
      )}
      <div className="two-column">
        <section aria-labelledby="saved-heading" className="two-column__main">
          <h2 id="saved-heading" tabIndex={-1}>
            {t('list.heading')}
          </h2>
          {groups === undefined ? (
            <p>{t('list.loading')}</p>
          ) : groups.length === 0 ? (
            <p>{t('list.empty')}</p>
          ) : (
            <SystemGroups
              groups={groups}
              expanded={expanded}
              onToggle={(key) => setExpanded((current) => toggled(current, key))}
              onStartNext={startNext}
              onDelete={askToRemove}
              confirming={
                confirming && {
                  assessmentId: confirming.summary.id,
                  impact: confirming.impact,
                  onConfirm: () => remove(confirming.summary),
                  onCancel: () => setConfirming(null),
                }
              }
            />
          )}
        </section>
        <div className="two-column__side">
          <NewAssessmentForm />
        </div>
      </div>
    </>
  );
}

function toggled(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(key)) next.add(key);
  return next;
}
