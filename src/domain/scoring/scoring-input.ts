import { countEvidence, type Rating } from '../assessment';
import type { RatingsByCriterion } from './score-assessment';

export function toScoringInput(ratings: readonly Rating[]): RatingsByCriterion {
  const input: Record<string, { level: Rating['level']; evidenceCount: number }> = {};
  for (const rating of ratings) {
    input[rating.criterionId] = {
      level: rating.level,
      evidenceCount: countEvidence(rating.evidence),
    };
  }
  return input;
}
