import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVEL_IDS, levelRank, type LevelId } from '@/domain/levels';
import type { Participant } from '@/domain/workshop/participants';
import {
  agreementRound,
  countMoves,
  defaultRound2Criteria,
  isAllRevealed,
  isRound1Revealed,
  latestStatus,
  withRevealed,
  makeRound2Code,
  movesOf,
  readRound2Code,
  round2CodeOf,
  round2Ratings,
  roundPhase,
  spreadsByRound,
  timedVotes,
  type RatingWithRounds,
} from '@/domain/workshop/rounds';
import { makeJoinCode, readJoinCode, workshopKey } from '@/domain/workshop/join-code';
import { votesAfterAgreement } from '@/domain/workshop/progress';
import { spreads } from '@/domain/workshop/spread';

const people: Participant[] = ['a', 'b', 'c'].map((id) => ({
  id,
  label: id.toUpperCase(),
  organisation: '',
  sector: 'other',
}));

const vote = (
  participantId: string,
  criterionId: string,
  level: LevelId | null,
  again?: LevelId | null,
): RatingWithRounds => ({
  participantId,
  criterionId,
  level,
  note: '',
  ...(again !== undefined ? { round2: { level: again } } : {}),
});

describe('workshop rounds', () => {
  it('goes from round 1 to round 2 voting to round 2 revealed', () => {
    expect(roundPhase(undefined)).toBe('round-1');
    expect(roundPhase({ criterionIds: ['x'], startedAt: 1, revealedAt: null })).toBe(
      'round-2-voting',
    );
    expect(roundPhase({ criterionIds: ['x'], startedAt: 1, revealedAt: 2 })).toBe(
      'round-2-revealed',
    );
  });

  it('offers the split criteria for round 2, in order', () => {
    const ratings = [
      vote('a', 'x', 'emerging'),
      vote('b', 'x', 'maturing'),
      vote('a', 'y', 'developing'),
      vote('b', 'y', 'maturing'),
      vote('a', 'z', 'thriving'),
      vote('b', 'z', 'developing'),
    ];
    expect(defaultRound2Criteria(spreads(['x', 'y', 'z'], ratings, people))).toEqual(['x', 'z']);
  });

  it('records an agreement as from round 2 only for a re-rated criterion once round 2 is revealed', () => {
    const hidden = { criterionIds: ['x'], startedAt: 1, revealedAt: null };
    const shown = { ...hidden, revealedAt: 2 };
    expect(agreementRound('x', undefined)).toBe(1);
    expect(agreementRound('x', hidden)).toBe(1);
    expect(agreementRound('x', shown)).toBe(2);
    expect(agreementRound('y', shown)).toBe(1);
  });

  it('shows round 1 and round 2 side by side for the re-rated criteria only', () => {
    const ratings = [
      vote('a', 'x', 'emerging', 'developing'),
      vote('b', 'x', 'maturing', 'developing'),
      vote('c', 'x', 'developing'),
      vote('a', 'y', 'emerging', 'thriving'),
    ];
    const [x, ...rest] = spreadsByRound(ratings, people, { criterionIds: ['x'] });
    expect(rest).toEqual([]);
    expect(x!.round1.counts).toEqual({ emerging: 1, developing: 1, maturing: 1, thriving: 0 });
    expect(x!.round1.isSplit).toBe(true);
    expect(x!.round2.counts).toEqual({ emerging: 0, developing: 2, maturing: 0, thriving: 0 });
    expect(x!.round2.isSplit).toBe(false);
    // y is not in round 2: its round 2 vote is not counted anywhere.
    expect(round2Ratings(ratings, { criterionIds: ['x'] }).map((r) => r.criterionId)).toEqual([
      'x',
      'x',
    ]);
  });

  it('says who moved, which way, and counts them without names', () => {
    const ratings = [
      vote('a', 'x', 'emerging', 'developing'),
      vote('b', 'x', 'thriving', 'developing'),
      vote('c', 'x', 'developing', 'developing'),
      vote('c', 'y', 'emerging', 'thriving'),
    ];
    const moves = movesOf('x', ratings, ['a', 'b', 'c']);
    expect(moves).toEqual([
      { participantId: 'a', from: 'emerging', to: 'developing', direction: 'up' },
      { participantId: 'b', from: 'thriving', to: 'developing', direction: 'down' },
      { participantId: 'c', from: 'developing', to: 'developing', direction: 'same' },
    ]);
    expect(countMoves(moves)).toEqual({ up: 1, down: 1, same: 1 });
  });

  it('leaves out anyone who voted in one round only', () => {
    const ratings = [
      vote('a', 'x', null, 'developing'),
      vote('b', 'x', 'thriving'),
      vote('c', 'x', 'thriving', null),
    ];
    expect(movesOf('x', ratings, ['a', 'b', 'c'])).toEqual([]);
  });

  const level = fc.constantFrom<LevelId | null>(...LEVEL_IDS, null);
  const ballots = fc.array(
    fc.record({ participant: fc.constantFrom('a', 'b', 'c'), first: level, second: level }),
    { maxLength: 3 },
  );

  it('counts every pair of votes once, in the direction of the change', () => {
    fc.assert(
      fc.property(ballots, (list) => {
        const unique = [...new Map(list.map((b) => [b.participant, b])).values()];
        const ratings = unique.map((b) => vote(b.participant, 'x', b.first, b.second));
        const moves = movesOf('x', ratings, ['a', 'b', 'c']);
        const both = unique.filter((b) => b.first !== null && b.second !== null);
        expect(moves).toHaveLength(both.length);
        const counts = countMoves(moves);
        expect(counts.up + counts.down + counts.same).toBe(both.length);
        for (const move of moves) {
          const change = levelRank(move.to) - levelRank(move.from);
          expect(move.direction).toBe(change > 0 ? 'up' : change < 0 ? 'down' : 'same');
        }
        // Round 2 counts are exactly the second votes given.
        const [x] = spreadsByRound(ratings, people, { criterionIds: ['x'] });
        expect(x!.round2.count).toBe(unique.filter((b) => b.second !== null).length);
        expect(x!.round1.count).toBe(unique.filter((b) => b.first !== null).length);
      }),
    );
  });

  describe('round 2 code', () => {
    const framework = ['f.1', 'f.2', 'f.3', 'f.4', 'f.5', 'f.6', 'f.7'];
    const code = makeRound2Code({
      workshopId: 'ws-1',
      frameworkCriterionIds: framework,
      round2: { criterionIds: ['f.2', 'f.6'] },
    });

    it('tells a device joined by invitation or by code which of its criteria are in round 2', () => {
      expect(
        readRound2Code(
          code,
          { workshopId: 'ws-1', criterionIds: ['f.1', 'f.2', 'f.6'] },
          framework,
        ),
      ).toEqual({ ok: true, value: ['f.2', 'f.6'] });
      expect(
        readRound2Code(
          code.toLowerCase(),
          { workshopId: workshopKey('ws-1'), criterionIds: ['f.2', 'f.3'] },
          framework,
        ),
      ).toEqual({ ok: true, value: ['f.2'] });
    });

    it('refuses another workshop’s code, a code naming none of this device’s criteria, and a typo', () => {
      expect(
        readRound2Code(code, { workshopId: 'ws-2', criterionIds: framework }, framework),
      ).toEqual({ ok: false, problem: { code: 'other-workshop' } });
      expect(
        readRound2Code(code, { workshopId: 'ws-1', criterionIds: ['f.1'] }, framework),
      ).toEqual({ ok: false, problem: { code: 'no-criteria' } });
      const typo = (code[0] === 'A' ? 'B' : 'A') + code.slice(1);
      expect(
        readRound2Code(typo, { workshopId: 'ws-1', criterionIds: framework }, framework),
      ).toEqual({ ok: false, problem: { code: 'mistyped' } });
    });

    it('is never the workshop’s join code, and says so when the join code is typed for it', () => {
      const join = makeJoinCode({
        workshopId: 'ws-1',
        frameworkCriterionIds: framework,
        criterionIds: ['f.2', 'f.6'],
      });
      expect(code).not.toBe(join);
      expect(
        readRound2Code(join, { workshopId: 'ws-1', criterionIds: framework }, framework),
      ).toEqual({ ok: false, problem: { code: 'join-code' } });
      expect(
        readRound2Code(
          join,
          { workshopId: workshopKey('ws-1'), criterionIds: framework },
          framework,
        ),
      ).toEqual({ ok: false, problem: { code: 'join-code' } });
      // Another workshop's join code is another workshop's.
      const other = makeJoinCode({
        workshopId: 'ws-2',
        frameworkCriterionIds: framework,
        criterionIds: ['f.2'],
      });
      expect(
        readRound2Code(other, { workshopId: 'ws-1', criterionIds: framework }, framework),
      ).toEqual({ ok: false, problem: { code: 'other-workshop' } });
    });

    it('is marked R2, and refused on the Join screen of any device as a round 2 code', () => {
      expect(code).toMatch(/^R2-[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
      const read = readJoinCode(code, framework);
      expect(read).toEqual({ ok: false, problem: { code: 'round-2', key: expect.any(String) } });
      // Mistyped, it is refused as mistyped, never joined.
      const typo = code.slice(0, 4) + (code[4] === 'A' ? 'B' : 'A') + code.slice(5);
      expect(readJoinCode(typo, framework)).toEqual({
        ok: false,
        problem: { code: 'mistyped' },
      });
      const key = read.ok ? '' : (read.problem as { key: string }).key;
      // Joined here with the invitation (the workshop's id) or by code (its key): either is found.
      expect(round2CodeOf(key, ['ws-9', 'ws-1'])).toBe('ws-1');
      expect(round2CodeOf(key, [workshopKey('ws-1')])).toBe(workshopKey('ws-1'));
      expect(round2CodeOf(key, ['ws-2'])).toBeNull();
    });

    it('still reads a round 2 code made before the mark, which a joined device recognises on its Join screen', () => {
      // How round 2 codes were made before the mark: the join code of the derived key.
      const unmarked = makeJoinCode({
        workshopId: `${workshopKey('ws-1')}#round-2`,
        frameworkCriterionIds: framework,
        criterionIds: ['f.2', 'f.6'],
      });
      expect(
        readRound2Code(unmarked, { workshopId: 'ws-1', criterionIds: framework }, framework),
      ).toEqual(readRound2Code(code, { workshopId: 'ws-1', criterionIds: framework }, framework));
      const read = readJoinCode(unmarked, framework);
      expect(read.ok).toBe(true);
      const key = read.ok ? read.value.workshopId : '';
      // Joined with the invitation (the workshop's id) or by code (its key): either is found.
      expect(round2CodeOf(key, ['ws-9', 'ws-1'])).toBe('ws-1');
      expect(round2CodeOf(key, [workshopKey('ws-1')])).toBe(workshopKey('ws-1'));
      expect(round2CodeOf(key, ['ws-2'])).toBeNull();
      // The join code itself is no round 2 code.
      const join = readJoinCode(
        makeJoinCode({
          workshopId: 'ws-1',
          frameworkCriterionIds: framework,
          criterionIds: ['f.1'],
        }),
        framework,
      );
      expect(round2CodeOf(join.ok ? join.value.workshopId : '', ['ws-1'])).toBeNull();
    });
  });

  it('flags a round 2 vote that arrived after its criterion was agreed', () => {
    const ratings = [
      {
        criterionId: 'x',
        level: 'emerging' as const,
        ratedAt: 10,
        round2: { level: 'maturing' as const, ratedAt: 50 },
      },
      {
        criterionId: 'y',
        level: 'emerging' as const,
        ratedAt: 10,
        round2: { level: 'maturing' as const, ratedAt: 15 },
      },
    ];
    const agreements = [
      { criterionId: 'x', level: 'maturing' as const, agreedAt: 40 },
      { criterionId: 'y', level: 'maturing' as const, agreedAt: 40 },
    ];
    expect(timedVotes(ratings)).toHaveLength(4);
    expect(votesAfterAgreement(['x', 'y'], timedVotes(ratings), agreements)).toEqual(['x']);
    expect(votesAfterAgreement(['x', 'y'], ratings, agreements)).toEqual([]);
  });

  it('keeps each round’s reveal: round 1 criterion by criterion, in the order revealed', () => {
    expect(withRevealed(undefined, ['b', 'a'])).toEqual(['b', 'a']);
    expect(withRevealed(['b'], ['a', 'b', 'c'])).toEqual(['b', 'a', 'c']);
    const workshop = { revealedCriterionIds: ['a', 'b'] };
    expect(isRound1Revealed(workshop, 'a')).toBe(true);
    expect(isRound1Revealed(workshop, 'c')).toBe(false);
    expect(isRound1Revealed({}, 'a')).toBe(false);
    expect(isAllRevealed(workshop, ['b', 'a'])).toBe(true);
    expect(isAllRevealed(workshop, ['a', 'c'])).toBe(false);
    expect(isAllRevealed(workshop, [])).toBe(false);
  });

  it('gives a criterion the status of its latest round', () => {
    // Split in round 1; in round 2 everyone but one moved to developing.
    const ratings = [
      vote('a', 'x', 'emerging', 'developing'),
      vote('b', 'x', 'thriving', 'developing'),
      vote('c', 'x', 'developing', 'developing'),
      vote('a', 'y', 'emerging'),
      vote('b', 'y', 'thriving'),
    ];
    const [x, y] = spreads(['x', 'y'], ratings, people);
    const round2 = { criterionIds: ['x'], startedAt: 1, revealedAt: null };
    const [x2] = spreads(['x'], round2Ratings(ratings, round2), people);
    const status = (
      criterionId: string,
      workshop: Parameters<typeof latestStatus>[3],
      agreement?: Parameters<typeof latestStatus>[2],
    ) =>
      latestStatus(
        criterionId,
        criterionId === 'x'
          ? { round1: x!, round2Spread: workshop.round2 ? x2! : null }
          : { round1: y!, round2Spread: null },
        agreement,
        workshop,
      );
    // Round 1 only: hidden until revealed, then split.
    expect(status('x', {})).toBe('votes-hidden');
    expect(status('x', { revealedCriterionIds: ['x'] })).toBe('needs-agreement');
    // In round 2, round 1's split is history: hidden until round 2 is revealed, then ready.
    expect(status('x', { revealedCriterionIds: ['x'], round2 })).toBe('votes-hidden');
    expect(status('x', { revealedCriterionIds: ['x'], round2: { ...round2, revealedAt: 2 } })).toBe(
      'ready',
    );
    // A criterion not in round 2 keeps round 1's status.
    expect(status('y', { revealedCriterionIds: ['y'], round2 })).toBe('needs-agreement');
    // Agreed is agreed, whatever the round.
    expect(
      status(
        'x',
        { round2 },
        { criterionId: 'x', level: 'developing', rationale: '', dissent: '' },
      ),
    ).toBe('agreed');
  });
});
