import { CURRENT_FRAMEWORK } from '@/config/frameworks';
import type { EvidenceItem } from '@/domain/assessment';
import type { LevelId } from '@/domain/levels';
import { getDb } from '@/storage/db';
import { createAssessment } from '@/storage/repositories/assessments-repo';

type SeedRating = { level: LevelId | null; evidence?: number };

/** Creates an assessment with the given ratings directly in the database. */
export async function seedAssessment(
  input: { systemName?: string; title?: string; asAt?: string },
  ratings: Record<string, SeedRating> = {},
): Promise<string> {
  const id = await createAssessment({
    systemName: input.systemName ?? 'Northshire ICS',
    title: input.title ?? 'Baseline',
    asAt: input.asAt ?? '2019-06-30',
    frameworkId: CURRENT_FRAMEWORK.id,
    frameworkVersion: CURRENT_FRAMEWORK.version,
  });
  await getDb().ratings.bulkAdd(
    Object.entries(ratings).map(([criterionId, r]) => ({
      assessmentId: id,
      criterionId,
      level: r.level,
      rationale: '',
      evidence: Array.from({ length: r.evidence ?? 0 }, (_, i): EvidenceItem => ({
        id: `e${i}`,
        text: `Evidence ${i + 1}`,
        url: '',
      })),
      confidence: null,
      updatedAt: 1,
      stamps: {},
    })),
  );
  return id;
}
