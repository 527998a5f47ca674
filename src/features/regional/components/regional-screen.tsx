import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RemoveButton } from '@/components/remove-button';
import { ScrollRegion } from '@/components/scroll-region';
import { CURRENT_FRAMEWORK } from '@/config/frameworks';
import { levelTitle as titleOfLevel } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import { LEVEL_IDS } from '@/domain/levels';
import {
  levelDistribution,
  regionalSystems,
  systemTrend,
  type RegionalSystem,
  type SystemOrder,
} from '@/domain/regional/aggregate';
import { snapshotId } from '@/domain/regional/snapshot';
import { useFramework } from '@/hooks/use-framework';
import { usePageTitle } from '@/hooks/use-page-title';
import { pageHeading } from '@/lib/focus';
import { formatIsoDate } from '@/lib/format';
import { listSnapshots, removeSnapshot } from '@/storage/repositories/snapshots-repo';
import { profileRows } from '../lib/profile-rows';
import { FetchSnapshots } from './fetch-snapshots';
import { ImportSnapshots } from './import-snapshots';

const LevelRadar = lazy(() =>
  import('@/components/charts/radar-chart').then((m) => ({ default: m.LevelRadar })),
);

/**
 * The regional view (issue 16, item 5): snapshots that systems published, fetched from the
 * regional database (when Settings names one) or imported from files, side by side. Systems are listed alphabetically; ranking by overall level is an explicit choice
 * that comes with a warning of what a league table hides.
 */
export function RegionalScreen() {
  const { t } = useTranslation('regional');
  usePageTitle([t('heading')]);
  const framework = useFramework(CURRENT_FRAMEWORK.id, CURRENT_FRAMEWORK.version);
  const records = useLiveQuery(() => listSnapshots(), []);
  return (
    <>
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      <FetchSnapshots framework={framework} />
      <ImportSnapshots framework={framework} />
      {records === undefined ? (
        <p>{t('loading')}</p>
      ) : records.length === 0 ? (
        <div className="card" data-testid="regional-empty">
          <h2>{t('empty.heading')}</h2>
          <p>{t('empty.text')}</p>
        </div>
      ) : (
        <RegionalView framework={framework} snapshots={records.map((r) => r.snapshot)} />
      )}
    </>
  );
}

