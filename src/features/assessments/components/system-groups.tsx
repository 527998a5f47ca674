import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '@/components/confirm-buttons';
import { routes } from '@/config/routes';
import { assessmentStatusText } from '@/lib/assessment-status-text';
import { formatDateTime, formatIsoDate } from '@/lib/format';
import { Link } from '@/lib/router';
import type { AssessmentSummary, DeletionImpact } from '@/storage/repositories/assessments-repo';
import { SHOWN_PER_SYSTEM, type SystemGroup } from '../hooks/use-assessment-summaries';

/** A delete waiting for a second "yes" because it would take the system's plan with it. */
export type PendingDeletion = {
  assessmentId: string;
  impact: DeletionImpact;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
};

type SystemGroupsProps = {
  /** Each system with the assessments to show (its newest few, or all when it is open). */
  groups: readonly SystemGroup[];
  /** The systems shown in full ("Show all" pressed). */
  expanded: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onStartNext: (summary: AssessmentSummary) => Promise<void>;
  onDelete: (summary: AssessmentSummary) => Promise<void>;
  confirming?: PendingDeletion | null;
};

/** Every saved assessment, grouped by system, newest first. Renders only; the screen acts. */
export function SystemGroups({
  groups,
  expanded,
  onToggle,
  onStartNext,
  onDelete,
  confirming,
}: SystemGroupsProps) {
  const { t } = useTranslation('assessments');
  const { t: tCommon } = useTranslation('common');
  const idPrefix = useId();
  return groups.map((group, index) => (
    <section key={group.key} className="system-group" aria-label={group.systemName}>
      <h3>{group.systemName}</h3>
      <p>
        <Link href={routes.plan.href(group.key)}>
          {t('list.plan')}
          <span className="nhsuk-u-visually-hidden">
            {' '}
            {t('list.planFor', { system: group.systemName })}
          </span>
        </Link>
      </p>
      <ul className="assessment-list" id={`${idPrefix}-list-${index}`}>
        {(expanded.has(group.key)
          ? group.assessments
          : group.assessments.slice(0, SHOWN_PER_SYSTEM)
        ).map((a) => (
          <li key={a.id} className="assessment-item card" data-assessment-id={a.id}>
            <h4 className="assessment-item__title">
              <Link href={routes.editor.href(a.id)}>{a.title}</Link>
            </h4>
            <p className="assessment-item__meta">
              {t('list.asAt', { date: formatIsoDate(a.asAt) })}
              {' · '}
              {t('list.assessed', { count: a.assessedCount })}
              {' · '}
              {t('list.updated', { date: formatDateTime(a.updatedAt) })}
            </p>
            <p className="assessment-item__status" data-testid="list-status">
              {t('list.status', { status: assessmentStatusText(a.status, tCommon) })}
            </p>
            <div className="nhsuk-button-group">
              <Link
                className="nhsuk-button nhsuk-button--secondary"
                href={routes.results.href(a.id)}
              >
                {t('list.results')}{' '}
                <span className="nhsuk-u-visually-hidden">
                  {t('list.forAssessment', { title: a.title })}
                </span>
              </Link>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() => void onStartNext(a)}
              >
                {t('list.startNext')}{' '}
                <span className="nhsuk-u-visually-hidden">
                  {t('list.forAssessment', { title: a.title })}
                </span>
              </button>
              <button
                id={`${idPrefix}-delete-${a.id}`}
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                onClick={() => void onDelete(a)}
              >
                {t('list.delete')}{' '}
                <span className="nhsuk-u-visually-hidden">
                  {t('list.forAssessment', { title: a.title })}
                </span>
              </button>
            </div>
            {confirming?.assessmentId === a.id && (
              <ConfirmDeletion
                summary={a}
                systemName={group.systemName}
                pending={confirming}
                onCancel={() => {
                  confirming.onCancel();
                  document.getElementById(`${idPrefix}-delete-${a.id}`)?.focus();
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {group.count > SHOWN_PER_SYSTEM && (
        // A disclosure: it stays where it is (so focus does too) and says whether it is open.
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          aria-expanded={expanded.has(group.key)}
          // Ids by position: a system key may hold spaces, which an IDREF cannot.
          aria-controls={`${idPrefix}-list-${index}`}
          onClick={() => onToggle(group.key)}
        >
          {expanded.has(group.key)
            ? t('list.showNewest', { count: SHOWN_PER_SYSTEM, system: group.systemName })
            : t('list.showAll', { count: group.count, system: group.systemName })}
        </button>
      )}
    </section>
  ));
}

/** Second step before deleting a system's last assessment: says that its plan goes too. */
function ConfirmDeletion({
  summary,
  systemName,
  pending,
  onCancel,
}: {
  summary: AssessmentSummary;
  systemName: string;
  pending: PendingDeletion;
  onCancel: () => void;
}) {
  const { t } = useTranslation('assessments');
  const headingId = useId();
  const headingRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="nhsuk-warning-callout" role="group" aria-labelledby={headingId}>
      <p id={headingId} ref={headingRef} tabIndex={-1}>
        <strong>{t('confirmDelete.heading', { title: summary.title, system: systemName })}</strong>
      </p>
      <p>
        {t('confirmDelete.plan', {
          system: systemName,
          targets: pending.impact.targets,
          count: pending.impact.actions,
        })}
      </p>
      {pending.impact.workshops > 0 && (
        <p>
          {t('confirmDelete.workshops', {
            count: pending.impact.workshops,
            participants: pending.impact.participants,
          })}
        </p>
      )}
      <p>{t('confirmDelete.undo')}</p>
      <ConfirmButtons
        confirmLabel={t('confirmDelete.confirm')}
        cancelLabel={t('confirmDelete.cancel')}
        onConfirm={() => void pending.onConfirm()}
        onCancel={onCancel}
      />
    </div>
  );
}
