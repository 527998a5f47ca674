import { checkIsoDate, checkRequired, type FieldProblem } from './assessment';
import type { Result } from './result';

/**
 * An assessment's status, stored on it and changed only by the transitions below:
 *
 *   draft ──agree──► agreed ──approve──► approved
 *     ▲                 │                    │
 *     └── a rating changed (after asking), or returned to draft ┘
 *
 * Agreed says how (at a workshop, which one, or by the leadership team) and on what date;
 * approved adds the board and its date. Every change is kept in a short history on the
 * assessment. Pure: the UI asks, storage writes, and these rules decide.
 */

export const STATUS_STATES = ['draft', 'agreed', 'approved'] as const;
export type StatusState = (typeof STATUS_STATES)[number];

export const AGREED_BY = ['workshop', 'leadership-team'] as const;
export type AgreedBy = (typeof AGREED_BY)[number];

export type Agreement =
  | {
      by: 'workshop';
      workshopId: string;
      /** The workshop's title when the agreement was recorded, so the paper can name it. */
      workshopTitle: string;
      date: string;
    }
  | { by: 'leadership-team'; date: string };

export type Approval = { board: string; date: string };

export type AssessmentStatus =
  | { state: 'draft' }
  | { state: 'agreed'; agreement: Agreement }
  | { state: 'approved'; agreement: Agreement; approval: Approval };

export const STATUS_CHANGE_REASONS = [
  'agreed',
  'approved',
  'rating-changed',
  'returned-to-draft',
] as const;
export type StatusChangeReason = (typeof STATUS_CHANGE_REASONS)[number];

/** One entry of the history: when, why, and the status it led to. */
export type StatusChange = {
  /** Epoch milliseconds. */
  at: number;
  reason: StatusChangeReason;
  status: AssessmentStatus;
  /** The criterion whose rating changed ('rating-changed'), otherwise null. */
  criterionId: string | null;
};

/** What an assessment stores of its status. */
export type StatusRecord = { status: AssessmentStatus; statusHistory: StatusChange[] };

export const STATUS_LIMITS = { board: 120, history: 50 } as const;

export const DRAFT: AssessmentStatus = { state: 'draft' };

/** The status of an assessment that has none stored yet (older data): draft, no history. */
export function initialStatus(): StatusRecord {
  return { status: DRAFT, statusHistory: [] };
}

/** A workshop an agreement can name. */
export type WorkshopChoice = { id: string; title: string; date: string };

/** The agreement form as typed: how, which workshop (when at one), and the date. */
export type AgreementInput = { by: AgreedBy | null; workshopId: string; date: string };
export type AgreementProblems = {
  by: FieldProblem | null;
  workshopId: FieldProblem | null;
  date: FieldProblem | null;
};

export type ApprovalInput = { board: string; date: string };
export type ApprovalProblems = { board: FieldProblem | null; date: FieldProblem | null };

/** A real date, not after `today`, and not before `notBefore` when given. */
export function checkStatusDate(
  value: string,
  today: string,
  notBefore: string | null = null,
): FieldProblem | null {
  const invalid = checkIsoDate(value);
  if (invalid) return invalid;
  if (value > today) return 'futureDate';
  if (notBefore !== null && value < notBefore) return 'beforeAgreement';
  return null;
}

function hasNone<P extends Record<string, FieldProblem | null>>(problems: P): boolean {
  return Object.values(problems).every((p) => p === null);
}

export function checkAgreement(
  input: AgreementInput,
  workshops: readonly WorkshopChoice[],
  today: string,
): Result<Agreement, AgreementProblems> {
  const workshop =
    input.by === 'workshop' ? workshops.find((w) => w.id === input.workshopId) : undefined;
  const problems: AgreementProblems = {
    by: input.by === null ? 'notChosen' : null,
    workshopId: input.by === 'workshop' && !workshop ? 'notChosen' : null,
    date: checkStatusDate(input.date, today),
  };
  if (!hasNone(problems) || input.by === null) return { ok: false, problem: problems };
  return {
    ok: true,
    value: workshop
      ? { by: 'workshop', workshopId: workshop.id, workshopTitle: workshop.title, date: input.date }
      : { by: 'leadership-team', date: input.date },
  };
}

export function checkApproval(
  input: ApprovalInput,
  agreement: Agreement,
  today: string,
): Result<Approval, ApprovalProblems> {
  const problems: ApprovalProblems = {
    board: checkRequired(input.board, STATUS_LIMITS.board),
    date: checkStatusDate(input.date, today, agreement.date),
  };
  if (!hasNone(problems)) return { ok: false, problem: problems };
  return { ok: true, value: { board: input.board.trim(), date: input.date } };
}

/** Why a transition was refused. */
export type TransitionProblem = 'already-approved' | 'not-agreed';

function withChange(
  record: StatusRecord,
  status: AssessmentStatus,
  reason: StatusChangeReason,
  at: number,
  criterionId: string | null = null,
): StatusRecord {
  const history = [...record.statusHistory, { at, reason, status, criterionId }];
  return { status, statusHistory: history.slice(-STATUS_LIMITS.history) };
}

/**
 * draft or agreed → agreed (recording it again corrects how or when). An approved assessment
 * must go back to draft first: its approval was of what was agreed.
 */
export function recordAgreement(
  record: StatusRecord,
  agreement: Agreement,
  at: number,
): Result<StatusRecord, TransitionProblem> {
  if (record.status.state === 'approved') return { ok: false, problem: 'already-approved' };
  return { ok: true, value: withChange(record, { state: 'agreed', agreement }, 'agreed', at) };
}

/** agreed (or approved, to correct it) → approved, keeping how it was agreed. */
export function recordApproval(
  record: StatusRecord,
  approval: Approval,
  at: number,
): Result<StatusRecord, TransitionProblem> {
  const { status } = record;
  if (status.state === 'draft') return { ok: false, problem: 'not-agreed' };
  return {
    ok: true,
    value: withChange(
      record,
      { state: 'approved', agreement: status.agreement, approval },
      'approved',
      at,
    ),
  };
}

/**
 * Back to draft: a rating changed after agreement or approval (`criterionId` names it), or the
 * team chose to reopen it. A draft stays as it is, with nothing added to its history.
 */
export function returnToDraft(
  record: StatusRecord,
  reason: 'rating-changed' | 'returned-to-draft',
  at: number,
  criterionId: string | null = null,
): StatusRecord {
  if (record.status.state === 'draft') return record;
  return withChange(record, DRAFT, reason, at, reason === 'rating-changed' ? criterionId : null);
}

/**
 * Changing a rating of an agreed or approved assessment asks first: what was agreed or approved
 * would no longer be what the assessment says.
 */
export function ratingChangeNeedsConfirmation(status: AssessmentStatus): boolean {
  return status.state !== 'draft';
}
