import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '@/components/back-link';
import { routes } from '@/config/routes';
import { usePageTitle } from '@/hooks/use-page-title';
import { MissingNotice } from '@/components/missing-notice';
import { ScrollRegion } from '@/components/scroll-region';
import { timeDomain } from '@/components/charts/line-geometry';
import { CURRENT_FRAMEWORK } from '@/config/frameworks';
import { countEvidence } from '@/domain/assessment';
import { levelTitle as titleOfLevel } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import type { PlanAction, StoredTarget } from '@/domain/plan';
import { scoreAssessment } from '@/domain/scoring/score-assessment';
import { dayNumber } from '@/domain/trajectory/dates';
import {
  buildTrajectory,
  defaultTargets,
  type CharacteristicTrajectory,
} from '@/domain/trajectory/trajectory';
import { useFramework } from '@/hooks/use-framework';
import { formatIsoDate, todayIso } from '@/lib/format';
import { statusReasons, statusText } from '@/lib/status-text';
import {
  listActions,
  listSystemAssessments,
  listTargets,
  type SystemAssessment,
} from '@/storage/repositories/plan-repo';
import { toSeries } from '../lib/trajectory-series';
import { ActionsPanel } from './actions-panel';
import { TargetsEditor } from './targets-editor';

const TrajectoryChart = lazy(() =>
  import('@/components/charts/trajectory-chart').then((m) => ({ default: m.TrajectoryChart })),
);

type PlanData = { assessments: SystemAssessment[]; targets: StoredTarget[]; actions: PlanAction[] };

export function PlanScreen({ systemKey }: { systemKey: string }) {
  const { t } = useTranslation('plan');
  const data = useLiveQuery(
    async (): Promise<PlanData> => ({
      assessments: await listSystemAssessments(systemKey),
      targets: await listTargets(systemKey),
      actions: await listActions(systemKey),
    }),
    [systemKey],
  );
  if (data === undefined) return <p>{t('loading')}</p>;
  if (data.assessments.length === 0) {
    return <MissingNotice heading={t('missing')} backLabel={t('back')} />;
  }
  return (
    <Suspense fallback={<p>{t('loading')}</p>}>
      <LoadedPlan systemKey={systemKey} data={data} />
    </Suspense>
  );
}

function LoadedPlan({ systemKey, data }: { systemKey: string; data: PlanData }) {
  const framework = useFramework(CURRENT_FRAMEWORK.id, CURRENT_FRAMEWORK.version);
  return <Plan systemKey={systemKey} data={data} framework={framework} />;
}

