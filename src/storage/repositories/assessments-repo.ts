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
import { refreshSummaries, summaryTables } from '../assessment-summaries';
import { getDb } from '../db';
import { rememberStoredData } from '../lost-data';
import { readRatings, readRatingSets, replaceRatings } from '../rating-sets';
import type { AssessmentRecord, AssessmentSummaryRecord, RatingRecord } from '../schema';
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
 * An assessment as the lists show it, from its stored summary (schema v8): neither the assessment
 * record nor its ratings are read. `systemKey` is worked out when it is stored, not on render.
 */
export type AssessmentSummary = Pick<
  Assessment,
  'id' | 'systemName' | 'title' | 'asAt' | 'status' | 'createdAt' | 'updatedAt'
> & { systemKey: string; assessedCount: number };

function toSummary({ assessmentId, ...rest }: AssessmentSummaryRecord): AssessmentSummary {
  return { id: assessmentId, ...rest };
}

/** Newest "as at" date first; of the same date, the one made last first. */
function newestFirst(a: AssessmentSummary, b: AssessmentSummary): number {
  return b.asAt.localeCompare(a.asAt) || b.createdAt - a.createdAt;
}

/**
 * Every assessment, newest "as at" date first, with how many criteria each has rated. Reads the
 * summaries only (for pickers that offer every assessment; the list reads `listSystemGroups`).
 */
export async function listAssessmentSummaries(): Promise<AssessmentSummary[]> {
  return (await getDb().assessmentSummaries.toArray()).map(toSummary).sort(newestFirst);
}

/** A system's assessments as the list shows them: the newest few, and how many it has in all. */
export type SystemGroup = {
  key: string;
  /** As its newest assessment spells it. */
  systemName: string;
  /** Newest first: the newest `NEWEST_PER_SYSTEM` (every one when the system is asked in full). */
  assessments: AssessmentSummary[];
  count: number;
};

/** How many of a system's newest assessments `listSystemGroups` gives when not asked in full. */
export { NEWEST_PER_SYSTEM } from '../assessment-summaries';

/**
 * Every system, the one with the newest assessment first, each with its newest
 * `NEWEST_PER_SYSTEM` assessments (all of them for the systems in `full`) and its count. Reads
 * one record per system (`systemSummaries`, schema v8) and, for a system asked in full, its
 * summaries from the `[systemKey+asAt+createdAt]` index: the time grows with the systems and the
 * rows shown, not with the number of assessments.
 */
export async function listSystemGroups(
  full: ReadonlySet<string> = new Set(),
): Promise<SystemGroup[]> {
  const db = getDb();
  return db.transaction('r', db.systemSummaries, db.assessmentSummaries, async () => {
    const systems = await db.systemSummaries.toArray();
    const groups = await Promise.all(
      systems
        .filter((system) => system.newest.length > 0)
        .map(async (system): Promise<SystemGroup> => {
          const rows = full.has(system.systemKey)
            ? await db.assessmentSummaries
                .where('[systemKey+asAt+createdAt]')
                .between([system.systemKey], [system.systemKey, []], true, true)
                .reverse()
                .toArray()
            : system.newest;
          return {
            key: system.systemKey,
            systemName: system.systemName.trim(),
            assessments: rows.map(toSummary),
            count: system.count,
          };
        }),
    );
    return groups.sort((a, b) => newestFirst(a.assessments[0]!, b.assessments[0]!));
  });
}

/** How many assessments the system has (from the summaries' index). */
export async function countSystemAssessments(key: string): Promise<number> {
  return getDb().assessmentSummaries.where('systemKey').equals(key).count();
}

export async function getAssessment(id: string): Promise<Assessment | null> {
  const record = await getDb().assessments.get(id);
  return record ? stripStamps(record) : null;
}

export async function listRatings(assessmentId: string): Promise<Rating[]> {
  return (await readRatings(getDb(), assessmentId)).map(stripStamps);
}

/** The stored ratings with their per-field stamps: what the editor needs to merge edits. */
export async function listRatingRecords(assessmentId: string): Promise<RatingRecord[]> {
  return readRatings(getDb(), assessmentId);
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
    await refreshSummaries(db, [record.id], { assessments: [record], ratingSets: [] });
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
    const ratings = await readRatings(db, fromId);
    await replaceRatings(
      db,
      id,
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
  return db.transaction('rw', summaryTables(db), async () => {
    const record = await db.assessments.get(id);
    if (!record) return { ok: false, problem: 'missing' };
    const now = Date.now();
    const current: StatusRecord = { status: record.status, statusHistory: record.statusHistory };
    const result = transition(current, now);
    // Refused, or nothing to change (a draft returned to draft): nothing is written.
    if (!result.ok || result.value === current) return result;
    const changed = { ...record, ...result.value, updatedAt: now };
    await db.assessments.put(changed);
    await refreshSummaries(db, [id], { assessments: [changed] });
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
  return db.transaction('r', db.assessments, db.ratingSets, async () => {
    const [found, sets] = await Promise.all([
      db.assessments.bulkGet([...ids]),
      readRatingSets(db, ids),
    ]);
    return found
      .filter((a) => a !== undefined)
      .map((a) => ({
        ...stripStamps(a),
        ratings: (sets.get(a.id)?.ratings ?? []).map(stripStamps),
      }));
  });
}
