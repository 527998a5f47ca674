import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '@/components/scroll-region';
import { routes } from '@/config/routes';
import { countEvidence } from '@/domain/assessment';
import { compareAssessments, summarise, type ChangeKind } from '@/domain/compare/compare';
import { levelTitle as titleOfLevel } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import type { LevelId } from '@/domain/levels';
import { useFrameworks } from '@/hooks/use-framework';
import { useFocusAfter } from '@/hooks/use-focus-after';
import { formatIsoDate } from '@/lib/format';
import { Link, navigate } from '@/lib/router';
import {
  getAssessmentsWithRatings,
  listAssessmentSummaries,
  type AssessmentSummary,
  type AssessmentWithRatings,
} from '@/storage/repositories/assessments-repo';
import { summaryText } from '../lib/summary-text';
import { chartRows } from '../lib/chart-rows';
import { pickerView, type PickerLimits } from '../lib/picker-groups';

const LevelRadar = lazy(() =>
  import('@/components/charts/radar-chart').then((m) => ({ default: m.LevelRadar })),
);
const LevelBarChart = lazy(() =>
  import('@/components/charts/level-bar-chart').then((m) => ({ default: m.LevelBarChart })),
);

export const MAX_COMPARED = 5;

/** The picker shows this much at first, whatever is stored (1,000 assessments render quickly). */
export const PICKER_LIMITS: PickerLimits = { perSystem: 3, systems: 10 };

/** The latest assessment of the most recently assessed system and the one before it. */
function defaultSelection(summaries: readonly AssessmentSummary[]): string[] {
  const newest = summaries[0];
  if (!newest) return [];
  const same = summaries.filter((s) => s.systemKey === newest.systemKey);
  return same.slice(0, 2).map((s) => s.id);
}

export function CompareScreen({ assessmentIds }: { assessmentIds: string[] }) {
  const { t } = useTranslation('compare');
  const id = useId();
  const summaries = useLiveQuery(() => listAssessmentSummaries(), []);
  const selected =
    summaries && assessmentIds.length === 0 ? defaultSelection(summaries) : assessmentIds;
  const chosen = useLiveQuery(() => getAssessmentsWithRatings(selected), [selected.join(',')]);

  if (summaries === undefined) return <p>{t('loading')}</p>;

  const toggle = (assessmentId: string, isChecked: boolean): void => {
    const next = isChecked
      ? [...selected, assessmentId]
      : selected.filter((s) => s !== assessmentId);
    navigate(routes.compare.href(next), { replace: true });
  };

  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="nhsuk-body-l">{t('intro')}</p>
      <Picker initiallyOpen={selected.length < 2}>
        <summary>{t('picker.summary', { count: selected.length })}</summary>
        <fieldset className="nhsuk-form-group" aria-describedby={`${id}-hint`}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            {t('picker.legend')}
          </legend>
          <p className="nhsuk-hint" id={`${id}-hint`}>
            {t('picker.hint', { max: MAX_COMPARED })}
          </p>
          <PickerOptions summaries={summaries} selected={selected} onToggle={toggle} />
        </fieldset>
      </Picker>
      {selected.length < 2 ? (
        <p role="status">{t('picker.needTwo')}</p>
      ) : chosen === undefined ? (
        <p>{t('loading')}</p>
      ) : chosen.length < 2 ? (
        <p role="status">{t('picker.missing')}</p>
      ) : (
        <Suspense fallback={<p>{t('loading')}</p>}>
          <LoadedComparison assessments={chosen} />
        </Suspense>
      )}
    </>
  );
}

/**
 * The picker is open at first when fewer than two are chosen, then stays as the person leaves it:
 * choosing the second assessment does not close it under their focus.
 */
function Picker({ initiallyOpen, children }: { initiallyOpen: boolean; children: ReactNode }) {
  const [isOpen, setOpen] = useState(initiallyOpen);
  return (
    <details className="card" open={isOpen} onToggle={(e) => setOpen(e.currentTarget.open)}>
      {children}
    </details>
  );
}

/**
 * The checkboxes, a bounded number of them: each system's newest few (and any chosen), the first
 * systems only, with "Show all" per system and "Show more systems". Both buttons stay where they
 * are while there is more to show; new systems take the focus to their first checkbox.
 */
