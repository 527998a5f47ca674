import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import type { Edit } from '@/storage/edits';
import { applyEdits } from '@/storage/write-edits';
import {
  agreeAssessment,
  approveAssessment,
  returnAssessmentToDraft,
  createAssessment,
  deleteAssessment,
  getAssessment,
  listAssessmentSummaries,
  listRatings,
  startNextAssessment,
  undoDeleteAssessment,
} from '@/storage/repositories/assessments-repo';
import type { DatabaseDump } from '@/storage/schema';
import { expectedSummaries, storedSummaries, summariseAll } from '../../../support/seed';

const golden = JSON.parse(
  readFileSync(new URL('../../../fixtures/db/v1.json', import.meta.url), 'utf8'),
) as DatabaseDump;
const [baseline, checkIn] = golden.tables.assessments;

async function loadGolden(): Promise<void> {
  const db = getDb();
  await db.assessments.bulkAdd(golden.tables.assessments);
  await db.ratings.bulkAdd(golden.tables.ratings);
  await db.settings.bulkAdd(golden.tables.settings);
  // As the v7 migration would: the summaries are built from the ratings just loaded.
  await summariseAll();
}

const levelEdit = (
  assessmentId: string,
  criterionId: string,
  value: string | null,
  editedAt: number,
): Edit => ({ kind: 'rating', assessmentId, criterionId, field: 'level', value, editedAt }) as Edit;

