import type { Framework } from '@/domain/framework/schema';
import { readSnapshotJson, type Snapshot, type SnapshotProblem } from '@/domain/regional/snapshot';
import type { SyncDatabase } from './pouch';

/**
 * Publishing regional snapshots to a regional CouchDB database, and reading them back for the
 * regional view (issue 16, item 5). Separate from partnership sync (./engine.ts): no replication,
 * no local copy, just a plain push of one document per system and date, and a plain read of all
 * of them. Each document is the snapshot file's JSON (src/domain/regional/snapshot.ts) with
 * CouchDB's `_id` and `_rev`; everything read is checked exactly as an imported file is.
 *
 * The screens reach it through ./regional-service.ts (loaded on demand): Results → "Publish to
 * the regional database" and `/region` → "Fetch from the regional database", once Settings names
 * the regional database (docs/sync.md, "A regional database"). Files keep working beside it.
 */

const PREFIX = 'snapshot:';

/** `snapshot:<systemKey>:<asAt>`: publishing the same date again replaces the earlier one. */
export function snapshotDocumentId(snapshot: Pick<Snapshot, 'system' | 'asAt'>): string {
  return `${PREFIX}${snapshot.system.key}:${snapshot.asAt}`;
}

/** Puts the snapshot as its document, replacing an earlier publication of the same date. */
export async function pushSnapshot(db: SyncDatabase, snapshot: Snapshot): Promise<void> {
  const _id = snapshotDocumentId(snapshot);
  let _rev: string | undefined;
  try {
    _rev = (await db.get(_id))._rev;
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
  await db.put({ ...snapshot, _id, ...(_rev ? { _rev } : {}) });
}

export type PulledSnapshots = {
  snapshots: Snapshot[];
  /** Documents that are not valid snapshots (refused, as a bad file would be). */
  refused: { id: string; problem: SnapshotProblem }[];
};

/** Every snapshot document of the database, each checked as an imported file is. */
export async function pullSnapshots(
  db: SyncDatabase,
  frameworks: readonly Framework[],
): Promise<PulledSnapshots> {
  const all = await db.allDocs({
    include_docs: true,
    startkey: PREFIX,
    endkey: `${PREFIX}\ufff0`,
  });
  const result: PulledSnapshots = { snapshots: [], refused: [] };
  for (const row of all.rows) {
    if (!('doc' in row) || !row.doc) continue;
    const { _id, _rev, ...content } = row.doc as Record<string, unknown>;
    void _rev;
    const read = readSnapshotJson(content, frameworks);
    if (!read.ok) result.refused.push({ id: String(_id), problem: read.problem });
    else if (snapshotDocumentId(read.value) !== _id)
      result.refused.push({ id: String(_id), problem: { code: 'wrong-key' } });
    else result.snapshots.push(read.value);
  }
  return result;
}
