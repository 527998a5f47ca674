import { NO_WORKSHOPS, type BackupData } from '@/domain/backup/backup-format';
import { allCriteria } from '@/domain/framework/lookups';
import { LEVEL_IDS } from '@/domain/levels';
import { shippedFramework } from './framework';

/** Deterministic large data sets for the benchmarks. */
export const framework = shippedFramework;
const criteria = allCriteria(framework);

export function dataSet(count: number): BackupData {
  const assessments: BackupData['assessments'] = [];
  const ratings: BackupData['ratings'] = [];
  for (let i = 0; i < count; i++) {
    const id = `assessment-${String(i).padStart(4, '0')}`;
    assessments.push({
      id,
      systemName: `System ${i % 40}`,
      title: `Assessment ${i}`,
      asAt: `20${19 + (i % 6)}-0${1 + (i % 9)}-15`,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      basedOnId: null,
      status: { state: 'draft' },
      statusHistory: [],
      createdAt: i,
      updatedAt: i,
      stamps: {},
    });
    criteria.forEach((criterion, j) => {
      ratings.push({
        assessmentId: id,
        criterionId: criterion.id,
        level: LEVEL_IDS[(i + j) % 4] ?? null,
        rationale: `Rationale for ${criterion.title} in assessment ${i}.`,
        evidence: [{ id: `${id}-${j}`, text: 'Board minutes', url: '' }],
        confidence: 'medium',
        updatedAt: i,
        stamps: {},
      });
    });
  }
  return { assessments, ratings, targets: [], actions: [], ...NO_WORKSHOPS };
}
