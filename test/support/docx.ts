import type { BoardPaper } from '@/domain/report/board-paper';
import type { CoverRow } from '@/domain/report/cover-sheet';
import { Packer } from 'docx';
import type { ChartContext } from '@/features/board-paper/lib/charts';
import {
  paperDocument,
  renderBoardPaperDocx,
  type DocxOptions,
  type DocxVariant,
} from '@/features/board-paper/lib/docx';
import type { Blocks } from '@/features/board-paper/lib/docx/blocks';
import type { SectionInput } from '@/features/board-paper/lib/docx/types';
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

export function docxOptions(variant: DocxVariant, cover: readonly CoverRow[] = []): DocxOptions {
  return {
    variant,
    headline: HEADLINE,
    generatedAt: GENERATED_AT,
    appVersion: '9.9.9',
    t: boardPaperT(),
    tStatus: statusT(),
    cover,
  };
}

/** What a section is given, as renderBoardPaperDocx gives it. */
export function sectionInput(
  paper: BoardPaper,
  variant: DocxVariant = 'full',
  cover: readonly CoverRow[] = [],
): SectionInput {
  const options = docxOptions(variant, cover);
  const ctx: ChartContext = { paper, t: options.t, tStatus: options.tStatus, fontFamily: 'Arial' };
  return { paper, options, ctx };
}

/** Some blocks alone in a document, as the paper would write them: document.xml and its text. */
export async function renderBlocks(input: SectionInput, blocks: Blocks) {
  const bytes = await Packer.toBuffer(paperDocument(input.paper, input.options, blocks));
  const files = unzip(new Uint8Array(bytes));
  const document = zipText(files, 'word/document.xml');
  return { files, document, text: wordText(document) };
}

export async function renderDocx(
  paper: BoardPaper,
  variant: DocxVariant,
  cover: readonly CoverRow[] = [],
) {
  const blob = await renderBoardPaperDocx(paper, docxOptions(variant, cover));
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

/** The table rows of document.xml, each as its cells' text. */
export function tableRows(document: string): { header: boolean; cells: string[] }[] {
  return [...document.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) => ({
    header: row!.includes('<w:tblHeader/>'),
    cells: [...row!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) => wordText(cell!)),
  }));
}
