import { formatIsoDate } from '@/lib/format';
import { statusText } from '@/lib/status-text';
import { radarChart, trajectoryChart } from '../charts';
import { actionStatusText, levelText, paperStatusText, targetText } from '../labels';
import { bullets, chartImage, gap, heading, paragraph, table, type Blocks } from './blocks';
import { titleBand } from './cover';
import type { SectionInput } from './types';
import { HEADING } from '@/components/charts/palette';

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
    table(
      [t('meta.system'), t('meta.assessment'), t('meta.asAt'), t('meta.status')],
      [
        [
          paper.meta.systemName,
          paper.meta.title,
          formatIsoDate(paper.meta.asAt),
          paperStatusText(paper, t),
        ],
      ],
      [44, 50, 32, 48],
    ),
    gap(),
    paragraph(options.headline, { bold: true, size: 12, colour: HEADING, after: 6 }),
    table(
      [t('meta.overall'), t('meta.mature'), t('meta.coverage')],
      [
        [
          levelText(paper, paper.score.overall, t),
          paper.score.isMature ? t('meta.matureYes') : t('meta.matureNo'),
          t('meta.coverageValue', {
            assessed: paper.score.assessedCount,
            total: paper.score.criteriaCount,
          }),
        ],
      ],
      [1, 1, 1],
    ),
    heading(t('summary.characteristics'), 2),
    table(
      [
        t('summary.characteristic'),
        t('summary.level'),
        t('summary.assessed'),
        t('summary.againstTarget'),
      ],
      paper.summary.characteristics.map((c) => [
        c.title,
        levelText(paper, c.level, t),
        t('meta.coverageValue', { assessed: c.assessedCount, total: c.criteriaCount }),
        `${statusText(c.status, tStatus)}\n${targetText(paper, c.target, t)}`,
      ]),
      [62, 30, 22, 60],
    ),
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
  else
    blocks.push(
      ...bullets(
        paper.summary.topGaps.map((g) =>
          t('summary.gap', {
            title: g.title,
            characteristic: g.characteristicTitle,
            level: levelText(paper, g.level, t),
            target: levelText(paper, g.targetLevel, t),
            date: formatIsoDate(g.targetDate),
          }),
        ),
      ),
    );
  blocks.push(heading(t('summary.actions'), 2));
  if (paper.summary.nextActions.length === 0) blocks.push(paragraph(t('summary.noActions')));
  else
    blocks.push(
      table(
        [t('summary.action'), t('summary.owner'), t('summary.due'), t('summary.actionStatus')],
        paper.summary.nextActions.map((a) => [
          a.criterionTitle ? `${a.title} (${a.criterionTitle})` : a.title,
          a.owner,
          formatIsoDate(a.dueDate),
          actionStatusText(a, t),
        ]),
        [78, 38, 28, 30],
      ),
    );
  return blocks;
}
