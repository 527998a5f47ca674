import { systemKey } from '@/domain/system-key';
import type { IcsDatabase } from './db';
import { readRatingSets } from './rating-sets';
import type { AssessmentRecord, AssessmentSummaryRecord, RatingSetRecord } from './schema';

/**
 * The per-assessment summaries (schema v7; v8 with everything a list row shows): what the
 * assessments list, compare's picker and the backup card read of an assessment, so that none of
 * them reads the assessments (with their status histories and stamps) or their ratings. Derived
 * data: `summaryOf` is the one definition, used by the v8 migration and by `refreshSummaries`,
 * which every transaction that writes assessments or ratings calls before it ends.
 *
 * No overall level is kept: scoring needs the framework (which criteria make up each
 * characteristic, per framework version), which storage does not load.
 */

type Rated = { level: unknown };

/** The summary of an assessment with the given ratings (its own). Pure. */
export function summaryOf(
  assessment: AssessmentRecord,
  ratings: readonly Rated[],
): AssessmentSummaryRecord {
  let assessedCount = 0;
  for (const rating of ratings)
    if (rating.level !== null && rating.level !== undefined) assessedCount += 1;
  return {
    assessmentId: assessment.id,
    systemKey: systemKey(assessment.systemName),
    systemName: assessment.systemName,
    title: assessment.title,
    asAt: assessment.asAt,
    createdAt: assessment.createdAt,
    updatedAt: assessment.updatedAt,
    status: assessment.status,
    assessedCount,
  };
}

/** The transaction's tables `refreshSummaries` reads and writes: add them to its scope. */
export function summaryTables(db: IcsDatabase) {
  return [db.assessments, db.ratingSets, db.assessmentSummaries] as const;
}

/** What the caller has just written, as stored, so that `refreshSummaries` need not read it. */
export type Written = {
  assessments?: readonly AssessmentRecord[];
  ratingSets?: readonly RatingSetRecord[];
};

/**
 * Rebuilds the summaries of the given assessments from the stored assessments and rating sets,
 * inside the caller's read-write transaction (which must include `summaryTables`): an assessment
 * that exists gets its summary put, one that does not (deleted) loses it. Call it after the
 * assessments and ratings are written. `written`: records the caller has just put, as stored (a
 * restore's thousands); only the others are read.
 */
export async function refreshSummaries(
  db: IcsDatabase,
  assessmentIds: Iterable<string>,
  written: Written = {},
): Promise<void> {
  const ids = [...new Set(assessmentIds)];
  if (ids.length === 0) return;
  const assessments = new Map((written.assessments ?? []).map((a) => [a.id, a]));
  const sets = new Map((written.ratingSets ?? []).map((s) => [s.assessmentId, s]));
  const unread = ids.filter((id) => !assessments.has(id));
  const unreadSets = ids.filter((id) => !sets.has(id));
  const [read, readSets] = await Promise.all([
    unread.length === 0 ? [] : db.assessments.bulkGet(unread),
    readRatingSets(db, unreadSets),
  ]);
  for (const a of read) if (a) assessments.set(a.id, a);
  for (const [id, set] of readSets) sets.set(id, set);
  const summaries: AssessmentSummaryRecord[] = [];
  const gone: string[] = [];
  for (const id of ids) {
    const assessment = assessments.get(id);
    if (assessment) summaries.push(summaryOf(assessment, sets.get(id)?.ratings ?? []));
    else gone.push(id);
  }
  if (summaries.length > 0) await db.assessmentSummaries.bulkPut(summaries);
  if (gone.length > 0) await db.assessmentSummaries.bulkDelete(gone);
}

/**
 * A safety net run once after storage opens: every write keeps the summaries, but an assessment
 * without one would be missing from the list, so any assessment without a summary gets one (and a
 * summary of no assessment goes). Two counts when all is well; the keys are read only when they
 * differ. Returns how many summaries it put or deleted.
 */
export async function repairSummaries(db: IcsDatabase): Promise<number> {
  return db.transaction('rw', summaryTables(db), async () => {
    const [assessments, summaries] = await Promise.all([
      db.assessments.count(),
      db.assessmentSummaries.count(),
    ]);
    if (assessments === summaries) return 0;
    const [ids, summarised] = await Promise.all([
      db.assessments.toCollection().primaryKeys(),
      db.assessmentSummaries.toCollection().primaryKeys(),
    ]);
    const have = new Set(summarised);
    const exist = new Set(ids);
    const wrong = [
      ...ids.filter((id) => !have.has(id)),
      ...summarised.filter((id) => !exist.has(id)),
    ];
    await refreshSummaries(db, wrong);
    return wrong.length;
  });
}
