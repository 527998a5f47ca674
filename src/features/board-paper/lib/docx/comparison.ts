import { comparisonChart } from '../charts';
import { comparisonSentences, levelText } from '../labels';
import { chartImage, gap, heading, paragraph, table, type Blocks } from './blocks';
import type { SectionInput } from './types';

/** The comparison with the newest earlier assessment: sentences, chart, and both tables. */
export async function comparisonSection({ paper, options, ctx }: SectionInput): Promise<Blocks> {
  const { t } = options;
  if (!paper.comparison) return [];
  const { comparison } = paper.comparison;
  const last = comparison.columns.length - 1;
  const blocks: Blocks = [
    heading(t('sections.comparison'), 1, { newPage: true }),
    ...comparisonSentences(paper, t).map((sentence) => paragraph(sentence)),
    await chartImage(comparisonChart(ctx), 150, t('charts.comparison.title')),
    table(
      [
        t('summary.characteristic'),
        t('comparison.previous'),
        t('comparison.current'),
        t('comparison.change'),
      ],
      comparison.characteristics.map((c) => [
        c.title,
        levelText(paper, c.levels[0], t),
        levelText(paper, c.levels[last], t),
        t(`change.${c.change}`),
      ]),
      [70, 36, 36, 32],
    ),
    heading(t('comparison.changedCriteria'), 2),
  ];
  const changed = comparison.criteria.filter(
    (c) => c.change !== 'unchanged' && c.change !== 'not-assessed',
  );
  if (changed.length === 0) blocks.push(paragraph(t('comparison.none')));
  else
    blocks.push(
      table(
        [
          t('comparison.criterion'),
          t('comparison.previous'),
          t('comparison.current'),
          t('comparison.change'),
        ],
        changed.map((c) => [
          c.title,
          levelText(paper, c.levels[0], t, 'notAssessed'),
          levelText(paper, c.levels[last], t, 'notAssessed'),
          t(`change.${c.change}`),
        ]),
        [70, 36, 36, 32],
      ),
      gap(),
    );
  return blocks;
}
