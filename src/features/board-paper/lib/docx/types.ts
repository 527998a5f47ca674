import type { TFunction } from 'i18next';
import type { BoardPaper } from '@/domain/report/board-paper';
import type { CoverRow } from '@/domain/report/cover-sheet';
import type { ChartContext } from '../charts';
import type { Blocks } from './blocks';

export type DocxVariant = 'summary' | 'full';

/** The same options as the PDF's: the Word paper draws the same model with the same words. */
export type DocxOptions = {
  variant: DocxVariant;
  headline: string;
  generatedAt: number;
  appVersion: string;
  t: TFunction<'board-paper'>;
  tStatus: TFunction<'status'>;
  /** The cover sheet's rows: the first page of both papers. */
  cover: readonly CoverRow[];
};

/** What every section is given. */
export type SectionInput = { paper: BoardPaper; options: DocxOptions; ctx: ChartContext };

/** A section of the paper: its blocks, in order (async, as charts become PNGs). */
export type Section = (input: SectionInput) => Blocks | Promise<Blocks>;
