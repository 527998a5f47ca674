import type { BackupData } from '@/domain/backup/backup-format';
import { RECORD_KINDS } from '@/domain/backup/record-kinds';
import type { BackupStatus } from '@/domain/backup/reminder';
import type { Table } from 'dexie';
import { systemKey } from '@/domain/system-key';
import { refreshSummaries, summaryTables } from '../assessment-summaries';
import { getDb, type IcsDatabase } from '../db';
import { endLostDataNotice, rememberStoredData } from '../lost-data';
import { groupRatings, mergeIntoSet, readRatingSets } from '../rating-sets';
import type { RatingRecord, RatingSetRecord } from '../schema';
import { readWorkshopFamily, workshopTables, type WorkshopFamily } from './workshop-family';

/**
 * Reads and writes whole data sets for backups and CSV. Restores happen in one transaction: a
 * failure part-way leaves the database exactly as it was.
 */
export type BackupScope =
  { kind: 'all' } | { kind: 'system'; systemKey: string } | { kind: 'assessment'; id: string };

/** Rating sets read per request when everything is read (about a megabyte of ratings). */
export const SETS_PER_READ = 100;

export type ReadOptions = {
  /**
   * Takes the ratings a part at a time, in the file's order, as they are read: the export makes
   * each part's text while the next is still being read. The result's `ratings` is then empty.
   */
  onRatings?: (ratings: RatingRecord[]) => void;
};

/**
 * The records a backup of `scope` holds, as stored, in one read-only transaction: each
 * assessment's ratings in the order of the assessments' keys, each assessment's in criterion
 * order; the other tables sorted by their keys.
 */
