import type { Framework } from '../framework/schema';
import { countEvidence, type Assessment, type Rating } from '../assessment';
import { stripControlCharacters } from '../safe-text';

/**
 * CSV for analysts: one row per criterion per assessment, in this column order (documented in
 * docs/data-format.md). Text is UTF-8 with a byte-order mark so that Excel reads it correctly.
 */
export const CSV_COLUMNS = [
  'system',
  'assessment',
  'as_at',
  'framework_version',
  'characteristic',
  'criterion',
  'level',
  'confidence',
  'evidence_count',
  'rationale',
] as const;

const BOM = '\uFEFF';

/**
 * Quotes a field when needed; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run
 * it. Control characters are stripped first (see safe-text), so none can hide a leading `=`.
 */
export function csvField(value: string | number): string {
  let text = stripControlCharacters(String(value));
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function assessmentsCsv(
  items: readonly { assessment: Assessment; ratings: readonly Rating[]; framework: Framework }[],
): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const { assessment, ratings, framework } of items) {
    const byCriterion = new Map(ratings.map((r) => [r.criterionId, r]));
    for (const characteristic of framework.characteristics) {
      for (const criterion of characteristic.criteria) {
        const rating = byCriterion.get(criterion.id);
        lines.push(
          [
            assessment.systemName,
            assessment.title,
            assessment.asAt,
            `${framework.id}@${framework.version}`,
            characteristic.title,
            criterion.title,
            rating?.level ?? 'not assessed',
            rating?.confidence ?? '',
            rating ? countEvidence(rating.evidence) : 0,
            rating?.rationale ?? '',
          ]
            .map(csvField)
            .join(','),
        );
      }
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
