import { levelRank, type LevelId } from '../levels';
import type { Result } from '../result';
import { criterionStatus, type Agreement, type CriterionStatus } from './agreement';
import {
  makeMarkedCode,
  readJoinCode,
  readMarkedCode,
  ROUND2_MARK,
  workshopKey,
  type JoinCodeProblem,
} from './join-code';
import type { Participant } from './participants';
import type { TimedRating } from './progress';
import { spreads, type IndividualRating, type Spread } from './spread';

/**
 * Rounds of a workshop (issue 12): everyone rates in private (round 1), the facilitator reveals,
 * the room discusses, and the facilitator may ask for a second private round (a re-vote) on some
 * criteria, by default the split ones. Round 2 votes stay hidden until the facilitator reveals
 * round 2; the spread then shows both rounds side by side and who moved. Pure.
 */
export type Round = 1 | 2;

/** The second round, kept on the workshop's record once the facilitator starts it. */
export type Round2 = {
  /** The criteria re-rated in round 2, in the workshop's order. */
  criterionIds: readonly string[];
  startedAt: number;
  /** When the facilitator revealed round 2's votes; null while they are hidden. */
  revealedAt: number | null;
};

export type RoundPhase = 'round-1' | 'round-2-voting' | 'round-2-revealed';

export function roundPhase(round2: Round2 | null | undefined): RoundPhase {
  if (!round2) return 'round-1';
  return round2.revealedAt === null ? 'round-2-voting' : 'round-2-revealed';
}

/**
 * The reveal of each round, as the workshop's record keeps it: round 1 criterion by criterion
 * (`revealedCriterionIds`), round 2 all at once (`round2.revealedAt`).
 */
export type RevealState = {
  revealedCriterionIds?: readonly string[] | undefined;
  round2?: Round2 | null | undefined;
};

/** Whether this criterion's round 1 votes have been revealed. */
export function isRound1Revealed(workshop: RevealState, criterionId: string): boolean {
  return workshop.revealedCriterionIds?.includes(criterionId) ?? false;
}

/** Whether every one of these criteria has its round 1 votes revealed (and there is one). */
export function isAllRevealed(workshop: RevealState, criterionIds: readonly string[]): boolean {
  const revealed = new Set(workshop.revealedCriterionIds);
  return criterionIds.length > 0 && criterionIds.every((id) => revealed.has(id));
}

/** The criteria revealed once these are revealed too: those already revealed, then the new. */
export function withRevealed(
  revealed: readonly string[] | undefined,
  criterionIds: readonly string[],
): string[] {
  const next = [...(revealed ?? [])];
  for (const id of criterionIds) if (!next.includes(id)) next.push(id);
  return next;
}

/**
 * A criterion's status from its latest round: a criterion in round 2 goes by round 2's votes and
 * round 2's reveal (round 1 is history there: "split" or "ready" from round 1 would mislead the
 * room while it re-votes), any other criterion by round 1's. `round2Spread` is null for a
 * criterion not in round 2.
 */
export function latestStatus(
  criterionId: string,
  spreads: { round1: Spread; round2Spread: Spread | null },
  agreement: Agreement | undefined,
  workshop: RevealState,
): CriterionStatus {
  const { round2 } = workshop;
  if (spreads.round2Spread && round2?.criterionIds.includes(criterionId))
    return criterionStatus(spreads.round2Spread, agreement, round2.revealedAt !== null);
  return criterionStatus(spreads.round1, agreement, isRound1Revealed(workshop, criterionId));
}

/** The criteria to offer for round 2 at first: those whose round 1 spread is split, in order. */
export function defaultRound2Criteria(round1: readonly Spread[]): string[] {
  return round1.filter((s) => s.isSplit).map((s) => s.criterionId);
}

/**
 * The round a level agreed now comes from: round 2 for a criterion re-rated in a round 2 that has
 * been revealed, else round 1.
 */
export function agreementRound(criterionId: string, round2: Round2 | null | undefined): Round {
  return round2 && round2.revealedAt !== null && round2.criterionIds.includes(criterionId) ? 2 : 1;
}

/** A private rating with its round 2 vote, if any (level only: notes belong to round 1). */
export type RatingWithRounds = IndividualRating & {
  round2?: { level: LevelId | null } | undefined;
};

/** The round 2 votes as ratings, for the criteria in round 2 only. */
export function round2Ratings(
  ratings: readonly RatingWithRounds[],
  round2: Pick<Round2, 'criterionIds'>,
): IndividualRating[] {
  const inRound = new Set(round2.criterionIds);
  return ratings
    .filter((r) => r.round2 && inRound.has(r.criterionId))
    .map((r) => ({
      participantId: r.participantId,
      criterionId: r.criterionId,
      level: r.round2!.level,
      note: '',
    }));
}

export type RoundSpreads = {
  criterionId: string;
  round1: Spread;
  round2: Spread;
};

/** Round 1 and round 2 spreads side by side, for the criteria in round 2, in its order. */
export function spreadsByRound(
  ratings: readonly RatingWithRounds[],
  participants: readonly Participant[],
  round2: Pick<Round2, 'criterionIds'>,
): RoundSpreads[] {
  const ids = round2.criterionIds;
  const first = spreads(ids, ratings, participants);
  const second = spreads(ids, round2Ratings(ratings, round2), participants);
  return ids.map((criterionId, i) => ({ criterionId, round1: first[i]!, round2: second[i]! }));
}

export type Direction = 'up' | 'down' | 'same';

/** One participant's votes in both rounds of one criterion. */
export type Move = {
  participantId: string;
  from: LevelId;
  to: LevelId;
  direction: Direction;
};

