import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addMinute,
  DEFAULT_DURATION_MS,
  idleTimer,
  MINUTE_MS,
  pauseTimer,
  startTimer,
} from '@/domain/workshop/timer';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { createAssessment } from '@/storage/repositories/assessments-repo';
import { changeTimer } from '@/storage/repositories/workshop-timers-repo';
import { createWorkshop } from '@/storage/repositories/workshops-repo';

async function setUp(): Promise<string> {
  const assessmentId = await createAssessment({
    systemName: 'Northshire ICS',
    title: 'Baseline',
    asAt: '2019-09-12',
    frameworkId: 'ics-maturity-2019',
    frameworkVersion: '1.0.0',
  });
  return createWorkshop({
    assessmentId,
    title: 'Timer workshop',
    date: '2019-09-12',
    facilitator: '',
    isAnonymous: false,
    criterionIds: ['care.pcns', 'care.phm'],
  });
}

const timers = async (workshopId: string) => (await getDb().workshops.get(workshopId))?.timers;

describe('workshop timers repository', () => {
  beforeEach(() => {
    openFreshTestDatabase();
  });

  it('keeps each criterion’s timer on the workshop: when it started and the time used before', async () => {
    const workshopId = await setUp();
    const before = Date.now();
    await changeTimer(workshopId, 'care.pcns', (current, now) =>
      startTimer(current ?? idleTimer(), now),
    );
    const started = (await timers(workshopId))?.['care.pcns'];
    expect(started).toMatchObject({ durationMs: DEFAULT_DURATION_MS, usedMs: 0, isStarted: true });
    expect(started!.runningSince).toBeGreaterThanOrEqual(before);
    await changeTimer(workshopId, 'care.pcns', (current, now) =>
      pauseTimer(current ?? idleTimer(), now),
    );
    const paused = (await timers(workshopId))?.['care.pcns'];
    expect(paused).toMatchObject({ runningSince: null, isStarted: true });
    expect(paused!.usedMs).toBeGreaterThanOrEqual(0);
    // Another criterion's timer is its own.
    await changeTimer(workshopId, 'care.phm', (current, now) =>
      addMinute(current ?? idleTimer(), now),
    );
    expect(Object.keys((await timers(workshopId)) ?? {})).toEqual(['care.pcns', 'care.phm']);
  });

  it('applies each press to the stored state, so two quick presses both count', async () => {
    const workshopId = await setUp();
    await Promise.all([
      changeTimer(workshopId, 'care.pcns', (current, now) =>
        addMinute(current ?? idleTimer(), now),
      ),
      changeTimer(workshopId, 'care.pcns', (current, now) =>
        addMinute(current ?? idleTimer(), now),
      ),
    ]);
    expect((await timers(workshopId))?.['care.pcns']?.durationMs).toBe(
      DEFAULT_DURATION_MS + 2 * MINUTE_MS,
    );
  });

  it('removes a reset timer, and the field with the last one', async () => {
    const workshopId = await setUp();
    await changeTimer(workshopId, 'care.pcns', (current, now) =>
      startTimer(current ?? idleTimer(), now),
    );
    await changeTimer(workshopId, 'care.pcns', () => null);
    expect(await getDb().workshops.get(workshopId)).not.toHaveProperty('timers');
    await expect(changeTimer('gone', 'care.pcns', () => null)).rejects.toThrow();
  });
});
