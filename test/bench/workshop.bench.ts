import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { allCriteria } from '@/domain/framework/lookups';
import { LEVEL_IDS, type LevelId } from '@/domain/levels';
import { makeResponse, readResponse } from '@/domain/workshop/response-file';
import { SECTORS, type Participant } from '@/domain/workshop/participants';
import { byDisagreement, spreads, type IndividualRating } from '@/domain/workshop/spread';
import { openFreshTestDatabase } from '@/storage/db';
import { createAssessment } from '@/storage/repositories/assessments-repo';
import { createWorkshop, importResponses } from '@/storage/repositories/workshops-repo';
import { framework } from '../support/bench-data';

/**
 * The workshop targets (bench/README.md): 40 participants × 24 criteria. The spread is the pure
 * domain; rendering the revealed spread is measured in Chromium (scripts/bench-browser.mjs). The
 * import still runs here on fake-indexeddb (not yet moved to the browser).
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

const now = Date.now();

/** Forty response files as the participants' devices would save them. */
function responseFiles(workshopId: string): string[] {
  return participants.map((participant, i) =>
    JSON.stringify(
      makeResponse({
        workshop: { id: workshopId, title: 'Bench workshop' },
        framework: { id: framework.id, version: framework.version },
        participant,
        ratings: criterionIds.map((criterionId, j) => ({
          criterionId,
          level: levelOf(i, j),
          note: '',
        })),
        submittedAt: new Date(now + i).toISOString(),
      }),
      null,
      2,
    ),
  );
}

describe('workshop', () => {
  bench('workshop spread, 40 participants × 24 criteria', () => {
    byDisagreement(spreads(criterionIds, ratings, participants));
  });

  bench(
    'workshop import, 40 response files',
    async () => {
      // A fresh workshop each time, so every file is new (fake-indexeddb: on the safe side).
      openFreshTestDatabase();
      const assessmentId = await createAssessment({
        systemName: 'Bench ICS',
        title: 'Bench',
        asAt: '2019-09-12',
        frameworkId: framework.id,
        frameworkVersion: framework.version,
      });
      const workshopId = await createWorkshop({
        assessmentId,
        title: 'Bench workshop',
        date: '2019-09-12',
        facilitator: '',
        isAnonymous: false,
        criterionIds,
      });
      const identity = {
        id: workshopId,
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        criterionIds: new Set(criterionIds),
        frameworkCriterionIds: new Set(criterionIds),
      };
      const accepted = responseFiles(workshopId).map((text) => {
        const read = readResponse(text, identity);
        if (!read.ok) throw new Error(`bench file refused: ${read.problem.code}`);
        return read.value;
      });
      const outcomes = await importResponses(workshopId, accepted);
      if (outcomes.filter((o) => o === 'added').length !== 40) throw new Error('import incomplete');
    },
    { iterations: 5, time: 0 },
  );
});
