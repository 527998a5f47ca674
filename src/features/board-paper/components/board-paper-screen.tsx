import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '@/components/back-link';
import { usePageTitle } from '@/hooks/use-page-title';
import { MissingNotice } from '@/components/missing-notice';
import { ScrollRegion } from '@/components/scroll-region';
import { routes } from '@/config/routes';
import { levelTitle as titleOfLevel } from '@/domain/framework/lookups';
import type { Framework } from '@/domain/framework/schema';
import type { BoardPaper } from '@/domain/report/board-paper';
import {
  coverSheetRows,
  EMPTY_COVER_SHEET,
  type CoverSheetValues,
} from '@/domain/report/cover-sheet';
import { useFrameworks } from '@/hooks/use-framework';
import { downloadFile, safeFileName } from '@/lib/files';
import { formatIsoDate } from '@/lib/format';
import { headline } from '@/lib/headline';
import { statusText } from '@/lib/status-text';
import { Link } from '@/lib/router';
import { useBoardPaper, useBoardPaperData, type PaperData } from '../hooks/use-board-paper-data';
import {
  availableCharts,
  chartFor,
  summaryChart,
  type Chart,
  type ChartContext,
  type ChartId,
} from '../lib/charts';
import { CoverSheetSection } from './cover-sheet';
import {
  actionLine,
  actionStatusText,
  appendixTitles,
  comparisonSentences,
  levelText,
  paperStatusText,
  spreadText,
  agreementText,
  workshopSummaryText,
  targetText,
} from '../lib/labels';

/** Fonts for the on-screen and PNG drawings (the PDF embeds its own). */
const SCREEN_FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif";

export function BoardPaperScreen({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation('board-paper');
  const data = useBoardPaperData(assessmentId);
  if (data === undefined) return <p>{t('loading')}</p>;
  if (data === null) {
    return <MissingNotice heading={t('missing')} backLabel={t('back')} />;
  }
  return (
    <Suspense fallback={<p>{t('loading')}</p>}>
      <LoadedPaper data={data} />
    </Suspense>
  );
}

function LoadedPaper({ data }: { data: PaperData }) {
  const all = [data.assessment, ...data.others];
  const frameworks = useFrameworks(
    all.map((a) => ({ id: a.frameworkId, version: a.frameworkVersion })),
  );
  return <Paper data={data} frameworks={frameworks} />;
}

function Paper({ data, frameworks }: { data: PaperData; frameworks: Framework[] }) {
  const { t } = useTranslation('board-paper');
  const { t: tStatus } = useTranslation('status');
  const paper = useBoardPaper(data, frameworks);
  usePageTitle([t('heading', { title: paper.meta.title })]);

  if (paper.kind === 'empty') {
    return (
      <>
        <p className="caption">
          {paper.meta.systemName} · {formatIsoDate(paper.meta.asAt)}
        </p>
        <h1>{t('heading', { title: paper.meta.title })}</h1>
        <div className="banner" role="status" data-testid="paper-empty">
          <h2>{t('empty.heading')}</h2>
          <p>{t('empty.body')}</p>
        </div>
        <Link className="nhsuk-button" href={routes.editor.href(paper.meta.assessmentId)}>
          {t('empty.edit')}
        </Link>
      </>
    );
  }
  const headlineText = headline(paper.score, (id) => titleOfLevel(paper, id) ?? id, tStatus);
  return <PaperView paper={paper} headlineText={headlineText} />;
}

function SvgFigure({ chart, label }: { chart: Chart; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const holder = ref.current;
    if (!holder) return;
    chart.svg.setAttribute('role', 'img');
    chart.svg.setAttribute('aria-label', label);
    chart.svg.removeAttribute('width');
    chart.svg.removeAttribute('height');
    holder.replaceChildren(chart.svg);
    return () => holder.replaceChildren();
  }, [chart, label]);
  return <div className="paper-chart" ref={ref} />;
}

type Job =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'done'; file: string }
  | {
      state: 'failed';
      reason: string;
    };