function PickerOptions({
  summaries,
  selected,
  onToggle,
}: {
  summaries: readonly AssessmentSummary[];
  selected: readonly string[];
  onToggle: (assessmentId: string, isChecked: boolean) => void;
}) {
  const { t } = useTranslation('compare');
  const id = useId();
  const focusAfter = useFocusAfter();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [systems, setSystems] = useState(PICKER_LIMITS.systems);
  const selectedKey = selected.join(',');
  const view = useMemo(
    () =>
      pickerView(summaries, selectedKey === '' ? [] : selectedKey.split(','), expanded, {
        ...PICKER_LIMITS,
        systems,
      }),
    [summaries, selectedKey, expanded, systems],
  );

  const showMoreSystems = (): void => {
    const more = systems + PICKER_LIMITS.systems;
    const shown = new Set(view.groups.map((g) => g.key));
    const next = pickerView(summaries, selected, expanded, { ...PICKER_LIMITS, systems: more });
    const index = next.groups.findIndex((g) => !shown.has(g.key));
    setSystems(more);
    focusAfter(
      () => document.getElementById(`${id}-group-${index}`)?.querySelector('input') ?? null,
    );
  };

  return (
    <>
      {view.groups.map((group, index) => (
        <div key={group.key} id={`${id}-group-${index}`} className="compare-picker__group">
          <p className="compare-picker__system">{group.systemName}</p>
          {group.shown.map((s) => {
            const isChecked = selected.includes(s.id);
            return (
              <label key={s.id} className="inline-radio">
                <input
                  type="checkbox"
                  checked={isChecked}
                  disabled={!isChecked && selected.length >= MAX_COMPARED}
                  onChange={(e) => onToggle(s.id, e.target.checked)}
                />
                {t('picker.option', { title: s.title, date: formatIsoDate(s.asAt) })}
              </label>
            );
          })}
          {group.total > PICKER_LIMITS.perSystem && (
            <p>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                aria-expanded={group.isExpanded}
                aria-controls={`${id}-group-${index}`}
                onClick={() =>
                  setExpanded((current) => {
                    const next = new Set(current);
                    if (!next.delete(group.key)) next.add(group.key);
                    return next;
                  })
                }
              >
                {group.isExpanded
                  ? t('picker.showNewest', {
                      count: PICKER_LIMITS.perSystem,
                      system: group.systemName,
                    })
                  : t('picker.showAll', { count: group.total, system: group.systemName })}
              </button>
            </p>
          )}
        </div>
      ))}
      {view.hiddenSystems > 0 && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={showMoreSystems}
        >
          {t('picker.moreSystems', {
            count: Math.min(view.hiddenSystems, PICKER_LIMITS.systems),
            hidden: view.hiddenSystems,
          })}
        </button>
      )}
    </>
  );
}

function LoadedComparison({ assessments }: { assessments: AssessmentWithRatings[] }) {
  const frameworks = useFrameworks(
    assessments.map((a) => ({ id: a.frameworkId, version: a.frameworkVersion })),
  );
  return <Comparison assessments={assessments} frameworks={frameworks} />;
}

const MARKERS: Record<ChangeKind, string> = {
  improved: '▲',
  declined: '▼',
  unchanged: '=',
  'newly-assessed': '+',
  'no-longer-assessed': '−',
  'not-assessed': '·',
};

function ChangeMarker({ change }: { change: ChangeKind }) {
  const { t } = useTranslation('compare');
  return (
    <span className={`change change--${change}`}>
      <span aria-hidden="true">{MARKERS[change]}</span> {t(`change.${change}`)}
    </span>
  );
}

