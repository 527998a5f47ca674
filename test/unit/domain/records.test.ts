import { describe, expect, it } from 'vitest';
import { agreementRecord, assessmentRecord, ratingRecord } from '@/domain/records';

/** The record definitions the storage types come from and the backup format validates with. */
const assessment = {
  id: 'a1',
  systemName: 'Northshire',
  title: 'Baseline',
  asAt: '2021-03-31',
  frameworkId: 'ics-maturity-2019',
  frameworkVersion: '1.0.0',
  basedOnId: null,
  status: { state: 'draft' },
  statusHistory: [],
  createdAt: 1_600_000_000_000,
  updatedAt: 1_600_000_000_000,
  stamps: { title: 1_600_000_000_000 },
};

const rating = {
  assessmentId: 'a1',
  criterionId: 'care.pcns',
  level: 'maturing',
  rationale: '',
  evidence: [],
  confidence: null,
  updatedAt: 1_600_000_000_000,
  stamps: {},
};

describe('record schemas', () => {
  it('accept a record and drop keys they do not define, stamps included', () => {
    const parsed = assessmentRecord.parse({
      ...assessment,
      extra: 1,
      stamps: { title: 1, bogus: 2 },
    });
    expect(parsed).toEqual({ ...assessment, stamps: { title: 1 } });
  });

  it('refuse a blank system name, a date outside 2000–2100 and a time in the future', () => {
    expect(assessmentRecord.safeParse({ ...assessment, systemName: '  ' }).success).toBe(false);
    expect(assessmentRecord.safeParse({ ...assessment, asAt: '1999-12-31' }).success).toBe(false);
    expect(
      assessmentRecord.safeParse({ ...assessment, updatedAt: Date.now() + 7 * 86_400_000 }).success,
    ).toBe(false);
  });

  it("keep a rating's field and per-item evidence stamps and drop any other key", () => {
    const stamps = { level: 1, 'evidence:ev-1:url': 2, 'evidence:ev-1:colour': 3, other: 4 };
    expect(ratingRecord.parse({ ...rating, stamps }).stamps).toEqual({
      level: 1,
      'evidence:ev-1:url': 2,
    });
  });

  it('leave optional stamps out when a record has none (records from before schema v5)', () => {
    const agreement = {
      workshopId: 'w1',
      criterionId: 'care.pcns',
      level: null,
      rationale: '',
      dissent: '',
      agreedAt: 1,
    };
    expect(agreementRecord.parse(agreement)).toEqual(agreement);
    expect(agreementRecord.parse({ ...agreement, stamps: { dissent: 5 } }).stamps).toEqual({
      dissent: 5,
    });
  });
});
