import type { Assessment, Rating } from '@/domain/assessment';
import {
  initialStatus,
  recordAgreement,
  recordApproval,
  returnToDraft,
  type Agreement,
  type Approval,
  type StatusRecord,
  type TransitionProblem,
} from '@/domain/assessment-status';
import type { Result } from '@/domain/result';
import { systemKey } from '@/domain/system-key';
import { refreshSummaries, summaryTables } from '../assessment-summaries';
import { getDb } from '../db';
import { rememberStoredData } from '../lost-data';
import type { AssessmentRecord, RatingRecord } from '../schema';
import type { DeletedAssessment, DeletionImpact } from './assessment-deletion';

/**
 * Intent-named reads and writes of assessments and their ratings. Features call these (directly
 * or through useLiveQuery); nothing else touches the tables.
 */

export type NewAssessment = Pick<
  Assessment,
  'systemName' | 'title' | 'asAt' | 'frameworkId' | 'frameworkVersion'
>;

/**
 * An assessment as the lists show it: its `systemKey` worked out once here (not on each render),
 * and how many criteria it has rated, from its stored summary (no ratings are read).
 */
export type AssessmentSummary = Assessment & { systemKey: string; assessedCount: number };

function newestFirst(a: Assessment, b: Assessment): number {
  return b.asAt.localeCompare(a.asAt) || b.createdAt - a.createdAt;
}

/**
 * Every assessment, newest "as at" date first, with how many criteria each has rated. Reads the
 * assessments and their summaries (schema v7), never the ratings.
 */
export async function listAssessmentSummaries(): Promise<AssessmentSummary[]> {
  const db = getDb();
  return db.transaction('r', db.assessments, db.assessmentSummaries, async () => {
    const [assessments, summaries] = await Promise.all([
      db.assessments.toArray(),
      db.assessmentSummaries.toArray(),
    ]);
    const assessed = new Map(summaries.map((s) => [s.assessmentId, s.assessedCount]));
    return assessments
      .map((a) => ({
        ...stripStamps(a),
        systemKey: systemKey(a.systemName),
        assessedCount: assessed.get(a.id) ?? 0,
      }))
      .sort(newestFirst);
  });
}

export async function getAssessment(id: string): Promise<Assessment | null> {
  const record = await getDb().assessments.get(id);
  return record ? stripStamps(record) : null;
}

export async function listRatings(assessmentId: string): Promise<Rating[]> {
  const records = await getDb().ratings.where('assessmentId').equals(assessmentId).toArray();
  return records.map(stripStamps);
}

/** The stored ratings with their per-field stamps: what the editor needs to merge edits. */
export async function listRatingRecords(assessmentId: string): Promise<RatingRecord[]> {
  return getDb().ratings.where('assessmentId').equals(assessmentId).toArray();
}

/** The stored assessment with its per-field stamps (null if it does not exist). */
export async function getAssessmentRecord(id: string): Promise<AssessmentRecord | null> {
  return (await getDb().assessments.get(id)) ?? null;
}

export async function createAssessment(input: NewAssessment): Promise<string> {
  const now = Date.now();
  const record: AssessmentRecord = {
    ...input,
    id: crypto.randomUUID(),
    basedOnId: null,
    ...initialStatus(),
    createdAt: now,
    updatedAt: now,
    stamps: {},
  };
  const db = getDb();
  await db.transaction('rw', summaryTables(db), async () => {
    await db.assessments.add(record);
    await refreshSummaries(db, [record.id]);
  });
  rememberStoredData();
  return record.id;
}

/** Starts the next assessment of a system from an earlier one: ratings and evidence are copied. */
export async function startNextAssessment(
  fromId: string,
  next: Pick<Assessment, 'asAt' | 'title'>,
): Promise<string> {
  const db = getDb();
  const id = await db.transaction('rw', summaryTables(db), async () => {
    const source = await db.assessments.get(fromId);
    if (!source) throw new Error(`Assessment ${fromId} no longer exists`);
    const now = Date.now();
    const id = crypto.randomUUID();
    await db.assessments.add({
      ...source,
      ...next,
      id,
      basedOnId: fromId,
      // A new assessment is a draft, whatever the one it starts from had become.
      ...initialStatus(),
      createdAt: now,
      updatedAt: now,
      stamps: {},
    });
    const ratings = await db.ratings.where('assessmentId').equals(fromId).toArray();
    await db.ratings.bulkAdd(
      ratings.map((r) => ({
        ...r,
        assessmentId: id,
        evidence: r.evidence.map((e) => ({ ...e, id: crypto.randomUUID() })),
        updatedAt: now,
        stamps: {},
      })),
    );
    await refreshSummaries(db, [id]);
    return id;
  });
  rememberStoredData();
  return id;
}

