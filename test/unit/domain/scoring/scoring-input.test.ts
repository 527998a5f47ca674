import { describe, expect, it } from 'vitest';
import { emptyRating } from '@/domain/assessment';
import { toScoringInput } from '@/domain/scoring/scoring-input';

describe('toScoringInput', () => {
  it('counts only evidence items with some text or link', () => {
    const r = { ...emptyRating('a1', 'care.pcns'), level: 'maturing' as const };
    r.evidence = [
      { id: '1', text: 'Report', url: '' },
      { id: '2', text: '  ', url: '' },
      { id: '3', text: '', url: 'https://example.org' },
    ];
    expect(toScoringInput([r])).toEqual({ 'care.pcns': { level: 'maturing', evidenceCount: 2 } });
  });
});
