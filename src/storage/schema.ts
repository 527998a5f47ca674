import type { Assessment, AssessmentField, Rating, RatingField } from '@/domain/assessment';
import type { PlanAction, StoredTarget } from '@/domain/plan';
import type { ResponseFile } from '@/domain/workshop/response-file';
import type { Agreement } from '@/domain/workshop/agreement';
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
} as const;

export const CURRENT_SCHEMA_VERSION = 5;

/** Per-field edit times: a write only lands on a field whose stored time is not newer. */
export type Stamps<F extends string> = Partial<Record<F, number>>;

export type AssessmentRecord = Assessment & { stamps: Stamps<AssessmentField> };
/**
 * Evidence items carry their own stamps, `evidence:<itemId>:text|url|removed`, so that items are
 * merged one by one (v5; older records have an `evidence` stamp for the whole list).
 */
export type RatingRecord = Rating & { stamps: Stamps<RatingField | `evidence:${string}`> };
export type SettingRecord = { key: string; value: unknown };
export type TargetRecord = StoredTarget;
export type ActionRecord = PlanAction;
export type WorkshopRecord = {
  id: string;
  assessmentId: string;
  title: string;
  /** ISO date of the session. */
  date: string;
  facilitator: string;
  /** Hide who rated what in every view. */
  isAnonymous: boolean;
  /** Criteria in scope, in framework order. */
  criterionIds: string[];
  createdAt: number;
  updatedAt: number;
};
export type ParticipantRecord = Participant & {
  workshopId: string;
  joinedVia: 'this-device' | 'response-file';
  createdAt: number;
};
export type IndividualRatingRecord = IndividualRating & {
  workshopId: string;
  ratedAt: number;
  /** Per-field edit times of autosaved fields (v5; absent on older records). */
  stamps?: Stamps<'level' | 'note'>;
};
export type AgreementRecord = Agreement & {
  workshopId: string;
  agreedAt: number;
  /** Per-field edit times of autosaved fields (v5; absent on older records). */
  stamps?: Stamps<'rationale' | 'dissent'>;
};
/** The last response file imported per participant: what makes imports idempotent. */
export type ResponseFileRecord = {
  workshopId: string;
  participantId: string;
  content: ResponseFile;
};

/**
 * A workshop this device joined as a participant, with this participant's own ratings. The
 * facilitator never sees this record: the participant exports a response file from it.
 */
export type JoinedWorkshopRecord = {
  /** The workshop's id (joined with the invitation file) or its join code (joined by code). */
  workshopId: string;
  joinedBy: 'invitation' | 'code';
  /** Empty when joined by code: the code carries no title or date. */
  title: string;
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
  };
};
