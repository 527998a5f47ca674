// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chartsSection } from '@/features/board-paper/lib/docx/charts';
import { framework, fullPaper } from '../../../../../support/board-paper';
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

describe('docx charts section', () => {
  it('draws the maturity profile with its data as a table, then the trajectory, on a new page', async () => {
    const input = sectionInput(fullPaper());
    const { document } = await renderBlocks(input, await chartsSection(input));
    expect(styledParagraphs(document, 'Heading1')).toEqual(['Charts']);
    expect(document).toContain('<w:pageBreakBefore/>');
    expect(drawnCharts).toEqual(['Maturity profile', 'Trajectory against targets']);
    expect(tableRows(document)).toEqual([
      { header: true, cells: ['Characteristic', 'Level'] },
      ...framework.characteristics.map((c) => ({
        header: false,
        cells: [c.title, expect.stringMatching(/^\d – \S|^Insufficient evidence/)],
      })),
    ]);
  });

  it('leaves the trajectory out when the paper has none', async () => {
    const paper = { ...fullPaper(), trajectory: null };
    await chartsSection(sectionInput(paper));
    expect(drawnCharts).toEqual(['Maturity profile']);
  });
});
