import { describe, expect, it } from 'vitest';
import {
  participantRemoval,
  scopeChange,
  type SetUpAgreement,
  type SetUpRating,
} from '@/domain/workshop/set-up-change';

const KNOWN = ['a', 'b', 'c', 'd'];

const rating = (
  participantId: string,
  criterionId: string,
  rest: Partial<SetUpRating> = {},
): SetUpRating => ({ participantId, criterionId, level: 'developing', note: '', ...rest });

const agreement = (criterionId: string, rest: Partial<SetUpAgreement> = {}): SetUpAgreement => ({
  criterionId,
  level: 'maturing',
  rationale: '',
  dissent: '',
  ...rest,
});

describe('scopeChange', () => {
  it('lists what is added and taken out, in order, and nothing hidden when nothing was recorded', () => {
    const result = scopeChange({
      before: ['a', 'b', 'c'],
      after: ['d', 'a'],
      known: KNOWN,
      ratings: [rating('p1', 'a')],
      agreements: [agreement('a')],
    });
    expect(result).toEqual({
      ok: true,
      value: { scope: ['a', 'd'], added: ['d'], removed: ['b', 'c'], hidden: [], isSame: false },
    });
  });

  it('counts, per criterion taken out, the votes of either round, the notes and the agreed level', () => {
    const result = scopeChange({
      before: ['a', 'b', 'c'],
      after: ['a'],
      known: KNOWN,
      ratings: [
        rating('p1', 'b'),
        rating('p2', 'b', { level: null, note: 'Only a note' }),
        rating('p3', 'b', { level: null, round2: { level: 'thriving' } }),
        rating('p4', 'b', { level: null, note: '   ' }),
        rating('p1', 'c', { level: null, round2: { level: null, note: 'Round 2 note' } }),
        rating('p1', 'a', { note: 'kept in scope' }),
      ],
      agreements: [agreement('b'), agreement('a')],
    });
    expect(result.ok && result.value.hidden).toEqual([
      { criterionId: 'b', ratings: 2, notes: 1, agreedLevel: 'maturing', hasAgreementNote: false },
      { criterionId: 'c', ratings: 0, notes: 1, agreedLevel: null, hasAgreementNote: false },
    ]);
  });

  it('counts an agreement with only a rationale or dissent noted, and no level', () => {
    const result = scopeChange({
      before: ['a', 'b'],
      after: ['a'],
      known: KNOWN,
      ratings: [],
      agreements: [agreement('b', { level: null, dissent: 'Council disagrees' })],
    });
    expect(result.ok && result.value.hidden).toEqual([
      { criterionId: 'b', ratings: 0, notes: 0, agreedLevel: null, hasAgreementNote: true },
    ]);
  });

  it('says when the scope is the same set of criteria in another order', () => {
    const result = scopeChange({
      before: ['a', 'b'],
      after: ['b', 'a'],
      known: KNOWN,
      ratings: [],
      agreements: [],
    });
    expect(result.ok && result.value.isSame).toBe(true);
  });

  it('refuses an empty scope and a criterion the framework does not have', () => {
    const base = { before: ['a'], known: KNOWN, ratings: [], agreements: [] };
    expect(scopeChange({ ...base, after: [] })).toEqual({ ok: false, problem: 'empty' });
    expect(scopeChange({ ...base, after: ['a', 'z'] })).toEqual({
      ok: false,
      problem: 'unknown-criterion',
    });
  });
});

describe('participantRemoval', () => {
  it('counts only that participant’s votes (either round) and notes', () => {
    const ratings = [
      rating('sam', 'a'),
      rating('sam', 'b', { note: 'Depends on the PCN' }),
      rating('sam', 'c', { level: null, round2: { level: 'emerging', note: 'Moved' } }),
      rating('sam', 'd', { level: null }),
      rating('ash', 'a'),
    ];
    expect(participantRemoval('sam', ratings)).toEqual({ ratings: 3, notes: 2, isEmpty: false });
  });

  it('is empty for someone who has not rated or noted anything', () => {
    expect(
      participantRemoval('new', [rating('sam', 'a'), rating('new', 'a', { level: null })]),
    ).toEqual({
      ratings: 0,
      notes: 0,
      isEmpty: true,
    });
  });
});
