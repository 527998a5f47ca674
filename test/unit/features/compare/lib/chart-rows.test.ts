import { describe, expect, it } from 'vitest';
import type { Comparison } from '@/domain/compare/compare';
import { chartRows, shortLabel } from '@/features/compare/lib/chart-rows';

const column = (id: string) => ({
  id,
  title: id,
  asAt: '2020-01-01',
  frameworkId: 'f',
  frameworkVersion: '1',
});

const comparison: Comparison = {
  columns: [column('old'), column('new')],
  characteristics: [
    {
      id: 'leadership',
      title: 'Collaborative and inclusive system leadership',
      levels: ['emerging', 'maturing'],
      change: 'improved',
    },
    { id: 'delivery', title: 'Track record', levels: [null, undefined], change: 'not-assessed' },
  ],
  criteria: [],
  counts: {
    improved: 0,
    declined: 0,
    unchanged: 0,
    'newly-assessed': 0,
    'no-longer-assessed': 0,
    'not-assessed': 0,
  },
  unmatched: [],
  versionsDiffer: false,
};

describe('shortLabel', () => {
  it('numbers the title and cuts it at a word boundary within 22 characters', () => {
    expect(shortLabel('Collaborative and inclusive system leadership', 0)).toBe(
      '1. Collaborative and…',
    );
    expect(shortLabel('Track record', 4)).toBe('5. Track record');
    expect(shortLabel('Exactly twenty-two chr', 1)).toBe('2. Exactly twenty-two chr');
  });
});

describe('chartRows', () => {
  it('gives a row per characteristic with a level rank per compared assessment', () => {
    expect(chartRows(comparison)).toEqual([
      {
        label: '1. Collaborative and…',
        title: 'Collaborative and inclusive system leadership',
        old: 1,
        new: 3,
      },
      { label: '2. Track record', title: 'Track record', old: 0, new: 0 },
    ]);
  });
});
