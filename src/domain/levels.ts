/**
 * The four maturity levels of the ICS maturity matrix, lowest first.
 * Persisted as these ids: never rename one without a storage migration.
 */
export const LEVEL_IDS = ['emerging', 'developing', 'maturing', 'thriving'] as const;

export type LevelId = (typeof LEVEL_IDS)[number];

/** 1 for emerging … 4 for thriving. */
export function levelRank(level: LevelId): number {
  return LEVEL_IDS.indexOf(level) + 1;
}

export function levelAtRank(rank: number): LevelId | undefined {
  return LEVEL_IDS[rank - 1];
}

export function isLevelId(value: unknown): value is LevelId {
  return typeof value === 'string' && (LEVEL_IDS as readonly string[]).includes(value);
}

export const MATURE_LEVEL: LevelId = 'maturing';

export const CONFIDENCE_IDS = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE_IDS)[number];
