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

export async function markResponseExported(workshopId: string, at: number): Promise<void> {
  await getDb().joinedWorkshops.update(workshopId, { exportedAt: at });
}

export async function leaveJoinedWorkshop(workshopId: string): Promise<void> {
  await getDb().joinedWorkshops.delete(workshopId);
  // Removing the last thing kept here is the person's own doing, not a loss to report later.
  await forgetStoredDataIfEmpty();
}
