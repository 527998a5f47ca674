import type { PaperCriterion } from '@/domain/report/board-paper';
import { actionLine, levelText } from '../labels';
import { criterionFacts } from '../paper-content';
import { bullets, facts, heading, paragraph, type Blocks } from './blocks';
import type { SectionInput } from './types';

function criterionBlocks(
  { paper, options: { t } }: SectionInput,
  criterion: PaperCriterion,
): Blocks {
  return [heading(criterion.title, 3), ...facts(criterionFacts(paper, criterion, t))];
}

/**
 * Criteria by characteristic: a Heading 2 per characteristic with its level, a Heading 3 per
 * criterion with its level, descriptor, rationale, evidence, confidence, workshop spread and
 * actions, each label kept on the page of its value.
 */
export function criteriaSection(input: SectionInput): Blocks {
  const { paper, options } = input;
  const { t } = options;
  const blocks: Blocks = [heading(t('sections.criteria'), 1, { newPage: true })];
  for (const characteristic of paper.characteristics) {
    blocks.push(
      heading(characteristic.title, 2),
      paragraph(
        t('criterion.characteristicLevel', {
          level: levelText(paper, characteristic.level, t),
          assessed: characteristic.assessedCount,
          total: characteristic.criteriaCount,
        }),
        { bold: true },
      ),
    );
    for (const criterion of characteristic.criteria)
      blocks.push(...criterionBlocks(input, criterion));
    if (characteristic.actions.length > 0) {
      blocks.push(heading(t('criterion.characteristicActions'), 3));
      blocks.push(...bullets(characteristic.actions.map((a) => actionLine(a, t))));
    }
  }
  return blocks;
}
