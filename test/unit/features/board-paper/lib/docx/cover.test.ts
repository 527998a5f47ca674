// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { coverSheetRows } from '@/domain/report/cover-sheet';
import { coverSection, titleBand } from '@/features/board-paper/lib/docx/cover';
import { samplePaper } from '../../../../../support/board-paper';
import {
  renderBlocks,
  sectionInput,
  styledParagraphs,
  tableRows,
} from '../../../../../support/docx';

const cover = coverSheetRows(
  {
    board: 'Northshire ICS Partnership Board',
    meetingDate: '2021-03-25',
    session: 'public',
    purpose: 'assurance',
    recommendations: 'Note the assessment\nApprove the plan',
  },
  { paperTitle: 'Spring review', executiveSummary: 'Developing overall.', appendices: [] },
);

describe('docx cover sheet', () => {
  it('is a field and value table after the title band, every field in the order of the form', async () => {
    const input = sectionInput(samplePaper(), 'summary', cover);
    const { document, text } = await renderBlocks(input, coverSection(input));
    expect(text.split('\n').slice(0, 3)).toEqual([
      'ICS maturity self-assessment – board paper',
      'Northshire ICS',
      'Assessment now',
    ]);
    expect(styledParagraphs(document, 'Heading1')).toEqual(['Cover sheet']);
    const rows = tableRows(document);
    expect(rows.map((r) => r.header)).not.toContain(true);
    expect(rows.map((r) => r.cells[0])).toEqual(
      cover.map((row) => input.options.t(`cover.fields.${row.field}`)),
    );
    const value = (field: string) => rows.find((r) => r.cells[0] === field)?.cells[1];
    expect(value('Meeting (board or committee)')).toBe('Northshire ICS Partnership Board');
    expect(value('Date of meeting')).toBe('25 March 2021');
    expect(value('Session')).toBe('Public');
    expect(value('Purpose')).toBe('For assurance');
    expect(value('Recommendation(s) to the board')).toBe(
      '1. Note the assessment2. Approve the plan',
    );
    expect(value('Author')).toBe('Not stated');
    expect(value('Appendices')).toBe('None');
  });

  it('is left out when there are no cover rows', () => {
    expect(coverSection(sectionInput(samplePaper(), 'summary', []))).toEqual([]);
  });

  it('starts the title band on a new page only when asked', async () => {
    const input = sectionInput(samplePaper());
    expect((await renderBlocks(input, titleBand(input))).document).not.toContain('pageBreakBefore');
    expect((await renderBlocks(input, titleBand(input, { newPage: true }))).document).toContain(
      '<w:pageBreakBefore/>',
    );
  });
});
