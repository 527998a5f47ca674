// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startStorage } from '@/app/start-storage';
import { openFreshTestDatabase } from '@/storage/db';
import { saveQueue } from '@/storage/autosave';
import { isStoredDataLost, DATA_MARKER_KEY, endLostDataNotice } from '@/storage/lost-data';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  endLostDataNotice();
});

describe('startStorage', () => {
  it('opens the database, recovers the journals, then checks for lost data', async () => {
    openFreshTestDatabase();
    const order: string[] = [];
    vi.spyOn(saveQueue, 'recover').mockImplementation(async () => {
      order.push('recovered');
      return 0;
    });
    localStorage.setItem(DATA_MARKER_KEY, '1');
    expect(await startStorage()).toEqual({ state: 'open' });
    expect(order).toEqual(['recovered']);
    // The marker says this device held data, and the database is empty: the browser lost it.
    expect(isStoredDataLost()).toBe(true);
  });

  it('says why when IndexedDB cannot be opened, and recovers nothing', async () => {
    const db = openFreshTestDatabase();
    vi.spyOn(db, 'open').mockRejectedValue(
      Object.assign(new Error('blocked'), { name: 'InvalidStateError' }),
    );
    const recover = vi.spyOn(saveQueue, 'recover');
    const status = await startStorage();
    expect(status.state).toBe('failed');
    expect(recover).not.toHaveBeenCalled();
  });
});
