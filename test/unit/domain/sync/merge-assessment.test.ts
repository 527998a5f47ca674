import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameContent, type AssessmentContent } from '@/domain/sync/assessment-document';
import { mergeAssessments } from '@/domain/sync/merge-assessment';
import { assessmentContent } from '../../../support/assessment-arbitraries';

const base: AssessmentContent = {
  assessment: {
    id: 'a1',
    systemName: 'North Shire ICS',
    title: 'Spring',
    asAt: '2020-03-31',
    frameworkId: 'ics-maturity-2019',
    frameworkVersion: '1.0.0',
    basedOnId: null,
    status: { state: 'draft' },
    statusHistory: [],
    createdAt: 1,
    updatedAt: 10,
    stamps: { title: 5 },
  },
  ratings: [
    {
      assessmentId: 'a1',
      criterionId: 'care.pcns',
      level: 'developing',
      rationale: 'PCNs formed',
      evidence: [],
      confidence: 'medium',
      updatedAt: 10,
      stamps: { level: 10, rationale: 10 },
    },
  ],
};

function withRating(
  content: AssessmentContent,
  criterionId: string,
  change: Partial<AssessmentContent['ratings'][number]>,
  at: number,
): AssessmentContent {
  const old = content.ratings.find((r) => r.criterionId === criterionId) ?? {
    assessmentId: content.assessment.id,
    criterionId,
    level: null,
    rationale: '',
    evidence: [],
    confidence: null,
    updatedAt: 0,
    stamps: {},
  };
  const stamps = { ...old.stamps };
  for (const key of Object.keys(change)) (stamps as Record<string, number>)[key] = at;
  return {
    assessment: { ...content.assessment, updatedAt: Math.max(content.assessment.updatedAt, at) },
    ratings: [
      ...content.ratings.filter((r) => r.criterionId !== criterionId),
      { ...old, ...change, stamps, updatedAt: at },
    ],
  };
}

