import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyEvidence } from '@/storage/apply-patch';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import type { Edit } from '@/storage/edits';
import { createAssessment } from '@/storage/repositories/assessments-repo';
import type { RatingRecord } from '@/storage/schema';
import { applyEdits } from '@/storage/write-edits';
import { readRating } from '@/storage/rating-sets';
import { expectedSummaries, storedSummaries } from '../../support/seed';

const CRITERION = 'leadership.shared-vision';

type EvidenceEdit = Extract<Edit, { kind: 'evidence' }>;
const evidence = (
  assessmentId: string,
  itemId: string,
  field: EvidenceEdit['field'],
  value: string | boolean,
  editedAt: number,
): EvidenceEdit => ({
  kind: 'evidence',
  assessmentId,
  criterionId: CRITERION,
  itemId,
  field,
  value,
  editedAt,
});

async function newAssessment(): Promise<string> {
  return createAssessment({
    systemName: 'Northshire',
    title: '',
    asAt: '2019-06-30',
    frameworkId: 'ics-maturity-2019',
    frameworkVersion: '1.0.0',
  });
}

async function rating(assessmentId: string): Promise<RatingRecord | undefined> {
  return readRating(getDb(), assessmentId, CRITERION);
}

async function addWorkshop(assessmentId: string): Promise<string> {
  const id = 'ws-1';
  await getDb().workshops.add({
    id,
    assessmentId,
    title: 'Board workshop',
    date: '2019-09-12',
    facilitator: 'A. Chair',
    isAnonymous: false,
    criterionIds: [CRITERION],
    createdAt: 1,
    updatedAt: 1,
  });
  return id;
}

describe('applyEdits: evidence is merged item by item', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('keeps evidence added by two tabs to the same criterion within a second', async () => {
    const id = await newAssessment();
    // Tab A and tab B each add an item and type into it; their writes interleave.
    await applyEdits([evidence(id, 'from-a', 'text', 'Board minutes', 1_000)]);
    await applyEdits([evidence(id, 'from-b', 'text', 'Partnership MoU', 1_100)]);
    await applyEdits([evidence(id, 'from-a', 'url', 'https://example.nhs.uk/minutes', 1_200)]);
    expect((await rating(id))?.evidence).toEqual([
      { id: 'from-a', text: 'Board minutes', url: 'https://example.nhs.uk/minutes' },
      { id: 'from-b', text: 'Partnership MoU', url: '' },
    ]);
  });

  it('edits and removes only the item named, and a removed item never comes back', async () => {
    const id = await newAssessment();
    await applyEdits([
      evidence(id, 'one', 'text', 'First', 1),
      evidence(id, 'two', 'text', 'Second', 2),
    ]);
    await applyEdits([evidence(id, 'one', 'removed', true, 3)]);
    // A slower tab's older edit of the removed item arrives late.
    await applyEdits([evidence(id, 'one', 'text', 'First, edited', 2)]);
    expect((await rating(id))?.evidence).toEqual([{ id: 'two', text: 'Second', url: '' }]);
  });

  it('never lets an older edit of an item field overwrite a newer one', () => {
    const record = {
      evidence: [{ id: 'x', text: 'newer', url: '' }],
      stamps: { 'evidence:x:text': 50 },
      updatedAt: 50,
    };
    expect(applyEvidence(record, evidence('a', 'x', 'text', 'older', 40))).toBe(record);
    expect(applyEvidence(record, evidence('a', 'x', 'text', 'newest', 60)).evidence).toEqual([
      { id: 'x', text: 'newest', url: '' },
    ]);
  });

  it('still replays a whole-list evidence edit journaled by an earlier version', async () => {
    const id = await newAssessment();
    const legacy = {
      kind: 'rating',
      assessmentId: id,
      criterionId: CRITERION,
      field: 'evidence',
      value: [{ id: 'old', text: 'From the old journal', url: '' }],
      editedAt: 5,
    } as unknown as Edit;
    await applyEdits([legacy]);
    expect((await rating(id))?.evidence).toEqual([
      { id: 'old', text: 'From the old journal', url: '' },
    ]);
  });
});

