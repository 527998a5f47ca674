import type { Participant } from '@/domain/workshop/participants';
import Dexie from 'dexie';
import { getDb } from '../db';

/**
 * Changing a workshop's set-up after it has started (issue 12, item 5): its scope, and who takes
 * part. The screen works out what a change hides or deletes first (domain/workshop/set-up-change.ts)
 * and asks the facilitator; each change here is then one transaction, so it is done whole or not
 * at all.
 */

/**
 * Puts exactly these criteria in scope (`criterionIds`: in framework order, at least one).
 * Nothing recorded is deleted: the ratings, notes and agreements of criteria taken out stay
 * stored, hidden, and show again if the criterion is put back. Returns false, changing nothing,
 * when the scope is empty or the workshop no longer exists.
 */
export async function changeScope(
  workshopId: string,
  criterionIds: readonly string[],
): Promise<boolean> {
  if (criterionIds.length === 0) return false;
  const db = getDb();
  return db.transaction('rw', db.workshops, async () => {
    const workshop = await db.workshops.get(workshopId);
    if (!workshop) return false;
    await db.workshops.put({ ...workshop, criterionIds: [...criterionIds], updatedAt: Date.now() });
    return true;
  });
}

/**
 * Changes a participant's name, organisation or sector. A participant who rated on their own
 * device takes the name in their response file again if a newer file of theirs is imported.
 * Returns false when they are no longer in this workshop.
 */
export async function renameParticipant(
  workshopId: string,
  participantId: string,
  details: Omit<Participant, 'id'>,
): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.participants, async () => {
    const participant = await db.participants.get(participantId);
    if (participant?.workshopId !== workshopId) return false;
    await db.participants.put({ ...participant, ...details });
    return true;
  });
}

/**
 * Removes a participant with everything recorded for them in this workshop, in one transaction:
 * their ratings and notes of both rounds and any response file held for them. The room's agreed
 * levels stay. (Importing their response file again would bring them back.) Returns false,
 * changing nothing, when they are not a participant of this workshop.
 */
export async function removeParticipant(
  workshopId: string,
  participantId: string,
): Promise<boolean> {
  const db = getDb();
  return db.transaction(
    'rw',
    [db.participants, db.individualRatings, db.responseFiles, db.workshops],
    async () => {
      const participant = await db.participants.get(participantId);
      if (participant?.workshopId !== workshopId) return false;
      await db.individualRatings
        .where('[workshopId+participantId+criterionId]')
        .between(
          [workshopId, participantId, Dexie.minKey],
          [workshopId, participantId, Dexie.maxKey],
        )
        .delete();
      await db.responseFiles.delete([workshopId, participantId]);
      await db.participants.delete(participantId);
      const workshop = await db.workshops.get(workshopId);
      if (workshop) await db.workshops.put({ ...workshop, updatedAt: Date.now() });
      return true;
    },
  );
}
