import { describe, expect, it } from 'vitest';
import type { LevelId } from '@/domain/levels';
import type { Participant } from '@/domain/workshop/participants';
import { byDisagreement, spreadOf, spreads, type IndividualRating } from '@/domain/workshop/spread';

const rate = (
  participantId: string,
  level: LevelId | null,
  criterionId = 'care.pcns',
): IndividualRating => ({
  participantId,
  criterionId,
  level,
  note: '',
});

describe('spread of ratings', () => {
  const sectors: Record<string, Participant['sector']> = {
    a: 'acute-trust',
    b: 'local-authority',
    c: 'acute-trust',
    d: 'primary-care',
  };
  const sectorOf = (id: string) => sectors[id];

  it('counts each level, gives the median and range, and flags a split of two or more levels', () => {
    const spread = spreadOf(
      'care.pcns',
      [rate('a', 'developing'), rate('b', 'thriving'), rate('c', 'developing')],
      sectorOf,
    );
    expect(spread.count).toBe(3);
    expect(spread.counts).toEqual({ emerging: 0, developing: 2, maturing: 0, thriving: 1 });
    expect(spread.median).toEqual({ low: 'developing', high: 'developing' });
    expect(spread.range).toEqual({ min: 'developing', max: 'thriving' });
    expect(spread.isSplit).toBe(true);
    expect(spread.bySector).toEqual({
      'acute-trust': { emerging: 0, developing: 2, maturing: 0, thriving: 0 },
      'local-authority': { emerging: 0, developing: 0, maturing: 0, thriving: 1 },
    });
  });

  it('gives both middle levels for an even count, and is not split within one level', () => {
    const spread = spreadOf(
      'care.pcns',
      [rate('a', 'developing'), rate('b', 'maturing'), rate('c', null)],
      sectorOf,
    );
    expect(spread.count).toBe(2);
    expect(spread.median).toEqual({ low: 'developing', high: 'maturing' });
    expect(spread.isSplit).toBe(false);
  });

  it('has no median or range with no ratings', () => {
    expect(spreadOf('care.pcns', [rate('a', null)], sectorOf)).toMatchObject({
      count: 0,
      median: null,
      range: null,
      isSplit: false,
    });
  });

  it('sorts criteria by disagreement, most first', () => {
    const ratings = [
      rate('a', 'maturing', 'x'),
      rate('b', 'maturing', 'x'),
      rate('a', 'emerging', 'y'),
      rate('b', 'thriving', 'y'),
      rate('a', 'developing', 'z'),
      rate('b', 'maturing', 'z'),
    ];
    const list = spreads(['x', 'y', 'z'], ratings, [
      { id: 'a', label: 'A', organisation: 'Trust', sector: 'acute-trust' },
      { id: 'b', label: 'B', organisation: 'Council', sector: 'local-authority' },
    ]);
    expect(byDisagreement(list).map((s) => s.criterionId)).toEqual(['y', 'z', 'x']);
  });
});
