import { bench, describe } from 'vitest';
import { compareAssessments } from '@/domain/compare/compare';
import { dataSet, framework } from '../support/bench-data';

/**
 * Comparing 10 assessments: the pure domain (compareAssessments), no storage and no rendering.
 * The compare screen in the browser (5 of 1,000 stored, charts and tables drawn) is measured in
 * Chromium by scripts/bench-browser.mjs.
 */
const ten = dataSet(10);
const tenForCompare = ten.assessments.map((a) => ({
  id: a.id,
  title: a.title,
  asAt: a.asAt,
  createdAt: a.createdAt,
  framework,
  ratings: Object.fromEntries(
    ten.ratings
      .filter((r) => r.assessmentId === a.id)
      .map((r) => [r.criterionId, { level: r.level, evidenceCount: 1 }]),
  ),
}));

describe('compare', () => {
  bench('compare 10 assessments', () => {
    compareAssessments(tenForCompare);
  });
});
