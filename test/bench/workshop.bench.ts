import { bench, describe } from 'vitest';
import { allCriteria } from '@/domain/framework/parse-framework';
import { LEVEL_IDS } from '@/domain/levels';
import {
  byDisagreement,
  SECTORS,
  spreads,
  type IndividualRating,
  type Participant,
} from '@/domain/workshop/spread';
import { framework } from '../support/bench-data';

const criterionIds = allCriteria(framework).map((c) => c.id);
const participants: Participant[] = Array.from({ length: 40 }, (_, i) => ({
  id: `p${i}`,
  label: `Participant ${i}`,
  organisation: `Organisation ${i % 9}`,
  sector: SECTORS[i % SECTORS.length]!,
}));
const ratings: IndividualRating[] = participants.flatMap((p, i) =>
  criterionIds.map((criterionId, j) => ({
    participantId: p.id,
    criterionId,
    level: (i + j) % 11 === 0 ? null : (LEVEL_IDS[(i * 7 + j * 3) % 4] ?? null),
    note: '',
  })),
);

describe('workshop', () => {
  bench('workshop spread, 40 participants × 24 criteria', () => {
    byDisagreement(spreads(criterionIds, ratings, participants));
  });
});
