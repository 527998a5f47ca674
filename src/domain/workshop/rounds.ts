import { levelRank, type LevelId } from '../levels';
import type { Participant } from './participants';
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
