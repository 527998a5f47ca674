// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openFreshTestDatabase } from '@/storage/db';
import { eraseDevice } from '@/storage/erase';
import {
  checkForLostData,
  DATA_MARKER_KEY,
  dismissLostData,
  endLostDataNotice,
  isStoredDataLost,
  judgeStoredData,
  rememberStoredData,
  subscribeStoredDataLost,
  type StoredDataCounts,
} from '@/storage/lost-data';
import {
  createAssessment,
  deleteAssessment,
  startNextAssessment,
  undoDeleteAssessment,
} from '@/storage/repositories/assessments-repo';
import { readBackupData, writeImport } from '@/storage/repositories/backup-repo';
import { joinWorkshop, leaveJoinedWorkshop } from '@/storage/repositories/joined-workshops-repo';
import { createWorkshop } from '@/storage/repositories/workshops-repo';

const NONE: StoredDataCounts = { assessments: 0, workshops: 0, joinedWorkshops: 0 };

const hasMarker = () => localStorage.getItem(DATA_MARKER_KEY) !== null;

const newAssessment = () =>
  createAssessment({
    systemName: 'Northshire ICS',
    title: 'Baseline',
    asAt: '2019-06-30',
    frameworkId: 'ics-maturity-2019',
    frameworkVersion: '1.0.0',
  });

const join = (workshopId: string) =>
  joinWorkshop({
    workshopId,
    joinedBy: 'code',
    title: 'Away day',
    date: '2019-09-12',
    facilitator: '',
    frameworkId: 'ics-maturity-2019',
    frameworkVersion: '1.0.0',
    criterionIds: ['care.pcns'],
    participant: { label: 'Alex', organisation: 'Council', sector: 'local-authority' },
  });

beforeEach(() => {
  localStorage.clear();
  openFreshTestDatabase();
  endLostDataNotice();
});

describe('judgeStoredData (marker and counts → lost or not)', () => {
  it('is lost only when nothing is stored but the marker says something was', () => {
    expect(judgeStoredData(true, NONE)).toBe('lost');
    expect(judgeStoredData(false, NONE)).toBe('empty');
  });

  it('holds data when any assessment, workshop or joined workshop is stored, marker or not', () => {
    for (const counts of [
      { ...NONE, assessments: 1 },
      { ...NONE, workshops: 2 },
      { ...NONE, joinedWorkshops: 1 },
    ]) {
      expect(judgeStoredData(true, counts)).toBe('holds-data');
      expect(judgeStoredData(false, counts)).toBe('holds-data');
    }
  });
});

describe('checkForLostData (at start)', () => {
  it('on a first visit says nothing and sets no marker', async () => {
    expect(await checkForLostData()).toBe('empty');
    expect(isStoredDataLost()).toBe(false);
    expect(hasMarker()).toBe(false);
  });

  it('reports an empty database that the marker says held data, keeps the marker and deletes nothing', async () => {
    localStorage.setItem(DATA_MARKER_KEY, '1');
    localStorage.setItem('ics-maturity:journal:a|x|title', '{}');
    let notified = 0;
    const unsubscribe = subscribeStoredDataLost(() => (notified += 1));
    expect(await checkForLostData()).toBe('lost');
    unsubscribe();
    expect(isStoredDataLost()).toBe(true);
    expect(notified).toBe(1);
    // Still there at the next start (a reload before the person has read it).
    expect(hasMarker()).toBe(true);
    expect(localStorage.getItem('ics-maturity:journal:a|x|title')).toBe('{}');
    expect(await checkForLostData()).toBe('lost');
  });

  it('refreshes the marker when the database holds data (once a session, not per write)', async () => {
    await newAssessment();
    localStorage.removeItem(DATA_MARKER_KEY);
    expect(await checkForLostData()).toBe('holds-data');
    expect(isStoredDataLost()).toBe(false);
    expect(hasMarker()).toBe(true);
  });

  it('works without localStorage: never lost, never throws', async () => {
    expect(await checkForLostData(undefined)).toBe('empty');
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(await checkForLostData(refusing)).toBe('empty');
    expect(() => rememberStoredData(refusing)).not.toThrow();
  });
});

describe('the marker follows what the person creates and deletes', () => {
  it('is set by creating an assessment, a next assessment and a workshop', async () => {
    const id = await newAssessment();
    expect(hasMarker()).toBe(true);
    localStorage.clear();
    await startNextAssessment(id, { asAt: '2020-06-30', title: 'Next' });
    expect(hasMarker()).toBe(true);
    localStorage.clear();
    await createWorkshop({
      assessmentId: id,
      title: 'Board workshop',
      date: '2019-09-12',
      facilitator: '',
      isAnonymous: false,
      criterionIds: ['care.pcns'],
    });
    expect(hasMarker()).toBe(true);
  });

  it('goes with the last assessment deleted, comes back with undo, and stays while others remain', async () => {
    const first = await newAssessment();
    const second = await newAssessment();
    await deleteAssessment(first);
    expect(hasMarker()).toBe(true);
    const deleted = await deleteAssessment(second);
    expect(hasMarker()).toBe(false);
    expect(await checkForLostData()).toBe('empty');
    await undoDeleteAssessment(deleted!);
    expect(hasMarker()).toBe(true);
  });

  it('stays while a joined workshop remains, and goes with the last one removed', async () => {
    await join('JOINED1');
    expect(hasMarker()).toBe(true);
    const id = await newAssessment();
    await deleteAssessment(id);
    expect(hasMarker()).toBe(true);
    await leaveJoinedWorkshop('JOINED1');
    expect(hasMarker()).toBe(false);
    expect(await checkForLostData()).toBe('empty');
  });

  it('goes with "Delete everything on this device", which also ends the notice', async () => {
    localStorage.setItem(DATA_MARKER_KEY, '1');
    await checkForLostData();
    expect(isStoredDataLost()).toBe(true);
    await eraseDevice();
    expect(isStoredDataLost()).toBe(false);
    expect(hasMarker()).toBe(false);
  });
});

describe('the notice ends', () => {
  it('when dismissed: the marker goes too, so the next start says nothing', async () => {
    localStorage.setItem(DATA_MARKER_KEY, '1');
    await checkForLostData();
    await dismissLostData();
    expect(isStoredDataLost()).toBe(false);
    expect(hasMarker()).toBe(false);
    expect(await checkForLostData()).toBe('empty');
  });

  it('when dismissed after something new was stored: the marker stays, as it is true again', async () => {
    localStorage.setItem(DATA_MARKER_KEY, '1');
    await checkForLostData();
    await newAssessment();
    expect(isStoredDataLost()).toBe(true);
    await dismissLostData();
    expect(isStoredDataLost()).toBe(false);
    expect(hasMarker()).toBe(true);
  });

  it('when a backup with assessments is restored, but not for a restore that added nothing', async () => {
    await newAssessment();
    const backup = await readBackupData();
    openFreshTestDatabase();
    localStorage.setItem(DATA_MARKER_KEY, '1');
    await checkForLostData();

    await writeImport({ ...backup, assessments: [], ratings: [] });
    expect(isStoredDataLost()).toBe(true);

    localStorage.clear();
    await writeImport(backup);
    expect(isStoredDataLost()).toBe(false);
    expect(hasMarker()).toBe(true);
  });
});
