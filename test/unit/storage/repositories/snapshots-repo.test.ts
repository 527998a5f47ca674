import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { readSnapshot, snapshotId, type Snapshot } from '@/domain/regional/snapshot';
import { openFreshTestDatabase } from '@/storage/db';
import {
  importSnapshots,
  listSnapshots,
  removeSnapshot,
} from '@/storage/repositories/snapshots-repo';
import { shippedFramework } from '../../../support/framework';

function sample(): Snapshot {
  const text = readFileSync(
    new URL('../../../fixtures/regional/southvale-2026-03-31.json', import.meta.url),
    'utf8',
  );
  const read = readSnapshot(text, [shippedFramework]);
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  return read.value;
}

beforeEach(() => {
  openFreshTestDatabase();
});

describe('snapshots repository', () => {
  it('stores imported snapshots with their system key', async () => {
    const snapshot = sample();
    expect(await importSnapshots([snapshot], 5)).toEqual(['added']);
    expect(await listSnapshots()).toEqual([
      { id: snapshotId(snapshot), systemKey: 'southvale ics', snapshot, importedAt: 5 },
    ]);
  });

  it('is idempotent: the same system, date and publication replaces, never duplicates', async () => {
    const snapshot = sample();
    await importSnapshots([snapshot]);
    expect(await importSnapshots([snapshot, snapshot])).toEqual(['replaced', 'replaced']);
    expect(await listSnapshots()).toHaveLength(1);
  });

  it('keeps a later publication of the same date, and another date, as snapshots of their own', async () => {
    const snapshot = sample();
    const outcomes = await importSnapshots([
      snapshot,
      { ...snapshot, publishedAt: '2026-05-01T00:00:00.000Z' },
      { ...snapshot, asAt: '2025-03-31' },
    ]);
    expect(outcomes).toEqual(['added', 'added', 'added']);
    expect(await listSnapshots()).toHaveLength(3);
  });

  it('counts a file given twice in one import as added, then replaced', async () => {
    const snapshot = sample();
    expect(await importSnapshots([snapshot, snapshot])).toEqual(['added', 'replaced']);
    expect(await listSnapshots()).toHaveLength(1);
  });

  it('removes one snapshot and leaves the others', async () => {
    const snapshot = sample();
    const older = { ...snapshot, asAt: '2025-03-31' };
    await importSnapshots([snapshot, older]);
    await removeSnapshot(snapshotId(snapshot));
    expect((await listSnapshots()).map((r) => r.snapshot)).toEqual([older]);
  });
});
