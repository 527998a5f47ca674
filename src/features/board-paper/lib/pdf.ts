import {
  BRAND,
  GRID,
  HEADING,
  INK,
  PANEL,
  SECONDARY_TEXT,
  WHITE,
} from '@/components/charts/palette';
import type { TFunction } from 'i18next';
import { jsPDF } from 'jspdf';
import { svg2pdf } from 'svg2pdf.js';
import type { BoardPaper } from '@/domain/report/board-paper';
import { formatDateTime, formatIsoDate } from '@/lib/format';
import { statusText } from '@/lib/status-text';
import boldFontUrl from '../assets/fonts/dejavu-sans-bold.ttf?url';
import regularFontUrl from '../assets/fonts/dejavu-sans.ttf?url';
import {
  comparisonChart,
  radarChart,
  spreadChart,
  trajectoryChart,
  type Chart,
  type ChartContext,
} from './charts';
import {
  actionLine,
  actionStatusText,
  comparisonSentences,
  levelText,
  paperStatusText,
  spreadText,
  targetText,
} from './labels';

/**
 * The board paper as a PDF: jsPDF with an embedded DejaVu Sans subset (so £ € – “ ” ✓ ŵ ŷ render
 * and extract), charts drawn as vectors by svg2pdf, real text throughout, "Page n of m" and a
 * footer on every page, document properties and a bookmark per section. This module is only ever
 * loaded with import(), so jsPDF stays out of the first load.
 */

export type PdfVariant = 'summary' | 'full';

export type PdfOptions = {
  variant: PdfVariant;
  headline: string;
  generatedAt: number;
  appVersion: string;
  t: TFunction<'board-paper'>;
  tStatus: TFunction<'status'>;
};

export const PDF_FONT = 'DejaVuSans';

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

class Writer {
  y = TOP;
  readonly doc: jsPDF;
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
    this.doc.addPage();
    this.y = TOP;
  }

  ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  style({ size = 10, bold = false, colour = INK }: TextStyle): number {
    this.doc.setFont(PDF_FONT, bold ? 'bold' : 'normal');
    this.doc.setFontSize(size);
    this.doc.setTextColor(colour);
    return size * PT * 1.35;
  }

  /** Wrapped text that flows across pages line by line, so nothing is ever cut off. */
  paragraph(value: string, options: TextStyle = {}): void {
    const lineHeight = this.style(options);
    const indent = options.indent ?? 0;
    const paragraphs = value.replace(/\r\n?/g, '\n').split('\n');
    for (const part of paragraphs) {
      const wrapped = this.doc.splitTextToSize(part || ' ', CONTENT_WIDTH - indent) as string[];
      for (const line of wrapped) {
        this.ensure(lineHeight);
        this.doc.text(line, MARGIN + indent, this.y + lineHeight * 0.75);
        this.y += lineHeight;
      }
    }
    this.y += options.gap ?? 2;
  }

  heading(value: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 16 : level === 2 ? 13 : 11;
    this.ensure(size * PT * 1.35 * 2 + 8);
    this.y += level === 1 ? 0 : 2;
    this.paragraph(value, { size, bold: true, colour: level === 3 ? INK : HEADING, gap: 1.5 });
    if (level === 1) {
      this.doc.setDrawColor(BRAND);
      this.doc.setLineWidth(0.6);
      this.doc.line(MARGIN, this.y, MARGIN + CONTENT_WIDTH, this.y);
      this.y += 3;
    }
  }

  labelled(label: string, value: string): void {
    this.paragraph(label, { bold: true, size: 9, colour: SECONDARY_TEXT, gap: 0.5 });
    this.paragraph(value, { gap: 2 });
  }

  table(headers: string[], rows: string[][], widths: number[]): void {
    const size = 9;
    const lineHeight = size * PT * 1.35;
    const pad = 1.5;
    const cells = (row: string[], bold: boolean) => {
      this.style({ size, bold });
      return row.map((cell, i) => this.doc.splitTextToSize(cell, widths[i]! - 2 * pad) as string[]);
    };
    const drawRow = (row: string[], header: boolean) => {
      const wrapped = cells(row, header);
      const height = Math.max(...wrapped.map((c) => c.length)) * lineHeight + 2 * pad;
      if (this.y + height > BOTTOM) {
        this.newPage();
        if (!header) drawRow(headers, true);
      }
      if (header) {
        this.doc.setFillColor(PANEL);
        this.doc.rect(MARGIN, this.y, CONTENT_WIDTH, height, 'F');
      }
      this.style({ size, bold: header });
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, j) => {
          this.doc.text(line, x + pad, this.y + pad + lineHeight * (j + 0.75));
        });
        x += widths[i]!;
      });
      this.y += height;
      this.doc.setDrawColor(GRID);
      this.doc.setLineWidth(0.2);
      this.doc.line(MARGIN, this.y, MARGIN + CONTENT_WIDTH, this.y);
    };
    this.ensure(lineHeight * 3 + 4 * pad);
    drawRow(headers, true);
    for (const row of rows) drawRow(row, false);
    this.y += 4;
  }

  bullets(items: string[], options: TextStyle = {}): void {
    for (const item of items) {
      const lineHeight = this.style(options);
      this.ensure(lineHeight);
      this.doc.text('•', MARGIN + 1, this.y + lineHeight * 0.75);
      this.paragraph(item, { ...options, indent: 5, gap: 0.8 });
    }
    this.y += 1.5;
  }

  async chart(chart: Chart, width: number): Promise<void> {
    const height = (chart.height / chart.width) * width;
    this.ensure(height + 2);
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
      await svg2pdf(chart.svg, this.doc, { x: MARGIN, y: this.y, width, height });
    } finally {
      holder.remove();
    }
    this.y += height + 4;
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

