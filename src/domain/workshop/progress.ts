import type { Agreement } from './agreement';
import type { IndividualRating } from './spread';

/**
 * How far a workshop's rating has got, without saying how anyone voted: per criterion, how many of
 * the participants have given a level; overall, how many have given one for every criterion in
 * scope. Ratings made on the facilitator's laptop and imported response files count alike. Pure.
 */
export type Done = { done: number; total: number };

export type Progress = {
  byCriterion: ReadonlyMap<string, Done>;
  /** Participants who have given a level for every criterion in scope. */
  overall: Done;
};

export function workshopProgress(
  criterionIds: readonly string[],
  participantIds: readonly string[],
  ratings: readonly Pick<IndividualRating, 'participantId' | 'criterionId' | 'level'>[],
): Progress {
  const inScope = new Set(criterionIds);
  const people = new Set(participantIds);
  // Per participant, the criteria in scope they gave a level for (a note alone is not a vote).
  const rated = new Map<string, Set<string>>();
  for (const rating of ratings) {
    if (rating.level === null || !inScope.has(rating.criterionId)) continue;
    if (!people.has(rating.participantId)) continue;
    const set = rated.get(rating.participantId) ?? new Set<string>();
    set.add(rating.criterionId);
    rated.set(rating.participantId, set);
  }
  const total = people.size;
  const byCriterion = new Map<string, Done>(
    criterionIds.map((id) => [
      id,
      { done: [...rated.values()].filter((set) => set.has(id)).length, total },
    ]),
  );
  const overall = {
    done: [...rated.values()].filter((set) => set.size === inScope.size).length,
    total,
  };
  return { byCriterion, overall };
}

/** When a vote reached this device: its level's edit stamp (set on import too), else ratedAt. */
export type TimedRating = Pick<IndividualRating, 'criterionId' | 'level'> & {
  ratedAt: number;
  stamps?: { level?: number | undefined } | undefined;
};

export type TimedAgreement = Pick<Agreement, 'criterionId' | 'level'> & { agreedAt: number };

/**
 * The criteria whose agreed level is older than a vote for them: a response file imported, or a
 * rating changed on the laptop, after the room agreed. In `criterionIds` order; a criterion with
 * no level agreed (only a note) is never flagged.
 */
export function votesAfterAgreement(
  criterionIds: readonly string[],
  ratings: readonly TimedRating[],
  agreements: readonly TimedAgreement[],
): string[] {
  const agreedAt = new Map(
    agreements.filter((a) => a.level !== null).map((a) => [a.criterionId, a.agreedAt]),
  );
  const late = new Set<string>();
  for (const rating of ratings) {
    if (rating.level === null) continue;
    const at = agreedAt.get(rating.criterionId);
    if (at === undefined) continue;
    if ((rating.stamps?.level ?? rating.ratedAt) > at) late.add(rating.criterionId);
  }
  return criterionIds.filter((id) => late.has(id));
}
