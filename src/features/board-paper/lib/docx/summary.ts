import { HEADING } from '@/components/charts/palette';
import { radarChart, trajectoryChart } from '../charts';
import {
  actionsTable,
  characteristicsTable,
  factsTable,
  gapLines,
  overallTable,
} from '../paper-content';
import { bullets, chartImage, gap, heading, paperTable, paragraph, type Blocks } from './blocks';
import { titleBand } from './cover';
import type { SectionInput } from './types';

/**
 * The summary, as in the PDF: the paper's facts, the headline, the overall level, the five
 * characteristics against their targets, and — in the summary paper only, as the full paper has
 * them in its Charts section — the maturity profile and a small trajectory; then the top gaps and
 * next actions. After a cover sheet it starts on a new page.
 */
export async function summarySection(input: SectionInput): Promise<Blocks> {
  const { paper, options, ctx } = input;
  const { t, tStatus } = options;
  const withCharts = options.variant === 'summary';
  const blocks: Blocks = [
    ...titleBand(input, { newPage: options.cover.length > 0 }),
    heading(t('sections.summary'), 1),
    paperTable(factsTable(paper, t)),
    gap(),
    paragraph(options.headline, { bold: true, size: 12, colour: HEADING, after: 6 }),
    paperTable(overallTable(paper, t)),
    heading(t('summary.characteristics'), 2),
    paperTable(characteristicsTable(paper, t, tStatus)),
  ];
  if (withCharts) {
    blocks.push(await chartImage(radarChart(ctx), 100, t('charts.radar.title')));
    if (paper.trajectory) {
      blocks.push(heading(t('summary.trajectory'), 2));
      blocks.push(await chartImage(trajectoryChart(ctx, true), 130, t('charts.trajectory.title')));
    }
  }
  blocks.push(heading(t('summary.gaps'), 2));
  if (paper.summary.topGaps.length === 0) blocks.push(paragraph(t('summary.noGaps')));
  else blocks.push(...bullets(gapLines(paper, t)));
  blocks.push(heading(t('summary.actions'), 2));
  if (paper.summary.nextActions.length === 0) blocks.push(paragraph(t('summary.noActions')));
  else blocks.push(paperTable(actionsTable(paper, t)));
  return blocks;
}
