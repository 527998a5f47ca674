import { snapshotId, type Snapshot } from '@/domain/regional/snapshot';
import { getDb } from '../db';
import type { SnapshotRecord } from '../schema';

/**
 * The regional snapshots imported on this device (schema v9). Snapshots are checked before they
 * come here (`readSnapshot`, src/domain/regional/snapshot.ts). Importing is idempotent: a snapshot
 * of the same system, date described and publication replaces the one stored, never adds a second.
 */

/** Per snapshot given, in order: stored as new, or replaced one already stored (or given before). */
export type SnapshotOutcome = 'added' | 'replaced';

/** Stores the snapshots in one transaction: all of them or, if the write fails, none. */
export async function importSnapshots(
  snapshots: readonly Snapshot[],
  now: number = Date.now(),
): Promise<SnapshotOutcome[]> {
  const db = getDb();
  const records = snapshots.map((snapshot): SnapshotRecord => ({
    id: snapshotId(snapshot),
    systemKey: snapshot.system.key,
    snapshot,
    importedAt: now,
  }));
  return db.transaction('rw', db.snapshots, async () => {
    const stored = new Set(
      (await db.snapshots.bulkGet(records.map((r) => r.id))).flatMap((r) => (r ? [r.id] : [])),
    );
    const outcomes = records.map((r): SnapshotOutcome => {
      if (stored.has(r.id)) return 'replaced';
      stored.add(r.id);
      return 'added';
    });
    await db.snapshots.bulkPut(records);
    return outcomes;
  });
}

/** Every snapshot stored, in no particular order (src/domain/regional/aggregate.ts orders them). */
export async function listSnapshots(): Promise<SnapshotRecord[]> {
  return getDb().snapshots.toArray();
}

export async function removeSnapshot(id: string): Promise<void> {
  await getDb().snapshots.delete(id);
}
