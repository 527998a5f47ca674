import type { TFunction } from 'i18next';
import type { BoardPaper, PaperCriterion } from '@/domain/report/board-paper';
import type { CoverRow } from '@/domain/report/cover-sheet';
import type { StatusResult } from '@/domain/trajectory/trajectory';
import { formatIsoDate } from '@/lib/format';
import { statusText } from '@/lib/status-text';
import {
  actionLine,
  actionStatusText,
  coverRowText,
  levelText,
  paperStatusText,
  spreadText,
  agreementText,
  targetText,
} from './labels';

/**
 * What the paper's tables and criterion entries say, worked out once for every format: the PDF
 * and the Word paper each only lay these out, so a column or a fact is changed in one place.
 */

export type PaperVariant = 'summary' | 'full';

/** The options every paper renderer (PDF, Word) takes: the same model with the same words. */
export type PaperExportOptions = {
  variant: PaperVariant;
  headline: string;
  generatedAt: number;
  appVersion: string;
  t: TFunction<'board-paper'>;
  tStatus: TFunction<'status'>;
  /** The cover sheet's rows: the first page of both papers. */
  cover: readonly CoverRow[];
};

/** A4's text width between the paper's margins, in millimetres: what table widths add up to. */
export const TEXT_WIDTH_MM = 174;

/**
 * A table: `headers` (null for a field/value table, whose first column is then its row headers),
 * rows of cell text, and column widths in millimetres adding up to TEXT_WIDTH_MM (Word takes them
 * as proportions).
 */
export type PaperTable = {
  headers: string[] | null;
  rows: string[][];
  widths: number[];
};

type T = TFunction<'board-paper'>;

/** The cover sheet as field and value; listed values are numbered, one a line. */
export function coverTable(cover: readonly CoverRow[], t: T): PaperTable {
  return {
    headers: null,
    rows: cover.map((row) => {
      const lines = coverRowText(row, t);
      const value =
        row.kind === 'lines' && row.value !== null
          ? lines.map((line, i) => `${i + 1}. ${line}`).join('\n')
          : lines.join('\n');
      return [t(`cover.fields.${row.field}`), value];
    }),
    widths: [58, 116],
  };
}

/** The paper's facts: system, assessment, date and status. */
export function factsTable(paper: BoardPaper, t: T): PaperTable {
  return {
    headers: [t('meta.system'), t('meta.assessment'), t('meta.asAt'), t('meta.status')],
    rows: [
      [
        paper.meta.systemName,
        paper.meta.title,
        formatIsoDate(paper.meta.asAt),
        paperStatusText(paper, t),
      ],
    ],
    widths: [44, 50, 32, 48],
  };
}

/** The overall level, the mature-ICS verdict and how many criteria were assessed. */
export function overallTable(paper: BoardPaper, t: T): PaperTable {
  return {
    headers: [t('meta.overall'), t('meta.mature'), t('meta.coverage')],
    rows: [
      [
        levelText(paper, paper.score.overall, t),
        paper.score.isMature ? t('meta.matureYes') : t('meta.matureNo'),
        t('meta.coverageValue', {
          assessed: paper.score.assessedCount,
          total: paper.score.criteriaCount,
        }),
      ],
    ],
    widths: [58, 58, 58],
  };
}

/**
 * The five characteristics: level, coverage, and status against target with the next target.
 * `statuses` gives each row's status, for the RAG colour drawn beside its word (column 3).
 */
export function characteristicsTable(
  paper: BoardPaper,
  t: T,
  tStatus: TFunction<'status'>,
): PaperTable & { statuses: StatusResult['status'][]; statusColumn: number } {
  return {
    headers: [
      t('summary.characteristic'),
      t('summary.level'),
      t('summary.assessed'),
      t('summary.againstTarget'),
    ],
    rows: paper.summary.characteristics.map((c) => [
      c.title,
      levelText(paper, c.level, t),
      t('meta.coverageValue', { assessed: c.assessedCount, total: c.criteriaCount }),
      `${statusText(c.status, tStatus)}\n${targetText(paper, c.target, t)}`,
    ]),
    widths: [62, 30, 22, 60],
    statuses: paper.summary.characteristics.map((c) => c.status.status),
    statusColumn: 3,
  };
}

/** The top gaps, a sentence each. */
export function gapLines(paper: BoardPaper, t: T): string[] {
  return paper.summary.topGaps.map((g) =>
    t('summary.gap', {
      title: g.title,
      characteristic: g.characteristicTitle,
      level: levelText(paper, g.level, t),
      target: levelText(paper, g.targetLevel, t),
      date: formatIsoDate(g.targetDate),
    }),
  );
}