function Plan({
  systemKey,
  data,
  framework,
}: {
  systemKey: string;
  data: PlanData;
  framework: Framework;
}) {
  const { t } = useTranslation('plan');
  const { t: tStatus } = useTranslation('status');
  const id = useId();
  const [selected, setSelected] = useState<string>('all');
  const today = todayIso();
  const systemName = data.assessments[0]?.systemName.trim() ?? systemKey;
  usePageTitle([t('heading'), systemName]);
  const isDefaultTargets = data.targets.length === 0;
  const targets = isDefaultTargets ? defaultTargets(framework) : data.targets;
  const levelTitle = (level: string | null): string =>
    titleOfLevel(framework, level) ?? t('noLevel');
  const names = Object.fromEntries(framework.characteristics.map((c) => [c.id, c.title]));

  const trajectory = useMemo(
    () =>
      buildTrajectory({
        framework,
        targets,
        today,
        assessments: data.assessments
          .filter((a) => a.frameworkId === framework.id)
          .map((a) => ({
            id: a.id,
            asAt: a.asAt,
            createdAt: a.createdAt,
            score: scoreAssessment(
              framework,
              Object.fromEntries(
                a.ratings.map((r) => [
                  r.criterionId,
                  { level: r.level, evidenceCount: countEvidence(r.evidence) },
                ]),
              ),
            ),
          })),
      }),
    [framework, targets, today, data.assessments],
  );

  const targetText = (c: CharacteristicTrajectory): string[] =>
    c.targets.map(({ target, outcome, isBeforeFirstAssessment }) => {
      const base = t('target.by', {
        level: levelTitle(target.level),
        date: formatIsoDate(target.date),
      });
      const result =
        outcome.kind === 'reached'
          ? t(target.date < today ? 'target.passedReached' : 'target.reached', {
              date: formatIsoDate(outcome.date),
            })
          : outcome.kind === 'not-reached'
            ? t('target.passedNotReached')
            : t('target.upcoming');
      return `${base} – ${result}${isBeforeFirstAssessment ? ` ${t('target.beforeFirst')}` : ''}`;
    });

  const projectionText = (c: CharacteristicTrajectory): string => {
    const p = c.projection;
    if (p.kind === 'projected') {
      return t('projection.date', {
        level: levelTitle(p.targetLevel),
        date: formatIsoDate(p.date),
      });
    }
    if (p.kind === 'reached') return t('projection.reached', { level: levelTitle(p.targetLevel) });
    return t(`projection.${p.reason}`);
  };

  return (
    <>
      <BackLink href={routes.assessments.href()} to="assessments" />
      <p className="caption">{systemName}</p>
      <h1>{t('heading')}</h1>
      <p className={`headline status-${trajectory.overall.status}`} data-testid="overall-status">
        {t('overall', { status: statusText(trajectory.overall, tStatus) })}
      </p>
      <p className="nhsuk-hint">{t('todayIs', { date: formatIsoDate(today) })}</p>

      <h2>{t('statusTable.heading')}</h2>
      <ScrollRegion label={t('statusTable.caption')}>
        <table className="nhsuk-table" data-testid="status-table">
          <caption className="nhsuk-u-visually-hidden">{t('statusTable.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statusTable.characteristic')}</th>
              <th scope="col">{t('statusTable.latest')}</th>
              <th scope="col">{t('statusTable.planned')}</th>
              <th scope="col">{t('statusTable.status')}</th>
              <th scope="col">{t('statusTable.targets')}</th>
              <th scope="col">{t('statusTable.projection')}</th>
            </tr>
          </thead>
          <tbody>
            {trajectory.characteristics.map((c) => (
              <tr key={c.characteristicId} data-characteristic={c.characteristicId}>
                <th scope="row">{names[c.characteristicId]}</th>
                <td>
                  {c.latest
                    ? t('statusTable.latestValue', {
                        level: levelTitle(c.latest.level),
                        date: formatIsoDate(c.latest.date),
                      })
                    : t('noLevel')}
                </td>
                <td>
                  {c.plannedLevelToday ? levelTitle(c.plannedLevelToday) : t('statusTable.noPlan')}
                </td>
                <td>
                  {/* The tag holds the status word; its reasons follow as ordinary text. */}
                  <span className={`nhsuk-tag status-tag status-tag--${c.status.status}`}>
                    {tStatus(`status.${c.status.status}`)}
                  </span>
                  {statusReasons(c.status, tStatus) && (
                    <span className="status-reasons">
                      {` (${statusReasons(c.status, tStatus)})`}
                    </span>
                  )}
                </td>
                <td>
                  <ul className="flag-list">
                    {targetText(c).map((text) => (
                      <li key={text}>{text}</li>
                    ))}
                  </ul>
                </td>
                <td>{projectionText(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <details className="card scoring-rules">
        <summary>{t('rules.heading')}</summary>
        <ul>
          {(['onTrack', 'stale', 'plan', 'projection'] as const).map((rule) => (
            <li key={rule}>{t(`rules.${rule}`)}</li>
          ))}
        </ul>
      </details>

      <h2 id={`${id}-chart`}>{t('chart.heading')}</h2>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-show`}>
          {t('chart.show')}
        </label>
        <select
          className="nhsuk-select"
          id={`${id}-show`}
          value={selected}
          onChange={(e) => setSelected(e.target.value)}
        >
          <option value="all">{t('chart.all')}</option>
          {framework.characteristics.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <figure className="chart" aria-labelledby={`${id}-chart`}>
        <Suspense fallback={<p>{t('chart.loading')}</p>}>
          <TrajectoryChart
            series={trajectory.characteristics
              .map((c, index) => toSeries(c, index, names[c.characteristicId] ?? ''))
              .filter((s) => selected === 'all' || s.id === selected)}
            domain={timeDomain(trajectory)}
            today={dayNumber(trajectory.today)}
            levelTitles={framework.levels.map((l) => l.title)}
            milestones={framework.milestones.map((m, index) => ({
              day: dayNumber(m.date),
              number: index + 1,
              text: `${m.date}: ${m.label} (${m.source})`,
            }))}
            labels={{
              planned: t('chart.planned'),
              projected: t('chart.projected'),
              today: t('chart.today'),
            }}
          />
        </Suspense>
        <figcaption className="nhsuk-hint">{t('chart.caption')}</figcaption>
      </figure>
      <ScrollRegion label={t('chart.tableCaption')}>
        <table className="nhsuk-table app-table--compact" data-testid="trajectory-data">
          <caption>{t('chart.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statusTable.characteristic')}</th>
              <th scope="col">{t('chart.series')}</th>
              <th scope="col">{t('chart.date')}</th>
              <th scope="col">{t('chart.level')}</th>
            </tr>
          </thead>
          <tbody>
            {trajectory.characteristics
              .filter((c) => selected === 'all' || c.characteristicId === selected)
              .flatMap((c) =>
                [
                  ...c.points.map((p) => ({
                    kind: 'assessed',
                    date: p.date,
                    level: levelTitle(p.level),
                  })),
                  ...c.plan.map((p) => ({
                    kind: 'planned',
                    date: p.date,
                    level: levelTitle(framework.levels[Math.round(p.rank) - 1]?.id ?? null),
                  })),
                  ...(c.projection.kind === 'projected'
                    ? c.projection.path.map((p) => ({
                        kind: 'projected',
                        date: p.date,
                        level: levelTitle(framework.levels[Math.round(p.rank) - 1]?.id ?? null),
                      }))
                    : []),
                ].map((row, index) => (
                  <tr key={`${c.characteristicId}-${row.kind}-${row.date}-${index}`}>
                    <th scope="row">{names[c.characteristicId]}</th>
                    <td>{t(`chart.${row.kind}`)}</td>
                    <td>{formatIsoDate(row.date)}</td>
                    <td>{row.level}</td>
                  </tr>
                )),
              )}
          </tbody>
        </table>
      </ScrollRegion>
      <details className="card">
        <summary>{t('milestones.heading')}</summary>
        <ScrollRegion label={t('milestones.heading')}>
          <table className="nhsuk-table app-table--compact" data-testid="milestones">
            <caption className="nhsuk-u-visually-hidden">{t('milestones.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('milestones.number')}</th>
                <th scope="col">{t('chart.date')}</th>
                <th scope="col">{t('milestones.label')}</th>
                <th scope="col">{t('milestones.source')}</th>
              </tr>
            </thead>
            <tbody>
              {framework.milestones.map((m, index) => (
                <tr key={m.date + m.label}>
                  <td>{index + 1}</td>
                  <td>{formatIsoDate(m.date)}</td>
                  <td>{m.label}</td>
                  <td>{m.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>

      <TargetsEditor
        systemKey={systemKey}
        framework={framework}
        targets={targets}
        isDefault={isDefaultTargets}
        firstAssessmentDate={trajectory.characteristics[0]?.points[0]?.date ?? null}
      />
      <ActionsPanel
        systemKey={systemKey}
        framework={framework}
        actions={data.actions}
        today={today}
      />
    </>
  );
}
