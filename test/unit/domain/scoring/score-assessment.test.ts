import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Framework } from '@/domain/framework/schema';
import { LEVEL_IDS, levelRank, type LevelId } from '@/domain/levels';
import {
  characteristicLevel,
  scoreAssessment,
  type RatingsByCriterion,
} from '@/domain/scoring/score-assessment';
import { shippedFramework } from '../../../support/framework';

const ics = shippedFramework;

/** A framework with one characteristic per entry of `sizes`, criteria named c<i>.<j>. */
function tinyFramework(sizes: number[]): Framework {
  return {
    ...ics,
    characteristics: sizes.map((size, i) => ({
      id: `c${i}`,
      title: `Characteristic ${i}`,
      matrixRow: `Row ${i}`,
      summary: 'Summary',
      criteria: Array.from({ length: size }, (_, j) => ({
        id: `c${i}.${j}`,
        title: `Criterion ${i}.${j}`,
        descriptors: { emerging: 'e', developing: 'd', maturing: 'm', thriving: 't' },
        evidence: [],
      })),
    })),
  };
}

function ratings(levels: (LevelId | null)[], prefix = 'c0', evidenceCount = 1): RatingsByCriterion {
  return Object.fromEntries(levels.map((level, j) => [`${prefix}.${j}`, { level, evidenceCount }]));
}

describe('characteristic level: majority with a floor', () => {
  it('gives developing for the worked example (maturing ×3, developing, emerging)', () => {
    expect(
      characteristicLevel(['maturing', 'maturing', 'maturing', 'developing', 'emerging']),
    ).toBe('developing');
  });

  it('needs at least half (rounded up) of the assessed criteria at the level', () => {
    expect(characteristicLevel(['thriving', 'thriving', 'maturing', 'maturing', 'maturing'])).toBe(
      'maturing',
    );
    expect(characteristicLevel(['thriving', 'thriving', 'thriving', 'maturing', 'maturing'])).toBe(
      'thriving',
    );
    // 2 of 4 is half: enough.
    expect(characteristicLevel(['thriving', 'thriving', 'maturing', 'maturing'])).toBe('thriving');
  });

  it('never sits more than one level above the lowest assessed criterion', () => {
    expect(characteristicLevel(['thriving', 'thriving', 'thriving', 'thriving', 'emerging'])).toBe(
      'developing',
    );
    expect(
      characteristicLevel(['thriving', 'thriving', 'thriving', 'thriving', 'developing']),
    ).toBe('maturing');
  });

  it('is emerging when everything assessed is emerging, and undefined for nothing assessed', () => {
    expect(characteristicLevel(['emerging'])).toBe('emerging');
    expect(characteristicLevel([])).toBeNull();
  });
});

describe('scoreAssessment', () => {
  it('treats an unanswered criterion as not assessed, never as emerging', () => {
    const fw = tinyFramework([5]);
    const score = scoreAssessment(fw, ratings(['maturing', 'maturing', 'maturing', null, null]));
    expect(score.characteristics[0]).toMatchObject({
      status: 'scored',
      level: 'maturing',
      assessedCount: 3,
      notAssessed: ['c0.3', 'c0.4'],
    });
    expect(score.characteristics[0]?.levelCounts.emerging).toBe(0);
  });

  it('marks a characteristic with fewer than half its criteria assessed as insufficient', () => {
    const five = tinyFramework([5]);
    expect(
      scoreAssessment(five, ratings(['thriving', 'thriving'])).characteristics[0],
    ).toMatchObject({
      status: 'insufficient',
      level: null,
      requiredCount: 3,
    });
    expect(
      scoreAssessment(five, ratings(['thriving', 'thriving', 'thriving'])).characteristics[0]
        ?.status,
    ).toBe('scored');
    const four = tinyFramework([4]);
    expect(
      scoreAssessment(four, ratings(['developing', 'developing'])).characteristics[0],
    ).toMatchObject({
      status: 'scored',
      level: 'developing',
      requiredCount: 2,
    });
  });

  it('takes the lowest characteristic level as the overall level', () => {
    const fw = tinyFramework([3, 3]);
    const score = scoreAssessment(fw, {
      ...ratings(['thriving', 'thriving', 'thriving'], 'c0'),
      ...ratings(['developing', 'developing', 'developing'], 'c1'),
    });
    expect(score.overall).toBe('developing');
    expect(score.isProvisional).toBe(false);
  });

  it('ignores insufficient characteristics for the overall level but never calls the system mature', () => {
    const fw = tinyFramework([3, 3]);
    const score = scoreAssessment(fw, ratings(['thriving', 'thriving', 'thriving'], 'c0'));
    expect(score.overall).toBe('thriving');
    expect(score.insufficientCount).toBe(1);
    expect(score.isMature).toBe(false);
    expect(score.isProvisional).toBe(true);
  });

  it('has no overall level when no characteristic can be scored', () => {
    const score = scoreAssessment(ics, {});
    expect(score.overall).toBeNull();
    expect(score.insufficientCount).toBe(5);
    expect(score.assessedCount).toBe(0);
    expect(score.criteriaCount).toBe(24);
  });

  it('calls a system mature only with all five characteristics at maturing or above', () => {
    const all = (level: LevelId): RatingsByCriterion =>
      Object.fromEntries(
        ics.characteristics.flatMap((c) =>
          c.criteria.map((cr) => [cr.id, { level, evidenceCount: 1 }]),
        ),
      );
    expect(scoreAssessment(ics, all('maturing')).isMature).toBe(true);
    expect(scoreAssessment(ics, all('thriving')).matureCharacteristicCount).toBe(5);
    const oneShort = {
      ...all('maturing'),
      'population.footprint': { level: 'emerging' as const, evidenceCount: 1 },
    };
    const score = scoreAssessment(ics, oneShort);
    expect(score.characteristics.find((c) => c.characteristicId === 'population')?.level).toBe(
      'developing',
    );
    expect(score.isMature).toBe(false);
    expect(score.overall).toBe('developing');
  });

  it('is provisional while any criterion is not assessed', () => {
    const fw = tinyFramework([2]);
    expect(scoreAssessment(fw, ratings(['maturing', null])).isProvisional).toBe(true);
    expect(scoreAssessment(fw, ratings(['maturing', 'maturing'])).isProvisional).toBe(false);
  });

  it('flags maturing and thriving ratings without evidence as unevidenced, and only those', () => {
    const fw = tinyFramework([4]);
    const score = scoreAssessment(
      fw,
      ratings(['emerging', 'developing', 'maturing', 'thriving'], 'c0', 0),
    );
    expect(score.unevidenced).toEqual(['c0.2', 'c0.3']);
    expect(score.characteristics[0]?.unevidenced).toEqual(['c0.2', 'c0.3']);
    const evidenced = scoreAssessment(fw, ratings(['maturing', 'thriving'], 'c0', 1));
    expect(evidenced.unevidenced).toEqual([]);
    // The flag does not change the level.
    expect(score.characteristics[0]?.level).toBe(
      scoreAssessment(fw, ratings(['emerging', 'developing', 'maturing', 'thriving'], 'c0', 1))
        .characteristics[0]?.level,
    );
  });
});

