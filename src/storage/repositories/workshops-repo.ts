import {
  mergeResponses,
  responseToRatings,
  type ImportOutcome,
  type ResponseFile,
} from '@/domain/workshop/response-file';
import { returnToDraft } from '@/domain/assessment-status';
import type { Agreement } from '@/domain/workshop/agreement';
import type { Participant } from '@/domain/workshop/participants';
import type { LevelId } from '@/domain/levels';
import Dexie from 'dexie';
import { applyPatch } from '../apply-patch';
import { refreshSummaries, summaryTables } from '../assessment-summaries';
import { getDb } from '../db';
import { rememberStoredData } from '../lost-data';
import { putRatings, readRating } from '../rating-sets';
import type {
  AgreementRecord,
  IndividualRatingRecord,
  ParticipantRecord,
  RatingRecord,
  WorkshopRecord,
} from '../schema';

/**
 * Workshops of an assessment: participants, their private ratings, imported response files and
 * the agreed ratings. Recording an agreement also sets the assessment's own rating, in the same
 * transaction, so scoring always sees the agreed level.
 */

export type NewWorkshop = Pick<
  WorkshopRecord,
  'assessmentId' | 'title' | 'date' | 'facilitator' | 'isAnonymous' | 'criterionIds'
>;

export async function createWorkshop(input: NewWorkshop): Promise<string> {
  const now = Date.now();
  const id = crypto.randomUUID();
  await getDb().workshops.add({ ...input, id, createdAt: now, updatedAt: now });
  rememberStoredData();
  return id;
}

export async function listWorkshops(assessmentId: string): Promise<WorkshopRecord[]> {
  const rows = await getDb().workshops.where('assessmentId').equals(assessmentId).toArray();
  return rows.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt);
}

export type WorkshopData = {
  workshop: WorkshopRecord;
  participants: ParticipantRecord[];
  ratings: IndividualRatingRecord[];
  agreements: AgreementRecord[];
};

export async function getWorkshopData(id: string): Promise<WorkshopData | null> {
  const db = getDb();
  return db.transaction(
    'r',
    [db.workshops, db.participants, db.individualRatings, db.agreements],
    async () => {
      const workshop = await db.workshops.get(id);
      if (!workshop) return null;
      const [participants, ratings, agreements] = await Promise.all([
        db.participants.where('workshopId').equals(id).sortBy('createdAt'),
        db.individualRatings.where('workshopId').equals(id).toArray(),
        db.agreements.where('workshopId').equals(id).toArray(),
      ]);
      return { workshop, participants, ratings, agreements };
    },
  );
}

export async function addParticipant(
  workshopId: string,
  participant: Omit<Participant, 'id'>,
): Promise<string> {
  const id = crypto.randomUUID();
  await getDb().participants.add({
    ...participant,
    id,
    workshopId,
    joinedVia: 'this-device',
    createdAt: Date.now(),
  });
  return id;
}

/** A private rating made on this device (pass-the-laptop). */
export async function saveIndividualRating(
  workshopId: string,
  participantId: string,
  criterionId: string,
  level: LevelId | null,
  note: string,
): Promise<void> {
  await getDb().individualRatings.put({
    workshopId,
    participantId,
    criterionId,
    level,
    note,
    ratedAt: Date.now(),
  });
}

/**
 * Imports response files (already read and checked with readResponse) in one transaction. Per
 * participant the newest file wins; the same file twice changes nothing; a file whose participant
 * id belongs to another workshop's participant, or to one added on this device, is refused
 * ('id-taken') and changes nothing. Returns what happened to each file, in order.
 */
