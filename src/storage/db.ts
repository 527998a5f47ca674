import Dexie, { type EntityTable, type Table } from 'dexie';
import { derivations, MIGRATIONS, type TableRows } from './migrations';
import {
  SCHEMAS,
  type ActionRecord,
  type AssessmentRecord,
  type AssessmentSummaryRecord,
  type RatingSetRecord,
  type SettingRecord,
  type SnapshotRecord,
  type SystemSummaryRecord,
  type TargetRecord,
  type AgreementRecord,
  type IndividualRatingRecord,
  type ParticipantRecord,
  type JoinedWorkshopRecord,
  type JournalRecord,
  type DraftRecord,
  type ResponseFileRecord,
  type WorkshopRecord,
} from './schema';

/**
 * The one module that opens IndexedDB. It declares every schema version in order and hands each
 * upgrade to a pure transform in ./migrations.
 *
 * WARNING: DB_NAME is where every user's answers live. Renaming it orphans all of their data.
 */
export const DB_NAME = 'ics-maturity';

export class IcsDatabase extends Dexie {
  assessments!: EntityTable<AssessmentRecord, 'id'>;
  /** Every rating of an assessment as one record (v8; the `ratings` table before). */
  ratingSets!: EntityTable<RatingSetRecord, 'assessmentId'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  targets!: EntityTable<TargetRecord, 'id'>;
  actions!: EntityTable<ActionRecord, 'id'>;
  workshops!: EntityTable<WorkshopRecord, 'id'>;
  participants!: EntityTable<ParticipantRecord, 'id'>;
  individualRatings!: Table<IndividualRatingRecord, [string, string, string]>;
  agreements!: Table<AgreementRecord, [string, string]>;
  responseFiles!: Table<ResponseFileRecord, [string, string]>;
  joinedWorkshops!: EntityTable<JoinedWorkshopRecord, 'workshopId'>;
  journal!: EntityTable<JournalRecord, 'key'>;
  drafts!: EntityTable<DraftRecord, 'form'>;
  /** Derived from assessments and their ratings (v7, v8); see ./assessment-summaries.ts. */
  assessmentSummaries!: EntityTable<AssessmentSummaryRecord, 'assessmentId'>;
  /** Derived from the assessment summaries (v8); see ./assessment-summaries.ts. */
  systemSummaries!: EntityTable<SystemSummaryRecord, 'systemKey'>;
  /** Regional snapshots imported on this device (v9); see ./repositories/snapshots-repo.ts. */
  snapshots!: EntityTable<SnapshotRecord, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
    for (const [version, stores] of Object.entries(SCHEMAS)) {
      const declared = this.version(Number(version)).stores(stores);
      const migration = MIGRATIONS.find((m) => m.toVersion === Number(version));
      if (migration) {
        declared.upgrade(async (tx) => {
          for (const tableName of migration.tables) {
            await tx
              .table(tableName)
              .toCollection()
              .modify((record: Record<string, unknown>, ref) => {
                ref.value = migration.upgradeRecord(tableName, record);
              });
          }
          // Each derived table is built whole (replacing anything in it), from its sources as
          // upgraded above or as built by the derivation before it (kept in memory, not re-read).
          const built: TableRows = {};
          for (const derive of derivations(migration)) {
            const sources = Object.fromEntries(
              await Promise.all(
                derive.sources.map(async (name) => [
                  name,
                  built[name] ?? (await tx.table(name).toArray()),
                ]),
              ),
            ) as TableRows;
            const rows = derive.build(sources);
            await tx.table(derive.table).clear();
            await tx.table(derive.table).bulkPut(rows);
            built[derive.table] = rows;
          }
        });
      }
    }
  }
}

let instance: IcsDatabase | null = null;

export function getDb(): IcsDatabase {
  instance ??= new IcsDatabase();
  return instance;
}

/** Tests: point the storage layer at a fresh, uniquely named database. */
export function openFreshTestDatabase(): IcsDatabase {
  instance?.close();
  instance = new IcsDatabase(`${DB_NAME}-test-${crypto.randomUUID()}`);
  return instance;
}
