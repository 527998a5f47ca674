import { LEVEL_IDS, levelRank, type LevelId } from '../levels';
import type { Participant, Sector } from './participants';

/**
 * Workshop ratings: each participant rates privately, then the room sees the spread (domain notes
 * §4 item 6). A criterion is "split" when ratings differ by two or more levels, and must be
 * discussed and agreed before it counts. Pure.
 */

/** One participant's private rating of one criterion; level null means "did not rate". */
export type IndividualRating = {
  participantId: string;
  criterionId: string;
  level: LevelId | null;
  note: string;
};

export type Spread = {
  criterionId: string;
  /** How many participants gave a level. */
  count: number;
  counts: Record<LevelId, number>;
  /** Lower and upper median: equal when the middle falls on one level. */
  median: { low: LevelId; high: LevelId } | null;
  range: { min: LevelId; max: LevelId } | null;
  isSplit: boolean;
  /** Sorting key for "spend the time where it matters": range first, then spread around the median. */
  disagreement: number;
  bySector: Partial<Record<Sector, Record<LevelId, number>>>;
};

const emptyCounts = (): Record<LevelId, number> => ({
  emerging: 0,
  developing: 0,
  maturing: 0,
  thriving: 0,
});

export function spreadOf(
  criterionId: string,
  ratings: readonly IndividualRating[],
  sectorOf: (participantId: string) => Sector | undefined,
): Spread {
  const counts = emptyCounts();
  const bySector: Spread['bySector'] = {};
  const ranks: number[] = [];
  for (const rating of ratings) {
    if (rating.criterionId !== criterionId || rating.level === null) continue;
    counts[rating.level] += 1;
    ranks.push(levelRank(rating.level));
    const sector = sectorOf(rating.participantId) ?? 'other';
    const forSector = (bySector[sector] ??= emptyCounts());
    forSector[rating.level] += 1;
  }
  if (ranks.length === 0) {
    return {
      criterionId,
      count: 0,
      counts,
      median: null,
      range: null,
      isSplit: false,
      disagreement: 0,
      bySector,
    };
  }
  ranks.sort((a, b) => a - b);
  const level = (rank: number): LevelId => LEVEL_IDS[rank - 1]!;
  const low = ranks[Math.floor((ranks.length - 1) / 2)]!;
  const high = ranks[Math.ceil((ranks.length - 1) / 2)]!;
  const min = ranks[0]!;
  const max = ranks[ranks.length - 1]!;
  const centre = (low + high) / 2;
  const meanDistance = ranks.reduce((sum, r) => sum + Math.abs(r - centre), 0) / ranks.length;
  return {
    criterionId,
    count: ranks.length,
    counts,
    median: { low: level(low), high: level(high) },
    range: { min: level(min), max: level(max) },
    isSplit: max - min >= 2,
    disagreement: (max - min) * 10 + meanDistance,
    bySector,
  };
}

export function spreads(
  criterionIds: readonly string[],
  ratings: readonly IndividualRating[],
  participants: readonly Participant[],
): Spread[] {
  const sectors = new Map(participants.map((p) => [p.id, p.sector]));
  const byCriterion = new Map<string, IndividualRating[]>();
  for (const rating of ratings) {
    const list = byCriterion.get(rating.criterionId);
    if (list) list.push(rating);
    else byCriterion.set(rating.criterionId, [rating]);
  }
  return criterionIds.map((id) => spreadOf(id, byCriterion.get(id) ?? [], (p) => sectors.get(p)));
}

/** Most disagreement first; ties keep framework order. */
export function byDisagreement(list: readonly Spread[]): Spread[] {
  return list
    .map((spread, index) => ({ spread, index }))
    .sort((a, b) => b.spread.disagreement - a.spread.disagreement || a.index - b.index)
    .map(({ spread }) => spread);
}