describe('assessments repository', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('reads the golden v1 database: newest first, with counts of assessed criteria', async () => {
    await loadGolden();
    const summaries = await listAssessmentSummaries();
    expect(summaries.map((s) => s.title)).toEqual([checkIn?.title, baseline?.title]);
    expect(summaries.map((s) => s.assessedCount)).toEqual([2, 6]);
    expect(summaries[0]).not.toHaveProperty('stamps');
    const ratings = await listRatings(baseline?.id ?? '');
    expect(ratings.find((r) => r.criterionId === 'leadership.shared-vision')).toMatchObject({
      level: 'maturing',
      confidence: 'high',
      evidence: [
        {
          id: 'ev-1',
          text: 'Signed memorandum of understanding',
          url: 'https://example.nhs.uk/mou.pdf',
        },
      ],
    });
  });

  it('creates an assessment with the framework id and version', async () => {
    const id = await createAssessment({
      systemName: 'Eastvale',
      title: 'Baseline',
      asAt: '2021-02-01',
      frameworkId: 'ics-maturity-2019',
      frameworkVersion: '1.0.0',
    });
    expect(await getAssessment(id)).toMatchObject({
      id,
      frameworkId: 'ics-maturity-2019',
      frameworkVersion: '1.0.0',
      basedOnId: null,
    });
  });

  it('applies edits field by field and never lets an older edit overwrite a newer one', async () => {
    await loadGolden();
    const id = baseline?.id ?? '';
    const t = 1_600_000_000_000;
    await applyEdits([levelEdit(id, 'care.phm', 'developing', t)]);
    await applyEdits([levelEdit(id, 'care.phm', 'emerging', t - 1)]);
    await applyEdits([
      {
        kind: 'rating',
        assessmentId: id,
        criterionId: 'care.phm',
        field: 'rationale',
        value: 'x',
        editedAt: t - 5,
      },
    ]);
    const rating = (await listRatings(id)).find((r) => r.criterionId === 'care.phm');
    expect(rating?.level).toBe('developing');
    // An older rationale edit still lands on a field nobody changed since.
    expect(rating?.rationale).toBe('x');
    expect((await getAssessment(id))?.updatedAt).toBe(t);
  });

  it('creates the rating row on the first edit of a criterion', async () => {
    await loadGolden();
    const id = checkIn?.id ?? '';
    await applyEdits([levelEdit(id, 'population.footprint', 'maturing', 1_700_000_000_000)]);
    const rating = (await listRatings(id)).find((r) => r.criterionId === 'population.footprint');
    expect(rating).toMatchObject({
      level: 'maturing',
      rationale: '',
      evidence: [],
      confidence: null,
    });
  });

  it('drops edits for an assessment that no longer exists instead of bringing it back', async () => {
    await applyEdits([levelEdit('gone', 'care.pcns', 'thriving', 1)]);
    await applyEdits([
      { kind: 'assessment', assessmentId: 'gone', field: 'title', value: 'Ghost', editedAt: 1 },
    ]);
    expect(await getDb().assessments.count()).toBe(0);
    expect(await getDb().ratings.count()).toBe(0);
  });

  it('starts the next assessment from an earlier one with copies of its ratings and evidence', async () => {
    await loadGolden();
    const id = await startNextAssessment(baseline?.id ?? '', {
      asAt: '2021-03-31',
      title: 'Year two',
    });
    const next = await getAssessment(id);
    expect(next).toMatchObject({ basedOnId: baseline?.id, asAt: '2021-03-31', title: 'Year two' });
    expect(next?.systemName).toBe(baseline?.systemName);
    const copied = await listRatings(id);
    const original = await listRatings(baseline?.id ?? '');
    expect(copied).toHaveLength(original.length);
    const vision = copied.find((r) => r.criterionId === 'leadership.shared-vision');
    expect(vision?.evidence[0]?.text).toBe('Signed memorandum of understanding');
    expect(vision?.evidence[0]?.id).not.toBe('ev-1');
    // The earlier assessment is untouched.
    expect(await listRatings(baseline?.id ?? '')).toEqual(original);
  });

  it('deletes an assessment with its ratings, and undo restores both exactly', async () => {
    await loadGolden();
    const before = {
      assessments: await getDb().assessments.toArray(),
      ratings: await getDb().ratings.toArray(),
    };
    const deleted = await deleteAssessment(baseline?.id ?? '');
    expect(await getAssessment(baseline?.id ?? '')).toBeNull();
    expect(await listRatings(baseline?.id ?? '')).toEqual([]);
    expect(await listRatings(checkIn?.id ?? '')).toHaveLength(2);
    await undoDeleteAssessment(deleted!);
    expect(await getDb().assessments.toArray()).toEqual(before.assessments);
    expect(await getDb().ratings.toArray()).toEqual(before.ratings);
    expect(await deleteAssessment('no-such-id')).toBeNull();
  });

  it('records agreement and approval with their history, refuses out of order, and returns to draft', async () => {
    const id = await createAssessment({
      systemName: 'Northshire ICS',
      title: 'Baseline',
      asAt: '2021-03-01',
      frameworkId: 'ics-maturity-2019',
      frameworkVersion: '1.0.0',
    });
    const board = { board: 'ICS Partnership Board', date: '2021-03-12' };
    expect(await approveAssessment(id, board)).toEqual({ ok: false, problem: 'not-agreed' });
    expect((await getAssessment(id))!.status).toEqual({ state: 'draft' });

    const agreement = { by: 'leadership-team' as const, date: '2021-03-02' };
    expect((await agreeAssessment(id, agreement)).ok).toBe(true);
    expect((await approveAssessment(id, board)).ok).toBe(true);
    const approved = (await getDb().assessments.get(id))!;
    expect(approved.status).toEqual({ state: 'approved', agreement, approval: board });
    expect(approved.statusHistory.map((c) => c.reason)).toEqual(['agreed', 'approved']);

    await returnAssessmentToDraft(id, 'rating-changed', 'care.pcns');
    const draft = (await getDb().assessments.get(id))!;
    expect(draft.status).toEqual({ state: 'draft' });
    expect(draft.statusHistory.at(-1)).toMatchObject({
      reason: 'rating-changed',
      criterionId: 'care.pcns',
    });
    expect(draft.updatedAt).toBeGreaterThanOrEqual(approved.updatedAt);

    // A draft returned to draft is not written again.
    await returnAssessmentToDraft(id, 'returned-to-draft');
    expect(await getDb().assessments.get(id)).toEqual(draft);
    expect(await agreeAssessment('gone', agreement)).toEqual({ ok: false, problem: 'missing' });
  });

  it('starts the next assessment as a draft, whatever the earlier one became', async () => {
    const id = await createAssessment({
      systemName: 'Northshire ICS',
      title: 'Baseline',
      asAt: '2021-03-01',
      frameworkId: 'ics-maturity-2019',
      frameworkVersion: '1.0.0',
    });
    await agreeAssessment(id, { by: 'leadership-team', date: '2021-03-02' });
    const next = await startNextAssessment(id, { asAt: '2022-03-01', title: 'Next' });
    const record = (await getDb().assessments.get(next))!;
    expect(record.status).toEqual({ state: 'draft' });
    expect(record.statusHistory).toEqual([]);
  });

  it('lists from the summaries, never the ratings: a count comes from the stored summary', async () => {
    await loadGolden();
    const db = getDb();
    // A summary that disagrees with the ratings is what the list shows: proof it reads no rating.
    await db.assessmentSummaries.put({ assessmentId: baseline!.id, assessedCount: 17 });
    const summaries = await listAssessmentSummaries();
    expect(summaries.find((s) => s.id === baseline!.id)?.assessedCount).toBe(17);
    expect(summaries.find((s) => s.id === checkIn!.id)).toMatchObject({
      assessedCount: 2,
      systemKey: 'northshire and eastvale ics',
    });
    // An assessment without a summary (none written yet) lists as 0 assessed.
    await db.assessmentSummaries.delete(checkIn!.id);
    expect((await listAssessmentSummaries()).find((s) => s.id === checkIn!.id)?.assessedCount).toBe(
      0,
    );
  });

  it('keeps the summaries equal to the ratings when creating and starting the next assessment', async () => {
    await loadGolden();
    const created = await createAssessment({
      systemName: 'Westmoor ICS',
      title: 'New',
      asAt: '2021-03-31',
      frameworkId: 'ics-maturity-2019',
      frameworkVersion: '1.0.0',
    });
    expect(await getDb().assessmentSummaries.get(created)).toEqual({
      assessmentId: created,
      assessedCount: 0,
    });
    const next = await startNextAssessment(baseline!.id, { asAt: '2021-03-31', title: 'Year two' });
    expect(await getDb().assessmentSummaries.get(next)).toEqual({
      assessmentId: next,
      assessedCount: 6,
    });
    expect(await storedSummaries()).toEqual(await expectedSummaries());
  });
});
