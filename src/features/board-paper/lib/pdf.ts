import {
  BRAND,
  GRID,
  HEADING,
  INK,
  PANEL,
  SECONDARY_TEXT,
  STATUS_FILLS,
  WHITE,
} from '@/components/charts/palette';
import type { TFunction } from 'i18next';
import { jsPDF } from 'jspdf';
import { svg2pdf } from 'svg2pdf.js';
import type { BoardPaper } from '@/domain/report/board-paper';
import { formatDateTime, formatIsoDate } from '@/lib/format';
import boldFontUrl from '../assets/fonts/liberation-sans-bold.ttf?url';
import regularFontUrl from '../assets/fonts/liberation-sans.ttf?url';
import {
  comparisonChart,
  radarChart,
  spreadChart,
  trajectoryChart,
  type Chart,
  type ChartContext,
} from './charts';
import {
  keepWithNextHeight,
  linesOnThisPage,
  paragraphKeepLines,
  startsNewPage,
  type Frame,
} from './page-layout';
import { actionLine, comparisonSentences, levelText, workshopSummaryText } from './labels';
import {
  actionsTable,
  characteristicsTable,
  comparisonTables,
  coverTable,
  criterionFacts,
  factsTable,
  gapLines,
  overallTable,
  radarTable,
  type CriterionFact,
  type PaperExportOptions,
  type PaperTable,
  type PaperVariant,
} from './paper-content';

/**
 * The board paper as a PDF: jsPDF with an embedded subset of Liberation Sans (Arial's metrics, so
 * £ € – “ ” ŵ ŷ render and extract), charts drawn as vectors by svg2pdf, real text throughout, "Page n of m" and a
 * footer on every page, document properties and a bookmark per section. This module is only ever
 * loaded with import(), so jsPDF stays out of the first load.
 */

export type PdfVariant = PaperVariant;
export type PdfOptions = PaperExportOptions;

export const PDF_FONT = 'LiberationSans';

/** The fonts' PostScript names, which the PDF names them by (with a subset tag). */
const POSTSCRIPT_NAMES = { normal: 'LiberationSans', bold: 'LiberationSans-Bold' } as const;

const PAGE_WIDTH = 210;
const PAGE_HEIGHT = 297;
const MARGIN = 18;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TOP = 20;
const BOTTOM = PAGE_HEIGHT - 20;
const PT = 0.3528;

let fontCache: Promise<{ regular: string; bold: string }> | null = null;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The embedded fonts, fetched once from the app's own origin (precached for offline use). */
export function loadFonts(): Promise<{ regular: string; bold: string }> {
  fontCache ??= Promise.all(
    [regularFontUrl, boldFontUrl].map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`font ${response.status}`);
      return toBase64(await response.arrayBuffer());
    }),
  ).then(([regular, bold]) => ({ regular: regular!, bold: bold! }));
  fontCache.catch(() => (fontCache = null));
  return fontCache;
}

type Outline = { add(parent: unknown, title: string, options: { pageNumber: number }): unknown };

type TextStyle = { size?: number; bold?: boolean; colour?: string; indent?: number; gap?: number };

const FRAME: Frame = { top: TOP, bottom: BOTTOM };

/** A heading or label waiting to be drawn with the start of the block after it. */
type Pending = {
  lines: string[];
  style: TextStyle;
  lineHeight: number;
  /** Space before it, and its rule (level-1 headings). */
  before: number;
  rule: boolean;
  bookmark?: { parent: unknown };
};

class Writer {
  y = TOP;
  readonly doc: jsPDF;
  private pending: Pending[] = [];
  constructor(doc: jsPDF) {
    this.doc = doc;
  }

  get outline(): Outline {
    return (this.doc as unknown as { outline: Outline }).outline;
  }

  bookmark(title: string, parent: unknown = null): unknown {
    return this.outline.add(parent, title, { pageNumber: this.doc.getNumberOfPages() });
  }

  newPage(): void {
    this.flush();
    this.doc.addPage();
    this.y = TOP;
  }

  style({ size = 10, bold = false, colour = INK }: TextStyle): number {
    this.doc.setFont(PDF_FONT, bold ? 'bold' : 'normal');
    this.doc.setFontSize(size);
    this.doc.setTextColor(colour);
    return size * PT * 1.35;
  }

