import type { TFunction } from 'i18next';
import type { LevelId } from '@/domain/levels';
import type { CriterionStatus } from '@/domain/workshop/agreement';
import type { Spread } from '@/domain/workshop/spread';

/** The colour of a criterion's status tag: split is red, agreed green, the rest neutral. */
export function statusTone(status: CriterionStatus): 'off-track' | 'on-track' | 'behind' {
  if (status === 'needs-agreement') return 'off-track';
  if (status === 'agreed') return 'on-track';
  return 'behind';
}

/** "3 ratings; median Developing; range Emerging to Maturing." – or null before anyone rated. */
export function spreadSummary(
  t: TFunction<'workshop'>,
  spread: Spread,
  levelTitle: (level: LevelId) => string,
): string | null {
  if (!spread.median || !spread.range) return null;
  return t('spread.summary', {
    count: spread.count,
    median:
      spread.median.low === spread.median.high
        ? levelTitle(spread.median.low)
        : t('spread.between', {
            low: levelTitle(spread.median.low),
            high: levelTitle(spread.median.high),
          }),
    min: levelTitle(spread.range.min),
    max: levelTitle(spread.range.max),
  });
}
