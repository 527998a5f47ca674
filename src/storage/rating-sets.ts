import type { IcsDatabase } from './db';
import type { RatingRecord, RatingSetRecord } from './schema';

/**
 * The ratings as stored from schema v8: one `ratingSets` record per assessment holding all of its
 * ratings, in criterion order. Storage modules read and write ratings only through these
 * functions; what they return and take are plain `RatingRecord`s, as before v8 and as backups hold
 * them. Writers must also refresh the summaries (./assessment-summaries.ts) in the same
 * transaction.
 */

/** Criterion order: how the `[assessmentId+criterionId]` key of the old table ordered them. */
function byCriterion(a: RatingRecord, b: RatingRecord): number {
  return a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0;
}

/**
 * Ratings grouped into one set per assessment (in order of first appearance), each in criterion
 * order. A later rating of the same criterion replaces an earlier one, as a later put would.
 * Pure; the ratings themselves are not copied.
 */
export function groupRatings(ratings: readonly RatingRecord[]): RatingSetRecord[] {
  const sets = new Map<string, Map<string, RatingRecord>>();
  for (const rating of ratings) {
    let set = sets.get(rating.assessmentId);
    if (!set) sets.set(rating.assessmentId, (set = new Map()));
    set.set(rating.criterionId, rating);
  }
  return [...sets].map(([assessmentId, set]) => ({
    assessmentId,
    ratings: [...set.values()].sort(byCriterion),
  }));
}

/**
 * `set` with `ratings` (all of its assessment) put in by criterion: each replaces the one of its
 * criterion, the others stay. Pure; `set` may be undefined (none stored yet).
 */
export function mergeIntoSet(
  assessmentId: string,
  set: RatingSetRecord | undefined,
  ratings: readonly RatingRecord[],
): RatingSetRecord {
  if (!set || set.ratings.length === 0)
    return { assessmentId, ratings: [...ratings].sort(byCriterion) };
  const merged = new Map(set.ratings.map((r) => [r.criterionId, r]));
  for (const rating of ratings) merged.set(rating.criterionId, rating);
  return { assessmentId, ratings: [...merged.values()].sort(byCriterion) };
}

/** The stored ratings of one assessment, in criterion order ([] when it has none). */
export async function readRatings(db: IcsDatabase, assessmentId: string): Promise<RatingRecord[]> {
  return (await db.ratingSets.get(assessmentId))?.ratings ?? [];
}

/** The stored rating sets of the given assessments, by assessment id (none for one without). */
export async function readRatingSets(
  db: IcsDatabase,
  assessmentIds: readonly string[],
): Promise<Map<string, RatingSetRecord>> {
  const ids = [...new Set(assessmentIds)];
  const sets = ids.length === 0 ? [] : await db.ratingSets.bulkGet(ids);
  const found = new Map<string, RatingSetRecord>();
  for (const set of sets) if (set) found.set(set.assessmentId, set);
  return found;
}

/** One stored rating, or undefined. */
export async function readRating(
  db: IcsDatabase,
  assessmentId: string,
  criterionId: string,
): Promise<RatingRecord | undefined> {
  return (await readRatings(db, assessmentId)).find((r) => r.criterionId === criterionId);
}

/**
 * Puts ratings as a bulk put of rating records would: each replaces the stored rating of its
 * assessment and criterion, the assessments' other ratings stay. Reads and writes each set
 * touched once. Returns the sets as now stored. Call inside a read-write transaction that has
 * `ratingSets` (and refresh the summaries).
 */
export async function putRatings(
  db: IcsDatabase,
  ratings: readonly RatingRecord[],
): Promise<RatingSetRecord[]> {
  if (ratings.length === 0) return [];
  const incoming = groupRatings(ratings);
  const stored = await readRatingSets(
    db,
    incoming.map((s) => s.assessmentId),
  );
  const sets = incoming.map((set) =>
    mergeIntoSet(set.assessmentId, stored.get(set.assessmentId), set.ratings),
  );
  await db.ratingSets.bulkPut(sets);
  return sets;
}

/**
 * Replaces all of an assessment's ratings by `ratings` (none: its set is deleted). Call inside a
 * read-write transaction that has `ratingSets` (and refresh the summaries).
 */
export async function replaceRatings(
  db: IcsDatabase,
  assessmentId: string,
  ratings: readonly RatingRecord[],
): Promise<void> {
  if (ratings.some((r) => r.assessmentId !== assessmentId))
    throw new Error(`Ratings of another assessment given for ${assessmentId}`);
  if (ratings.length === 0) await db.ratingSets.delete(assessmentId);
  else await db.ratingSets.put(groupRatings(ratings)[0]!);
}
