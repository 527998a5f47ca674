import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackupData } from '@/domain/backup/backup-format';
import { openFreshTestDatabase } from '@/storage/db';
import {
  readBackupData,
  SETS_PER_READ,
  WRITE_CHUNK,
  writeImport,
  type WriteProgress,
} from '@/storage/repositories/backup-repo';
import { dataSet } from '../../../support/bench-data';

/**
 * Writing a planned restore: table by table in bulk, in one transaction, telling its progress.
 * (What is planned, and the use case around it, are tested in
 * test/unit/features/backup/lib/restore.test.ts.)
 */
const TIMEOUT = 30_000;

beforeEach(() => {
  openFreshTestDatabase();
});

/** 120 assessments of 24 ratings: 2,880 ratings, more than one bulk write of them. */
const large = (): BackupData => dataSet(120);

describe('writeImport', { timeout: TIMEOUT }, () => {
  it('writes every record, saying how many are written in order, from none to all', async () => {
    const data = large();
    expect(data.ratings.length).toBeGreaterThan(WRITE_CHUNK);
    const progress: WriteProgress[] = [];
    await writeImport(data, (p) => progress.push(p));
    const total = data.assessments.length + data.ratings.length;
    expect(progress[0]).toEqual({ done: 0, total });
    expect(progress.at(-1)).toEqual({ done: total, total });
    // Assessments in one write, then the ratings (in their assessments' sets, whole sets of up to
    // WRITE_CHUNK ratings) a chunk at a time: in order, never beyond the total.
    const done = progress.map((p) => p.done);
    expect(done.slice(0, 2)).toEqual([0, data.assessments.length]);
    const ratingSteps = done.slice(2);
    expect(ratingSteps.length).toBeGreaterThan(1);
    ratingSteps.forEach((step, i) => {
      const previous = i === 0 ? data.assessments.length : ratingSteps[i - 1]!;
      expect(step).toBeGreaterThan(previous);
      expect(step - previous).toBeLessThanOrEqual(WRITE_CHUNK);
      // Whole sets: 24 ratings each here.
      expect((step - previous) % 24).toBe(0);
    });
    expect(progress.every((p) => p.total === total)).toBe(true);
    const stored = await readBackupData();
    expect(stored.assessments).toHaveLength(data.assessments.length);
    expect(stored.ratings).toHaveLength(data.ratings.length);
  });

  it('writes nothing at all when storage refuses a record in a later bulk write', async () => {
    const seed = dataSet(2);
    await writeImport(seed);
    const before = await readBackupData();
    const data = large();
    // Not a valid IndexedDB key (of its rating set): the last chunk of ratings fails after the
    // others were put.
    data.ratings[data.ratings.length - 1] = {
      ...data.ratings.at(-1)!,
      assessmentId: {} as unknown as string,
    };
    const progress: number[] = [];
    await expect(writeImport(data, (p) => progress.push(p.done))).rejects.toThrow();
    // Some chunks were put inside the transaction before the failure, and were undone with it.
    expect(progress.length).toBeGreaterThan(2);
    expect(await readBackupData()).toEqual(before);
  });

  it('says there is nothing to write when the plan is empty', async () => {
    const progress: WriteProgress[] = [];
    await writeImport(dataSet(0), (p) => progress.push(p));
    expect(progress).toEqual([{ done: 0, total: 0 }]);
  });
});

describe('readBackupData', { timeout: TIMEOUT }, () => {
  it('gives the ratings a part at a time when asked, in the same order, and keeps none itself', async () => {
    const data = large();
    await writeImport(data);
    const whole = await readBackupData();
    expect(whole.ratings).toHaveLength(data.ratings.length);
    // Sorted by assessment, then criterion.
    const order = whole.ratings.map((r) => `${r.assessmentId} ${r.criterionId}`);
    expect(order).toEqual([...order].sort());
    const parts: number[] = [];
    const streamed: typeof whole.ratings = [];
    const rest = await readBackupData(
      { kind: 'all' },
      {
        onRatings: (ratings) => {
          parts.push(ratings.length);
          streamed.push(...ratings);
        },
      },
    );
    expect(streamed).toEqual(whole.ratings);
    // 120 assessments: one read of SETS_PER_READ sets, then the rest.
    expect(parts).toEqual([SETS_PER_READ * 24, (120 - SETS_PER_READ) * 24]);
    expect(rest).toEqual({ ...whole, ratings: [] });
  });

  it('gives one system or one assessment with only their ratings', async () => {
    const data = dataSet(6);
    await writeImport(data);
    const [first] = data.assessments;
    const one = await readBackupData({ kind: 'assessment', id: first!.id });
    expect(one.assessments.map((a) => a.id)).toEqual([first!.id]);
    expect(one.ratings.every((r) => r.assessmentId === first!.id)).toBe(true);
    expect(one.ratings).toHaveLength(24);
    expect((await readBackupData({ kind: 'assessment', id: 'none' })).ratings).toEqual([]);
  });
});