function RegionalView({
  framework,
  snapshots,
}: {
  framework: Framework;
  snapshots: Parameters<typeof regionalSystems>[0];
}) {
  const { t } = useTranslation('regional');
  const id = useId();
  const [order, setOrder] = useState<SystemOrder>('alphabetical');
  const systems = useMemo(() => regionalSystems(snapshots, order), [snapshots, order]);
  const levelTitle = (level: string | null): string =>
    level ? (titleOfLevel(framework, level) ?? level) : t('insufficient');
  const levelTitles = framework.levels.map((l) => l.title);
  const profiles = profileRows(framework, systems);
  const distribution = levelDistribution(
    systems,
    framework.characteristics.map((c) => c.id),
  );

  return (
    <>
      <fieldset className="nhsuk-fieldset card">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          {t('order.legend')}
        </legend>
        <div className="nhsuk-radios">
          {(['alphabetical', 'overall'] as const).map((value) => (
            <div className="nhsuk-radios__item" key={value}>
              <input
                className="nhsuk-radios__input"
                id={`${id}-order-${value}`}
                type="radio"
                name={`${id}-order`}
                value={value}
                checked={order === value}
                onChange={() => setOrder(value)}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-order-${value}`}>
                {t(`order.${value}`)}
              </label>
            </div>
          ))}
        </div>
        {order === 'overall' && (
          <div
            className="nhsuk-warning-callout"
            role="group"
            aria-labelledby={`${id}-warning`}
            data-testid="ranking-warning"
          >
            <h3 className="nhsuk-warning-callout__label" id={`${id}-warning`}>
              <span role="text">
                <span className="nhsuk-u-visually-hidden">{t('order.important')} </span>
                {t('order.warningHeading')}
              </span>
            </h3>
            <p>{t('order.warning')}</p>
          </div>
        )}
      </fieldset>

      <h2 id={`${id}-systems`}>{t('systems.heading', { count: systems.length })}</h2>
      <ScrollRegion label={t('systems.caption')}>
        <table className="nhsuk-table" data-testid="regional-systems">
          <caption className="nhsuk-u-visually-hidden">
            {order === 'overall' ? t('systems.captionRanked') : t('systems.caption')}
          </caption>
          <thead>
            <tr>
              {order === 'overall' && <th scope="col">{t('systems.rank')}</th>}
              <th scope="col">{t('systems.system')}</th>
              <th scope="col">{t('systems.asAt')}</th>
              <th scope="col">{t('systems.status')}</th>
              <th scope="col">{t('systems.overall')}</th>
              <th scope="col">{t('systems.assessed')}</th>
              <th scope="col">{t('systems.snapshots')}</th>
            </tr>
          </thead>
          <tbody>
            {systems.map((system, index) => (
              <tr key={system.key} data-system={system.key}>
                {order === 'overall' && <td>{index + 1}</td>}
                <th scope="row">{system.name}</th>
                <td>{formatIsoDate(system.latest.asAt)}</td>
                <td>{t(`status.${system.latest.status}`)}</td>
                <td>{levelTitle(system.latest.overall)}</td>
                <td>
                  {t('systems.assessedValue', {
                    assessed: system.latest.assessedCount,
                    total: system.latest.criteriaCount,
                  })}
                </td>
                <td>{system.history.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h2 id={`${id}-profiles`}>{t('profiles.heading')}</h2>
      <p>{t('profiles.intro')}</p>
      <div className="chart-with-table">
        <figure className="chart" aria-labelledby={`${id}-profiles`}>
          <Suspense fallback={<p>{t('profiles.loading')}</p>}>
            <LevelRadar
              rows={profiles.rows}
              series={profiles.series}
              levelTitles={levelTitles}
              title={t('profiles.heading')}
            />
          </Suspense>
        </figure>
        <ScrollRegion label={t('profiles.tableCaption')}>
          <table className="nhsuk-table app-table--compact" data-testid="profiles-data">
            <caption>{t('profiles.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('systems.system')}</th>
                {framework.characteristics.map((c) => (
                  <th scope="col" key={c.id}>
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {systems.map((system) => (
                <tr key={system.key}>
                  <th scope="row">{system.name}</th>
                  {framework.characteristics.map((c) => (
                    <td key={c.id}>
                      {levelTitle(
                        system.latest.characteristics.find((k) => k.id === c.id)?.level ?? null,
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>

      <h2>{t('distribution.heading')}</h2>
      <p>{t('distribution.intro')}</p>
      <ScrollRegion label={t('distribution.caption')}>
        <table className="nhsuk-table app-table--compact" data-testid="distribution">
          <caption>{t('distribution.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('distribution.characteristic')}</th>
              {LEVEL_IDS.map((level) => (
                <th scope="col" key={level}>
                  {levelTitle(level)}
                </th>
              ))}
              <th scope="col">{t('insufficient')}</th>
            </tr>
          </thead>
          <tbody>
            {distribution.map((row, i) => (
              <tr key={row.characteristicId} data-characteristic={row.characteristicId}>
                <th scope="row">{framework.characteristics[i]?.title}</th>
                {LEVEL_IDS.map((level) => (
                  <td key={level}>{row.counts[level]}</td>
                ))}
                <td>{row.insufficient}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h2 id={`${id}-trend`}>{t('trend.heading')}</h2>
      <p>{t('trend.intro')}</p>
      {systems.map((system) => (
        <SystemTrend key={system.key} system={system} framework={framework} />
      ))}
    </>
  );
}

function SystemTrend({ system, framework }: { system: RegionalSystem; framework: Framework }) {
  const { t } = useTranslation('regional');
  const levelTitle = (level: string | null): string =>
    level ? (titleOfLevel(framework, level) ?? level) : t('insufficient');
  const points = systemTrend(system);
  return (
    <section aria-label={t('trend.caption', { system: system.name })} data-trend={system.key}>
      <h3>{system.name}</h3>
      <ScrollRegion label={t('trend.caption', { system: system.name })}>
        <table className="nhsuk-table app-table--compact">
          <caption className="nhsuk-u-visually-hidden">
            {t('trend.caption', { system: system.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('systems.asAt')}</th>
              <th scope="col">{t('systems.overall')}</th>
              {framework.characteristics.map((c) => (
                <th scope="col" key={c.id}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.asAt}>
                <th scope="row">{formatIsoDate(point.asAt)}</th>
                <td>{levelTitle(point.overall)}</td>
                {framework.characteristics.map((c) => (
                  <td key={c.id}>{levelTitle(point.levels[c.id] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ul className="regional-snapshots">
        {system.history.map((snapshot) => (
          <li key={snapshotId(snapshot)}>
            {t('trend.snapshot', {
              date: formatIsoDate(snapshot.asAt),
              published: formatIsoDate(snapshot.publishedAt.slice(0, 10)),
            })}{' '}
            <RemoveButton
              marker="data-remove-snapshot"
              fallback={() =>
                document.querySelector<HTMLElement>('[data-remove-snapshot]') ?? pageHeading()
              }
              onRemove={() => void removeSnapshot(snapshotId(snapshot))}
            >
              {t('trend.remove', {
                system: system.name,
                date: formatIsoDate(snapshot.asAt),
              })}
            </RemoveButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
