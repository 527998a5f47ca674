import type { LevelId } from '@/domain/levels';
import { withRevealed } from '@/domain/workshop/rounds';
import { getDb } from '../db';
import type { IndividualRatingRecord } from '../schema';

/**
 * A workshop's rounds (issue 12): which criteria's round 1 votes are revealed, which criteria are
 * re-rated in round 2, when its votes are revealed, and the round 2 votes made on the
 * facilitator's laptop. Kept in optional fields of the existing records
 * (`workshops.revealedCriterionIds`, `workshops.round2`, `individualRatings.round2`): no new
 * table or index.
 */

/**
 * Reveals round 1's votes of these criteria (the workshop page reveals them all, the facilitator
 * view one at a time). Kept on the workshop, so leaving and coming back does not hide them again.
 */
export async function revealRound1(
  workshopId: string,
  criterionIds: readonly string[],
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.workshops, async () => {
    const workshop = await db.workshops.get(workshopId);
    if (!workshop) throw new Error(`Workshop ${workshopId} no longer exists`);
    const revealed = withRevealed(workshop.revealedCriterionIds, criterionIds);
    if (revealed.length === (workshop.revealedCriterionIds?.length ?? 0)) return;
    await db.workshops.put({ ...workshop, revealedCriterionIds: revealed, updatedAt: Date.now() });
  });
}

/**
 * Starts round 2 on the given criteria (or changes them before it is revealed). Votes already
 * made for criteria that stay in round 2 are kept; starting again after a reveal hides round 2
 * again until it is revealed anew.
 */
export async function startRound2(
  workshopId: string,
  criterionIds: readonly string[],
): Promise<void> {
  if (criterionIds.length === 0) throw new Error('Round 2 needs at least one criterion');
  const db = getDb();
  await db.transaction('rw', db.workshops, async () => {
    const workshop = await db.workshops.get(workshopId);
    if (!workshop) throw new Error(`Workshop ${workshopId} no longer exists`);
    const now = Date.now();
    const inScope = workshop.criterionIds.filter((id) => criterionIds.includes(id));
    await db.workshops.put({
      ...workshop,
      round2: {
        criterionIds: inScope,
        startedAt: workshop.round2?.startedAt ?? now,
        revealedAt: null,
      },
      updatedAt: now,
    });
  });
}

/** Shows round 2's votes to the room. */
export async function revealRound2(workshopId: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.workshops, async () => {
    const workshop = await db.workshops.get(workshopId);
    if (!workshop?.round2) throw new Error(`Workshop ${workshopId} has no round 2`);
    const now = Date.now();
    await db.workshops.put({
      ...workshop,
      round2: { ...workshop.round2, revealedAt: now },
      updatedAt: now,
    });
  });
}

/** A participant's round 2 vote made on this device (pass the laptop). Round 1 is untouched. */
export async function saveRound2Vote(
  workshopId: string,
  participantId: string,
  criterionId: string,
  level: LevelId | null,
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.individualRatings, async () => {
    const now = Date.now();
    const current: IndividualRatingRecord = (await db.individualRatings.get([
      workshopId,
      participantId,
      criterionId,
    ])) ?? { workshopId, participantId, criterionId, level: null, note: '', ratedAt: now };
    // Its round 2 note, typed apart (autosaved), stays.
    await db.individualRatings.put({
      ...current,
      round2: { ...current.round2, level, ratedAt: now },
    });
  });
}