export async function readBackupData(
  scope: BackupScope = { kind: 'all' },
  options: ReadOptions = {},
): Promise<BackupData> {
  const db = getDb();
  const all = scope.kind === 'all';
  return db.transaction('r', [...backupTables(db)], async () => {
    // Every table this needs is asked for at once (whole tables for everything; for one system
    // or assessment, the assessments first and then only their rating sets). Everything's rating
    // sets are read in key ranges of SETS_PER_READ, each asked for as soon as the keys are known
    // and taken in order as it arrives, so the ratings are made into the file while the rest is
    // still being read.
    const setReads = all
      ? db.ratingSets
          .toCollection()
          .primaryKeys()
          .then((setKeys) => {
            const reads: Promise<RatingSetRecord[]>[] = [];
            for (let start = 0; start < setKeys.length; start += SETS_PER_READ) {
              const last = setKeys[Math.min(start + SETS_PER_READ, setKeys.length) - 1]!;
              reads.push(
                db.ratingSets.where(':id').between(setKeys[start]!, last, true, true).toArray(),
              );
            }
            return reads;
          })
      : null;
    const [assessments, targets, actions, workshops, family] = await Promise.all([
      scope.kind === 'assessment'
        ? db.assessments.get(scope.id).then((a) => (a ? [a] : []))
        : db.assessments.toArray(),
      db.targets.toArray(),
      db.actions.toArray(),
      db.workshops.toArray(),
      all ? readWholeFamily(db) : null,
    ]);
    const own =
      scope.kind === 'system'
        ? assessments.filter((a) => systemKey(a.systemName) === scope.systemKey)
        : assessments;
    const ids = new Set(own.map((a) => a.id));
    const keys = new Set(own.map((a) => systemKey(a.systemName)));
    const reads = setReads
      ? await setReads
      : [
          readRatingSets(
            db,
            [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
          ).then((sets) => [...sets.values()]),
        ];
    // Ratings of an assessment not in the backup (none is ever stored) stay out, as before.
    const ratings: RatingRecord[] = [];
    const take = options.onRatings ?? ((part: RatingRecord[]) => void ratings.push(...part));
    for (const read of reads) {
      const part: RatingRecord[] = [];
      for (const set of await read) if (ids.has(set.assessmentId)) part.push(...set.ratings);
      if (part.length > 0) take(part);
    }
    const byKey = <T extends { systemKey: string }>(rows: T[]): T[] =>
      all ? rows : rows.filter((r) => keys.has(r.systemKey));
    const byId = <T extends { id: string }>(rows: T[]): T[] =>
      rows.sort((a, b) => a.id.localeCompare(b.id));
    const ownWorkshops = byId(workshops.filter((w) => ids.has(w.assessmentId)));
    const workshopIds = new Set(ownWorkshops.map((w) => w.id));
    const ofOwnWorkshops = <T extends { workshopId: string }>(rows: T[]): T[] =>
      rows.filter((r) => workshopIds.has(r.workshopId));
    const found = family
      ? {
          participants: ofOwnWorkshops(family.participants),
          individualRatings: ofOwnWorkshops(family.individualRatings),
          agreements: ofOwnWorkshops(family.agreements),
          responseFiles: ofOwnWorkshops(family.responseFiles),
        }
      : await readWorkshopFamily(db, [...workshopIds]);
    return {
      assessments: byId(own),
      ratings,
      targets: byId(byKey(targets)),
      actions: byId(byKey(actions)),
      workshops: ownWorkshops,
      participants: byId(found.participants),
      individualRatings: found.individualRatings.sort(
        (a, b) =>
          a.workshopId.localeCompare(b.workshopId) ||
          a.participantId.localeCompare(b.participantId) ||
          a.criterionId.localeCompare(b.criterionId),
      ),
      agreements: found.agreements.sort(
        (a, b) =>
          a.workshopId.localeCompare(b.workshopId) || a.criterionId.localeCompare(b.criterionId),
      ),
      responseFiles: found.responseFiles.sort(
        (a, b) =>
          a.workshopId.localeCompare(b.workshopId) ||
          a.participantId.localeCompare(b.participantId),
      ),
    };
  });
}

/** Every record of the workshop tables' families (for a backup of everything). */
async function readWholeFamily(db: IcsDatabase): Promise<WorkshopFamily> {
  const [participants, individualRatings, agreements, responseFiles] = await Promise.all([
    db.participants.toArray(),
    db.individualRatings.toArray(),
    db.agreements.toArray(),
    db.responseFiles.toArray(),
  ]);
  return { participants, individualRatings, agreements, responseFiles };
}

function backupTables(db: IcsDatabase) {
  return [db.assessments, db.ratingSets, db.targets, db.actions, ...workshopTables(db)] as const;
}

/** How far a restore's write has got: records written of all it writes. */
export type WriteProgress = { done: number; total: number };

/**
 * Records per bulk write (a rating set counts as its ratings): large enough that the per-call cost
 * vanishes, small enough that the progress moves (and the browser can draw it) several times a
 * second.
 */
export const WRITE_CHUNK = 1_000;

/**
 * The stored rating sets of `ids` that exist: the keys of the table are read first (one request,
 * no values), then only the sets that are there, so restoring into an empty table reads nothing.
 */
async function storedSetsAmong(
  db: IcsDatabase,
  ids: readonly string[],
): Promise<Map<string, RatingSetRecord>> {
  const stored = new Set(await db.ratingSets.toCollection().primaryKeys());
  return readRatingSets(
    db,
    ids.filter((id) => stored.has(id)),
  );
}

/**
 * Writes a planned import (`planImport` in src/domain/backup/import-plan.ts): every record is put
 * by its key, table by table in bulk; the ratings go into their assessments' rating sets, each
 * replacing the stored rating of its criterion. Nothing is deleted: records this device has and the
 * plan does not name stay as they are (a stored rating of a criterion the file does not have
 * stays in its set). All or nothing: one read-write transaction, so a failure part-way (the quota,
 * a record storage refuses) leaves every table as it was. `onProgress` is told how many of the
 * plan's records are written (in order, from 0 to the total) while the transaction runs.
 */
export async function writeImport(
  data: BackupData,
  onProgress?: (progress: WriteProgress) => void,
): Promise<void> {
  const db = getDb();
  const total = RECORD_KINDS.reduce((sum, table) => sum + data[table].length, 0);
  let done = 0;
  onProgress?.({ done, total });
  // Two bulk writes in flight: storage works through one while the next is handed to it, so
  // neither waits for the other; progress is told as each one lands (they land in order).
  let previous: Promise<void> = Promise.resolve();
  const putAll = async <T, K, I>(
    table: Table<T, K, I>,
    rows: readonly I[],
    /** How many of the plan's records row `index` holds (1 each unless said). */
    weight: (index: number) => number = () => 1,
  ): Promise<void> => {
    for (let start = 0; start < rows.length;) {
      // Rows up to WRITE_CHUNK records' weight (at least one row).
      let end = start;
      let records = 0;
      do records += weight(end++);
      while (end < rows.length && records + weight(end) <= WRITE_CHUNK);
      const chunk = rows.slice(start, end);
      start = end;
      const current = table.bulkPut(chunk).then(() => {
        done += records;
        onProgress?.({ done, total });
      });
      // Its failure aborts the transaction either way; this only keeps it from going unhandled
      // when the write before it failed first.
      current.catch(() => undefined);
      await previous;
      previous = current;
    }
  };
  // The backed-up tables and what is derived from them (each table once).
  const tables = [...new Set([...backupTables(db), ...summaryTables(db)])];
  await db.transaction('rw', tables, async () => {
    const incoming = groupRatings(data.ratings);
    const stored = await storedSetsAmong(
      db,
      incoming.map((s) => s.assessmentId),
    );
    const ratingSets = incoming.map((set) =>
      mergeIntoSet(set.assessmentId, stored.get(set.assessmentId), set.ratings),
    );
    // A set weighs the plan's ratings in it (not those already stored), so the progress ends at
    // the plan's total.
    await putAll(db.assessments, data.assessments);
    await putAll(db.ratingSets, ratingSets, (index) => incoming[index]!.ratings.length);
    await putAll(db.targets, data.targets);
    await putAll(db.actions, data.actions);
    await putAll(db.workshops, data.workshops);
    await putAll(db.participants, data.participants);
    await putAll(db.individualRatings, data.individualRatings);
    await putAll(db.agreements, data.agreements);
    await putAll(db.responseFiles, data.responseFiles);
    await previous;
    // Anything derived from these records is refreshed here, inside the same transaction (and
    // added to its tables above), so it can never disagree with them.
    await refreshSummaries(
      db,
      [...data.assessments.map((a) => a.id), ...ratingSets.map((s) => s.assessmentId)],
      { assessments: data.assessments, ratingSets },
    );
  });
  // Only when something was put: a restore that added nothing leaves an empty device empty.
  if (data.assessments.length > 0 || data.workshops.length > 0) {
    rememberStoredData();
    // A notice that the browser lost the assessments has been answered by this restore.
    endLostDataNotice();
  }
}

const LAST_BACKUP = 'lastBackupAt';
const SNOOZED_UNTIL = 'backupReminderSnoozedUntil';

export async function readBackupStatus(): Promise<BackupStatus> {
  const db = getDb();
  return db.transaction('r', [db.assessments, db.targets, db.actions, db.settings], async () => {
    const [lastBackup, snoozed, assessment, target, action] = await Promise.all([
      db.settings.get(LAST_BACKUP),
      db.settings.get(SNOOZED_UNTIL),
      db.assessments.orderBy('updatedAt').last(),
      db.targets.toArray(),
      db.actions.toArray(),
    ]);
    const changes = [
      assessment?.updatedAt,
      ...target.map((t) => t.updatedAt),
      ...action.map((a) => a.updatedAt),
    ].filter((t): t is number => typeof t === 'number');
    return {
      lastBackupAt: typeof lastBackup?.value === 'number' ? lastBackup.value : null,
      lastChangeAt: changes.length > 0 ? Math.max(...changes) : null,
      snoozedUntil: typeof snoozed?.value === 'number' ? snoozed.value : null,
    };
  });
}

export async function recordBackupMade(at: number): Promise<void> {
  await getDb().settings.put({ key: LAST_BACKUP, value: at });
}

export async function snoozeBackupReminder(until: number): Promise<void> {
  await getDb().settings.put({ key: SNOOZED_UNTIL, value: until });
}
