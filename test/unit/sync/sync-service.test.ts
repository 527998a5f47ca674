import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { getSyncSettings } from '@/storage/repositories/sync-repo';
import {
  changeSyncShare,
  getSyncState,
  resumeSync,
  startSync,
  stopSync,
  subscribeSync,
} from '@/sync/sync-service';
import type * as PouchModule from '@/sync/pouch';
import { memoryDatabases, MemoryPouch } from '../../support/memory-pouch';
import { seedAssessment } from '../../support/seed';

// The browser's PouchDB (IndexedDB) is replaced by PouchDB in memory; the "server" is a memory
// database named by the URL. `opened` records every factory the service asked for.
const opened = vi.hoisted(() => ({ credentials: [] as unknown[] }));
vi.mock('@/sync/pouch', async (original) => ({
  ...(await original<typeof PouchModule>()),
  browserDatabases: async (credentials: unknown) => {
    opened.credentials.push(credentials);
    return memoryDatabases();
  },
}));

const SERVER = 'https://couch.example.nhs.uk/ns';

beforeEach(() => {
  openFreshTestDatabase();
  opened.credentials = [];
});

afterEach(async () => {
  await stopSync();
});

describe('the sync service', () => {
  it('does nothing at start-up while sync is off', async () => {
    await resumeSync();
    expect(getSyncState()).toMatchObject({ loaded: true, settings: null, snapshot: null });
    expect(opened.credentials).toEqual([]);
  });

  it('starts, sends this device’s assessments, and stores the settings without the password', async () => {
    const id = await seedAssessment({}, { 'care.pcns': { level: 'developing' } });
    const seen = vi.fn();
    const unsubscribe = subscribeSync(seen);
    await startSync({ enabled: true, url: SERVER, username: 'ann' }, 's3cret');
    expect(opened.credentials).toEqual([{ username: 'ann', password: 's3cret' }]);
    await vi.waitFor(async () =>
      expect((await new MemoryPouch(SERVER).get(`assessment:${id}`)).kind).toBe('assessment'),
    );
    expect(await getSyncSettings()).toEqual({ enabled: true, url: SERVER, username: 'ann' });
    const stored = JSON.stringify(await getDb().settings.toArray());
    expect(stored).not.toContain('s3cret');
    expect(seen).toHaveBeenCalled();
    unsubscribe();
  });

  it('after a reload, asks for the password again rather than starting without it', async () => {
    await startSync({ enabled: true, url: SERVER, username: 'ann' }, 's3cret');
    await stopSync();
    await (
      await import('@/storage/repositories/sync-repo')
    ).putSyncSettings({
      enabled: true,
      url: SERVER,
      username: 'ann',
    });
    opened.credentials = [];
    await resumeSync();
    expect(getSyncState().needsPassword).toBe(true);
    expect(opened.credentials).toEqual([]);
  });

  it('resumes by itself when no sign-in is needed, and stops when switched off', async () => {
    await startSync({ enabled: true, url: SERVER, username: '' }, '');
    expect(opened.credentials).toEqual([null]);
    await stopSync();
    expect(await getSyncSettings()).toMatchObject({ enabled: false });
    expect(getSyncState().snapshot).toBeNull();
    await resumeSync();
    expect(opened.credentials).toEqual([null]);
    await (
      await import('@/storage/repositories/sync-repo')
    ).putSyncSettings({
      enabled: true,
      url: SERVER,
      username: '',
    });
    await resumeSync();
    expect(opened.credentials).toEqual([null, null]);
    expect(getSyncState().snapshot).not.toBeNull();
  });

  it('signs in with a token from the organisation, kept in memory only and asked for after a reload', async () => {
    await startSync(
      { enabled: true, url: SERVER, username: '', signIn: 'token' },
      '  eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.sig \n',
    );
    expect(opened.credentials).toEqual([{ token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.sig' }]);
    expect(JSON.stringify(await getDb().settings.toArray())).not.toContain('eyJ');
    await stopSync();
    await (
      await import('@/storage/repositories/sync-repo')
    ).putSyncSettings({ enabled: true, url: SERVER, username: '', signIn: 'token' });
    opened.credentials = [];
    await resumeSync();
    expect(getSyncState().needsPassword).toBe(true);
    expect(opened.credentials).toEqual([]);
  });

  it('changes what is shared and carries on with the same sign-in', async () => {
    const north = await seedAssessment({ systemName: 'North' }, {});
    const south = await seedAssessment({ systemName: 'South' }, {});
    const share = { kind: 'assessments', assessmentIds: [north] } as const;
    await startSync(
      {
        enabled: true,
        url: SERVER,
        username: 'ann',
        share: { ...share, assessmentIds: [...share.assessmentIds] },
      },
      's3cret',
    );
    const server = new MemoryPouch(SERVER);
    await vi.waitFor(async () =>
      expect((await server.get(`assessment:${north}`))._id).toBeTruthy(),
    );
    await vi.waitFor(() => expect(getSyncState().snapshot?.notShared).toBe(1));
    await expect(server.get(`assessment:${south}`)).rejects.toMatchObject({ status: 404 });
    await changeSyncShare({ kind: 'all' });
    expect(await getSyncSettings()).toMatchObject({ share: { kind: 'all' }, username: 'ann' });
    expect(opened.credentials.at(-1)).toEqual({ username: 'ann', password: 's3cret' });
    await vi.waitFor(async () =>
      expect((await server.get(`assessment:${south}`))._id).toBeTruthy(),
    );
  });
});
