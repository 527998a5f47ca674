import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackupData } from '@/domain/backup/backup-format';
import { openFreshTestDatabase } from '@/storage/db';
import {
  readBackupData,
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
    // Assessments in one write, then the ratings a chunk at a time: in order, never beyond the total.
    const ratingSteps = Array.from(
      { length: Math.ceil(data.ratings.length / WRITE_CHUNK) },
      (_, i) => data.assessments.length + Math.min((i + 1) * WRITE_CHUNK, data.ratings.length),
    );
    expect(progress.map((p) => p.done)).toEqual([0, data.assessments.length, ...ratingSteps]);
    expect(ratingSteps.length).toBeGreaterThan(1);
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
    // Not a valid IndexedDB key: the last chunk of ratings fails after the others were put.
    data.ratings[data.ratings.length - 1] = {
      ...data.ratings.at(-1)!,
      criterionId: {} as unknown as string,
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