  private wrap(value: string, options: TextStyle): string[] {
    this.style(options);
    const width = CONTENT_WIDTH - (options.indent ?? 0);
    return value
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .flatMap((part) => this.doc.splitTextToSize(part || ' ', width) as string[]);
  }

  private pendingHeight(item: Pending): number {
    return (
      item.before +
      item.lines.length * item.lineHeight +
      (item.style.gap ?? 2) +
      (item.rule ? 3 : 0)
    );
  }

  /**
   * Starts a block whose unsplittable start is `keep` tall: the headings and labels waiting for
   * it move to the next page with it when they would otherwise end a page.
   */
  private start(keep: number): void {
    const heights = this.pending.map((item) => this.pendingHeight(item));
    if (startsNewPage(this.y, keepWithNextHeight({ heights, next: keep }), FRAME)) {
      this.doc.addPage();
      this.y = TOP;
    }
    this.flush();
  }

  /** Draws the waiting headings and labels where the writer stands. */
  private flush(): void {
    for (const item of this.pending.splice(0)) {
      if (this.y > TOP) this.y += item.before;
      if (item.bookmark) this.bookmark(item.lines.join(' '), item.bookmark.parent);
      this.drawLines(item.lines, item.style, item.lineHeight);
      this.y += item.style.gap ?? 2;
      if (item.rule) {
        this.doc.setDrawColor(BRAND);
        this.doc.setLineWidth(0.6);
        this.doc.line(MARGIN, this.y, MARGIN + CONTENT_WIDTH, this.y);
        this.y += 3;
      }
    }
  }

  private drawLines(lines: string[], options: TextStyle, lineHeight: number): void {
    this.style(options);
    for (const line of lines) {
      this.doc.text(line, MARGIN + (options.indent ?? 0), this.y + lineHeight * 0.75);
      this.y += lineHeight;
    }
  }

  /**
   * Wrapped text that flows across pages, keeping ORPHANS lines at a page foot and WIDOWS at a
   * page head, so nothing is ever cut off. `first` draws beside its first line (a bullet).
   */
  paragraph(value: string, options: TextStyle = {}, first?: (y: number) => void): void {
    const lineHeight = this.style(options);
    let lines = this.wrap(value, options);
    this.start(paragraphKeepLines(lines.length) * lineHeight);
    first?.(this.y + lineHeight * 0.75);
    while (lines.length > 0) {
      const count = linesOnThisPage(this.y, lineHeight, lines.length, FRAME);
      if (count === 0) {
        this.newPage();
        continue;
      }
      this.drawLines(lines.slice(0, count), options, lineHeight);
      lines = lines.slice(count);
      if (lines.length > 0) this.newPage();
    }
    this.y += options.gap ?? 2;
  }

  /** Text that is kept with the start of the next block: a heading or a label. */
  private keepWithNext(
    value: string,
    style: TextStyle,
    before: number,
    rule = false,
    bookmark?: { parent: unknown },
  ): void {
    const lineHeight = this.style(style);
    this.pending.push({
      lines: this.wrap(value, style),
      style,
      lineHeight,
      before,
      rule,
      bookmark,
    });
  }

  /** A heading, drawn with the start of what follows it; `bookmark` adds it to the outline. */
  heading(value: string, level: 1 | 2 | 3, bookmark?: { parent: unknown }): void {
    const size = level === 1 ? 16 : level === 2 ? 13 : 11;
    const style = { size, bold: true, colour: level === 3 ? INK : HEADING, gap: 1.5 };
    this.keepWithNext(value, style, level === 1 ? 0 : 2, level === 1, bookmark);
  }

  /** A criterion's label ("Confidence", "Evidence"…): on the same page as its value. */
  label(value: string): void {
    this.keepWithNext(value, { bold: true, size: 10, colour: SECONDARY_TEXT, gap: 0.5 }, 0);
  }

  labelled(label: string, value: string): void {
    this.label(label);
    this.paragraph(value, { gap: 2 });
  }

