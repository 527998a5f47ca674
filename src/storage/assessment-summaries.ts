import { systemKey } from '@/domain/system-key';
import type { IcsDatabase } from './db';
import { readRatingSets } from './rating-sets';
import type {
  AssessmentRecord,
  AssessmentSummaryRecord,
  RatingSetRecord,
  SystemSummaryRecord,
} from './schema';

/**
 * The per-assessment summaries (schema v7; v8 with everything a list row shows) and the
 * per-system summaries (v8): what the assessments list, compare's picker and the backup card read,
 * so that none of them reads the assessments (with their status histories and stamps) or their
 * ratings, and the list reads one record per system. Derived data: `summaryOf` and
 * `systemSummariesOf` are the definitions, used by the v8 migration and by `refreshSummaries`,
 * which every transaction that writes assessments or ratings calls before it ends.
 *
 * No overall level is kept: scoring needs the framework (which criteria make up each
 * characteristic, per framework version), which storage does not load.
 */

type Rated = { level: unknown };

/** How many of a system's newest assessments its summary holds (what the list shows at first). */
export const NEWEST_PER_SYSTEM = 3;

/**
 * Newest first, as the `[systemKey+asAt+createdAt]` index read backwards gives them: the later
 * "as at" date, then the one made later, then the greater id (IndexedDB compares strings by code
 * unit, as `<` does).
 */
export function newestFirst(a: AssessmentSummaryRecord, b: AssessmentSummaryRecord): number {
  const order = (x: string | number, y: string | number) => (x < y ? 1 : x > y ? -1 : 0);
  return (
    order(a.asAt, b.asAt) ||
    order(a.createdAt, b.createdAt) ||
    order(a.assessmentId, b.assessmentId)
  );
}

/** One summary per system of the given assessment summaries (in system key order). Pure. */
export function systemSummariesOf(
  summaries: readonly AssessmentSummaryRecord[],
): SystemSummaryRecord[] {
  const bySystem = new Map<string, AssessmentSummaryRecord[]>();
  for (const summary of summaries) {
    const rows = bySystem.get(summary.systemKey);
    if (rows) rows.push(summary);
    else bySystem.set(summary.systemKey, [summary]);
  }
  return [...bySystem.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((systemKey) => systemSummaryOf(systemKey, bySystem.get(systemKey)!));
}

function systemSummaryOf(
  systemKey: string,
  rows: readonly AssessmentSummaryRecord[],
  count: number = rows.length,
): SystemSummaryRecord {
  const newest = [...rows].sort(newestFirst).slice(0, NEWEST_PER_SYSTEM);
  return { systemKey, systemName: newest[0]!.systemName, count, newest };
}

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
  return [db.assessments, db.ratingSets, db.assessmentSummaries, db.systemSummaries] as const;
}

/** What the caller has just written, as stored, so that `refreshSummaries` need not read it. */
export type Written = {
  assessments?: readonly AssessmentRecord[];
  ratingSets?: readonly RatingSetRecord[];
};

/**
 * Rebuilds the summaries of the given assessments from the stored assessments and rating sets,
 * inside the caller's read-write transaction (which must include `summaryTables`): an assessment
 * that exists gets its summary put, one that does not (deleted) loses it; then the summary of
 * every system they were or are in. Call it after the assessments and ratings are written.
 * `written`: records the caller has just put, as stored (a restore's thousands); only the others
 * are read.
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
  const [read, readSets, before] = await Promise.all([
    unread.length === 0 ? [] : db.assessments.bulkGet(unread),
    readRatingSets(db, unreadSets),
    db.assessmentSummaries.bulkGet(ids),
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
  // The systems they were in (a renamed or deleted assessment leaves one) and are in now.
  const systems = new Set(summaries.map((s) => s.systemKey));
  for (const summary of before) if (summary) systems.add(summary.systemKey);
  await refreshSystems(db, [...systems]);
}

/**
 * Rebuilds the summaries of the given systems from the stored assessment summaries (their newest
 * rows by the `[systemKey+asAt+createdAt]` index, their count by `systemKey`): a system with no
 * assessment left loses its summary. Inside the caller's read-write transaction.
 */
async function refreshSystems(db: IcsDatabase, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const systems = await Promise.all(
    keys.map(async (key) => {
      const [newest, count] = await Promise.all([
        db.assessmentSummaries
          .where('[systemKey+asAt+createdAt]')
          .between([key], [key, []], true, true)
          .reverse()
          .limit(NEWEST_PER_SYSTEM)
          .toArray(),
        db.assessmentSummaries.where('systemKey').equals(key).count(),
      ]);
      return newest.length === 0 ? key : systemSummaryOf(key, newest, count);
    }),
  );
  const kept = systems.filter((s): s is SystemSummaryRecord => typeof s !== 'string');
  const gone = systems.filter((s): s is string => typeof s === 'string');
  if (kept.length > 0) await db.systemSummaries.bulkPut(kept);
  if (gone.length > 0) await db.systemSummaries.bulkDelete(gone);
}

/**
 * A safety net run once after storage opens: every write keeps the summaries, but an assessment
 * without one would be missing from the list, so any assessment without a summary gets one (and a
 * summary of no assessment goes), and the system summaries are rebuilt if their counts do not add
 * up to the assessments. When all is well it reads two counts and the system summaries (one small
 * record per system) in a read-only transaction, so it holds up no other reader or writer. Returns
 * how many assessment summaries it put or deleted.
 */
export async function repairSummaries(db: IcsDatabase): Promise<number> {
  const counts = async () => {
    const [assessments, summaries, systems] = await Promise.all([
      db.assessments.count(),
      db.assessmentSummaries.count(),
      db.systemSummaries.toArray(),
    ]);
    const listed = systems.reduce((sum, s) => sum + s.count, 0);
    return { assessments, summaries, systems, listed };
  };
  const seen = await db.transaction(
    'r',
    [db.assessments, db.assessmentSummaries, db.systemSummaries],
    counts,
  );
  if (seen.assessments === seen.summaries && seen.listed === seen.summaries) return 0;
  // Something is off: checked again and repaired in one read-write transaction.
  return db.transaction('rw', summaryTables(db), async () => {
    const { assessments, summaries, systems, listed } = await counts();
    if (assessments === summaries) {
      if (listed === summaries) return 0;
      const keys = await db.assessmentSummaries.orderBy('systemKey').uniqueKeys();
      const all = new Set([...keys.map(String), ...systems.map((s) => s.systemKey)]);
      await refreshSystems(db, [...all]);
      return 0;
    }
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
