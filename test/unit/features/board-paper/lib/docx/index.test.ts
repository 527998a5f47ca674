// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { coverSheetRows } from '@/domain/report/cover-sheet';
import { DOCX_MIME, pageNumberRuns, SECTIONS } from '@/features/board-paper/lib/docx';
import { boardPaperT, framework, fullPaper, samplePaper } from '../../../../../support/board-paper';
import { renderDocx, styledParagraphs } from '../../../../../support/docx';

vi.mock(
  '@/features/board-paper/lib/png',
  async () => (await import('../../../../../support/png-stub')).pngStub,
);

describe('renderBoardPaperDocx', () => {
  it('makes a Word document with the paper, its properties, Arial, en-GB and a footer', async () => {
    const docx = await renderDocx(
      fullPaper({ systemName: 'Ŵest Northshire & Eastvale ICS' }),
      'full',
    );
    expect(docx.blob.type).toBe(DOCX_MIME);
    expect(docx.text).toContain('Ŵest Northshire & Eastvale ICS');
    for (const characteristic of framework.characteristics)
      expect(docx.text).toContain(characteristic.title);
    expect(docx.core).toContain(
      '<dc:title>Board paper: Ŵest Northshire &amp; Eastvale ICS – Assessment now</dc:title>',
    );
    expect(docx.core).toMatch(/<dc:subject>ICS maturity self-assessment as at [^<]+<\/dc:subject>/);
    expect(docx.core).toContain('<dc:creator>Ŵest Northshire &amp; Eastvale ICS</dc:creator>');
    expect(docx.core).toContain('ICS Maturity 9.9.9');
    expect(docx.styles).toContain('w:ascii="Arial"');
    expect(docx.styles).toContain('<w:lang w:val="en-GB"/>');
    expect(docx.footer).toContain('Generated 1 Oct 2019');
    expect(docx.footer).toContain('by ICS Maturity 9.9.9');
    expect(docx.footer).toContain('Page');
  }, 30_000);

  it('has one Heading 1 per section the model has, in order; the summary paper only its own', async () => {
    const paper = fullPaper();
    const t = boardPaperT();
    const full = await renderDocx(paper, 'full');
    expect(styledParagraphs(full.document, 'Heading1')).toEqual(
      paper.sections.map((s) => t(`sections.${s}`)),
    );
    const summary = await renderDocx(paper, 'summary');
    expect(styledParagraphs(summary.document, 'Heading1')).toEqual([t('sections.summary')]);
    expect(summary.text).not.toContain(t('sections.criteria'));
  }, 30_000);

  it('opens with the cover sheet when it has rows, and starts the summary on a new page', async () => {
    const cover = coverSheetRows(
      { board: 'Northshire ICS Partnership Board' },
      { paperTitle: 'Spring review', executiveSummary: 'Developing overall.', appendices: [] },
    );
    const docx = await renderDocx(samplePaper(), 'summary', cover);
    const headings = styledParagraphs(docx.document, 'Heading1');
    expect(headings).toEqual(['Cover sheet', 'Summary']);
    expect(docx.text.indexOf('Northshire ICS Partnership Board')).toBeLessThan(
      docx.text.indexOf('Summary'),
    );
    expect(docx.document).toContain('<w:pageBreakBefore/>');
  }, 30_000);

  it('has a section for every section the model can have but the summary', () => {
    expect(Object.keys(SECTIONS).sort()).toEqual(
      ['charts', 'comparison', 'criteria', 'method', 'participants', 'provenance'].sort(),
    );
  });

  it('writes "Page n of m" with page fields in place of the numbers', () => {
    const runs = pageNumberRuns({ t: boardPaperT() } as never);
    expect(runs).toHaveLength(4);
  });
});
