import { describe, expect, it } from 'vitest';
import { isEmptyShare, SHARE_ALL, sharesAssessment, type SyncShare } from '@/domain/sync/share';

const north = { id: 'a1', systemName: 'North Shire ICS' };
const south = { id: 'a2', systemName: 'South Vale' };

describe('what a device shares with its partnership', () => {
  it('shares every assessment by default', () => {
    expect(sharesAssessment(SHARE_ALL, north)).toBe(true);
    expect(sharesAssessment(SHARE_ALL, south)).toBe(true);
  });

  it('shares the assessments of chosen systems, however their names are spaced or cased', () => {
    const share = { kind: 'systems', systemKeys: ['north shire ics'] } satisfies SyncShare;
    expect(sharesAssessment(share, north)).toBe(true);
    expect(sharesAssessment(share, { id: 'a3', systemName: '  north   SHIRE ics ' })).toBe(true);
    expect(sharesAssessment(share, south)).toBe(false);
  });

  it('shares chosen assessments only', () => {
    const share = { kind: 'assessments', assessmentIds: ['a2'] } satisfies SyncShare;
    expect(sharesAssessment(share, north)).toBe(false);
    expect(sharesAssessment(share, south)).toBe(true);
  });

  it('knows a choice of nothing is empty', () => {
    expect(isEmptyShare(SHARE_ALL)).toBe(false);
    expect(isEmptyShare({ kind: 'systems', systemKeys: [] })).toBe(true);
    expect(isEmptyShare({ kind: 'assessments', assessmentIds: [] })).toBe(true);
    expect(isEmptyShare({ kind: 'assessments', assessmentIds: ['a1'] })).toBe(false);
  });
});