  /**
   * A table whose rows never split. With `headers` the header row starts with the first row and
   * repeats on a new page; with `rowHeaders` (a field and its value, as on the cover sheet) the
   * first column is bold on a shaded panel. With `swatches`, a column's cells start with a small
   * coloured square (the RAG status beside its word), one colour per row.
   */
  table(
    headers: string[] | null,
    rows: string[][],
    widths: number[],
    {
      rowHeaders = false,
      swatches,
    }: {
      rowHeaders?: boolean;
      swatches?: { column: number; fills: readonly { fill: string; outline: string | null }[] };
    } = {},
  ): void {
    const size = 10;
    const lineHeight = size * PT * 1.35;
    const pad = 1.5;
    const swatchSize = 3;
    const swatchIndent = (isHeader: boolean, i: number) =>
      !isHeader && swatches?.column === i ? swatchSize + 1.5 : 0;
    const measure = (row: string[], bold: boolean) => {
      const wrapped = row.map((cell, i) => {
        this.style({ size, bold: bold || (rowHeaders && i === 0) });
        const width = widths[i]! - 2 * pad - swatchIndent(bold, i);
        return this.doc.splitTextToSize(cell, width) as string[];
      });
      return { wrapped, height: Math.max(...wrapped.map((c) => c.length)) * lineHeight + 2 * pad };
    };
    const header = headers ? measure(headers, true) : null;
    const drawRow = (
      { wrapped, height }: ReturnType<typeof measure>,
      isHeader: boolean,
      index = -1,
    ) => {
      if (isHeader || rowHeaders) {
        this.doc.setFillColor(PANEL);
        this.doc.rect(MARGIN, this.y, isHeader ? CONTENT_WIDTH : widths[0]!, height, 'F');
      }
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        const indent = swatchIndent(isHeader, i);
        const swatch = indent > 0 ? swatches?.fills[index] : undefined;
        if (swatch) {
          this.doc.setFillColor(swatch.fill);
          this.doc.setDrawColor(swatch.outline ?? swatch.fill);
          this.doc.setLineWidth(0.2);
          const top = this.y + pad + (lineHeight - swatchSize) / 2;
          this.doc.rect(x + pad, top, swatchSize, swatchSize, 'FD');
        }
        this.style({ size, bold: isHeader || (rowHeaders && i === 0) });
        lines.forEach((line, j) => {
          this.doc.text(line, x + pad + indent, this.y + pad + lineHeight * (j + 0.75));
        });
        x += widths[i]!;
      });
      this.y += height;
      this.doc.setDrawColor(GRID);
      this.doc.setLineWidth(0.2);
      this.doc.line(MARGIN, this.y, MARGIN + CONTENT_WIDTH, this.y);
    };
    const measured = rows.map((row) => measure(row, false));
    // The header row never ends a page: it starts with the first row.
    this.start((header?.height ?? 0) + (measured[0]?.height ?? 0));
    if (header) drawRow(header, true);
    measured.forEach((row, index) => {
      // A row never splits; on a new page the header row is repeated above it.
      if (startsNewPage(this.y, row.height, FRAME)) {
        this.newPage();
        if (header) drawRow(header, true);
      }
      drawRow(row, false, index);
    });
    this.y += 4;
  }

  /** A table as the paper's content gives it (widths in millimetres of the text width). */
  paperTable(
    table: PaperTable,
    swatches?: { column: number; fills: readonly { fill: string; outline: string | null }[] },
  ): void {
    this.table(table.headers, table.rows, table.widths, {
      rowHeaders: table.headers === null,
      swatches,
    });
  }

  /** A criterion's facts: each label kept with its value or its list. */
  facts(facts: readonly CriterionFact[]): void {
    for (const fact of facts) {
      if ('text' in fact) this.labelled(fact.label, fact.text);
      else {
        this.label(fact.label);
        if (fact.items.length > 0) this.bullets(fact.items);
        else if (fact.empty) this.paragraph(fact.empty);
      }
    }
  }

  bullets(items: string[], options: TextStyle = {}): void {
    for (const item of items) {
      this.paragraph(item, { ...options, indent: 5, gap: 0.8 }, (y) => {
        this.style(options);
        this.doc.text('•', MARGIN + 1, y);
      });
    }
    this.y += 1.5;
  }

  /** Room left on this page below the writer, in millimetres. */
  get room(): number {
    return BOTTOM - this.y;
  }

  async chart(chart: Chart, width: number): Promise<void> {
    const height = (chart.height / chart.width) * width;
    this.start(height + 2);
    // svg2pdf reads computed styles: the drawing is attached off-screen while it is converted.
    const holder = document.createElement('div');
    holder.style.position = 'fixed';
    holder.style.left = '-10000px';
    holder.style.top = '0';
    holder.append(chart.svg);
    document.body.append(holder);
    try {
      // svg2pdf only switches font when a drawing's style differs from its parent's, so it must
      // start from the regular face, not from whatever the last heading left set.
      this.style({});
      await svg2pdf(chart.svg, this.doc, {
        x: MARGIN + (CONTENT_WIDTH - width) / 2,
        y: this.y,
        width,
        height,
      });
    } finally {
      holder.remove();
    }
    this.y += height + 4;
  }

  /** Draws anything still waiting (a heading with nothing after it). */
  finish(): void {
    this.flush();
  }
}

