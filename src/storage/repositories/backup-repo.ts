import type { BackupData } from '@/domain/backup/backup-format';
import type { BackupStatus } from '@/domain/backup/reminder';
import { systemKey } from '@/domain/system-key';
import { refreshSummaries } from '../assessment-summaries';
import { getDb, type IcsDatabase } from '../db';
import { endLostDataNotice, rememberStoredData } from '../lost-data';
import { putWorkshops, readWorkshopFamily, workshopTables } from './workshop-family';

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

/**
 * Writes a planned import (`planImport` in src/domain/backup/import-plan.ts): every record is put
 * by its key. Nothing is deleted: records this device has and the plan does not name stay as they
 * are. All or nothing.
 */
export async function writeImport(
  data: BackupData,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const db = getDb();
  const total =
    data.assessments.length + data.ratings.length + data.targets.length + data.actions.length;
  await db.transaction('rw', [...backupTables(db), db.assessmentSummaries], async () => {
    await db.assessments.bulkPut(data.assessments);
    onProgress?.(data.assessments.length, total);
    await db.ratings.bulkPut(data.ratings);
    onProgress?.(data.assessments.length + data.ratings.length, total);
    await db.targets.bulkPut(data.targets);
    await db.actions.bulkPut(data.actions);
    await putWorkshops(db, data);
    // Derived, not backed up: rebuilt for every assessment the import touched.
    await refreshSummaries(db, [
      ...data.assessments.map((a) => a.id),
      ...data.ratings.map((r) => r.assessmentId),
    ]);
    onProgress?.(total, total);
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
