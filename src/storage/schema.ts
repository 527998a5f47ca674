import type { AssessmentStatus } from '@/domain/assessment-status';
import type {
  ActionRecord,
  AgreementRecord,
  AssessmentRecord,
  IndividualRatingRecord,
  ParticipantRecord,
  RatingRecord,
  ResponseFileRecord,
  Stamps,
  TargetRecord,
  WorkshopRecord,
} from '@/domain/records';
import type { Snapshot } from '@/domain/regional/snapshot';
import type { Participant } from '@/domain/workshop/participants';
import type { IndividualRating } from '@/domain/workshop/spread';
import type { Edit } from './edits';

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
  // v2: targets and development-plan actions, per system. New tables only.
  2: {
    assessments: 'id, systemName, asAt, updatedAt',
    ratings: '[assessmentId+criterionId], assessmentId',
    settings: 'key',
    targets: 'id, systemKey',
    actions: 'id, systemKey, dueDate',
  },
  // v3: workshops. New tables only.
  3: {
    assessments: 'id, systemName, asAt, updatedAt',
    ratings: '[assessmentId+criterionId], assessmentId',
    settings: 'key',
    targets: 'id, systemKey',
    actions: 'id, systemKey, dueDate',
    workshops: 'id, assessmentId',
    participants: 'id, workshopId',
    individualRatings: '[workshopId+participantId+criterionId], workshopId',
    agreements: '[workshopId+criterionId], workshopId',
    responseFiles: '[workshopId+participantId], workshopId',
  },
  // v4: workshops this device joined as a participant (own-device rating). New table only.
  4: {
    assessments: 'id, systemName, asAt, updatedAt',
    ratings: '[assessmentId+criterionId], assessmentId',
    settings: 'key',
    targets: 'id, systemKey',
    actions: 'id, systemKey, dueDate',
    workshops: 'id, assessmentId',
    participants: 'id, workshopId',
    individualRatings: '[workshopId+participantId+criterionId], workshopId',
    agreements: '[workshopId+criterionId], workshopId',
    responseFiles: '[workshopId+participantId], workshopId',
    joinedWorkshops: 'workshopId, joinedAt',
  },
  // v5: a durable autosave journal (edits not yet written, survives a killed browser) and drafts
  // of forms not yet submitted. New tables only.
  5: {
    assessments: 'id, systemName, asAt, updatedAt',
    ratings: '[assessmentId+criterionId], assessmentId',
    settings: 'key',
    targets: 'id, systemKey',
    actions: 'id, systemKey, dueDate',
    workshops: 'id, assessmentId',
    participants: 'id, workshopId',
    individualRatings: '[workshopId+participantId+criterionId], workshopId',
    agreements: '[workshopId+criterionId], workshopId',
    responseFiles: '[workshopId+participantId], workshopId',
    joinedWorkshops: 'workshopId, joinedAt',
    journal: 'key',
    drafts: 'form',
  },
  // v6: each assessment stores its status (draft, agreed, approved) and a history of its changes.
  // No new index; the migration makes every existing assessment a draft.
  6: {
    assessments: 'id, systemName, asAt, updatedAt',
    ratings: '[assessmentId+criterionId], assessmentId',
    settings: 'key',
    targets: 'id, systemKey',
    actions: 'id, systemKey, dueDate',
    workshops: 'id, assessmentId',
    participants: 'id, workshopId',
    individualRatings: '[workshopId+participantId+criterionId], workshopId',
    agreements: '[workshopId+criterionId], workshopId',
    responseFiles: '[workshopId+participantId], workshopId',
    joinedWorkshops: 'workshopId, joinedAt',
    journal: 'key',
    drafts: 'form',
  },
  // v7: a summary per assessment (how many criteria are assessed), derived from its ratings and
  // kept in the same transaction as every write of them, so lists never read the ratings. New
  // table only; the migration builds it from the ratings. Not part of backups.
  7: {
    assessments: 'id, systemName, asAt, updatedAt',
    ratings: '[assessmentId+criterionId], assessmentId',
    settings: 'key',
    targets: 'id, systemKey',
    actions: 'id, systemKey, dueDate',
    workshops: 'id, assessmentId',
    participants: 'id, workshopId',
    individualRatings: '[workshopId+participantId+criterionId], workshopId',
    agreements: '[workshopId+criterionId], workshopId',
    responseFiles: '[workshopId+participantId], workshopId',
    joinedWorkshops: 'workshopId, joinedAt',
    journal: 'key',
    drafts: 'form',
    assessmentSummaries: 'assessmentId',
  },
  // v8: an assessment's ratings are stored as one record (`ratingSets`, keyed by the assessment),
  // not one record per criterion: a restore of 1,000 assessments writes 1,000 records instead of
  // 24,000. `ratings` is dropped once the migration has moved its records. Each summary also holds
  // what a row of the assessments list shows, with an index by system and date, and a summary per
  // system (`systemSummaries`) holds its count and its newest rows, so the list reads one record
  // per system. The migration builds the three tables from the ratings.
  8: {
    assessments: 'id, systemName, asAt, updatedAt',
    ratings: null,
    ratingSets: 'assessmentId',
    settings: 'key',
    targets: 'id, systemKey',
    actions: 'id, systemKey, dueDate',
    workshops: 'id, assessmentId',
    participants: 'id, workshopId',
    individualRatings: '[workshopId+participantId+criterionId], workshopId',
    agreements: '[workshopId+criterionId], workshopId',
    responseFiles: '[workshopId+participantId], workshopId',
    joinedWorkshops: 'workshopId, joinedAt',
    journal: 'key',
    drafts: 'form',
    assessmentSummaries: 'assessmentId, systemKey, [systemKey+asAt+createdAt]',
    systemSummaries: 'systemKey',
  },
  // v9: regional snapshots this device imported (issue 16, item 5): results other systems
  // published, keyed by system, date described and publication. New table only.
  9: {
    assessments: 'id, systemName, asAt, updatedAt',
    ratings: null,
    ratingSets: 'assessmentId',
    settings: 'key',
    targets: 'id, systemKey',
    actions: 'id, systemKey, dueDate',
    workshops: 'id, assessmentId',
    participants: 'id, workshopId',
    individualRatings: '[workshopId+participantId+criterionId], workshopId',
    agreements: '[workshopId+criterionId], workshopId',
    responseFiles: '[workshopId+participantId], workshopId',
    joinedWorkshops: 'workshopId, joinedAt',
    journal: 'key',
    drafts: 'form',
    assessmentSummaries: 'assessmentId, systemKey, [systemKey+asAt+createdAt]',
    systemSummaries: 'systemKey',
    snapshots: 'id, systemKey',
  },
} as const;

