import type { BoardPaper } from '@/domain/report/board-paper';
import type { CoverRow } from '@/domain/report/cover-sheet';
import { renderBoardPaperDocx, type DocxVariant } from '@/features/board-paper/lib/docx';
import { boardPaperT, statusT } from './board-paper';
import { unzip, wordText, zipText } from './zip';

/**
 * The Word paper as a test reads it: rendered in jsdom and unzipped. jsdom cannot draw on a
 * canvas, so a test file replaces the PNG step with `pngStub` (the real PNGs are checked in
 * Chromium by test/e2e/board-paper-docx.spec.ts):
 *
 *   vi.mock('@/features/board-paper/lib/png', async () => (await import('<…>/support/png-stub')).pngStub);
 */

export const HEADLINE = 'Overall level: Developing. 0 of 5 characteristics mature.';
export const GENERATED_AT = Date.UTC(2019, 9, 1, 9, 30);

export async function renderDocx(
  paper: BoardPaper,
  variant: DocxVariant,
  cover: readonly CoverRow[] = [],
) {
  const blob = await renderBoardPaperDocx(paper, {
    variant,
    headline: HEADLINE,
    generatedAt: GENERATED_AT,
    appVersion: '9.9.9',
    t: boardPaperT(),
    tStatus: statusT(),
    cover,
  });
  const files = unzip(new Uint8Array(await blob.arrayBuffer()));
  const document = zipText(files, 'word/document.xml');
  return {
    blob,
    files,
    document,
    /** The body's text, a paragraph a line. */
    text: wordText(document),
    core: zipText(files, 'docProps/core.xml'),
    styles: zipText(files, 'word/styles.xml'),
    footer: wordText(
      [...files.entries()]
        .filter(([name]) => /^word\/footer\d*\.xml$/.test(name))
        .map(([, data]) => data.toString('utf8'))
        .join(''),
    ),
  };
}

/** The paragraphs of document.xml whose style is `styleId` (Heading1, Heading2…), as text. */
export function styledParagraphs(document: string, styleId: string): string[] {
  return document
    .split(/<\/w:p>/)
    .filter((p) => p.includes(`<w:pStyle w:val="${styleId}"/>`))
    .map((p) => wordText(`${p}</w:p>`));
}