function titleBand(w: Writer, paper: BoardPaper, t: TFunction<'board-paper'>): void {
  const { doc } = w;
  doc.setFillColor(BRAND);
  doc.rect(0, 0, PAGE_WIDTH, 14, 'F');
  w.style({ size: 10, bold: true, colour: WHITE });
  doc.text(t('kicker'), MARGIN, 9);
  w.y = 22;
  w.paragraph(paper.meta.systemName, { size: 20, bold: true, colour: HEADING, gap: 1 });
  w.paragraph(paper.meta.title, { size: 13, bold: true, gap: 2 });
}

/**
 * The cover sheet: the first page of both papers, field and value as the board secretary typed
 * them (or as the paper fills them). A long cover sheet flows on; the summary starts on a new page.
 */
function coverSection(w: Writer, paper: BoardPaper, options: PdfOptions): void {
  const { t } = options;
  titleBand(w, paper, t);
  w.heading(t('cover.heading'), 1, { parent: null });
  w.paperTable(coverTable(options.cover, t));
  w.newPage();
}

/** Which charts the summary draws: the full paper draws both in its Charts section instead. */
export type SummaryCharts = { radar: boolean; trajectory: boolean };

const RADAR_SUMMARY_WIDTH = 110;
const RADAR_MIN_WIDTH = 80;

function summarySection(
  w: Writer,
  paper: BoardPaper,
  options: PdfOptions,
  ctx: ChartContext,
  charts: SummaryCharts,
): Promise<void> {
  const { t } = options;
  titleBand(w, paper, t);
  w.bookmark(t('sections.summary'));
  w.paperTable(factsTable(paper, t));
  w.paragraph(options.headline, { size: 12, bold: true, colour: HEADING, gap: 3 });
  w.paperTable(overallTable(paper, t));
  w.heading(t('summary.characteristics'), 2);
  const characteristics = characteristicsTable(paper, t, options.tStatus);
  // RAG colour beside the status word, never instead of it.
  w.paperTable(characteristics, {
    column: characteristics.statusColumn,
    fills: characteristics.statuses.map((status) => STATUS_FILLS[status]),
  });
  const rest = async () => {
    if (charts.radar) {
      // As large as the rest of the page allows (between the two widths), so page 1 is not
      // left a third empty when the full-size drawing would not fit under the table.
      const radar = radarChart(ctx);
      const fitting = ((w.room - 6) * radar.width) / radar.height;
      await w.chart(radar, Math.min(RADAR_SUMMARY_WIDTH, Math.max(RADAR_MIN_WIDTH, fitting)));
    }
    if (charts.trajectory && paper.trajectory) {
      w.heading(t('summary.trajectory'), 2);
      await w.chart(trajectoryChart(ctx, true), 140);
    }
    w.heading(t('summary.gaps'), 2);
    if (paper.summary.topGaps.length === 0) w.paragraph(t('summary.noGaps'));
    else w.bullets(gapLines(paper, t));
    w.heading(t('summary.actions'), 2);
    if (paper.summary.nextActions.length === 0) w.paragraph(t('summary.noActions'));
    else w.paperTable(actionsTable(paper, t));
  };
  return rest();
}

