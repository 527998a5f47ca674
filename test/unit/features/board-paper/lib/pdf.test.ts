// @vitest-environment jsdom
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STATUS_FILLS } from '@/components/charts/palette';
import type { BoardPaper } from '@/domain/report/board-paper';
import { coverSheetRows, type CoverRow } from '@/domain/report/cover-sheet';
import {
  renderBoardPaperPdf,
  subsetTag,
  SUMMARY_PAGES,
  type PdfVariant,
} from '@/features/board-paper/lib/pdf';
import { boardPaperT, statusT, fullPaper, samplePaper } from '../../../../support/board-paper';

/**
 * The PDF is checked as a reader would see it: poppler's pdfinfo and pdftotext (as in the e2e
 * test) read the pages and the text. Without poppler, only what jsPDF itself reports is checked.
 */
// Vitest runs in the repository's root.
const root = process.cwd();
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const dir = mkdtempSync(join(tmpdir(), 'board-paper-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fonts come from the app's own origin: here, the files in src. */
const serveFonts = vi.fn(async (url: string) => {
  const path = join(root, url.replace(/^\//, '').replace(/\?.*$/, ''));
  return new Response(readFileSync(path));
});
beforeEach(() => vi.stubGlobal('fetch', serveFonts));

// jsdom lays nothing out: svg2pdf measures centred and right-aligned chart text with getBBox, so
// give it the rough width the charts themselves use (0.6 em a character).
if (!('getBBox' in SVGElement.prototype)) {
  Object.defineProperty(SVGElement.prototype, 'getBBox', {
    value(this: SVGElement) {
      const size = parseFloat(this.closest('[font-size]')?.getAttribute('font-size') ?? '') || 13;
      return { x: 0, y: 0, width: (this.textContent ?? '').length * size * 0.6, height: size };
    },
  });
}
afterEach(() => vi.unstubAllGlobals());

const t = boardPaperT();
const GENERATED_AT = Date.UTC(2019, 9, 1, 9, 30);

async function render(paper: BoardPaper, variant: PdfVariant, cover: readonly CoverRow[] = []) {
  const blob = await renderBoardPaperPdf(paper, {
    variant,
    headline: 'Overall level: Developing. 0 of 5 characteristics mature.',
    generatedAt: GENERATED_AT,
    tStatus: statusT(),
    appVersion: '9.9.9',
    t,
    cover,
  });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const path = join(dir, `${variant}-${crypto.randomUUID()}.pdf`);
  writeFileSync(path, bytes);
  const latin1 = Buffer.from(bytes).toString('latin1');
  return {
    blob,
    latin1,
    info: () => execFileSync('pdfinfo', [path], { encoding: 'utf8' }),
    fonts: () => execFileSync('pdffonts', [path], { encoding: 'utf8' }),
    text: (first = 1, last = 999) =>
      execFileSync(
        'pdftotext',
        ['-enc', 'UTF-8', '-f', String(first), '-l', String(last), path, '-'],
        { encoding: 'utf8' },
      ).replace(/\s+/g, ' '),
  };
}

const pages = (info: string): number => Number(/Pages:\s+(\d+)/.exec(info)?.[1]);

describe('renderBoardPaperPdf', () => {
  it('makes a PDF document', async () => {
    const pdf = await render(samplePaper(), 'summary');
    expect(pdf.blob.type).toBe('application/pdf');
    expect(pdf.latin1.startsWith('%PDF-')).toBe(true);
    expect(pdf.latin1.trimEnd().endsWith('%%EOF')).toBe(true);
  }, 30_000);

  it.runIf(hasPoppler)(
    'the summary fits on two pages with real text, the headline and a footer on every page',
    async () => {
      const pdf = await render(
        fullPaper({ systemName: 'Ŵest Northshire & Eastvale ICS – £ “x”' }),
        'summary',
      );
      const count = pages(pdf.info());
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(SUMMARY_PAGES);
      const text = pdf.text();
      expect(text).toContain('Ŵest Northshire & Eastvale ICS – £ “x”');
      expect(text).toContain('Overall level: Developing. 0 of 5 characteristics mature.');
      for (let page = 1; page <= count; page++) expect(text).toContain(`Page ${page} of ${count}`);
      expect(text).toContain('Generated 1 Oct 2019');
      expect(text).toContain('by ICS Maturity 9.9.9');
    },
    60_000,
  );

  it.runIf(hasPoppler)(
    'opens with the cover sheet on its own page, and the summary after it is still two pages at most',
    async () => {
      const cover = coverSheetRows(
        {
          board: 'Northshire ICS Partnership Board',
          meetingDate: '2021-03-25',
          session: 'public',
          purpose: 'assurance',
          recommendations: 'Note the assessment\nApprove the plan',
          risks: 'Capacity in primary care. '.repeat(20),
        },
        { paperTitle: 'Spring review', executiveSummary: 'Developing overall.', appendices: [] },
      );
      const pdf = await render(fullPaper(), 'summary', cover);
      const count = pages(pdf.info());
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(SUMMARY_PAGES + 1);
      const first = pdf.text(1, 1);
      for (const text of [
        'Cover sheet',
        'Meeting (board or committee) Northshire ICS Partnership Board',
        'Date of meeting 25 March 2021',
        'Session Public',
        'Purpose For assurance',
        '1. Note the assessment 2. Approve the plan',
        'Paper title Spring review',
        'Author Not stated',
        'Appendices None',
      ])
        expect(first).toContain(text);
      expect(first).not.toContain('The five characteristics');
      expect(pdf.text(2, 2)).toContain('The five characteristics');
      // The cover sheet has its place in the outline, before the summary.
      expect(pdf.latin1.indexOf('/Title (Cover sheet)')).toBeGreaterThan(-1);
    },
    60_000,
  );

  it.runIf(hasPoppler)(
    'shows each characteristic’s status against target in its RAG colour beside the word',
    async () => {
      const paper = fullPaper();
      const pdf = await render(paper, 'summary');
      const path = join(dir, `rag-${crypto.randomUUID()}`);
      writeFileSync(`${path}.pdf`, new Uint8Array(await pdf.blob.arrayBuffer()));
      // PPM is raw RGB after a short text header: count the pixels of each status colour.
      execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', `${path}.pdf`, path]);
      const ppmFile = readdirSync(dir).find(
        (f) => f.startsWith(path.split('/').pop()!) && f.endsWith('.ppm'),
      );
      const ppm = readFileSync(join(dir, ppmFile!));
      const [, width, height] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(
        ppm.subarray(0, 30).toString('latin1'),
      )!;
      const pixels = ppm.subarray(ppm.length - Number(width) * Number(height) * 3);
      const count = (hex: string) => {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        let n = 0;
        for (let i = 0; i < pixels.length; i += 3)
          if (
            Math.abs(pixels[i]! - r!) < 8 &&
            Math.abs(pixels[i + 1]! - g!) < 8 &&
            Math.abs(pixels[i + 2]! - b!) < 8
          )
            n += 1;
        return n;
      };
      const statuses = new Set(paper.summary.characteristics.map((c) => c.status.status));
      for (const status of statuses)
        expect(count(STATUS_FILLS[status].fill), status).toBeGreaterThan(10);
      for (const status of Object.keys(STATUS_FILLS) as (keyof typeof STATUS_FILLS)[])
        if (!statuses.has(status)) expect(count(STATUS_FILLS[status].fill), status).toBe(0);
    },
    60_000,
  );

  it.runIf(hasPoppler)(
    'the full paper has more pages: the criteria and the appendices, and document properties',
    async () => {
      const summary = await render(fullPaper(), 'summary');
      const full = await render(fullPaper(), 'full');
      const info = full.info();
      expect(pages(info)).toBeGreaterThan(pages(summary.info()));
      expect(info).toMatch(/Title:\s+Board paper: Northshire ICS – Assessment now/);
      expect(info).toMatch(/Creator:\s+ICS Maturity 9.9.9/);
      const text = full.text();
      expect(text).toContain('Criteria by characteristic');
      expect(text).toContain('Appendix A: who took part');
      expect(text).toContain('Appendix B: method and scoring rules');
      expect(text).toContain('Compared with “Assessment before”, as at 31 March 2019.');
    },
    90_000,
  );

  it.runIf(hasPoppler)(
    'keeps the summary to two pages with very long names by leaving out its chart, never text',
    async () => {
      const long = 'A very long action title that goes on and on '.repeat(6).trim();
      const paper = fullPaper({ title: 'Annual review '.repeat(12).trim() });
      const crowded: BoardPaper = {
        ...paper,
        summary: {
          ...paper.summary,
          nextActions: Array.from({ length: 5 }, (_, i) => ({
            ...paper.summary.nextActions[0]!,
            id: `a${i}`,
            title: `${i + 1}. ${long}`,
          })),
        },
      };
      const pdf = await render(crowded, 'summary');
      expect(pages(pdf.info())).toBeLessThanOrEqual(SUMMARY_PAGES);
      const text = pdf.text();
      for (let i = 1; i <= 5; i++) expect(text).toContain(`${i}. A very long action title`);
    },
    90_000,
  );
});

describe('fonts', () => {
  it.runIf(hasPoppler)(
    'embeds subsets of Liberation Sans, regular and bold, and no other font',
    async () => {
      const pdf = await render(fullPaper({ systemName: 'Ŵest – £5m “x” € ≤ ≥' }), 'summary');
      const rows = pdf
        .fonts()
        .trim()
        .split('\n')
        .slice(2)
        .map((row) => row.split(/\s+/));
      // name, type (two words), encoding, emb, sub, uni, object, generation
      expect(rows.map((row) => row[0]!.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
        'LiberationSans',
        'LiberationSans-Bold',
      ]);
      for (const row of rows) {
        expect(row[0]).toMatch(/^[A-Z]{6}\+/);
        expect(row.slice(4, 7)).toEqual(['yes', 'yes', 'yes']);
      }
      expect(pdf.text()).toContain('Ŵest – £5m “x” € ≤ ≥');
    },
    60_000,
  );

  it('names a subset by six capitals that depend on its glyphs, not their order', () => {
    expect(subsetTag([0, 5, 9])).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag([9, 0, 5])).toBe(subsetTag([0, 5, 9]));
    expect(subsetTag([0, 5, 10])).not.toBe(subsetTag([0, 5, 9]));
  });
});

describe('loadFonts', () => {
  it('fetches both fonts from its own origin, once, and tries again after a failure', async () => {
    // A fresh copy of the module, with no fonts cached by the tests above.
    vi.resetModules();
    const { loadFonts } = await import('@/features/board-paper/lib/pdf');
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 404 }));
    await expect(loadFonts()).rejects.toThrow('font 404');
    vi.stubGlobal('fetch', serveFonts);
    serveFonts.mockClear();
    const fonts = await loadFonts();
    expect(serveFonts).toHaveBeenCalledTimes(2);
    // Both from this origin: a path, never another host.
    for (const [url] of serveFonts.mock.calls) expect(String(url)).toMatch(/^\/[^/]/);
    // Base64 of a TrueType file: it starts with the version 0x00010000.
    const head = [...atob(fonts.regular.slice(0, 8))].map((c) => c.charCodeAt(0));
    expect(head.slice(0, 4)).toEqual([0, 1, 0, 0]);
    serveFonts.mockClear();
    await loadFonts();
    expect(serveFonts).not.toHaveBeenCalled();
  });
});