export const CURRENT_SCHEMA_VERSION = 9;

/**
 * The records of the tables a backup holds are defined once, with the backup's validation, in
 * src/domain/records.ts; these names are kept for the storage code.
 */
export type {
  ActionRecord,
  AgreementRecord,
  AssessmentRecord,
  IndividualRatingRecord,
  ParticipantRecord,
  RatingRecord,
  ResponseFileRecord,
  Stamps,
  TargetRecord,
  WorkshopRecord,
} from '@/domain/records';
export type SettingRecord = { key: string; value: unknown };

/**
 * A workshop this device joined as a participant, with this participant's own ratings. The
 * facilitator never sees this record: the participant exports a response file from it.
 */
export type JoinedWorkshopRecord = {
  /** The workshop's id (joined with the invitation file) or its workshop key (joined by code). */
  workshopId: string;
  joinedBy: 'invitation' | 'code';
  /** Empty when joined by code: the code carries no title or date. */
  title: string;
  /** The facilitator's label for the join code ("NORTH"), when joined by a code that has one. */
  label?: string;
  date: string;
  facilitator: string;
  frameworkId: string;
  frameworkVersion: string;
  /** Criteria to rate, in framework order. */
  criterionIds: string[];
  participant: Participant;
  ratings: { criterionId: string; level: IndividualRating['level']; note: string }[];
  joinedAt: number;
  updatedAt: number;
  /** When the last response file was made; null before the first. */
  exportedAt: number | null;
  /** Per-rating, per-field edit times, `<criterionId>:level|note` (v5; absent on older records). */
  stamps?: Stamps<string>;
  /**
   * Round 2 (issue 12), once this participant typed the facilitator's round 2 code: the criteria
   * to re-rate and their round 2 votes (levels only). Absent: no round 2 here.
   */
  round2?: {
    criterionIds: string[];
    /** `note`: the round 2 note for the room (absent on older records: none). */
    ratings: { criterionId: string; level: IndividualRating['level']; note?: string }[];
    startedAt: number;
  };
};

