import { z } from './zod';
import { LIMITS } from './assessment';
import {
  STATUS_CHANGE_REASONS,
  STATUS_LIMITS,
  type AssessmentStatus,
  type StatusChange,
} from './assessment-status';
import { CONFIDENCE_IDS, LEVEL_IDS } from './levels';
import { ACTION_STATUSES, PLAN_LIMITS } from './plan';
import { responseSchema } from './workshop/response-file';
import { SECTORS } from './workshop/participants';
import { appDate, evidenceUrl, pastTime } from './validation';
import { MAX_DURATION_MS } from './workshop/timer';

/**
 * The records the app keeps, defined once. Each zod schema is what a backup file must hold for
 * that table (the app's own rules: dates 2000–2100, no times in the future, nothing blank that
 * must be named), and each record type is inferred from it, so the storage tables
 * (src/storage/schema.ts re-exports these types) and the backup format cannot drift apart.
 * Unknown keys are dropped, as zod objects do. The Dexie index declarations are not here: they
 * live with their versions in src/storage/schema.ts.
 */

const id = z.string().min(1).max(200);
const isoDate = appDate;
const time = pastTime;
/** Not blank; kept exactly as written (no trimming: a restore gives back what was saved). */
const visible = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim() !== '', 'must not be blank');

/** Per-field edit times: a write only lands on a field whose stored time is not newer. */
export type Stamps<F extends string> = Partial<Record<F, number>>;

/** Stamps for the named fields, each optional; other keys are dropped. */
function stampsOf<const F extends string>(fields: readonly F[]) {
  // Object.fromEntries cannot know its keys: they are exactly `fields`.
  const shape = Object.fromEntries(fields.map((field) => [field, time.optional()])) as Record<
    F,
    z.ZodOptional<typeof time>
  >;
  return z.object(shape);
}

/**
 * A rating's stamps: one per field, and (schema v5) one per evidence item and field,
 * `evidence:<itemId>:text|url|removed`, so that items are merged one by one (older records have
 * an `evidence` stamp for the whole list). Other keys are dropped, like unknown keys anywhere.
 */
const RATING_STAMP =
  /^(?:level|rationale|evidence|confidence|evidence:[^:]{1,200}:(?:text|url|removed))$/;
export type RatingStampKey =
  'level' | 'rationale' | 'evidence' | 'confidence' | `evidence:${string}`;
const ratingStamps: z.ZodType<Stamps<RatingStampKey>> = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter(([key]) => RATING_STAMP.test(key)))
      : value,
  z.record(z.string(), time),
);

const agreement = z.discriminatedUnion('by', [
  z.object({
    by: z.literal('workshop'),
    workshopId: id,
    workshopTitle: visible(LIMITS.title),
    date: isoDate,
  }),
  z.object({ by: z.literal('leadership-team'), date: isoDate }),
]);

const approval = z.object({ board: visible(STATUS_LIMITS.board), date: isoDate });

/** Draft, agreed or approved: src/domain/assessment-status.ts has the rules. */
export const assessmentStatus: z.ZodType<AssessmentStatus> = z.discriminatedUnion('state', [
  z.object({ state: z.literal('draft') }),
  z.object({ state: z.literal('agreed'), agreement }),
  z.object({ state: z.literal('approved'), agreement, approval }),
]);

const statusChange: z.ZodType<StatusChange> = z.object({
  at: time,
  reason: z.enum(STATUS_CHANGE_REASONS),
  status: assessmentStatus,
  criterionId: id.nullable(),
});

export const assessmentRecord = z.object({
  id,
  systemName: visible(LIMITS.systemName),
  title: z.string().max(LIMITS.title),
  /** The date the assessment describes, ISO `YYYY-MM-DD`. */
  asAt: isoDate,
  frameworkId: id,
  frameworkVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  /** The assessment this one was started from, if any. */
  basedOnId: id.nullable(),
  /** Schema v6 and backup version 3; older data is migrated to draft with no history. */
  status: assessmentStatus,
  statusHistory: z.array(statusChange).max(STATUS_LIMITS.history),
  createdAt: time,
  updatedAt: time,
  stamps: stampsOf(['systemName', 'title', 'asAt']),
});

export const ratingRecord = z.object({
  assessmentId: id,
  criterionId: id,
  /** null means "not assessed". */
  level: z.enum(LEVEL_IDS).nullable(),
  rationale: z.string().max(LIMITS.rationale),
  evidence: z
    .array(
      z.object({
        id,
        text: z.string().max(LIMITS.evidenceText),
        url: evidenceUrl,
      }),
    )
    .max(LIMITS.evidenceItems),
  confidence: z.enum(CONFIDENCE_IDS).nullable(),
  updatedAt: time,
  stamps: ratingStamps,
});

export const targetRecord = z.object({
  id,
  systemKey: z.string().min(1).max(LIMITS.systemName),
  characteristicId: id,
  level: z.enum(LEVEL_IDS),
  date: isoDate,
  updatedAt: time,
});

