import { CURRENT_FRAMEWORK } from '@/config/frameworks';
import type { EvidenceItem } from '@/domain/assessment';
import type { LevelId } from '@/domain/levels';
import type {
  AssessmentSummaryRecord,
  DatabaseDump,
  RatingRecord,
  SystemSummaryRecord,
} from '@/storage/schema';
import {
  refreshSummaries,
  summaryOf,
  summaryTables,
  systemSummariesOf,
} from '@/storage/assessment-summaries';
import { getDb } from '@/storage/db';
import { groupRatings, putRatings } from '@/storage/rating-sets';
import { createAssessment } from '@/storage/repositories/assessments-repo';
import { createWorkshop } from '@/storage/repositories/workshops-repo';

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
    await putRatings(
      db,
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

/** Every stored rating (schema v8: flattened from the rating sets), as one list of records. */
export async function storedRatings(): Promise<RatingRecord[]> {
  return (await getDb().ratingSets.toArray()).flatMap((set) => set.ratings);
}

/** The summaries (schema v8) as they should be: made afresh from every stored record. */
export async function expectedSummaries(): Promise<AssessmentSummaryRecord[]> {
  const db = getDb();
  const [assessments, ratings] = await Promise.all([db.assessments.toArray(), storedRatings()]);
  return sortSummaries(
    assessments.map((a) =>
      summaryOf(
        a,
        ratings.filter((r) => r.assessmentId === a.id),
      ),
    ),
  );
}

/**
 * The summaries stored now, in the same order as `expectedSummaries`. The system summaries are
 * checked too: they must be what the stored summaries give (a mismatch throws).
 */
export async function storedSummaries(): Promise<AssessmentSummaryRecord[]> {
  const db = getDb();
  const [summaries, systems] = await Promise.all([
    db.assessmentSummaries.toArray(),
    db.systemSummaries.toArray(),
  ]);
  const expected = systemSummariesOf(summaries);
  if (JSON.stringify(sortSystems(systems)) !== JSON.stringify(expected))
    throw new Error(
      `system summaries ${JSON.stringify(systems)} are not those of the assessment summaries ${JSON.stringify(expected)}`,
    );
  return sortSummaries(summaries);
}

function sortSystems(rows: SystemSummaryRecord[]): SystemSummaryRecord[] {
  return rows.sort((a, b) => (a.systemKey < b.systemKey ? -1 : a.systemKey > b.systemKey ? 1 : 0));
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

/**
 * Loads a golden dump's records straight into the tables of the current schema (no migration
 * run): an older dump's `ratings` go into their assessments' rating sets (v8). Summaries are not
 * built (see `summariseAll`).
 */
export async function loadDumpTables(tables: DatabaseDump['tables']): Promise<void> {
  const db = getDb();
  for (const [name, rows] of Object.entries(tables)) {
    if (name === 'ratings') await db.ratingSets.bulkAdd(groupRatings(rows as RatingRecord[]));
    else await db.table(name).bulkAdd(rows as unknown[]);
  }
}

/** A workshop on an assessment, on two criteria unless told: what the workshop tests start from. */
export async function seedWorkshop(
  assessmentId: string,
  criterionIds: string[] = ['care.pcns', 'care.phm'],
): Promise<string> {
  return createWorkshop({
    assessmentId,
    title: 'Board workshop',
    date: '2019-09-12',
    facilitator: 'Programme director',
    isAnonymous: false,
    criterionIds,
  });
}