function PaperView({ paper, headlineText }: { paper: BoardPaper; headlineText: string }) {
  const { t } = useTranslation('board-paper');
  const [job, setJob] = useState<Job>({ state: 'idle' });
  const { t: tStatus } = useTranslation('status');
  const ctx: ChartContext = useMemo(
    () => ({ paper, t, tStatus, fontFamily: SCREEN_FONT }),
    [paper, t, tStatus],
  );
  const charts = availableCharts(paper);
  const screenCharts = useMemo(
    () =>
      Object.fromEntries(availableCharts(paper).map((id) => [id, chartFor(id, ctx)])) as Record<
        ChartId,
        Chart
      >,
    [paper, ctx],
  );
  const baseName = [paper.meta.systemName, paper.meta.title, paper.meta.asAt];
  const cover = useRef<CoverSheetValues>(EMPTY_COVER_SHEET);
  const coverDefaults = useMemo(
    () => ({
      paperTitle: paper.meta.title,
      executiveSummary: headlineText,
      appendices: appendixTitles(paper, 'full', t),
    }),
    [paper, headlineText, t],
  );
  const coverFor = (variant: 'summary' | 'full') =>
    coverSheetRows(cover.current, {
      ...coverDefaults,
      appendices: appendixTitles(paper, variant, t),
    });

  // While a file is made the buttons say so with aria-disabled, not disabled: a disabled button
  // drops keyboard focus to the page's body.
  async function run(make: () => Promise<{ blob: Blob; file: string; type: string }>) {
    if (job.state === 'working') return;
    setJob({ state: 'working' });
    try {
      const { blob, file, type } = await make();
      downloadFile(blob, file, type);
      setJob({ state: 'done', file });
    } catch (error) {
      setJob({ state: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  const exportPdf = (variant: 'summary' | 'full') =>
    run(async () => {
      const { renderBoardPaperPdf } = await import('../lib/pdf');
      const blob = await renderBoardPaperPdf(paper, {
        variant,
        headline: headlineText,
        generatedAt: Date.now(),
        appVersion: __APP_VERSION__,
        t,
        tStatus,
        cover: coverFor(variant),
      });
      const suffix = variant === 'summary' ? t('pdf.fileSummary') : t('pdf.fileFull');
      return { blob, file: safeFileName([...baseName, suffix], 'pdf'), type: 'application/pdf' };
    });

  // The Word paper: the same model and cover sheet, for board secretaries to edit.
  const exportDocx = (variant: 'summary' | 'full') =>
    run(async () => {
      const { renderBoardPaperDocx, DOCX_MIME } = await import('../lib/docx');
      const blob = await renderBoardPaperDocx(paper, {
        variant,
        headline: headlineText,
        generatedAt: Date.now(),
        appVersion: __APP_VERSION__,
        t,
        tStatus,
        cover: coverFor(variant),
      });
      const suffix = variant === 'summary' ? t('pdf.fileSummary') : t('pdf.fileFull');
      return { blob, file: safeFileName([...baseName, suffix], 'docx'), type: DOCX_MIME };
    });

  const exportPng = (id: ChartId | 'summary') =>
    run(async () => {
      const { chartToPng } = await import('../lib/png');
      const chart = id === 'summary' ? summaryChart(ctx, headlineText) : chartFor(id, ctx);
      const blob = await chartToPng(chart, 2);
      return {
        blob,
        file: safeFileName([...baseName, t(`charts.names.${id}`)], 'png'),
        type: 'image/png',
      };
    });

  // One download button per format and variant (data-pdf / data-docx name it for the tests and
  // the bench); aria-disabled, not disabled, while a file is made, so focus stays on it.
  const download = (format: 'pdf' | 'docx', variant: 'summary' | 'full', label: string) => (
    <button
      type="button"
      className="nhsuk-button"
      {...{ [`data-${format}`]: variant }}
      aria-disabled={job.state === 'working' || undefined}
      onClick={() => void (format === 'pdf' ? exportPdf : exportDocx)(variant)}
    >
      {label}
    </button>
  );

  return (
    <article className="board-paper">
      <BackLink href={routes.results.href(paper.meta.assessmentId)} to="results" />
      <p className="caption">{t('kicker')}</p>
      <h1>{t('heading', { title: paper.meta.title })}</h1>

      <CoverSheetSection
        systemName={paper.meta.systemName}
        defaults={coverDefaults}
        valuesRef={cover}
      />

      <section className="paper-export no-print" aria-labelledby="paper-export-heading">
        <h2 id="paper-export-heading">{t('export.heading')}</h2>
        <p>{t('export.intro')}</p>
        <p className="nhsuk-button-group">
          {download('pdf', 'summary', t('export.summary'))}
          {download('pdf', 'full', t('export.full'))}
          {download('docx', 'summary', t('export.summaryDocx'))}
          {download('docx', 'full', t('export.fullDocx'))}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => window.print()}
          >
            {t('export.print')}
          </button>
        </p>
        <h3>{t('export.pngHeading')}</h3>
        <p>{t('export.pngIntro')}</p>
        <ul className="paper-png-list">
          {(['summary', ...charts] as const).map((id) => (
            <li key={id}>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                aria-disabled={job.state === 'working' || undefined}
                data-png={id}
                onClick={() => void exportPng(id)}
              >
                {t('export.png', { name: t(`charts.names.${id}`) })}
              </button>
            </li>
          ))}
        </ul>
        <p role="status" className="paper-export__status" data-testid="export-status">
          {job.state === 'working' && t('export.working')}
          {job.state === 'done' && t('export.done', { file: job.file })}
          {job.state === 'failed' && t('export.failed', { reason: job.reason })}
        </p>
      </section>

      <section aria-labelledby="paper-summary">
        <h2 id="paper-summary">{t('sections.summary')}</h2>
        <dl className="nhsuk-summary-list paper-meta">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('meta.system')}</dt>
            <dd className="nhsuk-summary-list__value" data-testid="paper-system">
              {paper.meta.systemName}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('meta.assessment')}</dt>
            <dd className="nhsuk-summary-list__value">{paper.meta.title}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('meta.asAt')}</dt>
            <dd className="nhsuk-summary-list__value">{formatIsoDate(paper.meta.asAt)}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('meta.status')}</dt>
            <dd className="nhsuk-summary-list__value" data-testid="paper-status">
              {paperStatusText(paper, t)}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('meta.overall')}</dt>
            <dd className="nhsuk-summary-list__value">
              {levelText(paper, paper.score.overall, t)}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('meta.mature')}</dt>
            <dd className="nhsuk-summary-list__value">
              {paper.score.isMature ? t('meta.matureYes') : t('meta.matureNo')}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('meta.coverage')}</dt>
            <dd className="nhsuk-summary-list__value">
              {t('meta.coverageValue', {
                assessed: paper.score.assessedCount,
                total: paper.score.criteriaCount,
              })}
            </dd>
          </div>
        </dl>
        <p className="headline">{headlineText}</p>
        <h3>{t('summary.characteristics')}</h3>
        <ScrollRegion label={t('summary.characteristics')}>
          <table className="nhsuk-table">
            <thead>
              <tr>
                <th scope="col">{t('summary.characteristic')}</th>
                <th scope="col">{t('summary.level')}</th>
                <th scope="col">{t('summary.assessed')}</th>
                <th scope="col">{t('summary.againstTarget')}</th>
              </tr>
            </thead>
            <tbody>
              {paper.summary.characteristics.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.title}</th>
                  <td>{levelText(paper, c.level, t)}</td>
                  <td>
                    {t('meta.coverageValue', { assessed: c.assessedCount, total: c.criteriaCount })}
                  </td>
                  <td>
                    {statusText(c.status, tStatus)}
                    <br />
                    {targetText(paper, c.target, t)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <h3>{t('summary.gaps')}</h3>
        {paper.summary.topGaps.length === 0 ? (
          <p>{t('summary.noGaps')}</p>
        ) : (
          <ul>
            {paper.summary.topGaps.map((g) => (
              <li key={g.criterionId}>
                {t('summary.gap', {
                  title: g.title,
                  characteristic: g.characteristicTitle,
                  level: levelText(paper, g.level, t),
                  target: levelText(paper, g.targetLevel, t),
                  date: formatIsoDate(g.targetDate),
                })}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('summary.actions')}</h3>
        {paper.summary.nextActions.length === 0 ? (
          <p>{t('summary.noActions')}</p>
        ) : (
          <ScrollRegion label={t('summary.actions')}>
            <table className="nhsuk-table">
              <thead>
                <tr>
                  <th scope="col">{t('summary.action')}</th>
                  <th scope="col">{t('summary.owner')}</th>
                  <th scope="col">{t('summary.due')}</th>
                  <th scope="col">{t('summary.actionStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {paper.summary.nextActions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.title}</th>
                    <td>{a.owner}</td>
                    <td>{formatIsoDate(a.dueDate)}</td>
                    <td>{actionStatusText(a, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="paper-charts" className="paper-page">
        <h2 id="paper-charts">{t('sections.charts')}</h2>
        {charts.map((id) => (
          <div key={id} className="chart-with-table">
            <SvgFigure chart={screenCharts[id]} label={t(`charts.names.${id}`)} />
            <ChartTable id={id} paper={paper} />
          </div>
        ))}
      </section>

      <section aria-labelledby="paper-criteria" className="paper-page">
        <h2 id="paper-criteria">{t('sections.criteria')}</h2>
        {paper.characteristics.map((c) => (
          <section key={c.id} aria-labelledby={`paper-${c.id}`}>
            <h3 id={`paper-${c.id}`}>{c.title}</h3>
            <p>
              <strong>
                {t('criterion.characteristicLevel', {
                  level: levelText(paper, c.level, t),
                  assessed: c.assessedCount,
                  total: c.criteriaCount,
                })}
              </strong>
            </p>
            {c.criteria.map((criterion) => (
              <div key={criterion.id} className="paper-criterion">
                <h4>{criterion.title}</h4>
                <dl className="paper-criterion__facts">
                  <dt>{t('criterion.level')}</dt>
                  <dd>{levelText(paper, criterion.level, t, 'notAssessed')}</dd>
                  {criterion.descriptor && (
                    <>
                      <dt>{t('criterion.descriptor')}</dt>
                      <dd>{criterion.descriptor}</dd>
                    </>
                  )}
                  {criterion.rationale.trim() !== '' && (
                    <>
                      <dt>{t('criterion.rationale')}</dt>
                      <dd className="paper-long-text">{criterion.rationale}</dd>
                    </>
                  )}
                  <dt>{t('criterion.evidence')}</dt>
                  <dd>
                    {criterion.evidence.length === 0 ? (
                      t('criterion.noEvidence')
                    ) : (
                      <ul>
                        {criterion.evidence.map((e) => (
                          <li key={e.id} className="paper-long-text">
                            {e.url ? `${e.text} (${e.url})` : e.text}
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                  <dt>{t('criterion.confidence')}</dt>
                  <dd>
                    {criterion.confidence
                      ? t(`confidence.${criterion.confidence}`)
                      : t('confidence.none')}
                  </dd>
                  {criterion.spread && (
                    <>
                      <dt>{t('criterion.spread')}</dt>
                      <dd>
                        {spreadText(paper, criterion.spread.spread, t)}
                        {criterion.spread.spread.isSplit && (
                          <>
                            <br />
                            {t('criterion.split')}
                          </>
                        )}
                        {criterion.spread.agreement?.level && (
                          <>
                            <br />
                            {agreementText(paper, criterion.spread.agreement, t)}
                          </>
                        )}
                        {criterion.spread.agreement?.dissent.trim() && (
                          <>
                            <br />
                            {t('criterion.dissent', { text: criterion.spread.agreement.dissent })}
                          </>
                        )}
                      </dd>
                    </>
                  )}
                  {criterion.actions.length > 0 && (
                    <>
                      <dt>{t('criterion.actions')}</dt>
                      <dd>
                        <ul>
                          {criterion.actions.map((a) => (
                            <li key={a.id}>{actionLine(a, t)}</li>
                          ))}
                        </ul>
                      </dd>
                    </>
                  )}
                </dl>
              </div>
            ))}
            {c.actions.length > 0 && (
              <>
                <h4>{t('criterion.characteristicActions')}</h4>
                <ul>
                  {c.actions.map((a) => (
                    <li key={a.id}>{actionLine(a, t)}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ))}
      </section>

      {paper.comparison && (
        <section aria-labelledby="paper-comparison" className="paper-page">
          <h2 id="paper-comparison">{t('sections.comparison')}</h2>
          {comparisonSentences(paper, t).map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </section>
      )}

      {paper.sections.includes('participants') && (
        <section aria-labelledby="paper-participants" className="paper-page">
          <h2 id="paper-participants">{t('sections.participants')}</h2>
          {paper.workshops.map((w) => (
            <div key={w.id}>
              <h3>
                {t('participants.workshop', {
                  title: w.title,
                  date: formatIsoDate(w.date),
                  facilitator: w.facilitator,
                })}
              </h3>
              <p>{workshopSummaryText(w, t)}</p>
              {w.isAnonymous && <p>{t('participants.anonymous')}</p>}
              <ScrollRegion label={t('participants.table', { title: w.title })}>
                <table className="nhsuk-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('participants.name')}</th>
                      <th scope="col">{t('participants.organisation')}</th>
                      <th scope="col">{t('participants.sector')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {w.participants.map((p, index) => (
                      <tr key={index}>
                        <th scope="row">{p.label}</th>
                        <td>{p.organisation}</td>
                        <td>{t(`sector.${p.sector}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="paper-method" className="paper-page">
        <h2 id="paper-method">{t('sections.method')}</h2>
        <p>{t('method.intro')}</p>
        <ul>
          {paper.method.scoring.map((s) => (
            <li key={s.id}>{s.text}</li>
          ))}
        </ul>
        <h3>{t('method.levels')}</h3>
        <dl>
          {paper.levels.map((l) => (
            <div key={l.id}>
              <dt>{l.title}</dt>
              <dd>{l.description}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="paper-provenance">
        <h2 id="paper-provenance">{t('sections.provenance')}</h2>
        <p>
          <strong>
            {t('provenance.framework', {
              title: paper.provenance.title,
              version: paper.provenance.version,
            })}
          </strong>
        </p>
        <p>{t('provenance.statement')}</p>
      </section>
    </article>
  );
}

/** The figures of each chart as a table beside it, for screen readers and print. */
function ChartTable({ id, paper }: { id: ChartId; paper: BoardPaper }) {
  const { t } = useTranslation('board-paper');
  const { t: tStatus } = useTranslation('status');
  const caption = t('charts.tableCaption', { name: t(`charts.names.${id}`) });
  let head: string[] = [];
  let rows: { key: string; cells: string[] }[] = [];
  if (id === 'radar') {
    head = [t('summary.characteristic'), t('summary.level')];
    rows = paper.radar.map((r) => ({
      key: r.characteristicId,
      cells: [r.title, levelText(paper, paper.levels[r.value - 1]?.id, t)],
    }));
  } else if (id === 'trajectory' && paper.trajectory) {
    head = [t('summary.characteristic'), t('summary.level'), t('summary.againstTarget')];
    rows = paper.summary.characteristics.map((c) => ({
      key: c.id,
      cells: [
        c.title,
        levelText(paper, c.level, t),
        `${statusText(c.status, tStatus)}; ${targetText(paper, c.target, t)}`,
      ],
    }));
  } else if (id === 'spread') {
    const workshop = paper.workshops.find((w) => w.spreads.length > 0);
    head = [t('summary.characteristic'), t('criterion.spread')];
    rows = (workshop?.spreads ?? []).map((s) => ({
      key: s.criterionId,
      cells: [s.title, spreadText(paper, s.spread, t)],
    }));
  } else if (id === 'comparison' && paper.comparison) {
    const last = paper.comparison.comparison.columns.length - 1;
    head = [
      t('summary.characteristic'),
      t('comparison.previous'),
      t('comparison.current'),
      t('comparison.change'),
    ];
    rows = paper.comparison.comparison.characteristics.map((c) => ({
      key: c.id,
      cells: [
        c.title,
        levelText(paper, c.levels[0], t),
        levelText(paper, c.levels[last], t),
        t(`change.${c.change}`),
      ],
    }));
  }
  return (
    <ScrollRegion label={caption}>
      <table className="nhsuk-table app-table--compact" data-chart-table={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.cells[0]}</th>
              {row.cells.slice(1).map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