async function fullSections(w: Writer, paper: BoardPaper, options: PdfOptions, ctx: ChartContext) {
  const { t } = options;
  for (const section of paper.sections) {
    if (section === 'summary') continue;
    w.newPage();
    w.heading(t(`sections.${section}`), 1);
    const parent = w.bookmark(t(`sections.${section}`));
    if (section === 'charts') {
      await w.chart(radarChart(ctx), 150);
      w.paperTable(radarTable(paper, t));
      if (paper.trajectory) await w.chart(trajectoryChart(ctx), CONTENT_WIDTH);
    }
    if (section === 'criteria') {
      for (const characteristic of paper.characteristics) {
        w.heading(characteristic.title, 2, { parent });
        w.paragraph(
          t('criterion.characteristicLevel', {
            level: levelText(paper, characteristic.level, t),
            assessed: characteristic.assessedCount,
            total: characteristic.criteriaCount,
          }),
          { bold: true },
        );
        for (const criterion of characteristic.criteria) {
          w.heading(criterion.title, 3);
          w.facts(criterionFacts(paper, criterion, t));
        }
        if (characteristic.actions.length > 0) {
          w.heading(t('criterion.characteristicActions'), 3);
          w.bullets(characteristic.actions.map((a) => actionLine(a, t)));
        }
      }
    }
    const comparison = section === 'comparison' ? comparisonTables(paper, t) : null;
    if (comparison) {
      for (const sentence of comparisonSentences(paper, t)) w.paragraph(sentence);
      await w.chart(comparisonChart(ctx), 150);
      w.paperTable(comparison.characteristics);
      w.heading(t('comparison.changedCriteria'), 2);
      if (comparison.changed) w.paperTable(comparison.changed);
      else w.paragraph(t('comparison.none'));
    }
    if (section === 'participants') {
      if (paper.workshops.some((workshop) => workshop.spreads.length > 0)) {
        const chart = spreadChart(ctx);
        // A long spread chart is scaled down to fit one page.
        const width = Math.min(CONTENT_WIDTH, ((BOTTOM - TOP - 20) * chart.width) / chart.height);
        await w.chart(chart, width);
      }
      for (const workshop of paper.workshops) {
        w.heading(
          t('participants.workshop', {
            title: workshop.title,
            date: formatIsoDate(workshop.date),
            facilitator: workshop.facilitator,
          }),
          2,
        );
        w.paragraph(workshopSummaryText(workshop, t));
        if (workshop.isAnonymous) w.paragraph(t('participants.anonymous'));
        w.table(
          [t('participants.name'), t('participants.organisation'), t('participants.sector')],
          workshop.participants.map((p) => [p.label, p.organisation, t(`sector.${p.sector}`)]),
          [60, 66, CONTENT_WIDTH - 126],
        );
      }
    }
    if (section === 'method') {
      w.paragraph(t('method.intro'));
      w.bullets(paper.method.scoring.map((s) => s.text));
      w.heading(t('method.levels'), 2);
      for (const level of paper.levels) w.labelled(level.title, level.description);
    }
    if (section === 'provenance') {
      w.paragraph(
        t('provenance.framework', {
          title: paper.provenance.title,
          version: paper.provenance.version,
        }),
        { bold: true },
      );
      w.paragraph(t('provenance.statement'));
    }
  }
}

function footers(w: Writer, options: PdfOptions): void {
  const { doc } = w;
  const pages = doc.getNumberOfPages();
  const footer = options.t('pdf.footer', {
    date: formatDateTime(options.generatedAt),
    version: options.appVersion,
  });
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    w.style({ size: 8, colour: SECONDARY_TEXT });
    doc.setDrawColor(GRID);
    doc.setLineWidth(0.2);
    doc.line(MARGIN, PAGE_HEIGHT - 14, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 14);
    doc.text(footer, MARGIN, PAGE_HEIGHT - 9);
    doc.text(options.t('pdf.page', { page, pages }), PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 9, {
      align: 'right',
    });
  }
}

/** The summary is at most two pages: SUMMARY_PAGES, with as many of its charts as fit. */
export const SUMMARY_PAGES = 2;

/**
 * What the summary tries, in order: both charts, then the radar alone, then none. Very long titles
 * or action names can push it past two pages: the charts go first (they are in the full paper),
 * never the text.
 */
