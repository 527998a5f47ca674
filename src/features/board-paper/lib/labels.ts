import type { TFunction } from 'i18next';
import type { LevelId } from '@/domain/levels';
import type { BoardPaper, PaperAction, PaperCriterion } from '@/domain/report/board-paper';
import type { CoverRow } from '@/domain/report/cover-sheet';
import { assessmentStatusText } from '@/lib/assessment-status-text';
import { formatIsoDate } from '@/lib/format';
import { levelTitle } from '@/domain/framework/lookups';

/** Translated pieces of the paper that the PDF, the PNGs and the print view all need. */
export function levelText(
  paper: BoardPaper,
  level: LevelId | null | undefined,
  t: TFunction<'board-paper'>,
  empty: 'insufficient' | 'notAssessed' = 'insufficient',
): string {
  return (
    levelTitle(paper, level) ??
    (empty === 'insufficient' ? t('levels.insufficient') : t('levels.notAssessed'))
  );
}

/** "Agreed at the workshop: Developing", saying so when the level came from round 2 (issue 12). */
export function agreementText(
  paper: BoardPaper,
  agreement: { level: LevelId | null; round?: 1 | 2 | undefined },
  t: TFunction<'board-paper'>,
): string {
  const level = levelText(paper, agreement.level, t);
  return agreement.round === 2
    ? t('criterion.agreementRound2', { level })
    : t('criterion.agreement', { level });
}

/** A workshop's line of counts, with how many were agreed in round 2 when any were. */
export function workshopSummaryText(
  workshop: BoardPaper['workshops'][number],
  t: TFunction<'board-paper'>,
): string {
  const summary = t('participants.summary', {
    count: workshop.participants.length,
    agreed: workshop.agreedCount,
    split: workshop.splitCount,
  });
  return workshop.agreedInRound2Count > 0
    ? `${summary}; ${t('participants.round2', { count: workshop.agreedInRound2Count })}`
    : summary;
}

/** The assessment's stored status, as every renderer of the paper prints it. */
export function paperStatusText(paper: BoardPaper, t: TFunction<'board-paper'>): string {
  return assessmentStatusText(paper.meta.status, t);
}

export function actionStatusText(action: PaperAction, t: TFunction<'board-paper'>): string {
  const status = t(`actionStatus.${action.status}`);
  return action.isOverdue ? t('actionStatus.overdue', { status }) : status;
}

export function actionLine(action: PaperAction, t: TFunction<'board-paper'>): string {
  return t('criterion.actionLine', {
    title: action.title,
    owner: action.owner,
    date: formatIsoDate(action.dueDate),
    status: actionStatusText(action, t),
  });
}

export function spreadText(
  paper: BoardPaper,
  spread: NonNullable<PaperCriterion['spread']>['spread'],
  t: TFunction<'board-paper'>,
): string {
  const counts = paper.levels
    .map((l) => t('criterion.spreadCount', { level: l.title, count: spread.counts[l.id] }))
    .join(', ');
  const median = spread.median
    ? spread.median.low === spread.median.high
      ? levelText(paper, spread.median.low, t)
      : `${levelText(paper, spread.median.low, t)}–${levelText(paper, spread.median.high, t)}`
    : '–';
  return t('criterion.spreadValue', {
    count: spread.count,
    counts,
    median,
    min: levelText(paper, spread.range?.min, t),
    max: levelText(paper, spread.range?.max, t),
  });
}

export function comparisonSentences(paper: BoardPaper, t: TFunction<'board-paper'>): string[] {
  const comparison = paper.comparison;
  if (!comparison) return [];
  return [
    t('comparison.intro', {
      title: comparison.previous.title,
      date: formatIsoDate(comparison.previous.asAt),
    }),
    t('comparison.counts', {
      improved: comparison.summary.improved,
      declined: comparison.summary.declined,
    }),
    ...comparison.summary.moves.map((move) =>
      t('comparison.move', {
        characteristic: move.title,
        from: levelText(paper, move.from, t).toLocaleLowerCase('en-GB'),
        to: levelText(paper, move.to, t).toLocaleLowerCase('en-GB'),
      }),
    ),
  ];
}

export function targetText(
  paper: BoardPaper,
  target: { level: LevelId; date: string } | null,
  t: TFunction<'board-paper'>,
): string {
  return target
    ? t('target.by', { level: levelText(paper, target.level, t), date: formatIsoDate(target.date) })
    : t('target.none');
}

/** A cover sheet row's value as text; list rows give one string per item. */
export function coverRowText(row: CoverRow, t: TFunction<'board-paper'>): string[] {
  if (row.value === null)
    return [row.field === 'appendices' ? t('cover.noAppendices') : t('cover.notStated')];
  switch (row.kind) {
    case 'date':
      return [formatIsoDate(row.value)];
    case 'session':
      return [t(`cover.sessions.${row.value}`)];
    case 'purpose':
      return [t(`cover.purposes.${row.value}`)];
    case 'lines':
      return row.value;
    case 'text':
      return [row.value];
  }
}

/** The appendices a paper variant carries, by their headings (the summary has none). */
export function appendixTitles(
  paper: BoardPaper,
  variant: 'summary' | 'full',
  t: TFunction<'board-paper'>,
): string[] {
  if (variant === 'summary') return [];
  return paper.sections
    .filter((s) => s === 'participants' || s === 'method' || s === 'provenance')
    .map((s) => t(`sections.${s}`));
}
