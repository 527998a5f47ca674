// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { criteriaSection } from '@/features/board-paper/lib/docx/criteria';
import { framework, fullPaper } from '../../../../../support/board-paper';
import { renderBlocks, sectionInput, styledParagraphs } from '../../../../../support/docx';

describe('docx criteria section', () => {
  it('has a Heading 2 per characteristic and a Heading 3 per criterion, each with its facts', async () => {
    const input = sectionInput(fullPaper());
    const { document, text } = await renderBlocks(input, criteriaSection(input));
    expect(styledParagraphs(document, 'Heading1')).toEqual(['Criteria by characteristic']);
    expect(styledParagraphs(document, 'Heading2')).toEqual(
      framework.characteristics.map((c) => c.title),
    );
    expect(styledParagraphs(document, 'Heading3')).toEqual(
      expect.arrayContaining(
        framework.characteristics.flatMap((c) => c.criteria.map((cr) => cr.title)),
      ),
    );
    for (const label of ['Agreed level', 'Evidence', 'Confidence', 'Workshop spread'])
      expect(text).toContain(label);
    expect(text).toContain('Board minutes');
    expect(text).toContain('Split: ratings differ by two or more levels.');
  });

  it('keeps each label on the page of its value', async () => {
    const input = sectionInput(fullPaper());
    const { document } = await renderBlocks(input, criteriaSection(input));
    const paragraphs = document.split('</w:p>');
    const labels = paragraphs.filter((p) => /<w:t[^>]*>(Evidence|Confidence)<\/w:t>/.test(p));
    expect(labels.length).toBeGreaterThan(0);
    for (const p of labels) expect(p).toContain('<w:keepNext/>');
  });
});