function summarySection(
  w: Writer,
  paper: BoardPaper,
  options: PdfOptions,
  ctx: ChartContext,
  withChart: boolean,
): Promise<void> {
  const { t } = options;
  titleBand(w, paper, t);
  w.bookmark(t('sections.summary'));
  w.table(
    [t('meta.system'), t('meta.assessment'), t('meta.asAt'), t('meta.status')],
    [
      [
        paper.meta.systemName,
        paper.meta.title,
        formatIsoDate(paper.meta.asAt),
        paperStatusText(paper, t),
      ],
    ],
    [44, 50, 32, CONTENT_WIDTH - 126],
  );
  w.paragraph(options.headline, { size: 12, bold: true, colour: HEADING, gap: 3 });
  w.table(
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
    [CONTENT_WIDTH / 3, CONTENT_WIDTH / 3, CONTENT_WIDTH / 3],
  );
  w.heading(t('summary.characteristics'), 2);
  w.table(
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
      `${statusText(c.status, options.tStatus)}\n${targetText(paper, c.target, t)}`,
    ]),
    [62, 30, 22, CONTENT_WIDTH - 114],
  );
  const chart = paper.trajectory && withChart ? trajectoryChart(ctx, true) : null;
  const rest = async () => {
    if (chart) {
      // Keep the heading with its chart.
      w.ensure((chart.height / chart.width) * 140 + 12);
      w.heading(t('summary.trajectory'), 2);
      await w.chart(chart, 140);
    }
    w.heading(t('summary.gaps'), 2);
    if (paper.summary.topGaps.length === 0) w.paragraph(t('summary.noGaps'));
    else
      w.bullets(
        paper.summary.topGaps.map((g) =>
          t('summary.gap', {
            title: g.title,
            characteristic: g.characteristicTitle,
            level: levelText(paper, g.level, t),
            target: levelText(paper, g.targetLevel, t),
            date: formatIsoDate(g.targetDate),
          }),
        ),
      );
    w.heading(t('summary.actions'), 2);
    if (paper.summary.nextActions.length === 0) w.paragraph(t('summary.noActions'));
    else
      w.table(
        [t('summary.action'), t('summary.owner'), t('summary.due'), t('summary.actionStatus')],
        paper.summary.nextActions.map((a) => [
          a.criterionTitle ? `${a.title} (${a.criterionTitle})` : a.title,
          a.owner,
          formatIsoDate(a.dueDate),
          actionStatusText(a, t),
        ]),
        [78, 38, 28, CONTENT_WIDTH - 144],
      );
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
      w.table(
        [t('summary.characteristic'), t('summary.level')],
        paper.radar.map((r) => [
          r.title,
          r.value > 0
            ? `${r.value} – ${levelText(paper, paper.levels[r.value - 1]?.id, t)}`
            : t('levels.insufficient'),
        ]),
        [110, CONTENT_WIDTH - 110],
      );
      if (paper.trajectory) await w.chart(trajectoryChart(ctx), CONTENT_WIDTH);
    }
    if (section === 'criteria') {
      for (const characteristic of paper.characteristics) {
        w.ensure(40);
        w.bookmark(characteristic.title, parent);
        w.heading(characteristic.title, 2);
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
          w.labelled(t('criterion.level'), levelText(paper, criterion.level, t, 'notAssessed'));
          if (criterion.descriptor) w.labelled(t('criterion.descriptor'), criterion.descriptor);
          if (criterion.rationale.trim()) w.labelled(t('criterion.rationale'), criterion.rationale);
          w.paragraph(t('criterion.evidence'), {
            bold: true,
            size: 9,
            colour: SECONDARY_TEXT,
            gap: 0.5,
          });
          if (criterion.evidence.length === 0) w.paragraph(t('criterion.noEvidence'));
          else w.bullets(criterion.evidence.map((e) => (e.url ? `${e.text} (${e.url})` : e.text)));
          w.labelled(
            t('criterion.confidence'),
            criterion.confidence ? t(`confidence.${criterion.confidence}`) : t('confidence.none'),
          );
          if (criterion.spread) {
            const lines = [spreadText(paper, criterion.spread.spread, t)];
            if (criterion.spread.spread.isSplit) lines.push(t('criterion.split'));
            const agreement = criterion.spread.agreement;
            if (agreement?.level)
              lines.push(t('criterion.agreement', { level: levelText(paper, agreement.level, t) }));
            if (agreement?.dissent.trim())
              lines.push(t('criterion.dissent', { text: agreement.dissent }));
            w.labelled(t('criterion.spread'), lines.join('\n'));
          }
          if (criterion.actions.length > 0) {
            w.paragraph(t('criterion.actions'), {
              bold: true,
              size: 9,
              colour: SECONDARY_TEXT,
              gap: 0.5,
            });
            w.bullets(criterion.actions.map((a) => actionLine(a, t)));
          }
        }
        if (characteristic.actions.length > 0) {
          w.heading(t('criterion.characteristicActions'), 3);
          w.bullets(characteristic.actions.map((a) => actionLine(a, t)));
        }
      }
    }
    if (section === 'comparison' && paper.comparison) {
      for (const sentence of comparisonSentences(paper, t)) w.paragraph(sentence);
      await w.chart(comparisonChart(ctx), 150);
      const last = paper.comparison.comparison.columns.length - 1;
      w.table(
        [
          t('summary.characteristic'),
          t('comparison.previous'),
          t('comparison.current'),
          t('comparison.change'),
        ],
        paper.comparison.comparison.characteristics.map((c) => [
          c.title,
          levelText(paper, c.levels[0], t),
          levelText(paper, c.levels[last], t),
          t(`change.${c.change}`),
        ]),
        [70, 36, 36, CONTENT_WIDTH - 142],
      );
      w.heading(t('comparison.changedCriteria'), 2);
      const changed = paper.comparison.comparison.criteria.filter(
        (c) => c.change !== 'unchanged' && c.change !== 'not-assessed',
      );
      if (changed.length === 0) w.paragraph(t('comparison.none'));
      else
        w.table(
          [
            t('comparison.criterion'),
            t('comparison.previous'),
            t('comparison.current'),
            t('comparison.change'),
          ],
          changed.map((c) => [
            c.title,
            levelText(paper, c.levels[0], t, 'notAssessed'),
            levelText(paper, c.levels[last], t, 'notAssessed'),
            t(`change.${c.change}`),
          ]),
          [70, 36, 36, CONTENT_WIDTH - 142],
        );
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
        w.paragraph(
          t('participants.summary', {
            count: workshop.participants.length,
            agreed: workshop.agreedCount,
            split: workshop.splitCount,
          }),
        );
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
      w.paragraph(t('provenance.attribution', { text: paper.provenance.attribution }));
      w.paragraph(paper.provenance.provenance);
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

/** The summary is at most two pages: SUMMARY_PAGES, with or without its small trajectory chart. */
export const SUMMARY_PAGES = 2;

export async function renderBoardPaperPdf(paper: BoardPaper, options: PdfOptions): Promise<Blob> {
  const fonts = await loadFonts();
  if (options.variant === 'summary') {
    const withChart = render(paper, options, fonts, true);
    // Very long titles or action names can push the summary past two pages: the chart goes
    // first (it is in the full paper), never the text.
    const doc =
      (await withChart).getNumberOfPages() > SUMMARY_PAGES
        ? await render(paper, options, fonts, false)
        : await withChart;
    return doc.output('blob');
  }
  return (await render(paper, options, fonts, true)).output('blob');
}

async function render(
  paper: BoardPaper,
  options: PdfOptions,
  fonts: { regular: string; bold: string },
  withChart: boolean,
): Promise<jsPDF> {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true });
  doc.addFileToVFS('dejavu-sans.ttf', fonts.regular);
  doc.addFont('dejavu-sans.ttf', PDF_FONT, 'normal');
  doc.addFileToVFS('dejavu-sans-bold.ttf', fonts.bold);
  doc.addFont('dejavu-sans-bold.ttf', PDF_FONT, 'bold');
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
  await summarySection(w, paper, options, ctx, withChart);
  if (options.variant === 'full') await fullSections(w, paper, options, ctx);
  footers(w, options);
  return doc;
}
