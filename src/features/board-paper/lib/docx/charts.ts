import { radarChart, trajectoryChart } from '../charts';
import { levelText } from '../labels';
import { chartImage, gap, heading, table, type Blocks } from './blocks';
import type { SectionInput } from './types';

/** The full paper's Charts section: the maturity profile with its data, then the trajectory. */
export async function chartsSection({ paper, options, ctx }: SectionInput): Promise<Blocks> {
  const { t } = options;
  const blocks: Blocks = [
    heading(t('sections.charts'), 1, { newPage: true }),
    await chartImage(radarChart(ctx), 150, t('charts.radar.title')),
    table(
      [t('summary.characteristic'), t('summary.level')],
      paper.radar.map((r) => [
        r.title,
        r.value > 0
          ? `${r.value} – ${levelText(paper, paper.levels[r.value - 1]?.id, t)}`
          : t('levels.insufficient'),
      ]),
      [110, 64],
    ),
    gap(),
  ];
  if (paper.trajectory)
    blocks.push(await chartImage(trajectoryChart(ctx), 174, t('charts.trajectory.title')));
  return blocks;
}
