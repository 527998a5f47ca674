import type { TFunction } from 'i18next';
import type { AssessmentScore } from '@/domain/scoring/score-assessment';

/**
 * The plain-English headline (strings in the `status` namespace), e.g. "Developing overall; 2 of 5 characteristics at maturing or
 * above; provisional — 5 criteria not assessed". Built from translated parts.
 */
export function headline(
  score: AssessmentScore,
  levelTitle: (id: string) => string,
  t: TFunction<'status'>,
): string {
  const parts: string[] = [];
  parts.push(
    score.overall
      ? t('headline.overall', { level: levelTitle(score.overall) })
      : t('headline.noOverall'),
  );
  parts.push(
    t('headline.mature', {
      count: score.matureCharacteristicCount,
      total: score.characteristics.length,
    }),
  );
  if (score.insufficientCount > 0)
    parts.push(t('headline.insufficient', { count: score.insufficientCount }));
  if (score.isProvisional) {
    parts.push(t('headline.provisional', { count: score.criteriaCount - score.assessedCount }));
  }
  return parts.join(t('headline.separator'));
}
