// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  bullets,
  chartImage,
  CONTENT_WIDTH,
  heading,
  hex,
  label,
  labelled,
  paragraph,
  runs,
  table,
} from '@/features/board-paper/lib/docx/blocks';
import { radarChart } from '@/features/board-paper/lib/charts';
import { samplePaper } from '../../../../../support/board-paper';
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

const input = sectionInput(samplePaper());
beforeEach(() => {
  drawnCharts.length = 0;
});

describe('docx blocks', () => {
  it('writes colours as Word wants them', () => {
    expect(hex('#005eb8')).toBe('005EB8');
  });

  it('keeps line breaks in a value as breaks within one paragraph', async () => {
    expect(runs('one\ntwo\r\nthree')).toHaveLength(3);
    const { document, text } = await renderBlocks(input, [paragraph('one\ntwo')]);
    expect(text).toBe('onetwo');
    expect(document).toContain('<w:br/>');
  });

  it('makes headings in Word heading styles, a new page only when asked', async () => {
    const { document } = await renderBlocks(input, [
      heading('Top', 1, { newPage: true }),
      heading('Middle', 2),
      heading('Low', 3),
    ]);
    expect(styledParagraphs(document, 'Heading1')).toEqual(['Top']);
    expect(styledParagraphs(document, 'Heading2')).toEqual(['Middle']);
    expect(styledParagraphs(document, 'Heading3')).toEqual(['Low']);
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
  });

  it('keeps a label with its value, and bullets as a Word list', async () => {
    const { document, text } = await renderBlocks(input, [
      label('Evidence'),
      ...bullets(['Board minutes', 'System plan']),
      ...labelled('Confidence', 'High'),
    ]);
    expect(text.split('\n')).toEqual([
      'Evidence',
      'Board minutes',
      'System plan',
      'Confidence',
      'High',
    ]);
    const paragraphs = document.split('</w:p>');
    expect(paragraphs[0]).toContain('<w:keepNext/>');
    expect(paragraphs[1]).toContain('<w:numPr>');
    expect(paragraphs[3]).toContain('<w:keepNext/>');
  });

  it('makes a table at the text width: a repeating header row, rows that never split', async () => {
    const { document } = await renderBlocks(input, [
      table(
        ['Name', 'Value'],
        [
          ['a', '1'],
          ['b', '2'],
        ],
        [1, 3],
      ),
    ]);
    expect(tableRows(document)).toEqual([
      { header: true, cells: ['Name', 'Value'] },
      { header: false, cells: ['a', '1'] },
      { header: false, cells: ['b', '2'] },
    ]);
    expect(document.match(/<w:cantSplit\/>/g)).toHaveLength(3);
    const widths = [...document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths[0]! * 3).toBeCloseTo(widths[1]!, -1);
    expect(Math.abs(widths[0]! + widths[1]! - CONTENT_WIDTH)).toBeLessThanOrEqual(1);
  });

  it('makes a field and value table with the fields bold on a shaded panel and no header row', async () => {
    const { document } = await renderBlocks(input, [
      table(null, [['Author', 'Not stated']], [1, 2], { rowHeaders: true }),
    ]);
    expect(document).not.toContain('<w:tblHeader/>');
    const [field, value] = document.split('</w:tc>');
    expect(field).toContain('<w:shd');
    expect(field).toContain('<w:b/>');
    expect(value).not.toContain('<w:shd');
    expect(value).not.toContain('<w:b/>');
  });

  it('draws a chart as a PNG at the width asked, in proportion, with its title as alternative text', async () => {
    const chart = radarChart(input.ctx);
    const { document, files } = await renderBlocks(input, [
      await chartImage(chart, 100, 'Maturity profile'),
    ]);
    expect(drawnCharts).toHaveLength(1);
    expect([...files.keys()].some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(document)!;
    // 100 mm is 3,600,000 EMU (to the pixel at 96 dpi).
    expect(Number(cx)).toBeCloseTo(3_600_000, -5);
    expect(Number(cy) / Number(cx)).toBeCloseTo(chart.height / chart.width, 2);
    expect(document).toContain('descr="Maturity profile"');
  });
});
