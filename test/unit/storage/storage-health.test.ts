import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { CURRENT_SCHEMA_VERSION } from '@/storage/schema';
import {
  onSchemaUpgradeElsewhere,
  openStorage,
  readStorageReport,
  requestPersistentStorage,
} from '@/storage/storage-health';

beforeEach(() => {
  openFreshTestDatabase();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('openStorage', () => {
  it('opens the database', async () => {
    expect(await openStorage()).toEqual({ ok: true, value: undefined });
    expect(getDb().isOpen()).toBe(true);
  });

  it('says why when IndexedDB cannot be used', async () => {
    vi.spyOn(getDb(), 'open').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    expect(await openStorage()).toEqual({ ok: false, problem: 'quota' });
    vi.spyOn(getDb(), 'open').mockRejectedValue(new Error('boom'));
    expect((await openStorage()).ok).toBe(false);
  });
});

describe('onSchemaUpgradeElsewhere', () => {
  it('tells this tab when another opens a newer version, until unsubscribed', async () => {
    await openStorage();
    const onBlocked = vi.fn();
    const stop = onSchemaUpgradeElsewhere(onBlocked);
    getDb().on('versionchange').fire(new Event('versionchange'));
    expect(onBlocked).toHaveBeenCalledTimes(1);
    stop();
    getDb().on('versionchange').fire(new Event('versionchange'));
    expect(onBlocked).toHaveBeenCalledTimes(1);
  });

  it('is told by a real upgrade from another connection', async () => {
    await openStorage();
    const onBlocked = vi.fn(() => getDb().close());
    onSchemaUpgradeElsewhere(onBlocked);
    const newer = new Dexie(getDb().name);
    newer.version(CURRENT_SCHEMA_VERSION + 1).stores({ extra: 'id' });
    await newer.open();
    expect(onBlocked).toHaveBeenCalled();
    newer.close();
  });
});

describe('storage report and persistence', () => {
  it('reads persistence, usage and quota from the browser', async () => {
    vi.stubGlobal('navigator', {
      storage: {
        persisted: async () => true,
        estimate: async () => ({ usage: 2048, quota: 1_000_000 }),
        persist: async () => true,
      },
    });
    expect(await readStorageReport()).toEqual({ isPersisted: true, usage: 2048, quota: 1_000_000 });
    expect(await requestPersistentStorage()).toBe(true);
  });

  it('gives null for whatever the browser cannot tell or refuses', async () => {
    vi.stubGlobal('navigator', {
      storage: {
        persisted: async () => {
          throw new Error('denied');
        },
        persist: async () => {
          throw new Error('denied');
        },
      },
    });
    expect(await readStorageReport()).toEqual({ isPersisted: null, usage: null, quota: null });
    expect(await requestPersistentStorage()).toBeNull();
    vi.stubGlobal('navigator', {});
    expect(await readStorageReport()).toEqual({ isPersisted: null, usage: null, quota: null });
    expect(await requestPersistentStorage()).toBeNull();
  });
});
