/**
 * Data migrations between schema versions. Each entry is pure and unit-tested against
 * before/after fixtures in test/fixtures/db/migrations/. The Dexie upgrade in ../db.ts only calls
 * `upgradeRecord`; it never holds migration logic itself.
 *
 * Schema v1 is the first shipped version, so there is nothing to migrate yet. The first entry
 * will look like:
 *   { toVersion: 2, tables: ['assessments'], upgradeRecord: (table, r) => ({ ...r, status: 'draft' }) }
 */
export type TableName = 'assessments' | 'ratings' | 'settings';

export type Migration = {
  toVersion: number;
  tables: readonly TableName[];
  /** Must not mutate its input; returns the record as the new version stores it. */
  upgradeRecord: (table: TableName, record: Record<string, unknown>) => Record<string, unknown>;
};

export const MIGRATIONS: readonly Migration[] = [];