/**
 * Who moved on one criterion: every participant who gave a level in both rounds, in the order of
 * `participantIds` (a participant who voted in one round only did not move: nothing to compare).
 */
export function movesOf(
  criterionId: string,
  ratings: readonly RatingWithRounds[],
  participantIds: readonly string[],
): Move[] {
  const byParticipant = new Map<string, RatingWithRounds>();
  for (const r of ratings) if (r.criterionId === criterionId) byParticipant.set(r.participantId, r);
  const moves: Move[] = [];
  for (const participantId of participantIds) {
    const r = byParticipant.get(participantId);
    const to = r?.round2?.level ?? null;
    if (!r || r.level === null || to === null) continue;
    const change = levelRank(to) - levelRank(r.level);
    moves.push({
      participantId,
      from: r.level,
      to,
      direction: change > 0 ? 'up' : change < 0 ? 'down' : 'same',
    });
  }
  return moves;
}

/** How many moved up, how many down and how many stayed: what an anonymous workshop shows. */
export type MoveCounts = Record<Direction, number>;

export function countMoves(moves: readonly Move[]): MoveCounts {
  const counts: MoveCounts = { up: 0, down: 0, same: 0 };
  for (const move of moves) counts[move.direction] += 1;
  return counts;
}

/**
 * The round 2 code: own devices learn which criteria are in round 2 from a code the facilitator
 * shows, typed on the participant's device with no network. It has the join code's form
 * (join-code.ts: key, scope, check character) after the mark "R2", with round 2's criteria as its
 * scope and, in place of the workshop key, a key derived from it (`round2Seed`): both sides can
 * work it out (a device joined by code knows only the workshop key), and the workshop's join code
 * is never mistaken for a round 2 code. The check character covers the mark too, and refuses a
 * mistyped character or two swapped neighbours. The mark lets a device that never joined refuse a
 * round 2 code typed on its Join screen (readJoinCode) instead of joining a workshop that is not
 * there. Codes made before the mark (the same characters without "R2") are still read here.
 */
const round2Seed = (key: string): string => `${key}#round-2`;

export function makeRound2Code(input: {
  workshopId: string;
  frameworkCriterionIds: readonly string[];
  round2: Pick<Round2, 'criterionIds'>;
}): string {
  return makeMarkedCode(ROUND2_MARK, {
    workshopId: round2Seed(workshopKey(input.workshopId)),
    frameworkCriterionIds: input.frameworkCriterionIds,
    criterionIds: input.round2.criterionIds,
  });
}

export type Round2CodeProblem =
  | JoinCodeProblem
  /** This workshop's own join code (round 1), typed where the round 2 code goes. */
  | { code: 'join-code' }
  /** A well-formed code for another workshop (the join code of another, say). */
  | { code: 'other-workshop' }
  /** None of its criteria are ones this device rates. */
  | { code: 'no-criteria' };

/**
 * Reads a round 2 code on a participant's device. `joinedWorkshopId` is what the device recorded:
 * the workshop's id (joined with the invitation file) or its workshop key (joined by code). Gives
 * the round 2 criteria this device rates, in its order.
 */
export function readRound2Code(
  typed: string,
  joined: { workshopId: string; criterionIds: readonly string[] },
  frameworkCriterionIds: readonly string[],
): Result<string[], Round2CodeProblem> {
  const marked = readMarkedCode(typed, frameworkCriterionIds, ROUND2_MARK);
  // Not the length of a marked code: perhaps one made before the mark, or the join code.
  const unmarked =
    !marked.ok && marked.problem.code === 'wrong-length'
      ? readJoinCode(typed, frameworkCriterionIds)
      : null;
  const read =
    unmarked && (unmarked.ok || unmarked.problem.code !== 'wrong-length') ? unmarked : marked;
  if (!read.ok) return read;
  const key = read.value.workshopId;
  // The device recorded the workshop key (joined by code) or the workshop's id (invitation).
  const expected = [joined.workshopId, workshopKey(joined.workshopId)].map((k) =>
    workshopKey(round2Seed(k)),
  );
  if (!expected.includes(key)) {
    // The workshop's own join code is the likeliest mix-up: say so plainly.
    const own = [joined.workshopId, workshopKey(joined.workshopId)];
    return { ok: false, problem: { code: own.includes(key) ? 'join-code' : 'other-workshop' } };
  }
  const inCode = new Set(read.value.criterionIds);
  const ids = joined.criterionIds.filter((id) => inCode.has(id));
  if (ids.length === 0) return { ok: false, problem: { code: 'no-criteria' } };
  return { ok: true, value: ids };
}

/**
 * Whether a checked join code (its key, as readJoinCode gives it) is in fact the round 2 code of
 * a workshop joined on this device: typed on the Join screen, it would join a workshop that does
 * not exist. Gives that workshop's id (as the device recorded it), or null.
 */
export function round2CodeOf(key: string, joinedWorkshopIds: readonly string[]): string | null {
  return (
    joinedWorkshopIds.find((id) =>
      [id, workshopKey(id)].some((k) => workshopKey(round2Seed(k)) === key),
    ) ?? null
  );
}

/**
 * Every vote with when it reached this device, round 2 votes too: so a round 2 vote made or
 * imported after its criterion was agreed is flagged like a late round 1 vote (progress.ts).
 */
export function timedVotes(
  ratings: readonly (TimedRating & {
    round2?: { level: LevelId | null; ratedAt: number } | undefined;
  })[],
): TimedRating[] {
  return ratings.flatMap((r) =>
    r.round2
      ? [r, { criterionId: r.criterionId, level: r.round2.level, ratedAt: r.round2.ratedAt }]
      : [r],
  );
}
