import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { readRatings } from '@/storage/rating-sets';
import { readAssessmentContent, writeSyncedAssessment } from '@/storage/repositories/sync-repo';
import { expectedSummaries, seedAssessment, storedSummaries } from '../../../support/seed';

/**
 * The storage side of sync as the ratings are stored from schema v8 (one set per assessment):
 * an assessment is read and written whole, with its summary kept. (The merge itself is tested in
 * test/unit/domain/sync.)
 */
describe('sync storage', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('reads an assessment with its ratings, or null when there is none', async () => {
    const id = await seedAssessment(
      { title: 'Baseline' },
      { 'care.pcns': { level: 'maturing' }, 'care.phm': { level: null } },
    );
    const content = await readAssessmentContent(id);
    expect(content?.assessment.title).toBe('Baseline');
    expect(content?.ratings.map((r) => r.criterionId)).toEqual(['care.pcns', 'care.phm']);
    expect(await readAssessmentContent('none')).toBeNull();
  });

  it('writes the merged assessment whole: ratings it no longer has go, the summary follows', async () => {
    const id = await seedAssessment(
      { title: 'Baseline' },
      { 'care.pcns': { level: 'maturing' }, 'care.phm': { level: 'emerging' } },
    );
    const expected = (await readAssessmentContent(id))!;
    const merged = {
      assessment: { ...expected.assessment, title: 'Merged', updatedAt: 5 },
      ratings: [{ ...expected.ratings[1]!, level: 'thriving' as const }],
    };
    expect(await writeSyncedAssessment(merged, expected)).toBe('written');
    expect((await readRatings(getDb(), id)).map((r) => [r.criterionId, r.level])).toEqual([
      ['care.phm', 'thriving'],
    ]);
    expect(await getDb().assessmentSummaries.get(id)).toMatchObject({
      title: 'Merged',
      assessedCount: 1,
    });
    expect(await storedSummaries()).toEqual(await expectedSummaries());
  });

  it('writes nothing when the stored assessment changed meanwhile', async () => {
    const id = await seedAssessment({ title: 'Baseline' }, { 'care.pcns': { level: 'maturing' } });
    const stale = (await readAssessmentContent(id))!;
    const changed = { ...stale, assessment: { ...stale.assessment, title: 'Typed meanwhile' } };
    expect(await writeSyncedAssessment(changed, null)).toBe('changed-meanwhile');
    expect((await readAssessmentContent(id))?.assessment.title).toBe('Baseline');
  });
});
