import type { LevelId } from '../levels';
import type { Spread } from './spread';

/** The level the room agreed for one criterion, why, and any dissent. Pure. */
export type Agreement = {
  criterionId: string;
  level: LevelId | null;
  rationale: string;
  dissent: string;
  /** The round the level came from (absent: round 1). */
  round?: 1 | 2;
};

export type CriterionStatus = 'not-rated' | 'votes-hidden' | 'needs-agreement' | 'ready' | 'agreed';

/**
 * A split criterion is not scored until agreed; an agreed one counts with its agreed level. Until
 * its votes are revealed a rated criterion is only "votes hidden": "split" or "ready" would tell
 * the room how the votes fell before it has discussed them.
 */
export function criterionStatus(
  spread: Spread,
  agreement: Agreement | undefined,
  isRevealed = true,
): CriterionStatus {
  if (agreement && agreement.level !== null) return 'agreed';
  if (spread.count === 0) return 'not-rated';
  if (!isRevealed) return 'votes-hidden';
  return spread.isSplit ? 'needs-agreement' : 'ready';
}
