import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { snapshotId } from '@/domain/regional/snapshot';
import { openFreshTestDatabase } from '@/storage/db';
import { listSnapshots } from '@/storage/repositories/snapshots-repo';
import type * as PouchModule from '@/sync/pouch';
import { pushSnapshot, snapshotDocumentId } from '@/sync/regional';
import { forgetRegionalSecret, regionalSecret } from '@/sync/regional-secret';
import { fetchFromRegion, problemOf, publishToRegion } from '@/sync/regional-service';
import type { SyncDatabase } from '@/sync/pouch';
import { shippedFramework } from '../../support/framework';
import { MemoryPouch } from '../../support/memory-pouch';
import { sampleSnapshot } from '../../support/snapshots';

// The regional "server" is a PouchDB database in memory named by the URL; `server.fail` makes
// every request to it fail as a real server or network would.
const server = vi.hoisted(() => ({
  credentials: [] as unknown[],
  fail: null as null | { status?: number },
}));
vi.mock('@/sync/pouch', async (original) => ({
  ...(await original<typeof PouchModule>()),
  browserDatabases: async (credentials: unknown) => {
    server.credentials.push(credentials);
    return {
      local: () => {
        throw new Error('the regional database has no local copy');
      },
      remote: (url: string) => {
        const db = new MemoryPouch(url);
        const failing = () => Promise.reject(Object.assign(new Error('no'), server.fail));
        return server.fail
          ? Object.assign(db, { get: failing, put: failing, allDocs: failing })
          : db;
      },
    };
  },
}));

let count = 0;
let region: { url: string; signIn: 'password'; username: string };
const remote = () => new MemoryPouch(region.url) as unknown as SyncDatabase;

beforeEach(() => {
  openFreshTestDatabase();
  region = {
    url: `https://region.example.nhs.uk/r${++count}-${Date.now()}`,
    signIn: 'password',
    username: 'analyst',
  };
  server.credentials = [];
  server.fail = null;
});

afterEach(() => forgetRegionalSecret());

describe('the regional database, from the screens', () => {
  it('publishes a snapshot with the password given, and holds it for the rest of the tab', async () => {
    const snapshot = sampleSnapshot('Westshire ICS', '2026-03-31', 'maturing');
    const published = await publishToRegion(region, snapshot, 's3cret');
    expect(published.ok).toBe(true);
    expect(server.credentials).toEqual([{ username: 'analyst', password: 's3cret' }]);
    const { _id, _rev, ...stored } = await remote().get(snapshotDocumentId(snapshot));
    expect(_id).toBe('snapshot:westshire ics:2026-03-31');
    expect(_rev).toBeTruthy();
    expect(stored).toEqual(snapshot);
    expect(regionalSecret(region)).toBe('s3cret');
  });

  it('fetches every snapshot into this device, refusing bad ones, and twice adds nothing', async () => {
    const west = sampleSnapshot('Westshire ICS', '2026-03-31', 'maturing');
    const east = sampleSnapshot('Eastshire ICS', '2026-03-31', 'developing');
    await pushSnapshot(remote(), west);
    await pushSnapshot(remote(), east);
    await remote().put({ ...east, overall: 'thriving', _id: 'snapshot:eastshire ics:2025-03-31' });

    const first = await fetchFromRegion(region, [shippedFramework], 'pw');
    expect(first).toEqual({
      ok: true,
      value: {
        stored: [
          { snapshot: east, outcome: 'added' },
          { snapshot: west, outcome: 'added' },
        ],
        refused: [
          { id: 'snapshot:eastshire ics:2025-03-31', problem: { code: 'levels-mismatch' } },
        ],
      },
    });
    const again = await fetchFromRegion(region, [shippedFramework], 'pw');
    expect(again.ok && again.value.stored.map((s) => s.outcome)).toEqual(['replaced', 'replaced']);
    expect((await listSnapshots()).map((r) => r.id).sort()).toEqual(
      [snapshotId(east), snapshotId(west)].sort(),
    );
  });

  it('names what went wrong, stores nothing, and forgets only a refused password', async () => {
    await pushSnapshot(remote(), sampleSnapshot('Westshire ICS', '2026-03-31', 'maturing'));
    await publishToRegion(region, sampleSnapshot('Eastshire ICS', '2026-03-31', null), 'pw');
    expect(regionalSecret(region)).toBe('pw');
    for (const [fail, problem] of [
      [{ status: 403 }, 'forbidden'],
      [{ status: 404 }, 'not-found'],
      [{ status: 500 }, 'failed'],
      [{}, 'unreachable'],
      [{ status: 401 }, 'sign-in'],
    ] as const) {
      server.fail = fail;
      expect(await fetchFromRegion(region, [shippedFramework], 'pw')).toEqual({
        ok: false,
        problem,
      });
      expect(
        await publishToRegion(region, sampleSnapshot('Northshire ICS', '2026-03-31', null), 'pw'),
      ).toEqual({ ok: false, problem });
      expect(regionalSecret(region)).toBe(problem === 'sign-in' ? null : 'pw');
    }
    expect(regionalSecret(region)).toBeNull();
    expect(await listSnapshots()).toEqual([]);
  });

  it('sends nothing while the browser is offline', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    try {
      expect(await fetchFromRegion(region, [shippedFramework], 'pw')).toEqual({
        ok: false,
        problem: 'offline',
      });
      expect(problemOf(new TypeError('Failed to fetch'))).toBe('offline');
    } finally {
      vi.unstubAllGlobals();
    }
    expect(server.credentials).toEqual([]);
  });
});