function Comparison({
  assessments,
  frameworks,
}: {
  assessments: AssessmentWithRatings[];
  frameworks: Framework[];
}) {
  const { t } = useTranslation('compare');
  const levelFramework = frameworks[frameworks.length - 1] ?? frameworks[0];
  /** For a criterion, null means "not assessed"; for a characteristic, "insufficient evidence". */
  const levelTitle = (level: LevelId | null | undefined, isCharacteristic = false): string =>
    level === undefined
      ? t('notInVersion')
      : level === null
        ? t(isCharacteristic ? 'insufficient' : 'notAssessed')
        : ((levelFramework && titleOfLevel(levelFramework, level)) ?? level);

  const comparison = useMemo(
    () =>
      compareAssessments(
        assessments.map((a, i) => ({
          id: a.id,
          title: a.title,
          asAt: a.asAt,
          createdAt: a.createdAt,
          framework: frameworks[i]!,
          ratings: Object.fromEntries(
            a.ratings.map((r) => [
              r.criterionId,
              { level: r.level, evidenceCount: countEvidence(r.evidence) },
            ]),
          ),
        })),
      ),
    [assessments, frameworks],
  );
  const summary = summarise(comparison);
  const byId = new Map(assessments.map((a) => [a.id, a]));
  const columnName = (c: (typeof comparison.columns)[number]): string =>
    t('column', { title: c.title, date: formatIsoDate(c.asAt) });
  const rows = useMemo(() => chartRows(comparison), [comparison]);
  const series = comparison.columns.map((c) => ({ key: c.id, name: columnName(c) }));
  const levelTitles = levelFramework?.levels.map((l) => l.title) ?? [];

  // Each table has a column per compared assessment, between its first column and the change.
  const headRow = (first: string) => (
    <tr>
      <th scope="col">{first}</th>
      {comparison.columns.map((c) => (
        <th scope="col" key={c.id}>
          {columnName(c)}
        </th>
      ))}
      <th scope="col">{t('table.change')}</th>
    </tr>
  );

  const levelsTable = (testId: string, caption: string) => (
    <ScrollRegion label={caption}>
      <table className="nhsuk-table app-table--compact" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>{headRow(t('table.characteristic'))}</thead>
        <tbody>
          {comparison.characteristics.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.title}</th>
              {c.levels.map((level, i) => (
                <td key={comparison.columns[i]?.id}>{levelTitle(level, true)}</td>
              ))}
              <td>
                <ChangeMarker change={c.change} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );

  return (
    <>
      {comparison.versionsDiffer && (
        <div className="banner" role="note" data-testid="version-banner">
          <p>
            <strong>
              {t('versions.heading', {
                versions: [...new Set(comparison.columns.map((c) => c.frameworkVersion))].join(
                  ', ',
                ),
              })}
            </strong>
          </p>
          <p>{t('versions.body', { count: comparison.unmatched.length })}</p>
          {comparison.unmatched.length > 0 && (
            <ul>
              {comparison.unmatched.map((u) => (
                <li key={u.id}>
                  {t('versions.unmatched', {
                    title: u.title,
                    in: u.presentIn.map((id) => byId.get(id)?.title ?? id).join(', '),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {summary && (
        <p className="headline" data-testid="compare-summary">
          {summaryText(summary, formatIsoDate, (level) => levelTitle(level, true), t)}
        </p>
      )}
      <ul className="change-counts" data-testid="change-counts">
        {(Object.keys(comparison.counts) as ChangeKind[]).map((kind) => (
          <li key={kind}>
            <ChangeMarker change={kind} />: {comparison.counts[kind]}
          </li>
        ))}
      </ul>

      <h2>{t('table.heading')}</h2>
      {levelsTable('compare-characteristics', t('table.caption'))}

      <h2 id="compare-radar">{t('charts.radar')}</h2>
      <div className="chart-with-table">
        <figure className="chart" aria-labelledby="compare-radar">
          <Suspense fallback={<p>{t('charts.loading')}</p>}>
            <LevelRadar rows={rows} series={series} levelTitles={levelTitles} labelWidth={24} />
          </Suspense>
        </figure>
        {levelsTable('compare-radar-data', t('charts.dataCaption', { chart: t('charts.radar') }))}
      </div>
      <h2 id="compare-bars">{t('charts.bar')}</h2>
      <div className="chart-with-table">
        <figure className="chart" aria-labelledby="compare-bars">
          <Suspense fallback={<p>{t('charts.loading')}</p>}>
            <LevelBarChart rows={rows} series={series} levelTitles={levelTitles} />
          </Suspense>
        </figure>
        {levelsTable('compare-bar-data', t('charts.dataCaption', { chart: t('charts.bar') }))}
      </div>

      <h2>{t('criteria.heading')}</h2>
      {comparison.characteristics.map((characteristic) => (
        <section key={characteristic.id} aria-labelledby={`criteria-${characteristic.id}`}>
          <h3 id={`criteria-${characteristic.id}`}>{characteristic.title}</h3>
          <ScrollRegion label={t('criteria.caption', { title: characteristic.title })}>
            <table
              className="nhsuk-table app-table--compact"
              data-testid={`criteria-${characteristic.id}`}
            >
              <caption className="nhsuk-u-visually-hidden">
                {t('criteria.caption', { title: characteristic.title })}
              </caption>
              <thead>{headRow(t('criteria.criterion'))}</thead>
              <tbody>
                {comparison.criteria
                  .filter((c) => c.characteristicId === characteristic.id)
                  .map((criterion) => (
                    <tr key={criterion.id} data-criterion={criterion.id}>
                      <th scope="row">
                        {criterion.title}
                        <details className="compare-evidence">
                          <summary>{t('criteria.evidence')}</summary>
                          <div className="compare-evidence__columns">
                            {comparison.columns.map((col) => {
                              const rating = byId
                                .get(col.id)
                                ?.ratings.find((r) => r.criterionId === criterion.id);
                              return (
                                <div key={col.id}>
                                  <p className="compare-evidence__title">{columnName(col)}</p>
                                  <p>{rating?.rationale || t('criteria.noRationale')}</p>
                                  {rating && rating.evidence.length > 0 ? (
                                    <ul>
                                      {rating.evidence.map((e) => (
                                        <li key={e.id}>
                                          {e.url
                                            ? t('criteria.evidenceWithLink', {
                                                text: e.text,
                                                url: e.url,
                                              })
                                            : e.text}
                                        </li>
                                      ))}
                                    </ul>
                                  ) : (
                                    <p>{t('criteria.noEvidence')}</p>
                                  )}
                                </div>
                              );
                            })}
                          </div>
                        </details>
                      </th>
                      {criterion.levels.map((level, i) => (
                        <td key={comparison.columns[i]?.id}>{levelTitle(level)}</td>
                      ))}
                      <td>
                        <ChangeMarker change={criterion.change} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ))}
      <p>
        <Link href={routes.assessments.href()}>{t('back')}</Link>
      </p>
    </>
  );
}
