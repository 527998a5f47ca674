import { describe, expect, it } from 'vitest';
import { isLevelId, LEVEL_IDS, levelAtRank, levelRank, MATURE_LEVEL } from '@/domain/levels';

describe('levels', () => {
  it('are stored as these four ids, lowest first', () => {
    expect(LEVEL_IDS).toEqual(['emerging', 'developing', 'maturing', 'thriving']);
    expect(MATURE_LEVEL).toBe('maturing');
  });

  it('rank 1 to 4, and a rank gives its level back', () => {
    expect(LEVEL_IDS.map(levelRank)).toEqual([1, 2, 3, 4]);
    for (const id of LEVEL_IDS) expect(levelAtRank(levelRank(id))).toBe(id);
    expect(levelAtRank(0)).toBeUndefined();
    expect(levelAtRank(5)).toBeUndefined();
  });

  it('recognise only the four ids', () => {
    expect(isLevelId('thriving')).toBe(true);
    expect(isLevelId('Thriving')).toBe(false);
    expect(isLevelId('mature')).toBe(false);
    expect(isLevelId(null)).toBe(false);
    expect(isLevelId(3)).toBe(false);
  });
});
