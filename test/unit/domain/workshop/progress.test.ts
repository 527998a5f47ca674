import { describe, expect, it } from 'vitest';
import { votesAfterAgreement, workshopProgress } from '@/domain/workshop/progress';

const rating = (participantId: string, criterionId: string, level: 'emerging' | null) => ({
  participantId,
  criterionId,
  level,
});

describe('workshopProgress', () => {
  it('counts per criterion the participants who gave a level, of all participants', () => {
    const progress = workshopProgress(
      ['a', 'b'],
      ['p1', 'p2', 'p3'],
      [
        rating('p1', 'a', 'emerging'),
        rating('p1', 'b', 'emerging'),
        rating('p2', 'a', 'emerging'),
        // A note without a level is not a vote.
        rating('p2', 'b', null),
        // Out of scope, or from someone who is not a participant: not counted.
        rating('p3', 'z', 'emerging'),
        rating('stranger', 'a', 'emerging'),
      ],
    );
    expect(progress.byCriterion.get('a')).toEqual({ done: 2, total: 3 });
    expect(progress.byCriterion.get('b')).toEqual({ done: 1, total: 3 });
    // Only p1 has rated every criterion in scope.
    expect(progress.overall).toEqual({ done: 1, total: 3 });
  });

  it('is nought of nought with no participants, and all done when everyone rated everything', () => {
    expect(workshopProgress(['a'], [], []).overall).toEqual({ done: 0, total: 0 });
    const all = workshopProgress(
      ['a', 'b'],
      ['p1', 'p2'],
      ['p1', 'p2'].flatMap((p) => [rating(p, 'a', 'emerging'), rating(p, 'b', 'emerging')]),
    );
    expect(all.overall).toEqual({ done: 2, total: 2 });
    expect([...all.byCriterion.values()]).toEqual([
      { done: 2, total: 2 },
      { done: 2, total: 2 },
    ]);
  });
});

describe('votesAfterAgreement', () => {
  const agreed = (
    criterionId: string,
    agreedAt: number,
    level: 'maturing' | null = 'maturing',
  ) => ({
    criterionId,
    level,
    agreedAt,
  });

  it('flags a criterion with a vote that arrived after its level was agreed', () => {
    const late = votesAfterAgreement(
      ['a', 'b', 'c'],
      [
        { criterionId: 'a', level: 'emerging', ratedAt: 100 },
        { criterionId: 'b', level: 'emerging', ratedAt: 300 },
        { criterionId: 'c', level: 'emerging', ratedAt: 300 },
      ],
      [agreed('a', 200), agreed('b', 200)],
    );
    // c was never agreed, so nothing arrived "after" it.
    expect(late).toEqual(['b']);
  });

  it('goes by when the vote arrived (its level stamp), not by when it was made', () => {
    // A response file made at 100, imported (stamped) at 300, after the agreement at 200.
    const imported = { criterionId: 'a', level: 'emerging' as const, ratedAt: 100 };
    expect(votesAfterAgreement(['a'], [imported], [agreed('a', 200)])).toEqual([]);
    expect(
      votesAfterAgreement(['a'], [{ ...imported, stamps: { level: 300 } }], [agreed('a', 200)]),
    ).toEqual(['a']);
  });

  it('ignores notes without a level and agreements without a level, keeps scope order', () => {
    expect(
      votesAfterAgreement(
        ['a'],
        [{ criterionId: 'a', level: null, ratedAt: 300 }],
        [agreed('a', 200)],
      ),
    ).toEqual([]);
    expect(
      votesAfterAgreement(
        ['a'],
        [{ criterionId: 'a', level: 'emerging', ratedAt: 300 }],
        [agreed('a', 200, null)],
      ),
    ).toEqual([]);
    expect(
      votesAfterAgreement(
        ['b', 'a'],
        [
          { criterionId: 'a', level: 'emerging', ratedAt: 300 },
          { criterionId: 'b', level: 'emerging', ratedAt: 300 },
        ],
        [agreed('a', 200), agreed('b', 200)],
      ),
    ).toEqual(['b', 'a']);
  });
});
