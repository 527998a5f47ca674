import { bench, describe } from 'vitest';
import { allCriteria } from '@/domain/framework/lookups';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import { SECTORS, type Participant } from '@/domain/workshop/participants';
import { byDisagreement, spreads, type IndividualRating } from '@/domain/workshop/spread';
import { framework } from '../support/bench-data';

/**
 * The workshop spread (bench/README.md), 40 participants × 24 criteria: the pure domain. Revealing
 * the spread on screen and importing 40 response files are measured in Chromium
 * (scripts/bench-browser.mjs).
 */
const criterionIds = allCriteria(framework).map((c) => c.id);
const participants: Participant[] = Array.from({ length: 40 }, (_, i) => ({
  id: `p${i}`,
  label: `Participant ${i}`,
  organisation: `Organisation ${i % 9}`,
  sector: SECTORS[i % SECTORS.length]!,
}));
const levelOf = (i: number, j: number): LevelId | null =>
  (i + j) % 11 === 0 ? null : (LEVEL_IDS[(i * 7 + j * 3) % 4] ?? null);
const ratings: IndividualRating[] = participants.flatMap((p, i) =>
  criterionIds.map((criterionId, j) => ({
    participantId: p.id,
    criterionId,
    level: levelOf(i, j),
    note: j % 4 === 0 ? `Note from ${p.label} on ${criterionId}` : '',
  })),
);

describe('workshop', () => {
  bench('workshop spread, 40 participants × 24 criteria', () => {
    byDisagreement(spreads(criterionIds, ratings, participants));
  });
});
