import { radarChart, trajectoryChart } from '../charts';
import { radarTable } from '../paper-content';
import { chartImage, gap, heading, paperTable, type Blocks } from './blocks';
import type { SectionInput } from './types';

/** The full paper's Charts section: the maturity profile with its data, then the trajectory. */
export async function chartsSection({ paper, options, ctx }: SectionInput): Promise<Blocks> {
  const { t } = options;
  const blocks: Blocks = [
    heading(t('sections.charts'), 1, { newPage: true }),
    await chartImage(radarChart(ctx), 150, t('charts.radar.title')),
    paperTable(radarTable(paper, t)),
    gap(),
  ];
  if (paper.trajectory)
    blocks.push(await chartImage(trajectoryChart(ctx), 174, t('charts.trajectory.title')));
  return blocks;
}
