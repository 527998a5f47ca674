import { LEVEL_IDS, MATURE_LEVEL, levelRank, type LevelId } from '../levels';
import type { Characteristic, Framework } from '../framework/schema';

/**
 * Scoring rules of the ICS maturity self-assessment (docs/scoring.md, domain notes §4 items 1–5).
 * Pure: plain data in, plain data out. No averages anywhere: levels are ordered categories.
 */

/** What scoring needs to know about one criterion's rating. */
export type RatingForScoring = {
  /** null (or absent) means "not assessed", never "emerging". */
  level: LevelId | null;
  /** Evidence items with some text. */
  evidenceCount: number;
};

export type RatingsByCriterion = Readonly<Record<string, RatingForScoring | undefined>>;

export type CharacteristicScore = {
  characteristicId: string;
  status: 'scored' | 'insufficient';
  /** null when status is 'insufficient'. */
  level: LevelId | null;
  assessedCount: number;
  criteriaCount: number;
  /** Least number of assessed criteria for a level: half the criteria, rounded up. */
  requiredCount: number;
  notAssessed: string[];
  unevidenced: string[];
  levelCounts: Record<LevelId, number>;
};

export type AssessmentScore = {
  characteristics: CharacteristicScore[];
  /** Lowest level among scored characteristics; null when none could be scored. */
  overall: LevelId | null;
  /** All characteristics at maturing or above and none insufficient. */
  isMature: boolean;
  /** True while any criterion is not assessed. */
  isProvisional: boolean;
  assessedCount: number;
  criteriaCount: number;
  insufficientCount: number;
  /** Characteristics scored at maturing or above. */
  matureCharacteristicCount: number;
  unevidenced: string[];
};

const halfRoundedUp = (n: number): number => Math.ceil(n / 2);

/**
 * The highest level L where at least half (rounded up) of the assessed levels are at L or above
 * and no assessed level is more than one level below L. Returns null for an empty list.
 */
export function characteristicLevel(assessed: readonly LevelId[]): LevelId | null {
  if (assessed.length === 0) return null;
  const ranks = assessed.map(levelRank);
  const lowest = Math.min(...ranks);
  const needed = halfRoundedUp(ranks.length);
  for (let rank = LEVEL_IDS.length; rank >= 1; rank--) {
    const atOrAbove = ranks.filter((r) => r >= rank).length;
    if (atOrAbove >= needed && lowest >= rank - 1) return LEVEL_IDS[rank - 1] ?? null;
  }
  return null; // unreachable: emerging always qualifies
}

export function isUnevidenced(rating: RatingForScoring | undefined): boolean {
  return (
    rating?.level != null &&
    levelRank(rating.level) >= levelRank(MATURE_LEVEL) &&
    rating.evidenceCount === 0
  );
}

export function scoreCharacteristic(
  characteristic: Characteristic,
  ratings: RatingsByCriterion,
): CharacteristicScore {
  const levelCounts: Record<LevelId, number> = {
    emerging: 0,
    developing: 0,
    maturing: 0,
    thriving: 0,
  };
  const assessedLevels: LevelId[] = [];
  const notAssessed: string[] = [];
  const unevidenced: string[] = [];
  for (const criterion of characteristic.criteria) {
    const rating = ratings[criterion.id];
    if (rating?.level == null) {
      notAssessed.push(criterion.id);
      continue;
    }
    assessedLevels.push(rating.level);
    levelCounts[rating.level] += 1;
    if (isUnevidenced(rating)) unevidenced.push(criterion.id);
  }
  const criteriaCount = characteristic.criteria.length;
  const requiredCount = halfRoundedUp(criteriaCount);
  const isSufficient = assessedLevels.length >= requiredCount;
  return {
    characteristicId: characteristic.id,
    status: isSufficient ? 'scored' : 'insufficient',
    level: isSufficient ? characteristicLevel(assessedLevels) : null,
    assessedCount: assessedLevels.length,
    criteriaCount,
    requiredCount,
    notAssessed,
    unevidenced,
    levelCounts,
  };
}

export function scoreAssessment(
  framework: Framework,
  ratings: RatingsByCriterion,
): AssessmentScore {
  const characteristics = framework.characteristics.map((c) => scoreCharacteristic(c, ratings));
  let lowestRank = Infinity;
  let insufficientCount = 0;
  let matureCharacteristicCount = 0;
  let assessedCount = 0;
  let criteriaCount = 0;
  const unevidenced: string[] = [];
  for (const score of characteristics) {
    assessedCount += score.assessedCount;
    criteriaCount += score.criteriaCount;
    unevidenced.push(...score.unevidenced);
    if (score.level === null) {
      insufficientCount += 1;
      continue;
    }
    const rank = levelRank(score.level);
    lowestRank = Math.min(lowestRank, rank);
    if (rank >= levelRank(MATURE_LEVEL)) matureCharacteristicCount += 1;
  }
  return {
    characteristics,
    overall: Number.isFinite(lowestRank) ? (LEVEL_IDS[lowestRank - 1] ?? null) : null,
    isMature: insufficientCount === 0 && matureCharacteristicCount === characteristics.length,
    isProvisional: assessedCount < criteriaCount,
    assessedCount,
    criteriaCount,
    insufficientCount,
    matureCharacteristicCount,
    unevidenced,
  };
}
