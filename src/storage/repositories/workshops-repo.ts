import {
  mergeResponses,
  responseKey,
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
  ResponseFileRecord,
  WorkshopRecord,
} from '../schema';

/**
 * Workshops of an assessment: participants, their private ratings, imported response files and
 * the agreed ratings. Recording an agreement also sets the assessment's own rating, in the same
 * transaction, so scoring always sees the agreed level.
 */

export type NewWorkshop = Pick<
  WorkshopRecord,
  'assessmentId' | 'title' | 'date' | 'facilitator' | 'isAnonymous' | 'criterionIds' | 'codeLabel'
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
 * participant and round the newest file wins (round 1 and round 2 files mix in any order); the same file twice changes nothing; a file whose participant
 * id belongs to another workshop's participant, or to one added on this device, is refused
 * ('id-taken') and changes nothing. Returns what happened to each file, in order.
 */
/**
 * One participant's ratings after importing their changed round 1 file, round 2 file or both: a
 * round 1 file replaces the levels and notes and keeps the round 2 votes; a round 2 file replaces
 * the round 2 votes and keeps round 1. Votes are stamped with when they arrived here: a vote
 * imported after its criterion was agreed is flagged (domain/workshop/progress.ts), whenever the
 * participant made it.
 */
function mergeRoundRatings(input: {
  workshopId: string;
  participantId: string;
  before: ReadonlyMap<string, IndividualRatingRecord>;
  first: ResponseFile | undefined;
  second: ResponseFile | undefined;
  /** The criteria in the participant's current round 1 file. */
  listed: ReadonlySet<string>;
  /**
   * The workshop's scope. A file speaks only for criteria in scope (the rest are left out when it
   * is read), so what is held for a criterion taken out of scope stays as it is, hidden.
   */
  scope: ReadonlySet<string>;
  now: number;
}): IndividualRatingRecord[] {
  const { workshopId, participantId, first, second, now, scope } = input;
  const rows = new Map(input.before);
  if (first) {
    const ratedAt = Date.parse(first.submittedAt);
    for (const [criterionId, row] of rows) {
      if (!scope.has(criterionId)) continue;
      // A criterion the new round 1 file leaves out keeps only its round 2 vote, if any.
      if (row.round2) rows.set(criterionId, { ...row, level: null, note: '', stamps: {} });
      else rows.delete(criterionId);
    }
    for (const r of responseToRatings(first).ratings) {
      const row = rows.get(r.criterionId);
      rows.set(r.criterionId, {
        ...r,
        workshopId,
        ratedAt,
        stamps: { level: now, note: now },
        ...(row?.round2 ? { round2: row.round2 } : {}),
      });
    }
  }
  if (second) {
    const ratedAt = Date.parse(second.submittedAt);
    for (const [criterionId, row] of rows) {
      if (!scope.has(criterionId)) continue;
      const { round2: _dropped, ...rest } = row;
      rows.set(criterionId, rest);
    }
    for (const r of second.ratings) {
      const row = rows.get(r.criterionId) ?? {
        workshopId,
        participantId,
        criterionId: r.criterionId,
        level: null,
        note: '',
        ratedAt,
      };
      rows.set(r.criterionId, {
        ...row,
        round2: { level: r.level, ratedAt: now, ...(r.note ? { note: r.note } : {}) },
      });
    }
  }
  // A row left with no round 1 vote or note and no round 2 vote is nothing to keep, unless the
  // participant's round 1 file lists it (as it always did: a criterion they left unrated).
  return [...rows.values()].filter(
    (r) =>
      r.level !== null ||
      r.note !== '' ||
      r.round2 ||
      input.listed.has(r.criterionId) ||
      !scope.has(r.criterionId),
  );
}

export async function importResponses(
  workshopId: string,
  files: readonly ResponseFile[],
): Promise<ImportOutcome[]> {
  const db = getDb();
  return db.transaction(
    'rw',
    [db.responseFiles, db.participants, db.individualRatings, db.workshops],
    async () => {
      const scope = new Set((await db.workshops.get(workshopId))?.criterionIds);
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
      // A participant's round 1 and round 2 files are held side by side (responseKey).
      const heldContent = new Map(
        held
          .flatMap((h) => (h.round2 ? [h.content, h.round2] : [h.content]))
          .map((file) => [responseKey(file), file]),
      );
      const merged = mergeResponses(
        heldContent,
        files.filter((_, i) => !taken[i]),
      );
      const { responses } = merged;
      let next = 0;
      const outcomes = files.map((_, i): ImportOutcome =>
        taken[i] ? 'id-taken' : merged.outcomes[next++]!,
      );
      const changed = [...responses.entries()].filter(
        ([key, response]) => heldContent.get(key) !== response,
      );
      if (changed.length === 0) return outcomes;
      const changedIds = [...new Set(changed.map(([, response]) => response.participant.id))];
      // Batched: one read per table, one delete per participant's key range, one write per table.
      const existing = await db.participants.bulkGet(changedIds);
      const now = Date.now();
      const nextRatings: IndividualRatingRecord[] = [];
      const nextFiles: ResponseFileRecord[] = [];
      for (const id of changedIds) {
        const range = db.individualRatings
          .where('[workshopId+participantId+criterionId]')
          .between([workshopId, id, Dexie.minKey], [workshopId, id, Dexie.maxKey]);
        const before = new Map((await range.toArray()).map((r) => [r.criterionId, r]));
        await range.delete();
        const first = responses.get(id);
        const second = responses.get(`${id}#2`);
        nextRatings.push(
          ...mergeRoundRatings({
            workshopId,
            participantId: id,
            before,
            // Only a file that changed replaces what is held for its round.
            first: heldContent.get(id) !== first ? first : undefined,
            second: heldContent.get(`${id}#2`) !== second ? second : undefined,
            listed: new Set(first?.ratings.map((r) => r.criterionId)),
            scope,
            now,
          }),
        );
        const content = first ?? second!;
        nextFiles.push({
          workshopId,
          participantId: id,
          content,
          ...(first && second ? { round2: second } : {}),
        });
      }
      await db.participants.bulkPut(
        changedIds.map((id, index) => {
          // Who they are, as their newest file says.
          const files = [responses.get(id), responses.get(`${id}#2`)].filter(
            (f) => f !== undefined,
          );
          const newest = files.reduce((a, b) => (b.submittedAt > a.submittedAt ? b : a));
          return {
            ...newest.participant,
            workshopId,
            joinedVia: 'response-file' as const,
            createdAt: existing[index]?.createdAt ?? now,
          };
        }),
      );
      await db.individualRatings.bulkPut(nextRatings);
      await db.responseFiles.bulkPut(nextFiles);
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
