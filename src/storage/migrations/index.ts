/**
 * Data migrations between schema versions. Each entry is pure and unit-tested against
 * before/after fixtures in test/fixtures/db/migrations/. The Dexie upgrade in ../db.ts only calls
 * `upgradeRecord`; it never holds migration logic itself.
 *
 * v1 → v2 adds `targets` and `actions`; v2 → v3 adds the five workshop tables; v3 → v4 adds
 * `joinedWorkshops`; v4 → v5 adds `journal` and `drafts`. None changes a record: Dexie creates the tables, and the golden fixture tests prove older data opens
 * unchanged. An entry that
 * changes records looks like:
 *   { toVersion: 2, tables: ['assessments'], upgradeRecord: (table, r) => ({ ...r, status: 'draft' }) }
 */
export type TableName =
  | 'assessments'
  | 'ratings'
  | 'settings'
  | 'targets'
  | 'actions'
  | 'workshops'
  | 'participants'
  | 'individualRatings'
  | 'agreements'
  | 'responseFiles'
  | 'joinedWorkshops'
  | 'journal'
  | 'drafts';

export type Migration = {
  toVersion: number;
  tables: readonly TableName[];
  /** Must not mutate its input; returns the record as the new version stores it. */
  upgradeRecord: (table: TableName, record: Record<string, unknown>) => Record<string, unknown>;
};

export const MIGRATIONS: readonly Migration[] = [];
