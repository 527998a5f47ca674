import { comparisonChart } from '../charts';
import { comparisonSentences } from '../labels';
import { comparisonTables } from '../paper-content';
import { chartImage, gap, heading, paperTable, paragraph, type Blocks } from './blocks';
import type { SectionInput } from './types';

/** The comparison with the newest earlier assessment: sentences, chart, and both tables. */
export async function comparisonSection({ paper, options, ctx }: SectionInput): Promise<Blocks> {
  const { t } = options;
  const tables = comparisonTables(paper, t);
  if (!tables) return [];
  return [
    heading(t('sections.comparison'), 1, { newPage: true }),
    ...comparisonSentences(paper, t).map((sentence) => paragraph(sentence)),
    await chartImage(comparisonChart(ctx), 150, t('charts.comparison.title')),
    paperTable(tables.characteristics),
    heading(t('comparison.changedCriteria'), 2),
    tables.changed ? paperTable(tables.changed) : paragraph(t('comparison.none')),
    gap(),
  ];
}
