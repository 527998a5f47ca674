import type { LevelId } from '@/domain/levels';
import type { Participant } from '@/domain/workshop/participants';
import { getDb } from '../db';
import { forgetStoredDataIfEmpty, rememberStoredData } from '../lost-data';
import type { JoinedWorkshopRecord } from '../schema';

/**
 * The participant's side of an own-device workshop: what this device joined and this person's
 * ratings, saved as they are made. A response file is made from it (see response-file.ts).
 */

export type JoinInput = Omit<
  JoinedWorkshopRecord,
  'participant' | 'ratings' | 'joinedAt' | 'updatedAt' | 'exportedAt'
> & { participant: Omit<Participant, 'id'> };

/**
 * Joins a workshop on this device. Joining the same workshop again keeps the participant's id and
 * ratings (so a later response file replaces the earlier one) and updates their name and sector.
 */
export async function joinWorkshop(input: JoinInput): Promise<string> {
  const db = getDb();
  await db.transaction('rw', db.joinedWorkshops, async () => {
    const existing = await db.joinedWorkshops.get(input.workshopId);
    const now = Date.now();
    await db.joinedWorkshops.put({
      ...input,
      participant: { ...input.participant, id: existing?.participant.id ?? crypto.randomUUID() },
      ratings: existing?.ratings ?? [],
      joinedAt: existing?.joinedAt ?? now,
      updatedAt: now,
      exportedAt: existing?.exportedAt ?? null,
    });
  });
  rememberStoredData();
  return input.workshopId;
}

export async function listJoinedWorkshops(): Promise<JoinedWorkshopRecord[]> {
  return getDb().joinedWorkshops.orderBy('joinedAt').reverse().toArray();
}

export async function getJoinedWorkshop(workshopId: string): Promise<JoinedWorkshopRecord | null> {
  return (await getDb().joinedWorkshops.get(workshopId)) ?? null;
}

/** Saves one of this participant's ratings (level and note) at once. */
export async function saveJoinedRating(
  workshopId: string,
  criterionId: string,
  level: LevelId | null,
  note: string,
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.joinedWorkshops, async () => {
    const record = await db.joinedWorkshops.get(workshopId);
    if (!record) throw new Error(`Workshop ${workshopId} was not joined on this device`);
    const ratings = record.ratings.filter((r) => r.criterionId !== criterionId);
    ratings.push({ criterionId, level, note });
    const order = new Map(record.criterionIds.map((id, index) => [id, index]));
    ratings.sort((a, b) => (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0));
    await db.joinedWorkshops.update(workshopId, { ratings, updatedAt: Date.now() });
  });
}

/**
 * Starts round 2 on this device with the criteria the facilitator's round 2 code names (those
 * this device rates). Typing a code again keeps the round 2 votes of criteria still in it.
 */
export async function startJoinedRound2(
  workshopId: string,
  criterionIds: readonly string[],
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.joinedWorkshops, async () => {
    const record = await db.joinedWorkshops.get(workshopId);
    if (!record) throw new Error(`Workshop ${workshopId} was not joined on this device`);
    const ids = record.criterionIds.filter((id) => criterionIds.includes(id));
    const now = Date.now();
    await db.joinedWorkshops.put({
      ...record,
      round2: {
        criterionIds: ids,
        ratings: (record.round2?.ratings ?? []).filter((r) => ids.includes(r.criterionId)),
        startedAt: record.round2?.startedAt ?? now,
      },
      updatedAt: now,
    });
  });
}

/** Saves one round 2 vote of this participant at once. */
export async function saveJoinedRound2Vote(
  workshopId: string,
  criterionId: string,
  level: LevelId | null,
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.joinedWorkshops, async () => {
    const record = await db.joinedWorkshops.get(workshopId);
    if (!record?.round2) throw new Error(`Workshop ${workshopId} has no round 2 on this device`);
    const before = record.round2.ratings.find((r) => r.criterionId === criterionId);
    const ratings = record.round2.ratings.filter((r) => r.criterionId !== criterionId);
    // Its round 2 note, typed apart (autosaved), stays.
    ratings.push({ ...before, criterionId, level });
    const order = new Map(record.round2.criterionIds.map((id, index) => [id, index]));
    ratings.sort((a, b) => (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0));
    await db.joinedWorkshops.update(workshopId, {
      round2: { ...record.round2, ratings },
      updatedAt: Date.now(),
    });
  });
}

export async function markResponseExported(workshopId: string, at: number): Promise<void> {
  await getDb().joinedWorkshops.update(workshopId, { exportedAt: at });
}

export async function leaveJoinedWorkshop(workshopId: string): Promise<void> {
  await getDb().joinedWorkshops.delete(workshopId);
  // Removing the last thing kept here is the person's own doing, not a loss to report later.
  await forgetStoredDataIfEmpty();
}
