// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { comparisonSection } from '@/features/board-paper/lib/docx/comparison';
import { framework, fullPaper, samplePaper } from '../../../../../support/board-paper';
import {
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

describe('docx comparison section', () => {
  it('says what changed since the earlier assessment, with its chart and both tables', async () => {
    const input = sectionInput(fullPaper());
    const { document, text } = await renderBlocks(input, await comparisonSection(input));
    expect(styledParagraphs(document, 'Heading1')).toEqual([
      'Comparison with the previous assessment',
    ]);
    expect(text).toContain('Assessment before');
    expect(drawnCharts).toEqual(['Change since the previous assessment']);
    const rows = tableRows(document);
    expect(rows.filter((r) => r.header)).toHaveLength(2);
    const characteristic = rows.find((r) => r.cells[0] === framework.characteristics[0]!.title);
    expect(characteristic?.cells.slice(1, 3)).toEqual(['Emerging', 'Developing']);
  });

  it('is left out without an earlier assessment', async () => {
    expect(await comparisonSection(sectionInput(samplePaper()))).toEqual([]);
    expect(drawnCharts).toEqual([]);
  });
});
