import type { BackupData } from '@/domain/backup/backup-format';
import { RECORD_KINDS } from '@/domain/backup/record-kinds';
import type { BackupStatus } from '@/domain/backup/reminder';
import type { Table } from 'dexie';
import { systemKey } from '@/domain/system-key';
import { refreshSummaries } from '../assessment-summaries';
import { getDb, type IcsDatabase } from '../db';
import { endLostDataNotice, rememberStoredData } from '../lost-data';
import { readWorkshopFamily, workshopTables } from './workshop-family';

/**
 * Reads and writes whole data sets for backups and CSV. Restores happen in one transaction: a
 * failure part-way leaves the database exactly as it was.
 */
export type BackupScope =
  { kind: 'all' } | { kind: 'system'; systemKey: string } | { kind: 'assessment'; id: string };

export async function readBackupData(scope: BackupScope = { kind: 'all' }): Promise<BackupData> {
  const db = getDb();
  return db.transaction('r', [...backupTables(db)], async () => {
    let assessments = await db.assessments.toArray();
    if (scope.kind === 'system')
      assessments = assessments.filter((a) => systemKey(a.systemName) === scope.systemKey);
    if (scope.kind === 'assessment') assessments = assessments.filter((a) => a.id === scope.id);
    const ids = new Set(assessments.map((a) => a.id));
    const keys = new Set(assessments.map((a) => systemKey(a.systemName)));
    const all = scope.kind === 'all';
    const [ratings, targets, actions, workshops] = await Promise.all([
      db.ratings.toArray(),
      db.targets.toArray(),
      db.actions.toArray(),
      db.workshops.toArray(),
    ]);
    const byKey = <T extends { systemKey: string }>(rows: T[]): T[] =>
      all ? rows : rows.filter((r) => keys.has(r.systemKey));
    const byId = <T extends { id: string }>(rows: T[]): T[] =>
      rows.sort((a, b) => a.id.localeCompare(b.id));
    const ownWorkshops = byId(workshops.filter((w) => ids.has(w.assessmentId)));
    const family = await readWorkshopFamily(
      db,
      ownWorkshops.map((w) => w.id),
    );
    return {
      assessments: byId(assessments),
      ratings: ratings
        .filter((r) => ids.has(r.assessmentId))
        .sort(
          (a, b) =>
            a.assessmentId.localeCompare(b.assessmentId) ||
            a.criterionId.localeCompare(b.criterionId),
        ),
      targets: byId(byKey(targets)),
      actions: byId(byKey(actions)),
      workshops: ownWorkshops,
      participants: byId(family.participants),
      individualRatings: family.individualRatings.sort(
        (a, b) =>
          a.workshopId.localeCompare(b.workshopId) ||
          a.participantId.localeCompare(b.participantId) ||
          a.criterionId.localeCompare(b.criterionId),
      ),
      agreements: family.agreements.sort(
        (a, b) =>
          a.workshopId.localeCompare(b.workshopId) || a.criterionId.localeCompare(b.criterionId),
      ),
      responseFiles: family.responseFiles.sort(
        (a, b) =>
          a.workshopId.localeCompare(b.workshopId) ||
          a.participantId.localeCompare(b.participantId),
      ),
    };
  });
}

function backupTables(db: IcsDatabase) {
  return [db.assessments, db.ratings, db.targets, db.actions, ...workshopTables(db)] as const;
}

/** How far a restore's write has got: records written of all it writes. */
export type WriteProgress = { done: number; total: number };

/**
 * Records per bulk write: large enough that the per-call cost vanishes, small enough that the
 * progress moves (and the browser can draw it) several times a second.
 */
export const WRITE_CHUNK = 1_000;

/**
 * Writes a planned import (`planImport` in src/domain/backup/import-plan.ts): every record is put
 * by its key, table by table in bulk. Nothing is deleted: records this device has and the plan
 * does not name stay as they are. All or nothing: one read-write transaction, so a failure part-way
 * (the quota, a record storage refuses) leaves every table as it was. `onProgress` is told how many
 * records are written (in order, from 0 to the total) while the transaction runs.
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
  const putAll = async <T, K, I>(table: Table<T, K, I>, rows: readonly I[]): Promise<void> => {
    for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
      const chunk = rows.slice(start, start + WRITE_CHUNK);
      const current = table.bulkPut(chunk).then(() => {
        done += chunk.length;
        onProgress?.({ done, total });
      });
      // Its failure aborts the transaction either way; this only keeps it from going unhandled
      // when the write before it failed first.
      current.catch(() => undefined);
      await previous;
      previous = current;
    }
  };
  await db.transaction('rw', [...backupTables(db), db.assessmentSummaries], async () => {
    await putAll(db.assessments, data.assessments);
    await putAll(db.ratings, data.ratings);
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
      [...data.assessments.map((a) => a.id), ...data.ratings.map((r) => r.assessmentId)],
      data.ratings,
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
  return db.transaction(
    'r',
    [db.assessments, db.ratings, db.targets, db.actions, db.settings],
    async () => {
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
    },
  );
}

export async function recordBackupMade(at: number): Promise<void> {
  await getDb().settings.put({ key: LAST_BACKUP, value: at });
}

export async function snoozeBackupReminder(until: number): Promise<void> {
  await getDb().settings.put({ key: SNOOZED_UNTIL, value: until });
}
