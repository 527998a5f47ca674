import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSnapshot, type Snapshot } from '@/domain/regional/snapshot';
import { pullSnapshots, pushSnapshot, snapshotDocumentId } from '@/sync/regional';
import type { SyncDatabase } from '@/sync/pouch';
import { shippedFramework } from '../../support/framework';
import { MemoryPouch } from '../../support/memory-pouch';

function sample(): Snapshot {
  const text = readFileSync(
    new URL('../../fixtures/regional/southvale-2026-03-31.json', import.meta.url),
    'utf8',
  );
  const read = readSnapshot(text, [shippedFramework]);
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  return read.value;
}

let count = 0;
const regionalDb = (): SyncDatabase =>
  new MemoryPouch(`region-${++count}-${Date.now()}`) as unknown as SyncDatabase;

describe('regional snapshots in a CouchDB database', () => {
  it('names a document by system and date', () => {
    expect(snapshotDocumentId(sample())).toBe('snapshot:southvale ics:2026-03-31');
  });

  it('pushes a snapshot and pulls it back exactly, checked as a file is', async () => {
    const db = regionalDb();
    const snapshot = sample();
    await pushSnapshot(db, snapshot);
    expect(await pullSnapshots(db, [shippedFramework])).toEqual({
      snapshots: [snapshot],
      refused: [],
    });
  });

  it('replaces an earlier publication of the same date, and keeps other dates', async () => {
    const db = regionalDb();
    const snapshot = sample();
    await pushSnapshot(db, snapshot);
    const again = { ...snapshot, publishedAt: '2026-05-01T00:00:00.000Z' };
    await pushSnapshot(db, again);
    const older = { ...snapshot, asAt: '2025-03-31' };
    await pushSnapshot(db, older);
    const pulled = await pullSnapshots(db, [shippedFramework]);
    expect(pulled.snapshots).toEqual([older, again]);
  });

  it('refuses a document that is not a valid snapshot, and ignores other documents', async () => {
    const db = regionalDb();
    const snapshot = sample();
    await db.put({ ...snapshot, overall: 'thriving', _id: snapshotDocumentId(snapshot) });
    await db.put({ ...snapshot, _id: 'snapshot:someone else:2026-03-31' });
    await db.put({ _id: 'assessment:x', title: 'not a snapshot' });
    const pulled = await pullSnapshots(db, [shippedFramework]);
    expect(pulled.snapshots).toEqual([]);
    expect(pulled.refused).toEqual([
      { id: 'snapshot:someone else:2026-03-31', problem: { code: 'wrong-key' } },
      { id: snapshotDocumentId(snapshot), problem: { code: 'levels-mismatch' } },
    ]);
  });
});
