import { formatIsoDate } from '@/lib/format';
import { spreadChart } from '../charts';
import { workshopSummaryText } from '../labels';
import {
  bullets,
  chartImage,
  gap,
  heading,
  labelled,
  paragraph,
  table,
  type Blocks,
} from './blocks';
import type { SectionInput } from './types';

/** Appendix A: who took part, workshop by workshop (anonymous workshops say so). */
export async function participantsSection({ paper, options, ctx }: SectionInput): Promise<Blocks> {
  const { t } = options;
  const blocks: Blocks = [heading(t('sections.participants'), 1, { newPage: true })];
  if (paper.workshops.some((workshop) => workshop.spreads.length > 0))
    blocks.push(await chartImage(spreadChart(ctx), 174, t('charts.spread.title')));
  for (const workshop of paper.workshops) {
    blocks.push(
      heading(
        t('participants.workshop', {
          title: workshop.title,
          date: formatIsoDate(workshop.date),
          facilitator: workshop.facilitator,
        }),
        2,
      ),
      paragraph(workshopSummaryText(workshop, t)),
    );
    if (workshop.isAnonymous) blocks.push(paragraph(t('participants.anonymous')));
    blocks.push(
      table(
        [t('participants.name'), t('participants.organisation'), t('participants.sector')],
        workshop.participants.map((p) => [p.label, p.organisation, t(`sector.${p.sector}`)]),
        [60, 66, 48],
      ),
      gap(),
    );
  }
  return blocks;
}

/** Appendix B: the method and scoring rules, and what each level means. */
export function methodSection({ paper, options: { t } }: SectionInput): Blocks {
  return [
    heading(t('sections.method'), 1, { newPage: true }),
    paragraph(t('method.intro')),
    ...bullets(paper.method.scoring.map((s) => s.text)),
    heading(t('method.levels'), 2),
    ...paper.levels.flatMap((level) => labelled(level.title, level.description)),
  ];
}

/** Appendix C: the framework's provenance, stated plainly. */
export function provenanceSection({ paper, options: { t } }: SectionInput): Blocks {
  return [
    heading(t('sections.provenance'), 1, { newPage: true }),
    paragraph(
      t('provenance.framework', {
        title: paper.provenance.title,
        version: paper.provenance.version,
      }),
      { bold: true },
    ),
    paragraph(t('provenance.statement')),
  ];
}
