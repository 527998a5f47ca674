// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { coverSheetRows } from '@/domain/report/cover-sheet';
import { summarySection } from '@/features/board-paper/lib/docx/summary';
import { framework, fullPaper, samplePaper } from '../../../../../support/board-paper';
import {
  HEADLINE,
  renderBlocks,
  sectionInput,
  styledParagraphs,
  tableRows,
} from '../../../../../support/docx';
import { drawnCharts } from '../../../../../support/png-stub';

vi.mock(
  '@/features/board-paper/lib/png',
  async () => (await import('../../../../../support/png-stub')).pngStub,
);

beforeEach(() => {
  drawnCharts.length = 0;
});

describe('docx summary', () => {
  it('has the facts, the headline, the five characteristics against target, gaps and actions', async () => {
    const input = sectionInput(fullPaper(), 'summary');
    const { document, text } = await renderBlocks(input, await summarySection(input));
    expect(styledParagraphs(document, 'Heading1')).toEqual(['Summary']);
    expect(styledParagraphs(document, 'Heading2')).toEqual([
      'The five characteristics',
      'Trajectory',
      'Top gaps against target',
      'Next actions due',
    ]);
    expect(text).toContain(HEADLINE);
    const rows = tableRows(document);
    expect(rows[1]!.cells).toEqual([
      'Northshire ICS',
      'Assessment now',
      '30 September 2019',
      'Draft',
    ]);
    const characteristics = rows.filter((r) =>
      framework.characteristics.some((c) => c.title === r.cells[0]),
    );
    expect(characteristics.map((r) => r.cells[0])).toEqual(
      framework.characteristics.map((c) => c.title),
    );
    expect(characteristics[0]!.cells[3]).toBe('On trackMaturing by 1 April 2021');
    expect(
      rows.some((r) => r.cells[0] === 'Late one' && r.cells[3] === 'In progress – overdue'),
    ).toBe(true);
    // The summary paper draws the maturity profile and the small trajectory.
    expect(drawnCharts).toEqual(['Maturity profile', 'Trajectory against targets']);
  });

  it('leaves the charts to the full paper, and says when there are no gaps or actions', async () => {
    const input = sectionInput(samplePaper({}, 'thriving'), 'full');
    const { text } = await renderBlocks(input, await summarySection(input));
    expect(drawnCharts).toEqual([]);
    expect(text).toContain(input.options.t('summary.noActions'));
    expect(text).toContain(input.options.t('summary.noGaps'));
  });

  it('starts on a new page after a cover sheet', async () => {
    const cover = coverSheetRows({}, { paperTitle: 'x', executiveSummary: 'y', appendices: [] });
    const without = sectionInput(samplePaper(), 'full');
    const withCover = sectionInput(samplePaper(), 'full', cover);
    expect((await renderBlocks(without, await summarySection(without))).document).not.toContain(
      'pageBreakBefore',
    );
    expect((await renderBlocks(withCover, await summarySection(withCover))).document).toContain(
      '<w:pageBreakBefore/>',
    );
  });
});
