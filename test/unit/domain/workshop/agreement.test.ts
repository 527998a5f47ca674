import { describe, expect, it } from 'vitest';
import type { LevelId } from '@/domain/levels';
import { criterionStatus } from '@/domain/workshop/agreement';
import { spreadOf, type IndividualRating } from '@/domain/workshop/spread';

const rate = (
  participantId: string,
  level: LevelId | null,
  criterionId: string,
): IndividualRating => ({
  participantId,
  criterionId,
  level,
  note: '',
});
const sectorOf = () => 'acute-trust' as const;

describe('criterion status', () => {
  it('needs agreement on a split criterion before it counts', () => {
    const split = spreadOf('c', [rate('a', 'emerging', 'c'), rate('b', 'maturing', 'c')], sectorOf);
    expect(criterionStatus(split, undefined)).toBe('needs-agreement');
    expect(
      criterionStatus(split, {
        criterionId: 'c',
        level: 'developing',
        rationale: 'Discussed',
        dissent: 'Council: maturing',
      }),
    ).toBe('agreed');
    const close = spreadOf('c', [rate('a', 'maturing', 'c'), rate('b', 'maturing', 'c')], sectorOf);
    expect(criterionStatus(close, undefined)).toBe('ready');
    expect(criterionStatus(spreadOf('c', [], sectorOf), undefined)).toBe('not-rated');
  });

  it('says only "votes hidden" for a rated criterion until its votes are revealed', () => {
    const split = spreadOf('c', [rate('a', 'emerging', 'c'), rate('b', 'maturing', 'c')], sectorOf);
    const close = spreadOf('c', [rate('a', 'maturing', 'c'), rate('b', 'maturing', 'c')], sectorOf);
    expect(criterionStatus(split, undefined, false)).toBe('votes-hidden');
    expect(criterionStatus(close, undefined, false)).toBe('votes-hidden');
    expect(criterionStatus(spreadOf('c', [], sectorOf), undefined, false)).toBe('not-rated');
    const agreed = { criterionId: 'c', level: 'developing' as const, rationale: '', dissent: '' };
    expect(criterionStatus(split, agreed, false)).toBe('agreed');
    expect(criterionStatus(split, { ...agreed, level: null }, false)).toBe('votes-hidden');
  });
});
