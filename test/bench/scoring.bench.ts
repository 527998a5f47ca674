// Scoring speed, run by `npm run bench` (scripts/bench.mjs) through `vitest bench`.
// The script finds these benchmarks by the start of their names: keep the names stable.
import { bench, describe } from 'vitest';
import { allCriteria } from '@/domain/framework/lookups';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import {
  scoreAssessment,
  type RatingForScoring,
  type RatingsByCriterion,
} from '@/domain/scoring/score-assessment';
import { shippedFramework } from '../support/framework';

const framework = shippedFramework;
const criteria = allCriteria(framework);

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): every run scores the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (next: () => number, below: number): number => Math.floor(next() * below);

/** A level near the team's overall view of itself: one level either side, at most. */
function levelNear(next: () => number, baseRank: number): LevelId {
  const rank = Math.min(Math.max(baseRank + pick(next, 3) - 1, 0), LEVEL_IDS.length - 1);
  return LEVEL_IDS[rank] ?? 'emerging';
}

/**
 * One team's ratings: between half and all of the criteria assessed (drafts included), levels
 * clustered around a base level, 0–3 evidence items (so some maturing ratings are unevidenced).
 */
function assessment(next: () => number): RatingsByCriterion {
  const completion = 0.5 + next() * 0.5;
  const baseRank = pick(next, LEVEL_IDS.length);
  const ratings: Record<string, RatingForScoring> = {};
  for (const criterion of criteria) {
    const assessed = next() < completion;
    ratings[criterion.id] = {
      level: assessed ? levelNear(next, baseRank) : null,
      evidenceCount: assessed ? pick(next, 4) : 0,
    };
  }
  return ratings;
}

const next = random(2019);
const one = assessment(next);
const many = Array.from({ length: 10_000 }, () => assessment(next));

/** Criteria assessed over all runs, read after each benchmark so the JIT cannot drop the work. */
let scored = 0;
function checkScored(): void {
  if (scored === 0) throw new Error('the benchmark scored nothing');
}

describe('scoring', () => {
  bench(
    `score one assessment (${criteria.length} criteria)`,
    () => {
      scored += scoreAssessment(framework, one).assessedCount;
    },
    { teardown: checkScored },
  );

  bench(
    'score 10,000 assessments',
    () => {
      for (const ratings of many) scored += scoreAssessment(framework, ratings).assessedCount;
    },
    { iterations: 15, time: 0, warmupIterations: 2, warmupTime: 0, teardown: checkScored },
  );
});
