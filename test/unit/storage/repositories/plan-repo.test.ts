import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyRating } from '@/domain/assessment';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { createAssessment } from '@/storage/repositories/assessments-repo';
import {
  addAction,
  deleteAction,
  listActions,
  listSystemAssessments,
  listTargets,
  saveTargets,
  updateAction,
} from '@/storage/repositories/plan-repo';
import { groupRatings } from '@/storage/rating-sets';

beforeEach(() => {
  openFreshTestDatabase();
});

const newAssessment = (systemName: string, asAt: string) =>
  createAssessment({
    systemName,
    title: `Review ${asAt}`,
    asAt,
    frameworkId: 'ics-maturity-2019',
    frameworkVersion: '1.0.0',
  });

const action = (systemKey: string, title = 'Agree the system plan') => ({
  systemKey,
  title,
  owner: 'Chair',
  dueDate: '2020-01-31',
  status: 'not-started' as const,
  characteristicId: 'leadership',
  criterionId: null,
  milestoneDate: null,
});

describe('listSystemAssessments', () => {
  it("gives one system's assessments, whatever the case and spacing of its name, with their ratings", async () => {
    const first = await newAssessment('Northshire ICS', '2019-03-31');
    const second = await newAssessment('  northshire   ics ', '2019-09-30');
    await newAssessment('Eastvale ICS', '2019-09-30');
    await getDb().ratingSets.bulkAdd(
      groupRatings([
        { ...emptyRating(first, 'care.pcns'), level: 'emerging', stamps: { level: 1 } },
        { ...emptyRating(second, 'care.pcns'), level: 'maturing', stamps: { level: 2 } },
        { ...emptyRating(second, 'care.phm'), level: 'developing', stamps: { level: 2 } },
      ]),
    );
    const list = await listSystemAssessments('northshire ics');
    expect(list.map((a) => a.id).sort()).toEqual([first, second].sort());
    const latest = list.find((a) => a.id === second)!;
    expect(latest.ratings.map((r) => [r.criterionId, r.level]).sort()).toEqual([
      ['care.pcns', 'maturing'],
      ['care.phm', 'developing'],
    ]);
    // Stamps are storage's business: callers get plain assessments and ratings.
    expect(latest).not.toHaveProperty('stamps');
    expect(latest.ratings[0]).not.toHaveProperty('stamps');
  });

  it('is empty for a system with no assessments', async () => {
    await newAssessment('Northshire ICS', '2019-03-31');
    expect(await listSystemAssessments('eastvale ics')).toEqual([]);
  });
});

describe('targets', () => {
  it("replaces a system's whole target list, leaving other systems' alone", async () => {
    vi.useFakeTimers({ now: Date.UTC(2019, 9, 1), toFake: ['Date'] });
    try {
      await saveTargets('northshire ics', [
        { id: 't1', characteristicId: 'leadership', level: 'developing', date: '2020-04-01' },
        { id: 't2', characteristicId: 'leadership', level: 'maturing', date: '2021-04-01' },
      ]);
      await saveTargets('eastvale ics', [
        { id: 't3', characteristicId: 'finance', level: 'thriving', date: '2022-04-01' },
      ]);
      await saveTargets('northshire ics', [
        { id: 't4', characteristicId: 'care', level: 'maturing', date: '2021-04-01' },
      ]);
    } finally {
      vi.useRealTimers();
    }
    expect(await listTargets('northshire ics')).toEqual([
      {
        id: 't4',
        systemKey: 'northshire ics',
        characteristicId: 'care',
        level: 'maturing',
        date: '2021-04-01',
        updatedAt: Date.UTC(2019, 9, 1),
      },
    ]);
    expect((await listTargets('eastvale ics')).map((t) => t.id)).toEqual(['t3']);
  });

  it('saving an empty list removes every target of the system', async () => {
    await saveTargets('northshire ics', [
      { id: 't1', characteristicId: 'leadership', level: 'developing', date: '2020-04-01' },
    ]);
    await saveTargets('northshire ics', []);
    expect(await listTargets('northshire ics')).toEqual([]);
  });

  it('changes nothing when one target cannot be stored', async () => {
    await saveTargets('northshire ics', [
      { id: 't1', characteristicId: 'leadership', level: 'developing', date: '2020-04-01' },
    ]);
    const twice = {
      id: 'dup',
      characteristicId: 'care',
      level: 'maturing' as const,
      date: '2021-04-01',
    };
    await expect(saveTargets('northshire ics', [twice, twice])).rejects.toThrow();
    expect((await listTargets('northshire ics')).map((t) => t.id)).toEqual(['t1']);
  });
});

describe('actions', () => {
  it('adds an action with a new id and times, and lists it under its system only', async () => {
    const id = await addAction(action('northshire ics'));
    await addAction(action('eastvale ics', 'Other system'));
    const [stored, ...rest] = await listActions('northshire ics');
    expect(rest).toEqual([]);
    expect(stored).toMatchObject({ ...action('northshire ics'), id });
    expect(stored!.createdAt).toBe(stored!.updatedAt);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('updates the fields given and the update time, never the creation time', async () => {
    const id = await addAction(action('northshire ics'));
    const [before] = await listActions('northshire ics');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await updateAction(id, { status: 'done', owner: 'Chief executive' });
    const [after] = await listActions('northshire ics');
    expect(after).toMatchObject({ status: 'done', owner: 'Chief executive', title: before!.title });
    expect(after!.createdAt).toBe(before!.createdAt);
    expect(after!.updatedAt).toBeGreaterThan(before!.updatedAt);
  });

  it('deletes an action, and deleting it again is harmless', async () => {
    const id = await addAction(action('northshire ics'));
    const keep = await addAction(action('northshire ics', 'Keep me'));
    await deleteAction(id);
    await deleteAction(id);
    expect((await listActions('northshire ics')).map((a) => a.id)).toEqual([keep]);
  });
});