describe('merging two versions of an assessment', () => {
  it('takes each side’s changes when they touch different fields (no conflict)', () => {
    const mine = withRating(
      base,
      'care.pcns',
      { rationale: 'PCNs formed; two ran PHM pilots' },
      20,
    );
    const theirs = withRating(base, 'care.phm', { level: 'maturing' }, 30);
    const result = mergeAssessments(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    const pcns = result.merged.ratings.find((r) => r.criterionId === 'care.pcns')!;
    const phm = result.merged.ratings.find((r) => r.criterionId === 'care.phm')!;
    expect(pcns.rationale).toBe('PCNs formed; two ran PHM pilots');
    expect(pcns.level).toBe('developing');
    expect(phm.level).toBe('maturing');
    expect(phm.stamps.level).toBe(30);
    expect(result.merged.assessment.updatedAt).toBe(30);
  });

  it('merges one criterion field by field', () => {
    const mine = withRating(base, 'care.pcns', { level: 'maturing' }, 20);
    const theirs = withRating(base, 'care.pcns', { rationale: 'Agreed at the board' }, 25);
    const { merged, conflicts } = mergeAssessments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.ratings[0]).toMatchObject({
      level: 'maturing',
      rationale: 'Agreed at the board',
      stamps: { level: 20, rationale: 25 },
    });
  });

  it('reports the same field changed on both sides as a conflict, never by edit time', () => {
    const mine = withRating(base, 'care.pcns', { level: 'maturing' }, 20);
    const theirs = withRating(base, 'care.pcns', { level: 'thriving' }, 99);
    const result = mergeAssessments(base, mine, theirs);
    expect(result.conflicts).toEqual([
      {
        key: 'rating.care.pcns.level',
        path: { scope: 'rating', criterionId: 'care.pcns', field: 'level' },
        mine: 'maturing',
        theirs: 'thriving',
      },
    ]);
    expect(result.unresolved).toBe(1);
    // Until the user chooses, this device keeps its own answer, although the other is newer.
    expect(result.merged.ratings[0]!.level).toBe('maturing');
    const chosen = mergeAssessments(base, mine, theirs, { 'rating.care.pcns.level': 'theirs' });
    expect(chosen.unresolved).toBe(0);
    expect(chosen.conflicts).toHaveLength(1);
    expect(chosen.merged.ratings[0]).toMatchObject({ level: 'thriving', stamps: { level: 99 } });
  });

  it('sees the same change made on both sides as no conflict', () => {
    const mine = withRating(base, 'care.pcns', { level: 'maturing' }, 20);
    const theirs = withRating(base, 'care.pcns', { level: 'maturing' }, 21);
    expect(mergeAssessments(base, mine, theirs).conflicts).toEqual([]);
  });

  it('treats every difference as a conflict when the common version is unknown', () => {
    const mine = withRating(base, 'care.pcns', { level: 'maturing' }, 20);
    const result = mergeAssessments(null, mine, base);
    expect(result.conflicts.map((c) => c.key)).toEqual(['rating.care.pcns.level']);
  });

  it('merges the title and the status as fields of the assessment', () => {
    const mine = { ...base, assessment: { ...base.assessment, title: 'Spring 2020' } };
    const theirs: AssessmentContent = {
      ...base,
      assessment: {
        ...base.assessment,
        status: { state: 'agreed', agreement: { by: 'leadership-team', date: '2020-04-01' } },
      },
    };
    const { merged, conflicts } = mergeAssessments(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.assessment.title).toBe('Spring 2020');
    expect(merged.assessment.status.state).toBe('agreed');
  });

  it('is the identity when one side has not changed (property)', () => {
    fc.assert(
      fc.property(assessmentContent, assessmentContent, (start, other) => {
        const changed: AssessmentContent = {
          assessment: { ...other.assessment, id: start.assessment.id },
          ratings: other.ratings.map((r) => ({ ...r, assessmentId: start.assessment.id })),
        };
        const result = mergeAssessments(start, start, changed);
        expect(result.conflicts).toEqual([]);
        const back = mergeAssessments(start, changed, start);
        expect(back.conflicts).toEqual([]);
        const levels = (c: AssessmentContent) =>
          Object.fromEntries(
            c.ratings.filter((r) => r.level !== null).map((r) => [r.criterionId, r.level]),
          );
        expect(levels(result.merged)).toEqual(levels(changed));
        expect(levels(back.merged)).toEqual(levels(changed));
        expect(result.merged.assessment.title).toBe(changed.assessment.title);
      }),
    );
  });

  it('gives the same content whichever device merges, once conflicts are chosen alike (property)', () => {
    fc.assert(
      fc.property(assessmentContent, assessmentContent, assessmentContent, (b, x, y) => {
        const as = (c: AssessmentContent): AssessmentContent => ({
          assessment: { ...c.assessment, id: b.assessment.id },
          ratings: c.ratings.map((r) => ({ ...r, assessmentId: b.assessment.id })),
        });
        const [mine, theirs] = [as(x), as(y)];
        const first = mergeAssessments(b, mine, theirs);
        const choices = Object.fromEntries(first.conflicts.map((c) => [c.key, 'mine' as const]));
        const flipped = Object.fromEntries(first.conflicts.map((c) => [c.key, 'theirs' as const]));
        const here = mergeAssessments(b, mine, theirs, choices).merged;
        const there = mergeAssessments(b, theirs, mine, flipped).merged;
        const answers = (c: AssessmentContent) => ({
          title: c.assessment.title,
          asAt: c.assessment.asAt,
          ratings: c.ratings.map(({ criterionId, level, rationale, confidence, evidence }) => ({
            criterionId,
            level,
            rationale,
            confidence,
            evidence,
          })),
        });
        expect(answers(here)).toEqual(answers(there));
        expect(sameContent(mergeAssessments(b, here, here).merged, here)).toBe(true);
      }),
    );
  });
});
