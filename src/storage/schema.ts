import type { Assessment, AssessmentField, Rating, RatingField } from '@/domain/assessment';
import type { PlanAction, StoredTarget } from '@/domain/plan';

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
  // v2: targets and development-plan actions, per system (issue 4). New tables only.
  2: {
    assessments: 'id, systemName, asAt, updatedAt',
    ratings: '[assessmentId+criterionId], assessmentId',
    settings: 'key',
    targets: 'id, systemKey',
    actions: 'id, systemKey, dueDate',
  },
} as const;

export const CURRENT_SCHEMA_VERSION = 2;

/** Per-field edit times: a write only lands on a field whose stored time is not newer. */
export type Stamps<F extends string> = Partial<Record<F, number>>;

export type AssessmentRecord = Assessment & { stamps: Stamps<AssessmentField> };
export type RatingRecord = Rating & { stamps: Stamps<RatingField> };
export type SettingRecord = { key: string; value: unknown };
export type TargetRecord = StoredTarget;
export type ActionRecord = PlanAction;

/** A whole database as plain data: the shape of golden fixtures and of migration transforms. */
export type DatabaseDump = {
  schemaVersion: number;
  tables: {
    assessments: AssessmentRecord[];
    ratings: RatingRecord[];
    settings: SettingRecord[];
    /** From v2. */
    targets?: TargetRecord[];
    /** From v2. */
    actions?: ActionRecord[];
  };
};
