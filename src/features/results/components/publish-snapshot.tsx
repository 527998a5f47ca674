import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '@/components/scroll-region';
import type { Assessment, Rating } from '@/domain/assessment';
import { levelTitle as titleOfLevel } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import { makeSnapshot } from '@/domain/regional/snapshot';
import { systemKey } from '@/domain/system-key';
import { downloadFile, safeFileName } from '@/lib/files';
import { formatIsoDate } from '@/lib/format';
import { listTargets } from '@/storage/repositories/plan-repo';
import { PublishToRegion } from './publish-to-region';

/**
 * "Publish a snapshot for the region": a file of this assessment's results (levels, counts and the
 * system's targets; src/domain/regional/snapshot.ts), shown in full before it is saved so an
 * information governance lead can see that no names or free text leave. The file saved is exactly
 * the one previewed. When Settings names a regional database, the same snapshot can be published
 * to it instead of (or as well as) the file.
 */
export function PublishSnapshot({
  assessment,
  ratings,
  framework,
}: {
  assessment: Assessment;
  ratings: Rating[];
  framework: Framework;
}) {
  const { t } = useTranslation('results');
  const id = useId();
  const [open, setOpen] = useState(false);
  const [preparedAt, setPreparedAt] = useState(() => new Date());
  const [saved, setSaved] = useState(false);
  const targets = useLiveQuery(
    () => listTargets(systemKey(assessment.systemName)),
    [assessment.systemName],
  );
  const snapshot = useMemo(
    () =>
      makeSnapshot({
        assessment,
        ratings,
        framework,
        targets: targets ?? [],
        publishedAt: preparedAt,
      }),
    [assessment, ratings, framework, targets, preparedAt],
  );
  const json = `${JSON.stringify(snapshot, null, 2)}\n`;
  const levelTitle = (level: string | null): string =>
    level ? (titleOfLevel(framework, level) ?? level) : t('insufficient');

  const download = (): void => {
    downloadFile(
      json,
      safeFileName([t('publish.filePrefix'), snapshot.system.name, snapshot.asAt], 'json'),
      'application/json',
    );
    setSaved(true);
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="publish-snapshot">
      <h2 id={`${id}-heading`}>{t('publish.heading')}</h2>
      <p>{t('publish.intro')}</p>
      {!open ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => {
            setPreparedAt(new Date());
            setSaved(false);
            setOpen(true);
          }}
        >
          {t('publish.open')}
        </button>
      ) : (
        <>
          <h3>{t('publish.previewHeading')}</h3>
          <dl className="nhsuk-summary-list" data-testid="snapshot-preview">
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">{t('publish.system')}</dt>
              <dd className="nhsuk-summary-list__value">{snapshot.system.name}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">{t('publish.asAt')}</dt>
              <dd className="nhsuk-summary-list__value">{formatIsoDate(snapshot.asAt)}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">{t('publish.status')}</dt>
              <dd className="nhsuk-summary-list__value">
                {t(`publish.statusValue.${snapshot.status}`)}
              </dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">{t('overall')}</dt>
              <dd className="nhsuk-summary-list__value">{levelTitle(snapshot.overall)}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">{t('coverage.label')}</dt>
              <dd className="nhsuk-summary-list__value">
                {t('coverage.value', {
                  assessed: snapshot.assessedCount,
                  total: snapshot.criteriaCount,
                })}
              </dd>
            </div>
          </dl>
          <ScrollRegion label={t('publish.tableCaption')}>
            <table className="nhsuk-table app-table--compact">
              <caption>{t('publish.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.characteristic')}</th>
                  <th scope="col">{t('table.level')}</th>
                  <th scope="col">{t('publish.target')}</th>
                </tr>
              </thead>
              <tbody>
                {snapshot.characteristics.map((c, i) => (
                  <tr key={c.id}>
                    <th scope="row">{framework.characteristics[i]?.title ?? c.id}</th>
                    <td>{levelTitle(c.level)}</td>
                    <td>
                      {c.target
                        ? t('publish.targetValue', {
                            level: levelTitle(c.target.level),
                            date: formatIsoDate(c.target.date),
                          })
                        : t('publish.noTarget')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p>{t('publish.criteriaToo', { count: snapshot.criteria.length })}</p>
          <h3>{t('publish.notIncludedHeading')}</h3>
          <p>{t('publish.notIncluded')}</p>
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">{t('publish.showFile')}</span>
            </summary>
            <div className="nhsuk-details__text">
              <pre className="snapshot-json" tabIndex={0} data-testid="snapshot-json">
                {json}
              </pre>
            </div>
          </details>
          <p className="nhsuk-button-group">
            <button type="button" className="nhsuk-button" onClick={download}>
              {t('publish.download')}
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setOpen(false)}
            >
              {t('publish.close')}
            </button>
          </p>
          <p role="status">{saved ? t('publish.saved') : ''}</p>
          <PublishToRegion snapshot={snapshot} />
        </>
      )}
    </section>
  );
}
