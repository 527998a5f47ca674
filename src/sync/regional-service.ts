import type { Framework } from '@/domain/framework/schema';
import type { Snapshot, SnapshotProblem } from '@/domain/regional/snapshot';
import type { Result } from '@/domain/result';
import type { RegionalSettings } from '@/storage/repositories/settings-repo';
import { importSnapshots, type SnapshotOutcome } from '@/storage/repositories/snapshots-repo';
import { browserDatabases, type Credentials, type SyncDatabase } from './pouch';
import { pullSnapshots, pushSnapshot } from './regional';
import { forgetRegionalSecret, rememberRegionalSecret } from './regional-secret';

/**
 * The regional database from the screens (issue 16, item 5): Results publishes this system's
 * snapshot to it, `/region` fetches every snapshot from it into this device's store, through the
 * same idempotent import as snapshot files. Loaded only when the user presses one of those
 * buttons, and each press is one plain request or two: no replication, no local copy, nothing
 * in the background. A problem is named (offline, refused sign-in…) and changes nothing here.
 */

export type RegionalProblem =
  /** The browser is offline. */
  | 'offline'
  /** No answer from the server (down, wrong address, or it does not allow this app: CORS). */
  | 'unreachable'
  /** The user name and password, or the token, were refused (401). */
  | 'sign-in'
  /** This user may not use that database, or it refused the document (403). */
  | 'forbidden'
  /** No database at that address (404). */
  | 'not-found'
  /** Anything else the server answered, or this device could not store what came. */
  | 'failed';

function credentialsFor(settings: RegionalSettings, secret: string): Credentials {
  switch (settings.signIn) {
    case 'none':
      return null;
    case 'password':
      return { username: settings.username, password: secret };
    case 'token':
      return { token: secret.trim() };
  }
}

export function problemOf(error: unknown): RegionalProblem {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 401) return 'sign-in';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (globalThis.navigator?.onLine === false) return 'offline';
  return typeof status === 'number' && status > 0 ? 'failed' : 'unreachable';
}

/**
 * Runs `work` against the regional database. The secret given is held for the rest of this
 * tab's life (an unreachable server does not make the user type it again), unless the server
 * refuses it: then it is forgotten, and the screen asks for it again.
 */
async function withRegionalDatabase<T>(
  settings: RegionalSettings,
  secret: string,
  work: (db: SyncDatabase) => Promise<T>,
): Promise<Result<T, RegionalProblem>> {
  if (globalThis.navigator?.onLine === false) return { ok: false, problem: 'offline' };
  rememberRegionalSecret(settings, secret);
  let db: SyncDatabase | null = null;
  try {
    db = (await browserDatabases(credentialsFor(settings, secret))).remote(settings.url);
    return { ok: true, value: await work(db) };
  } catch (error) {
    const problem = problemOf(error);
    if (problem === 'sign-in') forgetRegionalSecret();
    return { ok: false, problem };
  } finally {
    await db?.close().catch(() => undefined);
  }
}

/** Publishes the snapshot (replacing this system's earlier publication of the same date). */
export async function publishToRegion(
  settings: RegionalSettings,
  snapshot: Snapshot,
  secret: string,
): Promise<Result<{ at: number }, RegionalProblem>> {
  return withRegionalDatabase(settings, secret, async (db) => {
    await pushSnapshot(db, snapshot);
    return { at: Date.now() };
  });
}

export type FetchedSnapshots = {
  /** Each valid snapshot and whether it was new on this device or replaced the same one. */
  stored: { snapshot: Snapshot; outcome: SnapshotOutcome }[];
  /** Documents that are not valid snapshots: refused, as a bad file is, and not stored. */
  refused: { id: string; problem: SnapshotProblem }[];
};

/**
 * Fetches every snapshot of the regional database, checks each exactly as an imported file is,
 * and stores the valid ones in one transaction (all or none) with the files' import.
 */
export async function fetchFromRegion(
  settings: RegionalSettings,
  frameworks: readonly Framework[],
  secret: string,
): Promise<Result<FetchedSnapshots, RegionalProblem>> {
  const pulled = await withRegionalDatabase(settings, secret, (db) =>
    pullSnapshots(db, frameworks),
  );
  if (!pulled.ok) return pulled;
  const { snapshots, refused } = pulled.value;
  try {
    const outcomes = snapshots.length > 0 ? await importSnapshots(snapshots) : [];
    return {
      ok: true,
      value: {
        stored: snapshots.map((snapshot, i) => ({ snapshot, outcome: outcomes[i]! })),
        refused,
      },
    };
  } catch {
    return { ok: false, problem: 'failed' };
  }
}