const levelOrNull = fc.option(fc.constantFrom(...LEVEL_IDS), { nil: null });
const icsCriteria = ics.characteristics.flatMap((c) => c.criteria.map((cr) => cr.id));
const icsRatings = fc
  .array(fc.tuple(levelOrNull, fc.nat(2)), {
    minLength: icsCriteria.length,
    maxLength: icsCriteria.length,
  })
  .map((values) =>
    Object.fromEntries(
      values.map(([level, evidenceCount], i) => [icsCriteria[i], { level, evidenceCount }]),
    ),
  ) as fc.Arbitrary<RatingsByCriterion>;

const rankOrZero = (level: LevelId | null): number => (level ? levelRank(level) : 0);

describe('scoring properties', () => {
  it('raising one assessed rating never lowers any characteristic or the overall level', () => {
    fc.assert(
      fc.property(icsRatings, fc.nat(icsCriteria.length - 1), (before, index) => {
        const id = icsCriteria[index] ?? '';
        const rating = before[id];
        fc.pre(rating?.level != null && rating.level !== 'thriving');
        const raised = LEVEL_IDS[levelRank(rating!.level!)]!;
        const after = { ...before, [id]: { ...rating!, level: raised } };
        const a = scoreAssessment(ics, before);
        const b = scoreAssessment(ics, after);
        a.characteristics.forEach((c, i) => {
          expect(b.characteristics[i]?.status).toBe(c.status);
          expect(rankOrZero(b.characteristics[i]?.level ?? null)).toBeGreaterThanOrEqual(
            rankOrZero(c.level),
          );
        });
        expect(rankOrZero(b.overall)).toBeGreaterThanOrEqual(rankOrZero(a.overall));
      }),
      { numRuns: 500 },
    );
  });

  it('the order of criteria never changes a result', () => {
    fc.assert(
      fc.property(icsRatings, fc.infiniteStream(fc.nat()), (input, randoms) => {
        const shuffled: Framework = {
          ...ics,
          characteristics: ics.characteristics.map((c) => ({
            ...c,
            criteria: c.criteria
              .map((criterion) => ({ criterion, key: randoms.next().value as number }))
              .sort((x, y) => x.key - y.key)
              .map(({ criterion }) => criterion),
          })),
        };
        const a = scoreAssessment(ics, input);
        const b = scoreAssessment(shuffled, input);
        expect(b.overall).toBe(a.overall);
        expect(b.isMature).toBe(a.isMature);
        expect(b.isProvisional).toBe(a.isProvisional);
        b.characteristics.forEach((c, i) => {
          expect(c.level).toBe(a.characteristics[i]?.level);
          expect(c.status).toBe(a.characteristics[i]?.status);
          expect(new Set(c.unevidenced)).toEqual(new Set(a.characteristics[i]?.unevidenced));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a characteristic level lies between the lowest assessed level + 1 and the highest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LEVEL_IDS), { minLength: 1, maxLength: 8 }),
        (levels) => {
          const ranks = levels.map(levelRank);
          const result = levelRank(characteristicLevel(levels)!);
          expect(result).toBeLessThanOrEqual(Math.max(...ranks));
          expect(result).toBeLessThanOrEqual(Math.min(...ranks) + 1);
          expect(result).toBeGreaterThanOrEqual(Math.min(...ranks));
        },
      ),
      { numRuns: 500 },
    );
  });
});