/** An autosaved edit not yet confirmed written, kept so that a killed browser loses nothing. */
export type JournalRecord = { key: string; edit: Edit };

/** What was typed into a form that has not been submitted yet. */
export type DraftRecord = {
  form: string;
  values: Record<string, string>;
  stamps: Stamps<string>;
  updatedAt: number;
};

/**
 * Every rating of one assessment, as one record (v8; before, one `ratings` record each). The
 * ratings are `RatingRecord`s exactly as a backup holds them, ordered by `criterionId` (as the
 * old table's key ordered them); an assessment with no rating has no set.
 */
export type RatingSetRecord = {
  assessmentId: string;
  ratings: RatingRecord[];
};

/** The v7 summary: only the count (kept for the v7 fixtures and migration). */
export type AssessmentSummaryV7 = {
  assessmentId: string;
  assessedCount: number;
};

/**
 * What the lists show of an assessment, without reading the assessment or its ratings (v7: the
 * count; v8: everything a row shows). Derived: rebuilt from the assessment and its rating set by
 * `refreshSummaries` (./assessment-summaries.ts) in every transaction that writes either, and
 * never backed up.
 */
export type AssessmentSummaryRecord = {
  assessmentId: string;
  /** `systemKey(systemName)` (src/domain/system-key.ts): the list groups and finds by it. */
  systemKey: string;
  systemName: string;
  title: string;
  asAt: string;
  createdAt: number;
  updatedAt: number;
  status: AssessmentStatus;
  /** Ratings of the assessment with a level (not "not assessed"). */
  assessedCount: number;
};

/**
 * A system as the assessments list shows it before "Show all" (v8): how many assessments it has and
 * its newest few, so the list reads one record per system. Derived from the assessment summaries by
 * `refreshSummaries` in the same transaction, and never backed up.
 */
export type SystemSummaryRecord = {
  /** `systemKey` of its assessments. */
  systemKey: string;
  /** As its newest assessment spells it. */
  systemName: string;
  /** How many assessments the system has (at least 1: a system with none has no record). */
  count: number;
  /** Its newest `NEWEST_PER_SYSTEM` summaries (./assessment-summaries.ts), newest first. */
  newest: AssessmentSummaryRecord[];
};

/**
 * A regional snapshot this device imported (v9): a file another system published (or this one),
 * as read and checked by `readSnapshot` (src/domain/regional/snapshot.ts). `id` is its
 * `snapshotId` (system key, date described, publication), so the same file imported twice is one
 * record.
 */
export type SnapshotRecord = {
  id: string;
  systemKey: string;
  snapshot: Snapshot;
  importedAt: number;
};

/** A whole database as plain data: the shape of golden fixtures and of migration transforms. */
export type DatabaseDump = {
  schemaVersion: number;
  tables: {
    assessments: AssessmentRecord[];
    /** Up to v7. */
    ratings?: RatingRecord[];
    settings: SettingRecord[];
    /** From v2. */
    targets?: TargetRecord[];
    /** From v2. */
    actions?: ActionRecord[];
    /** From v3. */
    workshops?: WorkshopRecord[];
    participants?: ParticipantRecord[];
    individualRatings?: IndividualRatingRecord[];
    agreements?: AgreementRecord[];
    responseFiles?: ResponseFileRecord[];
    /** From v4. */
    joinedWorkshops?: JoinedWorkshopRecord[];
    /** From v5. */
    journal?: JournalRecord[];
    drafts?: DraftRecord[];
    /** From v7 (v7: `AssessmentSummaryV7`). */
    assessmentSummaries?: (AssessmentSummaryRecord | AssessmentSummaryV7)[];
    /** From v8. */
    ratingSets?: RatingSetRecord[];
    systemSummaries?: SystemSummaryRecord[];
    /** From v9. */
    snapshots?: SnapshotRecord[];
  };
};
