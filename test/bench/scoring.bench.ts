import { bench, describe } from 'vitest';
import frameworkJson from '@/content/frameworks/ics-maturity-2019.json';
import { allCriteria, parseFramework } from '@/domain/framework/parse-framework';
import { LEVEL_IDS } from '@/domain/levels';
import { scoreAssessment, type RatingsByCriterion } from '@/domain/scoring/score-assessment';

const parsed = parseFramework(frameworkJson);
if (!parsed.ok) throw new Error(parsed.reason);
const framework = parsed.value;
const criteria = allCriteria(framework);

/** Deterministic pseudo-random numbers (mulberry32), so every run scores the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function assessment(next: () => number): RatingsByCriterion {
  const ratings: Record<string, { level: (typeof LEVEL_IDS)[number] | null; evidenceCount: number }> = {};
  for (const criterion of criteria) {
    const roll = next();
    ratings[criterion.id] = {
      level: roll < 0.15 ? null : (LEVEL_IDS[Math.floor(next() * 4)] ?? null),
      evidenceCount: Math.floor(next() * 3),
    };
  }
  return ratings;
}

const next = random(2019);
const one = assessment(next);
const many = Array.from({ length: 10_000 }, () => assessment(next));

describe('scoring', () => {
  bench('score one assessment (24 criteria)', () => {
    scoreAssessment(framework, one);
  });

  bench(
    'score 10,000 assessments',
    () => {
      for (const ratings of many) scoreAssessment(framework, ratings);
    },
    { iterations: 10, time: 0 },
  );
});
