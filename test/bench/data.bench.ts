import 'fake-indexeddb/auto';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { bench, describe } from 'vitest';
import { createBackup } from '@/domain/backup/backup-format';
import { compareAssessments } from '@/domain/compare/compare';
import { dataSet, framework } from '../support/bench-data';
import { SystemGroups } from '@/features/assessments/components/system-groups';
import { groupBySystem } from '@/features/assessments/hooks/use-assessment-summaries';
import { createI18n } from '@/lib/i18n';
import { openFreshTestDatabase } from '@/storage/db';
import { listAssessmentSummaries } from '@/storage/repositories/assessments-repo';
import { readBackupData, writeImport } from '@/storage/repositories/backup-repo';

/**
 * The data-size targets (bench/README.md), with 1,000 assessments of 24 rated criteria each.
 * IndexedDB here is fake-indexeddb in Node: slower than a browser's, so these figures are on the
 * safe side.
 */

const APP = { name: 'ICS Maturity', version: 'bench' };
const thousand = dataSet(1_000);
const tenForCompare = thousand.assessments.slice(0, 10).map((a) => ({
  id: a.id,
  title: a.title,
  asAt: a.asAt,
  createdAt: a.createdAt,
  framework,
  ratings: Object.fromEntries(
    thousand.ratings
      .filter((r) => r.assessmentId === a.id)
      .map((r) => [r.criterionId, { level: r.level, evidenceCount: 1 }]),
  ),
}));

openFreshTestDatabase();
await writeImport(thousand);
const summaries = await listAssessmentSummaries();
if (summaries.length !== 1_000) throw new Error('expected 1,000 stored assessments');
const i18n = createI18n();

describe('data with 1,000 assessments stored', () => {
  bench(
    'backup export, 1,000 assessments',
    async () => {
      const data = await readBackupData();
      if (data.assessments.length !== 1_000) throw new Error('expected 1,000 stored assessments');
      JSON.stringify(createBackup(data, 'all', APP, new Date()));
    },
    { iterations: 5, time: 0 },
  );

  bench('compare 10 assessments', () => {
    compareAssessments(tenForCompare);
  });

  bench(
    'assessment list query, 1,000 assessments',
    async () => {
      groupBySystem(await listAssessmentSummaries());
    },
    { iterations: 5, time: 0 },
  );

  bench('assessment list render, 1,000 assessments', () => {
    renderToString(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(SystemGroups, {
          groups: groupBySystem(summaries),
          onStartNext: async () => {},
          onDelete: async () => {},
        }),
      ),
    );
  });
});
