import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '@/components/back-link';
import { usePageTitle } from '@/hooks/use-page-title';
import { AssessmentStatusPanel } from '@/components/assessment-status-panel';
import { MissingNotice } from '@/components/missing-notice';
import { ScrollRegion } from '@/components/scroll-region';
import { routes } from '@/config/routes';
import type { Assessment, Rating } from '@/domain/assessment';
import type { Framework } from '@/domain/framework/schema';
import { systemKey } from '@/domain/system-key';
import { scoreAssessment } from '@/domain/scoring/score-assessment';
import { useFramework } from '@/hooks/use-framework';
import { formatIsoDate } from '@/lib/format';
import { Link } from '@/lib/router';
import { getAssessment, listRatings } from '@/storage/repositories/assessments-repo';
import { headline } from '@/lib/headline';
import { toScoringInput } from '@/domain/scoring/scoring-input';
import { toRadarSeries } from '../lib/to-radar-series';
import { PublishSnapshot } from './publish-snapshot';
import { ScoringRules } from './scoring-rules';
import { WorkshopAgreements } from './workshop-agreements';
import {
  criterionTitle as titleOfCriterion,
  levelTitle as titleOfLevel,
} from '@/domain/framework/lookups';

const LevelRadar = lazy(() =>
  import('@/components/charts/radar-chart').then((m) => ({ default: m.LevelRadar })),
);

