import type { PaperCriterion } from '@/domain/report/board-paper';
import { actionLine, levelText, spreadText } from '../labels';
import { bullets, heading, label, labelled, paragraph, type Blocks } from './blocks';
import type { SectionInput } from './types';

function criterionBlocks(
  { paper, options: { t } }: SectionInput,
  criterion: PaperCriterion,
): Blocks {
  const blocks: Blocks = [
    heading(criterion.title, 3),
    ...labelled(t('criterion.level'), levelText(paper, criterion.level, t, 'notAssessed')),
  ];
  if (criterion.descriptor)
    blocks.push(...labelled(t('criterion.descriptor'), criterion.descriptor));
  if (criterion.rationale.trim())
    blocks.push(...labelled(t('criterion.rationale'), criterion.rationale));
  blocks.push(label(t('criterion.evidence')));
  if (criterion.evidence.length === 0) blocks.push(paragraph(t('criterion.noEvidence')));
  else
    blocks.push(
      ...bullets(criterion.evidence.map((e) => (e.url ? `${e.text} (${e.url})` : e.text))),
    );
  blocks.push(
    ...labelled(
      t('criterion.confidence'),
      criterion.confidence ? t(`confidence.${criterion.confidence}`) : t('confidence.none'),
    ),
  );
  if (criterion.spread) {
    const lines = [spreadText(paper, criterion.spread.spread, t)];
    if (criterion.spread.spread.isSplit) lines.push(t('criterion.split'));
    const agreement = criterion.spread.agreement;
    if (agreement?.level)
      lines.push(t('criterion.agreement', { level: levelText(paper, agreement.level, t) }));
    if (agreement?.dissent.trim()) lines.push(t('criterion.dissent', { text: agreement.dissent }));
    blocks.push(...labelled(t('criterion.spread'), lines.join('\n')));
  }
  if (criterion.actions.length > 0) {
    blocks.push(label(t('criterion.actions')));
    blocks.push(...bullets(criterion.actions.map((a) => actionLine(a, t))));
  }
  return blocks;
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
