import { AlignmentType, BorderStyle, Paragraph, ShadingType, TextRun } from 'docx';
import { BRAND, HEADING, WHITE } from '@/components/charts/palette';
import { coverTable } from '../paper-content';
import { gap, heading, hex, paperTable, paragraph, type Blocks } from './blocks';
import type { SectionInput } from './types';

/** The NHS-blue band with the kicker, then the system's name and the paper's title. */
export function titleBand({ paper, options }: SectionInput, { newPage = false } = {}): Blocks {
  return [
    new Paragraph({
      alignment: AlignmentType.LEFT,
      pageBreakBefore: newPage,
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(BRAND) },
      spacing: { after: 240 },
      border: {
        top: { style: BorderStyle.SINGLE, size: 24, color: hex(BRAND), space: 4 },
        bottom: { style: BorderStyle.SINGLE, size: 24, color: hex(BRAND), space: 4 },
      },
      children: [
        new TextRun({ text: options.t('kicker'), bold: true, color: hex(WHITE), size: 20 }),
      ],
    }),
    paragraph(paper.meta.systemName, { bold: true, size: 20, colour: HEADING, after: 4 }),
    paragraph(paper.meta.title, { bold: true, size: 13, after: 10 }),
  ];
}

/**
 * The cover sheet: field and value as a two-column table, the field column as row headers. The
 * numbered recommendations and appendices keep their numbers; blank fields read "Not stated".
 */
export function coverSection(input: SectionInput): Blocks {
  const { t, cover } = input.options;
  if (cover.length === 0) return [];
  return [
    ...titleBand(input),
    heading(t('cover.heading'), 1),
    paperTable(coverTable(cover, t)),
    gap(),
  ];
}
