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
  listSystemGroups,
  startNextAssessment,
  undoDeleteAssessment,
} from '@/storage/repositories/assessments-repo';
import { groupRatings } from '@/storage/rating-sets';
import type { DatabaseDump } from '@/storage/schema';
import { expectedSummaries, storedSummaries, summariseAll } from '../../../support/seed';

const golden = JSON.parse(
  readFileSync(new URL('../../../fixtures/db/v1.json', import.meta.url), 'utf8'),
) as DatabaseDump;
const [baseline, checkIn] = golden.tables.assessments;

async function loadGolden(): Promise<void> {
  const db = getDb();
  await db.assessments.bulkAdd(golden.tables.assessments);
  await db.ratingSets.bulkAdd(groupRatings(golden.tables.ratings ?? []));
  await db.settings.bulkAdd(golden.tables.settings);
  // As the v8 migration would: the summaries are built from the records just loaded.
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
    expect(await getDb().ratingSets.count()).toBe(0);
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
      ratingSets: await getDb().ratingSets.toArray(),
    };
    const deleted = await deleteAssessment(baseline?.id ?? '');
    expect(await getAssessment(baseline?.id ?? '')).toBeNull();
    expect(await listRatings(baseline?.id ?? '')).toEqual([]);
    expect(await listRatings(checkIn?.id ?? '')).toHaveLength(2);
    await undoDeleteAssessment(deleted!);
    expect(await getDb().assessments.toArray()).toEqual(before.assessments);
    expect(await getDb().ratingSets.toArray()).toEqual(before.ratingSets);
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

  it('lists from the summaries, never the assessments or ratings: a row is its stored summary', async () => {
    await loadGolden();
    const db = getDb();
    // A summary that disagrees with the records is what the list shows: proof it reads neither.
    const stored = (await db.assessmentSummaries.get(baseline!.id))!;
    await db.assessmentSummaries.put({ ...stored, assessedCount: 17, title: 'As summarised' });
    const summaries = await listAssessmentSummaries();
    expect(summaries.find((s) => s.id === baseline!.id)).toMatchObject({
      assessedCount: 17,
      title: 'As summarised',
    });
    expect(summaries.find((s) => s.id === checkIn!.id)).toMatchObject({
      assessedCount: 2,
      systemKey: 'northshire and eastvale ics',
    });
    // The list reads each system's own summary, with its newest rows in it.
    const system = (await db.systemSummaries.get('northshire and eastvale ics'))!;
    await db.systemSummaries.put({
      ...system,
      count: 40,
      newest: [{ ...stored, title: 'Listed' }],
    });
    const [group] = await listSystemGroups();
    expect(group).toMatchObject({
      count: 40,
      assessments: [{ id: baseline!.id, title: 'Listed' }],
    });
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
    expect(await getDb().assessmentSummaries.get(created)).toMatchObject({
      assessmentId: created,
      systemKey: 'westmoor ics',
      title: 'New',
      asAt: '2021-03-31',
      status: { state: 'draft' },
      assessedCount: 0,
    });
    const next = await startNextAssessment(baseline!.id, { asAt: '2021-03-31', title: 'Year two' });
    expect(await getDb().assessmentSummaries.get(next)).toMatchObject({
      assessmentId: next,
      title: 'Year two',
      assessedCount: 6,
    });
    expect(await storedSummaries()).toEqual(await expectedSummaries());
  });

  it('keeps the summary of an assessment equal to it when its status changes', async () => {
    const id = await createAssessment({
      systemName: 'Northshire ICS',
      title: 'Baseline',
      asAt: '2021-03-01',
      frameworkId: 'ics-maturity-2019',
      frameworkVersion: '1.0.0',
    });
    const agreement = { by: 'leadership-team' as const, date: '2021-03-02' };
    await agreeAssessment(id, agreement);
    expect((await getDb().assessmentSummaries.get(id))?.status).toEqual({
      state: 'agreed',
      agreement,
    });
    await returnAssessmentToDraft(id, 'returned-to-draft');
    expect(await storedSummaries()).toEqual(await expectedSummaries());
  });
});

describe('listSystemGroups: the list reads only the rows it shows', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  const create = (systemName: string, asAt: string, title = asAt) =>
    createAssessment({
      systemName,
      title,
      asAt,
      frameworkId: 'ics-maturity-2019',
      frameworkVersion: '1.0.0',
    });

  it('gives each system its newest few and its count, the system with the newest first', async () => {
    for (const year of [2019, 2020, 2021, 2022, 2023]) await create('Long ICS', `${year}-04-01`);
    await create('  short   ICS ', '2024-01-01');
    // Same system, other spelling: one group, named as its newest assessment spells it.
    await create('Short ics', '2020-01-01');
    const groups = await listSystemGroups();
    expect(groups.map((g) => [g.key, g.systemName, g.count])).toEqual([
      ['short ics', 'short   ICS', 2],
      ['long ics', 'Long ICS', 5],
    ]);
    expect(groups[1]!.assessments.map((a) => a.title)).toEqual([
      '2023-04-01',
      '2022-04-01',
      '2021-04-01',
    ]);
    expect(groups[0]!.assessments.map((a) => a.asAt)).toEqual(['2024-01-01', '2020-01-01']);
  });

  it('gives a system asked for in full every assessment, newest first; same date: made last first', async () => {
    for (const year of [2019, 2020, 2021, 2022]) await create('Long ICS', `${year}-04-01`);
    // A millisecond apart at least: two made in the same millisecond have no order of making.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const first = await create('Long ICS', '2022-04-01', 'Same day, first');
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = await create('Long ICS', '2022-04-01', 'Same day, second');
    const [group] = await listSystemGroups(new Set(['long ics']));
    expect(group!.count).toBe(6);
    expect(group!.assessments.map((a) => a.asAt)).toEqual([
      '2022-04-01',
      '2022-04-01',
      '2022-04-01',
      '2021-04-01',
      '2020-04-01',
      '2019-04-01',
    ]);
    expect(group!.assessments.slice(0, 2).map((a) => a.id)).toEqual([second, first]);
  });

  it('is empty with no assessments, and a deleted one leaves its system (or the list)', async () => {
    expect(await listSystemGroups()).toEqual([]);
    const id = await create('Only ICS', '2021-01-01');
    expect((await listSystemGroups()).map((g) => g.count)).toEqual([1]);
    await deleteAssessment(id);
    expect(await listSystemGroups()).toEqual([]);
  });
});
