import {
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
} from 'docx';
import { BRAND, GRID, HEADING, INK, SECONDARY_TEXT } from '@/components/charts/palette';
import type { BoardPaper, SectionId } from '@/domain/report/board-paper';
import { formatDateTime, formatIsoDate } from '@/lib/format';
import type { ChartContext } from '../charts';
import { methodSection, participantsSection, provenanceSection } from './appendices';
import { CONTENT_WIDTH, FONT, hex, PAGE, SIZES, type Blocks } from './blocks';
import { chartsSection } from './charts';
import { comparisonSection } from './comparison';
import { coverSection } from './cover';
import { criteriaSection } from './criteria';
import { summarySection } from './summary';
import type { DocxOptions, Section, SectionInput } from './types';

export type { DocxOptions, DocxVariant } from './types';

/**
 * The board paper as an editable Word document (.docx), drawn from the same report model as the
 * PDF, section for section: the cover sheet as a table, the summary, and for the full paper the
 * charts (as PNG images), the criteria by characteristic, the comparison and the appendices. Real
 * heading styles, tables whose header rows repeat, Arial, en-GB, "Page n of m" in the footer.
 * This module is only ever loaded with import(), so the docx library stays out of the first load.
 */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The full paper's sections after the summary, by the model's section ids: a new section is one
 * entry here and its file beside this one. A section the model leaves out is not drawn.
 */
export const SECTIONS: Record<Exclude<SectionId, 'summary'>, Section> = {
  charts: chartsSection,
  criteria: criteriaSection,
  comparison: comparisonSection,
  participants: participantsSection,
  method: methodSection,
  provenance: provenanceSection,
};

/** The charts are drawn for a canvas: the fonts the PNGs ask for (Arial, or its metric twin). */
const CHART_FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif";

/** Every block of the paper, in order: cover sheet, summary, then the full paper's sections. */
export async function paperBlocks(input: SectionInput): Promise<Blocks> {
  const blocks: Blocks = [...coverSection(input), ...(await summarySection(input))];
  if (input.options.variant === 'full') {
    for (const id of input.paper.sections) {
      if (id !== 'summary') blocks.push(...(await SECTIONS[id](input)));
    }
  }
  return blocks;
}

const PAGE_FIELD = '\u0001';
const PAGES_FIELD = '\u0002';

/** "Page n of m" in the paper's own words, with Word's page fields where the numbers go. */
export function pageNumberRuns(options: DocxOptions): TextRun[] {
  const text = options.t('pdf.page', { page: PAGE_FIELD, pages: PAGES_FIELD });
  return text
    .split(new RegExp(`(${PAGE_FIELD}|${PAGES_FIELD})`))
    .filter(Boolean)
    .map((part) =>
      part === PAGE_FIELD
        ? new TextRun({ children: [PageNumber.CURRENT] })
        : part === PAGES_FIELD
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES] })
          : new TextRun(part),
    );
}

function footer(options: DocxOptions): Footer {
  return new Footer({
    children: [
      new Paragraph({
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: hex(GRID), space: 4 } },
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        run: { size: SIZES.footer * 2, color: hex(SECONDARY_TEXT) },
        children: [
          new TextRun(
            options.t('pdf.footer', {
              date: formatDateTime(options.generatedAt),
              version: options.appVersion,
            }),
          ),
          new TextRun('\t'),
          ...pageNumberRuns(options),
        ],
      }),
    ],
  });
}

/** The document: its properties (as the PDF's), styles, page and footer around the blocks. */
export function paperDocument(paper: BoardPaper, options: DocxOptions, blocks: Blocks): Document {
  const { t } = options;
  const headingRun = (size: number, colour: string) => ({
    font: FONT,
    size: size * 2,
    bold: true,
    color: hex(colour),
  });
  return new Document({
    // As the PDF's: the title and subject, the system as author, the app in the description.
    title: t('pdf.title', { system: paper.meta.systemName, title: paper.meta.title }),
    subject: t('pdf.subject', { date: formatIsoDate(paper.meta.asAt) }),
    creator: t('pdf.author', { system: paper.meta.systemName }),
    lastModifiedBy: t('pdf.author', { system: paper.meta.systemName }),
    description: t('pdf.creator', { version: options.appVersion }),
    keywords: paper.meta.systemName,
    styles: {
      default: {
        document: {
          run: {
            font: FONT,
            size: SIZES.body * 2,
            color: hex(INK),
            language: { value: 'en-GB' },
          },
          // The rule is spelt out: LibreOffice reads a bare line height as exact, clipping images.
          paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
        },
        heading1: {
          run: headingRun(16, HEADING),
          paragraph: {
            keepNext: true,
            keepLines: true,
            spacing: { before: 120, after: 160 },
            border: {
              bottom: { style: BorderStyle.SINGLE, size: 12, color: hex(BRAND), space: 4 },
            },
          },
        },
        heading2: {
          run: headingRun(13, HEADING),
          paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 100 } },
        },
        heading3: {
          run: headingRun(SIZES.body, INK),
          paragraph: { keepNext: true, keepLines: true, spacing: { before: 200, after: 60 } },
        },
        listParagraph: { run: { font: FONT, size: SIZES.body * 2 } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              footer: Math.round(PAGE.margin / 2),
            },
          },
        },
        footers: { default: footer(options) },
        children: blocks,
      },
    ],
  });
}

export async function renderBoardPaperDocx(paper: BoardPaper, options: DocxOptions): Promise<Blob> {
  const ctx: ChartContext = {
    paper,
    t: options.t,
    tStatus: options.tStatus,
    fontFamily: CHART_FONT,
  };
  const blocks = await paperBlocks({ paper, options, ctx });
  const blob = await Packer.toBlob(paperDocument(paper, options, blocks));
  return new Blob([blob], { type: DOCX_MIME });
}
