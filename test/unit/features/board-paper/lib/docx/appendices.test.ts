// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  methodSection,
  participantsSection,
  provenanceSection,
} from '@/features/board-paper/lib/docx/appendices';
import { fullPaper, paperWorkshop, samplePaper } from '../../../../../support/board-paper';
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

describe('docx appendices', () => {
  it('A: who took part, as a table per workshop, after the spread chart', async () => {
    const input = sectionInput(fullPaper());
    const { document, text } = await renderBlocks(input, await participantsSection(input));
    expect(styledParagraphs(document, 'Heading1')).toEqual(['Appendix A: who took part']);
    expect(styledParagraphs(document, 'Heading2')[0]).toContain('Board workshop');
    expect(drawnCharts).toEqual(['Workshop spread of ratings']);
    expect(tableRows(document).map((r) => r.cells)).toEqual([
      ['Name', 'Organisation', 'Sector'],
      ['Ann', 'Council', expect.any(String)],
      ['Bo', 'Trust', expect.any(String)],
    ]);
    expect(text).not.toContain(input.options.t('participants.anonymous'));
  });

  it('A: an anonymous workshop says so', async () => {
    const input = sectionInput(samplePaper({ workshops: [paperWorkshop({ isAnonymous: true })] }));
    const { text } = await renderBlocks(input, await participantsSection(input));
    expect(text).toContain(input.options.t('participants.anonymous'));
  });

  it('B: the method, the scoring rules and what each level means', async () => {
    const input = sectionInput(samplePaper());
    const { text } = await renderBlocks(input, methodSection(input));
    expect(text).toContain(input.options.t('method.intro'));
    for (const level of input.paper.levels) {
      expect(text).toContain(level.title);
      expect(text).toContain(level.description);
    }
  });

  it('C: the provenance, stated plainly', async () => {
    const input = sectionInput(samplePaper());
    const { text } = await renderBlocks(input, provenanceSection(input));
    expect(text).toContain(input.options.t('provenance.statement'));
    expect(text).not.toMatch(/could not be retrieved/);
  });
});