export type StatusWrite = Result<StatusRecord, TransitionProblem | 'missing'>;

/**
 * Applies one of the domain's status transitions to the stored assessment, in one transaction
 * (so it acts on the status as stored now, not as a screen last saw it), and keeps the history.
 */
async function changeStatus(
  id: string,
  transition: (record: StatusRecord, at: number) => Result<StatusRecord, TransitionProblem>,
): Promise<StatusWrite> {
  const db = getDb();
  return db.transaction('rw', db.assessments, async () => {
    const record = await db.assessments.get(id);
    if (!record) return { ok: false, problem: 'missing' };
    const now = Date.now();
    const current: StatusRecord = { status: record.status, statusHistory: record.statusHistory };
    const result = transition(current, now);
    // Refused, or nothing to change (a draft returned to draft): nothing is written.
    if (!result.ok || result.value === current) return result;
    await db.assessments.put({ ...record, ...result.value, updatedAt: now });
    return result;
  });
}

/** Records that the assessment was agreed (at a workshop or by the leadership team). */
export function agreeAssessment(id: string, agreement: Agreement): Promise<StatusWrite> {
  return changeStatus(id, (record, at) => recordAgreement(record, agreement, at));
}

/** Records that a named board approved the agreed assessment. */
export function approveAssessment(id: string, approval: Approval): Promise<StatusWrite> {
  return changeStatus(id, (record, at) => recordApproval(record, approval, at));
}

/**
 * Back to draft: a rating changed after agreement or approval (the person confirmed it), naming
 * the criterion, or the team reopened it. A draft is left as it is.
 */
export function returnAssessmentToDraft(
  id: string,
  reason: 'rating-changed' | 'returned-to-draft',
  criterionId: string | null = null,
): Promise<StatusWrite> {
  return changeStatus(id, (record, at) => ({
    ok: true,
    value: returnToDraft(record, reason, at, criterionId),
  }));
}

// Deleting cascades to workshops and, with a system's last assessment, its plan: see there. The
// code loads when first needed (deleting is rare; the home screen shows without it).
export type { DeletedAssessment, DeletionImpact } from './assessment-deletion';
const deletion = () => import('./assessment-deletion');

export async function deletionImpact(assessmentId: string): Promise<DeletionImpact | null> {
  return (await deletion()).deletionImpact(assessmentId);
}

export async function deleteAssessment(id: string): Promise<DeletedAssessment | null> {
  return (await deletion()).deleteAssessment(id);
}

export async function undoDeleteAssessment(deleted: DeletedAssessment): Promise<void> {
  return (await deletion()).undoDeleteAssessment(deleted);
}

function stripStamps<T extends { stamps: unknown }>(record: T): Omit<T, 'stamps'> {
  const { stamps: _stamps, ...rest } = record;
  return rest;
}

/** An assessment record without its stamps, with its ratings (the comparison reads these). */
export type AssessmentWithRatings = Assessment & { ratings: Rating[] };

/** The given assessments with their ratings, in the order asked; missing ids are left out. */
export async function getAssessmentsWithRatings(
  ids: readonly string[],
): Promise<AssessmentWithRatings[]> {
  const db = getDb();
  return db.transaction('r', db.assessments, db.ratings, async () => {
    const found = (await db.assessments.bulkGet([...ids])).filter((a) => a !== undefined);
    const ratings = await db.ratings
      .where('assessmentId')
      .anyOf([...ids])
      .toArray();
    return found.map((a) => ({
      ...stripStamps(a),
      ratings: ratings.filter((r) => r.assessmentId === a.id).map(stripStamps),
    }));
  });
}