export const actionRecord = z.object({
  id,
  systemKey: z.string().min(1).max(LIMITS.systemName),
  title: visible(PLAN_LIMITS.actionTitle),
  owner: visible(PLAN_LIMITS.owner),
  dueDate: isoDate,
  status: z.enum(ACTION_STATUSES),
  characteristicId: id,
  criterionId: id.nullable(),
  /** ISO date of a framework milestone this action works towards, if any. */
  milestoneDate: isoDate.nullable(),
  createdAt: time,
  updatedAt: time,
});

export const workshopRecord = z.object({
  id,
  assessmentId: id,
  title: visible(LIMITS.title),
  /** ISO date of the session. */
  date: isoDate,
  facilitator: z.string().max(LIMITS.systemName),
  /** Hide who rated what in every view. */
  isAnonymous: z.boolean(),
  /**
   * The facilitator's label for the join code (issue 12; absent: none): two to eight capital
   * letters, carried by the code so that people joining by code see which workshop they joined.
   */
  codeLabel: z
    .string()
    .regex(/^[A-Z]{2,8}$/)
    .optional(),
  /** Criteria in scope, in framework order. */
  criterionIds: z.array(id).min(1).max(500),
  createdAt: time,
  updatedAt: time,
  /**
   * The criteria whose round 1 votes the facilitator has revealed (issue 12; absent: none), in
   * the order revealed: "Reveal the ratings" on the workshop page reveals every criterion in
   * scope, the facilitator view one at a time. Kept, so a reveal is not forgotten on return.
   */
  revealedCriterionIds: z.array(id).max(500).optional(),
  /**
   * The facilitator's discussion timer of each criterion that has one (issue 12; absent: none),
   * by criterion id: the time allowed, the time used before the current run and when the run
   * started (null while paused or stopped). Written only when a button is pressed; the time left
   * is worked out from these (src/domain/workshop/timer.ts).
   */
  timers: z
    .record(
      id,
      z.object({
        durationMs: z.number().int().min(0).max(MAX_DURATION_MS),
        usedMs: z.number().int().min(0).max(MAX_DURATION_MS),
        runningSince: time.nullable(),
        isStarted: z.boolean(),
      }),
    )
    .optional(),
  /** A second private round on some criteria (issue 12; absent: one round). */
  round2: z
    .object({
      criterionIds: z.array(id).min(1).max(500),
      startedAt: time,
      /** Null while round 2's votes are hidden. */
      revealedAt: time.nullable(),
    })
    .optional(),
});

export const participantRecord = z.object({
  id,
  workshopId: id,
  label: visible(LIMITS.systemName),
  organisation: z.string().max(LIMITS.systemName),
  sector: z.enum(SECTORS),
  joinedVia: z.enum(['this-device', 'response-file']),
  createdAt: time,
});

export const individualRatingRecord = z.object({
  workshopId: id,
  participantId: id,
  criterionId: id,
  level: z.enum(LEVEL_IDS).nullable(),
  note: z.string().max(LIMITS.rationale),
  ratedAt: time,
  /**
   * Per-field edit times of autosaved fields (v5; absent on older records); `round2Note` is the
   * round 2 note's (issue 12).
   */
  stamps: stampsOf(['level', 'note', 'round2Note']).optional(),
  /** The participant's round 2 vote (issue 12; absent: none). `level` above is round 1's. */
  round2: z
    .object({
      level: z.enum(LEVEL_IDS).nullable(),
      /** When it was made, or for an imported file when the file arrived. */
      ratedAt: time,
      /** Their note for the room in round 2 (absent on older records: none). */
      note: z.string().max(LIMITS.rationale).optional(),
    })
    .optional(),
});

export const agreementRecord = z.object({
  workshopId: id,
  criterionId: id,
  level: z.enum(LEVEL_IDS).nullable(),
  rationale: z.string().max(LIMITS.rationale),
  dissent: z.string().max(LIMITS.rationale),
  agreedAt: time,
  /** Per-field edit times of autosaved fields (v5; absent on older records). */
  stamps: stampsOf(['rationale', 'dissent']).optional(),
  /** The round the agreed level came from (issue 12; absent: round 1). */
  round: z.union([z.literal(1), z.literal(2)]).optional(),
});

/** The last response file imported per participant: what makes imports idempotent. */
export const responseFileRecord = z.object({
  workshopId: id,
  participantId: id,
  /** The participant's round 1 file, or their round 2 file when no round 1 file came. */
  content: responseSchema,
  /** Their round 2 file, when `content` is their round 1 file (issue 12). */
  round2: responseSchema.optional(),
});

export type AssessmentRecord = z.infer<typeof assessmentRecord>;
export type RatingRecord = z.infer<typeof ratingRecord>;
export type TargetRecord = z.infer<typeof targetRecord>;
export type ActionRecord = z.infer<typeof actionRecord>;
export type WorkshopRecord = z.infer<typeof workshopRecord>;
export type ParticipantRecord = z.infer<typeof participantRecord>;
export type IndividualRatingRecord = z.infer<typeof individualRatingRecord>;
export type AgreementRecord = z.infer<typeof agreementRecord>;
export type ResponseFileRecord = z.infer<typeof responseFileRecord>;
