import type { TFunction } from 'i18next';
import type { ComparisonSummary } from '@/domain/compare/compare';
import type { LevelId } from '@/domain/levels';

/** "Since 1 October 2019: 9 criteria improved, 2 declined; X moved from developing to maturing." */
export function summaryText(
  summary: ComparisonSummary,
  formatDate: (iso: string) => string,
  levelTitle: (id: LevelId | null) => string,
  t: TFunction<'compare'>,
): string {
  const parts = [
    t('summary.counts', {
      date: formatDate(summary.since),
      improved: t('summary.improved', { count: summary.improved }),
      declined: t('summary.declined', { count: summary.declined }),
    }),
    ...summary.moves.map((move) =>
      t('summary.move', {
        characteristic: move.title,
        from: levelTitle(move.from).toLocaleLowerCase('en-GB'),
        to: levelTitle(move.to).toLocaleLowerCase('en-GB'),
      }),
    ),
  ];
  return `${parts.join(t('summary.separator'))}${t('summary.end')}`;
}
