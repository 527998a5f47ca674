import { snapshotId, type Snapshot } from '@/domain/regional/snapshot';
import { getDb } from '../db';
import type { SnapshotRecord } from '../schema';

/**
 * The regional snapshots imported on this device (schema v9). Snapshots are checked before they
 * come here (`readSnapshot`, src/domain/regional/snapshot.ts). Importing is idempotent: a snapshot
 * of the same system, date described and publication replaces the one stored, never adds a second.
 */

export type ImportedSnapshots = { added: number; replaced: number };

/** Stores the snapshots in one transaction: all of them or, if the write fails, none. */
export async function importSnapshots(
  snapshots: readonly Snapshot[],
  now: number = Date.now(),
): Promise<ImportedSnapshots> {
  const db = getDb();
  const records = new Map<string, SnapshotRecord>();
  for (const snapshot of snapshots) {
    const id = snapshotId(snapshot);
    records.set(id, { id, systemKey: snapshot.system.key, snapshot, importedAt: now });
  }
  return db.transaction('rw', db.snapshots, async () => {
    const ids = [...records.keys()];
    const existing = await db.snapshots.bulkGet(ids);
    const replaced = existing.filter((r) => r !== undefined).length;
    await db.snapshots.bulkPut([...records.values()]);
    return { added: ids.length - replaced, replaced };
  });
}

/** Every snapshot stored, in no particular order (src/domain/regional/aggregate.ts orders them). */
export async function listSnapshots(): Promise<SnapshotRecord[]> {
  return getDb().snapshots.toArray();
}

export async function removeSnapshot(id: string): Promise<void> {
  await getDb().snapshots.delete(id);
}