export async function importResponses(
  workshopId: string,
  files: readonly ResponseFile[],
): Promise<ImportOutcome[]> {
  const db = getDb();
  return db.transaction(
    'rw',
    [db.responseFiles, db.participants, db.individualRatings],
    async () => {
      // A file whose participant id is already a participant of another workshop, or one added
      // on this device, is refused: it is never merged into that participant.
      const owners = await db.participants.bulkGet(files.map((f) => f.participant.id));
      const taken = files.map((_, i) => {
        const owner = owners[i];
        return (
          owner !== undefined &&
          (owner.workshopId !== workshopId || owner.joinedVia !== 'response-file')
        );
      });
      const held = await db.responseFiles.where('workshopId').equals(workshopId).toArray();
      const merged = mergeResponses(
        new Map(held.map((r) => [r.participantId, r.content])),
        files.filter((_, i) => !taken[i]),
      );
      const { responses } = merged;
      let next = 0;
      const outcomes = files.map((_, i): ImportOutcome =>
        taken[i] ? 'id-taken' : merged.outcomes[next++]!,
      );
      const heldContent = new Map(held.map((h) => [h.participantId, h.content]));
      const changed = [...responses.values()].filter(
        (response) => heldContent.get(response.participant.id) !== response,
      );
      if (changed.length === 0) return outcomes;
      // Batched: one read, one delete per participant's key range, and one write per table.
      const existing = await db.participants.bulkGet(changed.map((r) => r.participant.id));
      const now = Date.now();
      for (const response of changed) {
        const id = response.participant.id;
        await db.individualRatings
          .where('[workshopId+participantId+criterionId]')
          .between([workshopId, id, Dexie.minKey], [workshopId, id, Dexie.maxKey])
          .delete();
      }
      await db.participants.bulkPut(
        changed.map((response, index) => ({
          ...response.participant,
          workshopId,
          joinedVia: 'response-file' as const,
          createdAt: existing[index]?.createdAt ?? now,
        })),
      );
      await db.individualRatings.bulkPut(
        changed.flatMap((response) => {
          const ratedAt = Date.parse(response.submittedAt);
          // Stamped with when they arrived here: a vote imported after its criterion was agreed
          // is flagged (domain/workshop/progress.ts), whenever the participant made it.
          return responseToRatings(response).ratings.map((r) => ({
            ...r,
            workshopId,
            ratedAt,
            stamps: { level: now, note: now },
          }));
        }),
      );
      await db.responseFiles.bulkPut(
        changed.map((response) => ({
          workshopId,
          participantId: response.participant.id,
          content: response,
        })),
      );
      return outcomes;
    },
  );
}

/**
 * Records the room's agreed rating and makes it the assessment's rating for that criterion. An
 * agreement with no level yet (a rationale or dissent noted before the room decides) is kept on
 * the workshop's record and leaves the assessment's rating as it is. A changed level on an agreed
 * or approved assessment returns it to draft (see assessment-status.ts).
 */
export async function recordAgreement(workshopId: string, agreement: Agreement): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.workshops, db.agreements, ...summaryTables(db)], async () => {
    const workshop = await db.workshops.get(workshopId);
    if (!workshop) throw new Error(`Workshop ${workshopId} no longer exists`);
    const now = Date.now();
    // Stamped like autosaved notes, so an older queued note cannot overwrite what is recorded.
    await db.agreements.put({
      ...agreement,
      workshopId,
      agreedAt: now,
      stamps: { rationale: now, dissent: now },
    });
    if (agreement.level === null) return;
    const current: RatingRecord = (await readRating(
      db,
      workshop.assessmentId,
      agreement.criterionId,
    )) ?? {
      assessmentId: workshop.assessmentId,
      criterionId: agreement.criterionId,
      level: null,
      rationale: '',
      evidence: [],
      confidence: null,
      updatedAt: 0,
      stamps: {},
    };
    const patch = agreement.rationale
      ? { level: agreement.level, rationale: agreement.rationale }
      : { level: agreement.level };
    const ratingSets = await putRatings(db, [applyPatch(current, patch, now).record]);
    const assessment = await db.assessments.get(workshop.assessmentId);
    if (!assessment) {
      await refreshSummaries(db, [workshop.assessmentId], { ratingSets });
      return;
    }
    // A level that differs from an agreed or approved rating returns the assessment to draft,
    // recorded, so its status never claims what the ratings no longer say.
    const status =
      current.level === agreement.level
        ? null
        : returnToDraft(
            { status: assessment.status, statusHistory: assessment.statusHistory },
            'rating-changed',
            now,
            agreement.criterionId,
          );
    const changed = { ...assessment, ...status, updatedAt: now };
    await db.assessments.put(changed);
    await refreshSummaries(db, [changed.id], { assessments: [changed], ratingSets });
  });
}
