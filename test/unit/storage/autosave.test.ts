// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveQueue } from '@/storage/autosave';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { editKey, type Edit } from '@/storage/edits';
import { createAssessment, getAssessmentRecord } from '@/storage/repositories/assessments-repo';

let assessmentId = '';
beforeEach(async () => {
  localStorage.clear();
  openFreshTestDatabase();
  assessmentId = await createAssessment({
    systemName: 'Northshire ICS',
    title: 'Annual review',
    asAt: '2019-09-30',
    frameworkId: 'ics-maturity-2019',
    frameworkVersion: '1.0.0',
  });
});

afterEach(async () => {
  await saveQueue.clearAll();
});

const rename = (value: string, editedAt: number): Edit => ({
  kind: 'assessment',
  assessmentId,
  field: 'title',
  value,
  editedAt,
});

const localJournal = () =>
  Object.keys(localStorage).filter((key) => key.startsWith('ics-maturity:journal:'));

describe('saveQueue', () => {
  it('journals an edit in localStorage at once, then writes it to the database', async () => {
    const edit = rename('Mid-year review', Date.now());
    saveQueue.enqueue(edit);
    expect(localJournal()).toEqual([`ics-maturity:journal:${editKey(edit)}`]);
    expect(saveQueue.pendingEdit(editKey(edit))).toEqual(edit);
    expect(await saveQueue.flush()).toBe(true);
    expect((await getAssessmentRecord(assessmentId))?.title).toBe('Mid-year review');
    // Written: neither journal holds it any more (IndexedDB's is tidied in a later task).
    expect(localJournal()).toEqual([]);
    await vi.waitFor(async () => expect(await getDb().journal.count()).toBe(0));
  });

  it('recovers an edit an earlier page journaled but never wrote', async () => {
    const edit = rename('Typed before the crash', Date.now());
    localStorage.setItem(`ics-maturity:journal:${editKey(edit)}`, JSON.stringify(edit));
    expect(await saveQueue.recover()).toBe(1);
    expect(await saveQueue.flush()).toBe(true);
    expect((await getAssessmentRecord(assessmentId))?.title).toBe('Typed before the crash');
  });

  it('forgets queued edits on clearAll, so nothing is written later', async () => {
    saveQueue.enqueue(rename('Never saved', Date.now()));
    await saveQueue.clearAll();
    expect(localJournal()).toEqual([]);
    expect(await saveQueue.flush()).toBe(true);
    expect((await getAssessmentRecord(assessmentId))?.title).toBe('Annual review');
  });
});