export function ResultsScreen({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation('results');
  const data = useLiveQuery(
    async () => ({
      assessment: await getAssessment(assessmentId),
      ratings: await listRatings(assessmentId),
    }),
    [assessmentId],
  );
  if (data === undefined) return <p>{t('loading')}</p>;
  if (data.assessment === null) {
    return <MissingNotice heading={t('missing')} backLabel={t('back')} />;
  }
  return (
    <Suspense fallback={<p>{t('loading')}</p>}>
      <LoadedResults assessment={data.assessment} ratings={data.ratings} />
    </Suspense>
  );
}

function LoadedResults({ assessment, ratings }: { assessment: Assessment; ratings: Rating[] }) {
  const framework = useFramework(assessment.frameworkId, assessment.frameworkVersion);
  return <Results assessment={assessment} ratings={ratings} framework={framework} />;
}

function Results({
  assessment,
  ratings,
  framework,
}: {
  assessment: Assessment;
  ratings: Rating[];
  framework: Framework;
}) {
  const { t } = useTranslation('results');
  const { t: tStatus } = useTranslation('status');
  usePageTitle([t('heading', { title: assessment.title })]);
  const score = useMemo(
    () => scoreAssessment(framework, toScoringInput(ratings)),
    [framework, ratings],
  );
  const levelTitle = (id: string): string => titleOfLevel(framework, id) ?? id;
  const criterionTitle = (id: string): string => titleOfCriterion(framework, id) ?? id;
  const radar = toRadarSeries(framework, score);
  const levelTitles = framework.levels.map((l) => l.title);

  return (
    <>
      <BackLink href={routes.editor.href(assessment.id)} to="editor" />
      <p className="caption">
        {assessment.systemName} · {t('asAt', { date: formatIsoDate(assessment.asAt) })}
      </p>
      <h1>{t('heading', { title: assessment.title })}</h1>
      <p className="headline" data-testid="headline">
        {headline(score, levelTitle, tStatus)}
      </p>
      <div className="summary-panels">
        <div className="summary-panel">
          <p className="summary-panel__label">{t('overall')}</p>
          <p className="summary-panel__value" data-testid="overall-level">
            {score.overall ? levelTitle(score.overall) : t('notEnoughEvidence')}
          </p>
          {score.isProvisional && <p className="nhsuk-tag nhsuk-tag--grey">{t('provisional')}</p>}
        </div>
        <div className={`summary-panel ${score.isMature ? 'summary-panel--good' : ''}`}>
          <p className="summary-panel__label">{t('matureVerdict.label')}</p>
          <p className="summary-panel__value" data-testid="mature-verdict">
            {score.isMature ? t('matureVerdict.yes') : t('matureVerdict.no')}
          </p>
          <p className="nhsuk-hint">{t('matureVerdict.rule')}</p>
        </div>
        <div className="summary-panel">
          <p className="summary-panel__label">{t('coverage.label')}</p>
          <p className="summary-panel__value">
            {t('coverage.value', { assessed: score.assessedCount, total: score.criteriaCount })}
          </p>
        </div>
      </div>

      <AssessmentStatusPanel assessmentId={assessment.id} criterionTitle={criterionTitle} />

      <h2>{t('table.heading')}</h2>
      <ScrollRegion label={t('table.caption')}>
        <table className="nhsuk-table" data-testid="characteristic-table">
          <caption className="nhsuk-u-visually-hidden">{t('table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.characteristic')}</th>
              <th scope="col">{t('table.level')}</th>
              <th scope="col">{t('table.coverage')}</th>
              <th scope="col">{t('table.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {framework.characteristics.map((characteristic, index) => {
              const result = score.characteristics[index];
              if (!result) return null;
              return (
                <tr key={characteristic.id} data-characteristic={characteristic.id}>
                  <th scope="row">{characteristic.title}</th>
                  <td>{result.level ? levelTitle(result.level) : t('insufficient')}</td>
                  <td>
                    {t('table.coverageValue', {
                      assessed: result.assessedCount,
                      total: result.criteriaCount,
                    })}
                  </td>
                  <td>
                    <ul className="flag-list">
                      {result.status === 'insufficient' && (
                        <li>{t('flags.insufficient', { required: result.requiredCount })}</li>
                      )}
                      {result.notAssessed.length > 0 && result.status === 'scored' && (
                        <li>{t('flags.notAssessed', { count: result.notAssessed.length })}</li>
                      )}
                      {result.unevidenced.map((id) => (
                        <li key={id}>{t('flags.unevidenced', { title: criterionTitle(id) })}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>

      <h2 id="profile-heading">{t('chart.heading')}</h2>
      <div className="chart-with-table">
        <figure className="chart" aria-labelledby="profile-heading">
          <Suspense fallback={<p>{t('chart.loading')}</p>}>
            <LevelRadar
              rows={radar}
              series={[{ key: 'value', name: assessment.title }]}
              levelTitles={levelTitles}
              title={t('chart.title', { system: assessment.systemName })}
            />
          </Suspense>
        </figure>
        <ScrollRegion label={t('chart.tableCaption')}>
          <table className="nhsuk-table app-table--compact" data-testid="chart-data">
            <caption>{t('chart.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.characteristic')}</th>
                <th scope="col">{t('chart.value')}</th>
              </tr>
            </thead>
            <tbody>
              {radar.map((point) => (
                <tr key={point.characteristicId}>
                  <th scope="row">{point.label}</th>
                  <td>
                    {point.value > 0
                      ? t('chart.valueText', {
                          rank: point.value,
                          level: levelTitles[point.value - 1],
                        })
                      : t('insufficient')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>

      <WorkshopAgreements
        assessmentId={assessment.id}
        criterionIds={framework.characteristics.flatMap((c) => c.criteria.map((cr) => cr.id))}
        criterionTitle={criterionTitle}
        levelTitle={levelTitle}
      />

      <ScoringRules />
      <PublishSnapshot assessment={assessment} ratings={ratings} framework={framework} />
      <p className="nhsuk-button-group">
        <Link
          className="nhsuk-button nhsuk-button--secondary"
          href={routes.editor.href(assessment.id)}
        >
          {t('edit')}
        </Link>
        <Link
          className="nhsuk-button nhsuk-button--secondary"
          href={routes.plan.href(systemKey(assessment.systemName))}
        >
          {t('plan')}
        </Link>
        <Link
          className="nhsuk-button nhsuk-button--secondary"
          href={routes.workshops.href(assessment.id)}
        >
          {t('workshops')}
        </Link>
        <Link
          className="nhsuk-button nhsuk-button--secondary"
          href={routes.paper.href(assessment.id)}
        >
          {t('paper')}
        </Link>
      </p>
    </>
  );
}
