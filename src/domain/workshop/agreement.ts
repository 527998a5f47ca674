import type { LevelId } from '../levels';
import type { Spread } from './spread';

/** The level the room agreed for one criterion, why, and any dissent. Pure. */
export type Agreement = {
  criterionId: string;
  level: LevelId | null;
  rationale: string;
  dissent: string;
};

export type CriterionStatus = 'not-rated' | 'needs-agreement' | 'ready' | 'agreed';

/** A split criterion is not scored until agreed; an agreed one counts with its agreed level. */
export function criterionStatus(spread: Spread, agreement: Agreement | undefined): CriterionStatus {
  if (agreement && agreement.level !== null) return 'agreed';
  if (spread.count === 0) return 'not-rated';
  return spread.isSplit ? 'needs-agreement' : 'ready';
}
