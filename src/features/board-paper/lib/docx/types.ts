import type { BoardPaper } from '@/domain/report/board-paper';
import type { ChartContext } from '../charts';
import type { PaperExportOptions, PaperVariant } from '../paper-content';
import type { Blocks } from './blocks';

export type DocxVariant = PaperVariant;

/** The same options as the PDF's: the Word paper draws the same model with the same words. */
export type DocxOptions = PaperExportOptions;

/** What every section is given. */
export type SectionInput = { paper: BoardPaper; options: DocxOptions; ctx: ChartContext };

/** A section of the paper: its blocks, in order (async, as charts become PNGs). */
export type Section = (input: SectionInput) => Blocks | Promise<Blocks>;
