import {
  BorderStyle,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { CriterionFact, PaperTable } from '../paper-content';
import { GRID, INK, PANEL, SECONDARY_TEXT } from '@/components/charts/palette';
import type { Chart } from '../charts';
import { chartToPng } from '../png';

/**
 * The building blocks every section of the Word paper is made of: headings with Word's own
 * heading styles (so the navigation pane and a table of contents find them), paragraphs, labelled
 * values that stay with their label, bullet lists, tables whose header row repeats on a new page
 * and whose rows never split, and charts as PNG images with alternative text.
 */

/** Word's units: twentieths of a point (twips) and half-points. */
export const TWIPS_PER_MM = 56.693;
/** A4 with the PDF's 18 mm margins. */
export const PAGE = { width: 11906, height: 16838, margin: Math.round(18 * TWIPS_PER_MM) };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Word measures images in pixels at 96 to the inch. */
const PX_PER_MM = 96 / 25.4;

export const FONT = 'Arial';
/** Sizes in points: body text, table text and the footer. */
export const SIZES = { body: 11, table: 10, footer: 9 } as const;

/** Word wants colours as six hex digits, without the '#'. */
export const hex = (colour: string): string => colour.replace(/^#/, '').toUpperCase();

type TextStyle = { bold?: boolean; size?: number; colour?: string };

/** Runs for a value that may hold line breaks: one run per line, a break between them. */
export function runs(value: string, style: TextStyle = {}): TextRun[] {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          bold: style.bold,
          size: style.size ? style.size * 2 : undefined,
          color: style.colour ? hex(style.colour) : undefined,
        }),
    );
}

export function paragraph(
  value: string,
  style: TextStyle & { keepNext?: boolean; after?: number } = {},
): Paragraph {
  return new Paragraph({
    children: runs(value, style),
    keepNext: style.keepNext,
    keepLines: true,
    spacing: style.after === undefined ? undefined : { after: style.after * 20 },
  });
}

const HEADING_LEVELS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

/** A heading in Word's heading style; level 1 starts a new page when `newPage` is set. */
export function heading(value: string, level: 1 | 2 | 3, { newPage = false } = {}): Paragraph {
  return new Paragraph({
    heading: HEADING_LEVELS[level],
    pageBreakBefore: newPage,
    children: [new TextRun(value)],
  });
}

/** A criterion's label ("Confidence", "Evidence"…), kept on the same page as its value. */
export function label(value: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    keepLines: true,
    spacing: { before: 80, after: 0 },
    children: [new TextRun({ text: value, bold: true, color: hex(SECONDARY_TEXT) })],
  });
}

export function labelled(name: string, value: string): Paragraph[] {
  return [label(name), paragraph(value)];
}

/** A bulleted list (Word's own "List Bullet" style, so it stays a list when edited). */
export function bullets(items: readonly string[]): Paragraph[] {
  return items.map(
    (item) => new Paragraph({ children: runs(item), bullet: { level: 0 }, keepLines: true }),
  );
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: hex(GRID) };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};
const SHADED = { type: ShadingType.CLEAR, color: 'auto', fill: hex(PANEL) };

function cell(value: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? SHADED : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [
      new Paragraph({
        keepLines: true,
        spacing: { after: 0 },
        children: runs(value, { bold: header, size: SIZES.table, colour: INK }),
      }),
    ],
  });
}

/**
 * A table at the full text width, its columns in proportion to `weights`. With `headers` the
 * header row is marked to repeat at the top of each page; with `rowHeaders` (a field and its
 * value, as on the cover sheet) the first column is bold on a shaded panel. No row splits.
 */
export function table(
  headers: readonly string[] | null,
  rows: readonly (readonly string[])[],
  weights: readonly number[],
  { rowHeaders = false }: { rowHeaders?: boolean } = {},
): Table {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const widths = weights.map((w) => Math.round((w / total) * CONTENT_WIDTH));
  const tableRows = [
    ...(headers
      ? [
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: headers.map((h, i) => cell(h, widths[i]!, true)),
          }),
        ]
      : []),
    ...rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.map((value, i) => cell(value, widths[i]!, rowHeaders && i === 0)),
        }),
    ),
  ];
  return new Table({
    rows: tableRows,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

/** Space after a table, which Word otherwise butts against the next paragraph. */
export function gap(): Paragraph {
  return new Paragraph({ spacing: { after: 0 }, children: [] });
}

/**
 * A chart as a PNG (the same SVG the PDF draws, on a canvas at 2×), `widthMm` wide and centred,
 * with its title as alternative text. Its data is in the table beside it.
 */
export async function chartImage(chart: Chart, widthMm: number, alt: string): Promise<Paragraph> {
  const png = await chartToPng(chart, 2);
  const width = Math.round(widthMm * PX_PER_MM);
  return new Paragraph({
    alignment: 'center',
    keepLines: true,
    children: [
      new ImageRun({
        type: 'png',
        data: new Uint8Array(await png.arrayBuffer()),
        transformation: { width, height: Math.round((chart.height / chart.width) * width) },
        altText: { name: alt, title: alt, description: alt },
      }),
    ],
  });
}

export type Blocks = FileChild[];

/** A table as the paper's content gives it: a field/value table when it has no header row. */
export function paperTable(content: PaperTable): Table {
  return table(content.headers, content.rows, content.widths, {
    rowHeaders: content.headers === null,
  });
}

/** A criterion's facts: each label kept with its value or its list. */
export function facts(list: readonly CriterionFact[]): Paragraph[] {
  return list.flatMap((fact) => {
    if ('text' in fact) return labelled(fact.label, fact.text);
    if (fact.items.length > 0) return [label(fact.label), ...bullets(fact.items)];
    return fact.empty ? labelled(fact.label, fact.empty) : [label(fact.label)];
  });
}
