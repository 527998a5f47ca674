import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import {
  groupRatings,
  mergeIntoSet,
  putRatings,
  readRating,
  readRatings,
  readRatingSets,
  replaceRatings,
} from '@/storage/rating-sets';
import type { RatingRecord } from '@/storage/schema';

const rating = (
  assessmentId: string,
  criterionId: string,
  level: RatingRecord['level'],
  rationale = '',
): RatingRecord => ({
  assessmentId,
  criterionId,
  level,
  rationale,
  evidence: [],
  confidence: null,
  updatedAt: 1,
  stamps: {},
});

describe('groupRatings', () => {
  it('makes one set per assessment, in criterion order, without copying the ratings', () => {
    const ratings = [
      rating('b', 'leadership.shared-vision', 'thriving'),
      rating('a', 'care.phm', null),
      rating('b', 'care.pcns', 'emerging'),
    ];
    const sets = groupRatings(ratings);
    expect(sets).toEqual([
      { assessmentId: 'b', ratings: [ratings[2], ratings[0]] },
      { assessmentId: 'a', ratings: [ratings[1]] },
    ]);
    expect(sets[0]!.ratings[0]).toBe(ratings[2]);
    expect(groupRatings([])).toEqual([]);
  });

  it('keeps the later of two ratings of one criterion, as a later put would', () => {
    const later = rating('a', 'care.pcns', 'maturing', 'later');
    expect(groupRatings([rating('a', 'care.pcns', 'emerging'), later])).toEqual([
      { assessmentId: 'a', ratings: [later] },
    ]);
  });
});

describe('mergeIntoSet', () => {
  it('replaces the ratings of the criteria given and keeps the others, in criterion order', () => {
    const stored = {
      assessmentId: 'a',
      ratings: [rating('a', 'care.pcns', 'emerging'), rating('a', 'leadership.governance', null)],
    };
    const copy = structuredClone(stored);
    const merged = mergeIntoSet('a', stored, [
      rating('a', 'leadership.governance', 'thriving'),
      rating('a', 'care.phm', 'developing'),
    ]);
    expect(merged.ratings.map((r) => [r.criterionId, r.level])).toEqual([
      ['care.pcns', 'emerging'],
      ['care.phm', 'developing'],
      ['leadership.governance', 'thriving'],
    ]);
    expect(stored).toEqual(copy);
    expect(mergeIntoSet('a', undefined, [rating('a', 'care.pcns', null)])).toEqual({
      assessmentId: 'a',
      ratings: [rating('a', 'care.pcns', null)],
    });
  });
});

describe('reading and writing rating sets', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('puts ratings into their sets as a put of each rating would, and reads them back', async () => {
    const db = getDb();
    await db.transaction('rw', db.ratingSets, () =>
      putRatings(db, [rating('a', 'care.pcns', 'emerging'), rating('b', 'care.pcns', 'thriving')]),
    );
    const written = await db.transaction('rw', db.ratingSets, () =>
      putRatings(db, [rating('a', 'care.phm', 'maturing'), rating('a', 'care.pcns', 'developing')]),
    );
    expect(written).toEqual([
      {
        assessmentId: 'a',
        ratings: [rating('a', 'care.pcns', 'developing'), rating('a', 'care.phm', 'maturing')],
      },
    ]);
    expect(await readRatings(db, 'a')).toEqual(written[0]!.ratings);
    expect(await readRatings(db, 'b')).toEqual([rating('b', 'care.pcns', 'thriving')]);
    expect(await readRatings(db, 'none')).toEqual([]);
    expect((await readRating(db, 'a', 'care.phm'))?.level).toBe('maturing');
    expect(await readRating(db, 'a', 'leadership.governance')).toBeUndefined();
    expect([...(await readRatingSets(db, ['b', 'none', 'a', 'b'])).keys()]).toEqual(['b', 'a']);
    expect(await db.transaction('rw', db.ratingSets, () => putRatings(db, []))).toEqual([]);
  });

  it('replaces a whole set, deletes it when empty, and refuses ratings of another assessment', async () => {
    const db = getDb();
    await db.transaction('rw', db.ratingSets, () =>
      putRatings(db, [rating('a', 'care.pcns', 'emerging'), rating('a', 'care.phm', 'emerging')]),
    );
    await db.transaction('rw', db.ratingSets, () =>
      replaceRatings(db, 'a', [rating('a', 'leadership.governance', 'thriving')]),
    );
    expect((await readRatings(db, 'a')).map((r) => r.criterionId)).toEqual([
      'leadership.governance',
    ]);
    await expect(
      db.transaction('rw', db.ratingSets, () =>
        replaceRatings(db, 'a', [rating('b', 'care.pcns', null)]),
      ),
    ).rejects.toThrow(/another assessment/);
    await db.transaction('rw', db.ratingSets, () => replaceRatings(db, 'a', []));
    expect(await db.ratingSets.count()).toBe(0);
  });
});