describe('applyEdits: workshop notes, joined ratings and form drafts', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('saves a participant note as typed, and marks the workshop as changed', async () => {
    const id = await newAssessment();
    const workshopId = await addWorkshop(id);
    const note = (value: string, editedAt: number): Edit => ({
      kind: 'individual',
      workshopId,
      participantId: 'p-1',
      criterionId: CRITERION,
      field: 'note',
      value,
      editedAt,
    });
    await applyEdits([note('Partners', 10)]);
    await applyEdits([note('Partners agree', 20), note('Partners', 15)]);
    await applyEdits([note('stale', 12)]);
    const stored = await getDb().individualRatings.get([workshopId, 'p-1', CRITERION]);
    expect(stored).toMatchObject({ note: 'Partners agree', level: null, ratedAt: 20 });
    expect((await getDb().workshops.get(workshopId))?.updatedAt).toBe(20);
  });

  it('keeps an agreement rationale typed before a level is agreed, without rating anything', async () => {
    const id = await newAssessment();
    const workshopId = await addWorkshop(id);
    await applyEdits([
      {
        kind: 'agreement',
        workshopId,
        criterionId: CRITERION,
        field: 'rationale',
        value: 'Why',
        editedAt: 30,
      },
      {
        kind: 'agreement',
        workshopId,
        criterionId: CRITERION,
        field: 'dissent',
        value: 'Council',
        editedAt: 31,
      },
    ]);
    expect(await getDb().agreements.get([workshopId, CRITERION])).toMatchObject({
      level: null,
      rationale: 'Why',
      dissent: 'Council',
    });
    expect(await rating(id)).toBeUndefined();
  });

  it('copies the rationale of an agreed level to the assessment, as recording it does', async () => {
    const id = await newAssessment();
    const workshopId = await addWorkshop(id);
    await getDb().agreements.put({
      workshopId,
      criterionId: CRITERION,
      level: 'developing',
      rationale: '',
      dissent: '',
      agreedAt: 40,
    });
    await applyEdits([
      {
        kind: 'agreement',
        workshopId,
        criterionId: CRITERION,
        field: 'rationale',
        value: 'Shared plan',
        editedAt: 41,
      },
    ]);
    expect((await rating(id))?.rationale).toBe('Shared plan');
  });

  it('drops edits of a deleted workshop or assessment (a stale tab cannot bring them back)', async () => {
    await applyEdits([
      {
        kind: 'agreement',
        workshopId: 'gone',
        criterionId: CRITERION,
        field: 'rationale',
        value: 'x',
        editedAt: 1,
      },
      {
        kind: 'individual',
        workshopId: 'gone',
        participantId: 'p',
        criterionId: CRITERION,
        field: 'note',
        value: 'x',
        editedAt: 1,
      },
      {
        kind: 'rating',
        assessmentId: 'gone',
        criterionId: CRITERION,
        field: 'rationale',
        value: 'x',
        editedAt: 1,
      },
      {
        kind: 'joined',
        workshopId: 'gone',
        criterionId: CRITERION,
        field: 'note',
        value: 'x',
        editedAt: 1,
      },
    ]);
    const db = getDb();
    expect(await db.agreements.count()).toBe(0);
    expect(await db.individualRatings.count()).toBe(0);
    expect(await db.ratingSets.count()).toBe(0);
    expect(await db.assessments.count()).toBe(0);
  });

  it("saves a joined participant's note and level in framework order", async () => {
    await getDb().joinedWorkshops.add({
      workshopId: 'ws-9',
      joinedBy: 'invitation',
      title: 'Workshop',
      date: '2019-09-12',
      facilitator: 'A. Chair',
      frameworkId: 'ics-maturity-2019',
      frameworkVersion: '1.0.0',
      criterionIds: ['c-1', 'c-2'],
      participant: { id: 'p', label: 'Pat', organisation: 'Trust', sector: 'nhs-provider' },
      ratings: [],
      joinedAt: 1,
      updatedAt: 1,
      exportedAt: null,
    } as never);
    await applyEdits([
      {
        kind: 'joined',
        workshopId: 'ws-9',
        criterionId: 'c-2',
        field: 'note',
        value: 'Second',
        editedAt: 5,
      },
      {
        kind: 'joined',
        workshopId: 'ws-9',
        criterionId: 'c-1',
        field: 'level',
        value: 'maturing',
        editedAt: 6,
      },
    ]);
    const record = await getDb().joinedWorkshops.get('ws-9');
    expect(record?.ratings).toEqual([
      { criterionId: 'c-1', level: 'maturing', note: '' },
      { criterionId: 'c-2', level: null, note: 'Second' },
    ]);
    expect(record?.updatedAt).toBe(6);
  });

  it('saves a round 2 note (issue 12) beside the round 2 vote, newest wins, round 1 untouched', async () => {
    const id = await newAssessment();
    const workshopId = await addWorkshop(id);
    await getDb().individualRatings.put({
      workshopId,
      participantId: 'p-1',
      criterionId: CRITERION,
      level: 'emerging',
      note: 'Round 1 note',
      ratedAt: 5,
      stamps: { level: 5, note: 5 },
      round2: { level: 'developing', ratedAt: 8 },
    });
    const note = (value: string, editedAt: number, participantId = 'p-1'): Edit => ({
      kind: 'individual',
      workshopId,
      participantId,
      criterionId: CRITERION,
      field: 'round2Note',
      value,
      editedAt,
    });
    await applyEdits([note('Moved after', 10), note('Moved after the talk', 20)]);
    await applyEdits([note('stale', 12), note('Only a note', 30, 'p-2')]);
    expect(await getDb().individualRatings.get([workshopId, 'p-1', CRITERION])).toEqual({
      workshopId,
      participantId: 'p-1',
      criterionId: CRITERION,
      level: 'emerging',
      note: 'Round 1 note',
      ratedAt: 5,
      stamps: { level: 5, note: 5, round2Note: 20 },
      round2: { level: 'developing', ratedAt: 8, note: 'Moved after the talk' },
    });
    // A note before the round 2 vote: no level yet, and round 1 stays empty.
    expect(await getDb().individualRatings.get([workshopId, 'p-2', CRITERION])).toMatchObject({
      level: null,
      note: '',
      round2: { level: null, note: 'Only a note' },
    });
  });

  it("saves a joined participant's round 2 note only for a criterion in round 2", async () => {
    await getDb().joinedWorkshops.add({
      workshopId: 'ws-9',
      joinedBy: 'code',
      title: '',
      date: '',
      facilitator: '',
      frameworkId: 'ics-maturity-2019',
      frameworkVersion: '1.0.0',
      criterionIds: ['c-1', 'c-2'],
      participant: { id: 'p', label: 'Pat', organisation: 'Trust', sector: 'other' },
      ratings: [{ criterionId: 'c-2', level: 'emerging', note: 'First round' }],
      joinedAt: 1,
      updatedAt: 1,
      exportedAt: null,
      round2: {
        criterionIds: ['c-2'],
        ratings: [{ criterionId: 'c-2', level: 'maturing' }],
        startedAt: 2,
      },
    });
    const note = (criterionId: string, value: string, editedAt: number): Edit => ({
      kind: 'joined',
      workshopId: 'ws-9',
      criterionId,
      field: 'round2Note',
      value,
      editedAt,
    });
    await applyEdits([note('c-2', 'Heard the acute view', 5), note('c-1', 'not in round 2', 6)]);
    const record = await getDb().joinedWorkshops.get('ws-9');
    expect(record?.round2?.ratings).toEqual([
      { criterionId: 'c-2', level: 'maturing', note: 'Heard the acute view' },
    ]);
    expect(record?.ratings).toEqual([
      { criterionId: 'c-2', level: 'emerging', note: 'First round' },
    ]);
    expect(record?.stamps).toEqual({ 'c-2:round2Note': 5 });
  });

  it('keeps form drafts field by field, newest wins', async () => {
    await applyEdits([
      { kind: 'draft', form: 'action:x', field: 'title', value: 'Agree outcomes', editedAt: 2 },
      { kind: 'draft', form: 'action:x', field: 'owner', value: 'Director', editedAt: 3 },
    ]);
    await applyEdits([
      { kind: 'draft', form: 'action:x', field: 'title', value: 'old', editedAt: 1 },
    ]);
    expect((await getDb().drafts.get('action:x'))?.values).toEqual({
      title: 'Agree outcomes',
      owner: 'Director',
    });
  });
});

