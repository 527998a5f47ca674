import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '@/config/routes';
import { formatDateTime, formatIsoDate } from '@/lib/format';
import { Link } from '@/lib/router';
import type { AssessmentSummary } from '@/storage/repositories/assessments-repo';
import type { SystemGroup } from '../hooks/use-assessment-summaries';

type SystemGroupsProps = {
  groups: readonly SystemGroup[];
  onStartNext: (summary: AssessmentSummary) => Promise<void>;
  onDelete: (summary: AssessmentSummary) => Promise<void>;
};

/** Assessments shown per system before "Show all": keeps a list of hundreds quick and short. */
export const SHOWN_PER_SYSTEM = 3;

/** Every saved assessment, grouped by system, newest first. Renders only; the screen acts. */
export function SystemGroups({ groups, onStartNext, onDelete }: SystemGroupsProps) {
  const { t } = useTranslation('assessments');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  return groups.map((group) => (
    <section key={group.key} className="system-group" aria-label={group.systemName}>
      <h3>{group.systemName}</h3>
      <p>
        <Link href={routes.plan.href(group.key)}>
          {t('list.plan')}
          <span className="visually-hidden">
            {' '}
            {t('list.planFor', { system: group.systemName })}
          </span>
        </Link>
      </p>
      <ul className="assessment-list">
        {(expanded.has(group.key)
          ? group.assessments
          : group.assessments.slice(0, SHOWN_PER_SYSTEM)
        ).map((a) => (
          <li key={a.id} className="assessment-item card">
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
            <div className="button-row">
              <Link className="button button--secondary" href={routes.results.href(a.id)}>
                {t('list.results')}{' '}
                <span className="visually-hidden">
                  {t('list.forAssessment', { title: a.title })}
                </span>
              </Link>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void onStartNext(a)}
              >
                {t('list.startNext')}{' '}
                <span className="visually-hidden">
                  {t('list.forAssessment', { title: a.title })}
                </span>
              </button>
              <button
                type="button"
                className="button button--warning"
                onClick={() => void onDelete(a)}
              >
                {t('list.delete')}{' '}
                <span className="visually-hidden">
                  {t('list.forAssessment', { title: a.title })}
                </span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      {group.assessments.length > SHOWN_PER_SYSTEM && !expanded.has(group.key) && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setExpanded((current) => new Set(current).add(group.key))}
        >
          {t('list.showAll', { count: group.assessments.length, system: group.systemName })}
        </button>
      )}
    </section>
  ));
}
