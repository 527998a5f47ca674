import type { Assessment, AssessmentField, Rating, RatingField } from '@/domain/assessment';

/**
 * Every schema version ever shipped, in order. Dexie index declarations only: fields that are not
 * indexed need no declaration. NEVER edit a shipped entry: add a new version (see
 * CONTRIBUTING.md, "Adding a database migration") and keep a golden fixture of it under
 * test/fixtures/db/ for ever.
 */
export const SCHEMAS = {
  1: {
    assessments: 'id, systemName, asAt, updatedAt',
    ratings: '[assessmentId+criterionId], assessmentId',
    settings: 'key',
  },
} as const;

export const CURRENT_SCHEMA_VERSION = 1;

/** Per-field edit times: a write only lands on a field whose stored time is not newer. */
export type Stamps<F extends string> = Partial<Record<F, number>>;

export type AssessmentRecord = Assessment & { stamps: Stamps<AssessmentField> };
export type RatingRecord = Rating & { stamps: Stamps<RatingField> };
export type SettingRecord = { key: string; value: unknown };

/** A whole database as plain data: the shape of golden fixtures and of migration transforms. */
export type DatabaseDump = {
  schemaVersion: number;
  tables: {
    assessments: AssessmentRecord[];
    ratings: RatingRecord[];
    settings: SettingRecord[];
  };
};
