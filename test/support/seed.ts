import { CURRENT_FRAMEWORK } from '@/config/frameworks';
import type { EvidenceItem } from '@/domain/assessment';
import type { LevelId } from '@/domain/levels';
import type { AssessmentSummaryRecord } from '@/storage/schema';
import { refreshSummaries, summaryTables } from '@/storage/assessment-summaries';
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
  const db = getDb();
  await db.transaction('rw', summaryTables(db), async () => {
    await db.ratings.bulkAdd(
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
    await refreshSummaries(db, [id]);
  });
  return id;
}

/** The summaries (schema v7) as they should be: counted afresh from every stored rating. */
export async function expectedSummaries(): Promise<AssessmentSummaryRecord[]> {
  const db = getDb();
  const [assessments, ratings] = await Promise.all([
    db.assessments.toArray(),
    db.ratings.toArray(),
  ]);
  return sortSummaries(
    assessments.map((a) => ({
      assessmentId: a.id,
      assessedCount: ratings.filter((r) => r.assessmentId === a.id && r.level !== null).length,
    })),
  );
}

/** The summaries stored now, in the same order as `expectedSummaries`. */
export async function storedSummaries(): Promise<AssessmentSummaryRecord[]> {
  return sortSummaries(await getDb().assessmentSummaries.toArray());
}

function sortSummaries(rows: AssessmentSummaryRecord[]): AssessmentSummaryRecord[] {
  return rows.sort((a, b) => a.assessmentId.localeCompare(b.assessmentId));
}

/** After loading records straight into tables (as a fixture does): builds their summaries. */
export async function summariseAll(): Promise<void> {
  const db = getDb();
  await db.transaction('rw', summaryTables(db), async () => {
    await refreshSummaries(db, await db.assessments.toCollection().primaryKeys());
  });
}