/** The next actions due: action (and its criterion), owner, due date, status. */
export function actionsTable(paper: BoardPaper, t: T): PaperTable {
  return {
    headers: [t('summary.action'), t('summary.owner'), t('summary.due'), t('summary.actionStatus')],
    rows: paper.summary.nextActions.map((a) => [
      a.criterionTitle ? `${a.title} (${a.criterionTitle})` : a.title,
      a.owner,
      formatIsoDate(a.dueDate),
      actionStatusText(a, t),
    ]),
    widths: [78, 38, 28, 30],
  };
}

/** The maturity profile's data: each characteristic's level as a number and a word. */
export function radarTable(paper: BoardPaper, t: T): PaperTable {
  return {
    headers: [t('summary.characteristic'), t('summary.level')],
    rows: paper.radar.map((r) => [
      r.title,
      r.value > 0
        ? `${r.value} – ${levelText(paper, paper.levels[r.value - 1]?.id, t)}`
        : t('levels.insufficient'),
    ]),
    widths: [110, 64],
  };
}

/**
 * The comparison's two tables: every characteristic, then the criteria that changed (null when
 * none did). Null without an earlier assessment.
 */
export function comparisonTables(
  paper: BoardPaper,
  t: T,
): { characteristics: PaperTable; changed: PaperTable | null } | null {
  if (!paper.comparison) return null;
  const { comparison } = paper.comparison;
  const last = comparison.columns.length - 1;
  const widths = [70, 36, 36, 32];
  const changed = comparison.criteria.filter(
    (c) => c.change !== 'unchanged' && c.change !== 'not-assessed',
  );
  return {
    characteristics: {
      headers: [
        t('summary.characteristic'),
        t('comparison.previous'),
        t('comparison.current'),
        t('comparison.change'),
      ],
      rows: comparison.characteristics.map((c) => [
        c.title,
        levelText(paper, c.levels[0], t),
        levelText(paper, c.levels[last], t),
        t(`change.${c.change}`),
      ]),
      widths,
    },
    changed:
      changed.length === 0
        ? null
        : {
            headers: [
              t('comparison.criterion'),
              t('comparison.previous'),
              t('comparison.current'),
              t('comparison.change'),
            ],
            rows: changed.map((c) => [
              c.title,
              levelText(paper, c.levels[0], t, 'notAssessed'),
              levelText(paper, c.levels[last], t, 'notAssessed'),
              t(`change.${c.change}`),
            ]),
            widths,
          },
  };
}

/**
 * A criterion's entry, as labelled facts in order: a `text` fact is a label and its value, an
 * `items` fact a label and a bulleted list (`empty` when the list has nothing). Facts with nothing
 * to say (no descriptor, no rationale, no workshop, no actions) are left out.
 */
export type CriterionFact =
  { label: string; text: string } | { label: string; items: string[]; empty: string | null };

export function criterionFacts(
  paper: BoardPaper,
  criterion: PaperCriterion,
  t: T,
): CriterionFact[] {
  const facts: CriterionFact[] = [
    { label: t('criterion.level'), text: levelText(paper, criterion.level, t, 'notAssessed') },
  ];
  if (criterion.descriptor)
    facts.push({ label: t('criterion.descriptor'), text: criterion.descriptor });
  if (criterion.rationale.trim())
    facts.push({ label: t('criterion.rationale'), text: criterion.rationale });
  facts.push({
    label: t('criterion.evidence'),
    items: criterion.evidence.map((e) => (e.url ? `${e.text} (${e.url})` : e.text)),
    empty: t('criterion.noEvidence'),
  });
  facts.push({
    label: t('criterion.confidence'),
    text: criterion.confidence ? t(`confidence.${criterion.confidence}`) : t('confidence.none'),
  });
  if (criterion.spread) {
    const lines = [spreadText(paper, criterion.spread.spread, t)];
    if (criterion.spread.spread.isSplit) lines.push(t('criterion.split'));
    const agreement = criterion.spread.agreement;
    if (agreement?.level) lines.push(agreementText(paper, agreement, t));
    if (agreement?.dissent.trim()) lines.push(t('criterion.dissent', { text: agreement.dissent }));
    facts.push({ label: t('criterion.spread'), text: lines.join('\n') });
  }
  if (criterion.actions.length > 0)
    facts.push({
      label: t('criterion.actions'),
      items: criterion.actions.map((a) => actionLine(a, t)),
      empty: null,
    });
  return facts;
}
