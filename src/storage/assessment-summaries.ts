import type { IcsDatabase } from './db';
import type { AssessmentSummaryRecord, RatingRecord } from './schema';

/**
 * The per-assessment summaries (schema v7): what the assessments list, compare's picker and the
 * backup card show of an assessment, kept so that none of them reads the ratings (24 per
 * assessment). Derived data: `summarise` is the one definition, used by the v7 migration and by
 * `refreshSummaries`, which every transaction that writes ratings calls before it ends.
 *
 * No overall level is kept: scoring needs the framework (which criteria make up each
 * characteristic, per framework version), which storage does not load.
 */

type Rated = { assessmentId: string; level: unknown };

/** One summary per assessment id, counted from the given ratings (ratings of others ignored). */
export function summarise(
  assessmentIds: Iterable<string>,
  ratings: Iterable<Rated>,
): AssessmentSummaryRecord[] {
  const assessed = new Map<string, number>();
  for (const id of assessmentIds) assessed.set(id, 0);
  for (const rating of ratings) {
    const count = assessed.get(rating.assessmentId);
    if (count !== undefined && rating.level !== null && rating.level !== undefined)
      assessed.set(rating.assessmentId, count + 1);
  }
  return [...assessed].map(([assessmentId, assessedCount]) => ({ assessmentId, assessedCount }));
}

/** The transaction's tables `refreshSummaries` reads and writes: add them to its scope. */
export function summaryTables(db: IcsDatabase) {
  return [db.assessments, db.ratings, db.assessmentSummaries] as const;
}

/**
 * Rebuilds the summaries of the given assessments from their stored ratings, inside the caller's
 * read-write transaction (which must include `summaryTables`): an assessment that exists gets
 * its summary put, one that does not (deleted) loses it. Call it after the ratings are written.
 * `written`: ratings the caller has just put, as stored (a restore's thousands): only the keys
 * of the others are read, and the values of any stored rating not among them.
 */
export async function refreshSummaries(
  db: IcsDatabase,
  assessmentIds: Iterable<string>,
  written: readonly RatingRecord[] = [],
): Promise<void> {
  const ids = [...new Set(assessmentIds)];
  if (ids.length === 0) return;
  const [assessments, ratings] = await Promise.all([
    db.assessments.bulkGet(ids),
    written.length === 0
      ? db.ratings.where('assessmentId').anyOf(ids).toArray()
      : storedRatings(db, ids, written),
  ]);
  const existing = ids.filter((_, i) => assessments[i] !== undefined);
  const gone = ids.filter((_, i) => assessments[i] === undefined);
  await db.assessmentSummaries.bulkPut(summarise(existing, ratings));
  if (gone.length > 0) await db.assessmentSummaries.bulkDelete(gone);
}

/** The stored ratings of `ids`, knowing that `written` were just put: reads keys, not values. */
async function storedRatings(
  db: IcsDatabase,
  ids: readonly string[],
  written: readonly RatingRecord[],
): Promise<Rated[]> {
  const keyOf = (assessmentId: string, criterionId: string) =>
    `${assessmentId}\u0000${criterionId}`;
  const known = new Set(written.map((r) => keyOf(r.assessmentId, r.criterionId)));
  const keys = await db.ratings.where('assessmentId').anyOf(ids).primaryKeys();
  const others = keys.filter(
    ([assessmentId, criterionId]) => !known.has(keyOf(assessmentId, criterionId)),
  );
  const rest = others.length === 0 ? [] : await db.ratings.bulkGet(others);
  return [...written, ...rest.filter((r) => r !== undefined)];
}