const SUMMARY_ATTEMPTS: SummaryCharts[] = [
  { radar: true, trajectory: true },
  { radar: true, trajectory: false },
  { radar: false, trajectory: false },
];

export async function renderBoardPaperPdf(paper: BoardPaper, options: PdfOptions): Promise<Blob> {
  const fonts = await loadFonts();
  if (options.variant === 'summary') {
    let doc: jsPDF | null = null;
    for (const charts of SUMMARY_ATTEMPTS) {
      const rendered = await render(paper, options, fonts, charts);
      doc = rendered.doc;
      // The cover sheet is not counted: the summary after it is at most two pages.
      if (rendered.summaryPages <= SUMMARY_PAGES) break;
    }
    return output(doc!);
  }
  // The full paper draws its charts once, in the Charts section.
  return output((await render(paper, options, fonts, { radar: false, trajectory: false })).doc);
}

type EmbeddedFont = { fontName: string; metadata?: { glyIdsUsed?: number[] } };

/**
 * Six capital letters from the glyphs a subset holds: the PDF names an embedded subset
 * "TAG+PostScriptName" (ISO 32000-1, 9.6.4), so readers and preflight tools show it as a subset.
 */
export function subsetTag(glyphIds: readonly number[]): string {
  let hash = 2166136261;
  for (const id of [...glyphIds].sort((a, b) => a - b)) {
    hash = Math.imul(hash ^ id, 16777619) >>> 0;
  }
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26) + i * 7919;
  }
  return tag;
}

/**
 * The finished file. jsPDF writes a font under the name it was registered by, which is also how
 * setFont finds it; so the subset names are set only while the file is written, then put back.
 */
function output(doc: jsPDF): Blob {
  const renamed = (['normal', 'bold'] as const).map((style) => {
    const internal = doc.internal as unknown as {
      getFont(name: string, style: string): EmbeddedFont;
    };
    const font = internal.getFont(PDF_FONT, style);
    const registered = font.fontName;
    const glyphs = font.metadata?.glyIdsUsed ?? [];
    font.fontName = `${subsetTag(glyphs)}+${POSTSCRIPT_NAMES[style]}`;
    return () => (font.fontName = registered);
  });
  try {
    return doc.output('blob');
  } finally {
    for (const restore of renamed) restore();
  }
}

async function render(
  paper: BoardPaper,
  options: PdfOptions,
  fonts: { regular: string; bold: string },
  charts: SummaryCharts,
): Promise<{ doc: jsPDF; summaryPages: number }> {
  const doc = new jsPDF({
    unit: 'mm',
    format: 'a4',
    orientation: 'portrait',
    compress: true,
    // Only Liberation Sans: no unembedded Helvetica or Times for a preflight check to flag.
    putOnlyUsedFonts: true,
  });
  doc.addFileToVFS('liberation-sans.ttf', fonts.regular);
  doc.addFont('liberation-sans.ttf', PDF_FONT, 'normal');
  doc.addFileToVFS('liberation-sans-bold.ttf', fonts.bold);
  doc.addFont('liberation-sans-bold.ttf', PDF_FONT, 'bold');
  doc.setFont(PDF_FONT, 'normal');
  doc.setLanguage('en-GB');
  const { t } = options;
  doc.setProperties({
    title: t('pdf.title', { system: paper.meta.systemName, title: paper.meta.title }),
    subject: t('pdf.subject', { date: formatIsoDate(paper.meta.asAt) }),
    author: t('pdf.author', { system: paper.meta.systemName }),
    creator: t('pdf.creator', { version: options.appVersion }),
    keywords: paper.meta.systemName,
  });
  const ctx: ChartContext = { paper, t, tStatus: options.tStatus, fontFamily: PDF_FONT };
  const w = new Writer(doc);
  if (options.cover.length > 0) coverSection(w, paper, options);
  const summaryStart = doc.getNumberOfPages();
  await summarySection(w, paper, options, ctx, charts);
  const summaryPages = doc.getNumberOfPages() - summaryStart + 1;
  if (options.variant === 'full') await fullSections(w, paper, options, ctx);
  w.finish();
  footers(w, options);
  return { doc, summaryPages };
}