describe('applyEdits: the summaries follow the ratings in the same transaction', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  const level = (
    assessmentId: string,
    criterionId: string,
    value: string | null,
    editedAt: number,
  ): Edit =>
    ({ kind: 'rating', assessmentId, criterionId, field: 'level', value, editedAt }) as Edit;

  it('counts levels set, changed and cleared, across assessments in one batch', async () => {
    const first = await newAssessment();
    const second = await newAssessment();
    await applyEdits([
      level(first, 'care.pcns', 'maturing', 1),
      level(first, 'care.phm', 'emerging', 2),
      level(second, 'care.pcns', 'thriving', 3),
    ]);
    expect(await storedSummaries()).toEqual(await expectedSummaries());
    expect((await getDb().assessmentSummaries.get(first))?.assessedCount).toBe(2);
    await applyEdits([
      level(first, 'care.pcns', null, 4),
      level(first, 'care.phm', 'developing', 5),
    ]);
    expect((await getDb().assessmentSummaries.get(first))?.assessedCount).toBe(1);
    expect((await getDb().assessmentSummaries.get(second))?.assessedCount).toBe(1);
    expect(await storedSummaries()).toEqual(await expectedSummaries());
  });

  it('counts a level an agreement rationale copies, and none for an evidence-only rating', async () => {
    const id = await newAssessment();
    await applyEdits([evidence(id, 'e1', 'text', 'Board minutes', 1)]);
    expect((await getDb().assessmentSummaries.get(id))?.assessedCount).toBe(0);
    await applyEdits([level(id, CRITERION, 'maturing', 2)]);
    expect((await getDb().assessmentSummaries.get(id))?.assessedCount).toBe(1);
    expect(await storedSummaries()).toEqual(await expectedSummaries());
  });

  it('writes no summary for an assessment deleted in the meantime', async () => {
    const id = await newAssessment();
    await getDb().assessments.delete(id);
    await getDb().assessmentSummaries.delete(id);
    await applyEdits([level(id, CRITERION, 'maturing', 1)]);
    expect(await getDb().assessmentSummaries.get(id)).toBeUndefined();
  });

  it('keeps both when two tabs write different criteria of one assessment at once (v8: one set)', async () => {
    const id = await newAssessment();
    // Two batches in flight together, as from two tabs: each reads and puts the assessment's
    // rating set inside its own transaction, and IndexedDB runs the two one after the other.
    await Promise.all([
      applyEdits([level(id, 'care.pcns', 'maturing', 1)]),
      applyEdits([level(id, 'care.phm', 'emerging', 1)]),
      applyEdits([{ ...level(id, CRITERION, 'thriving', 1) }]),
    ]);
    expect(
      (await getDb().ratingSets.get(id))?.ratings.map((r) => [r.criterionId, r.level]),
    ).toEqual([
      ['care.pcns', 'maturing'],
      ['care.phm', 'emerging'],
      [CRITERION, 'thriving'],
    ]);
    expect((await getDb().assessmentSummaries.get(id))?.assessedCount).toBe(3);
  });
});
