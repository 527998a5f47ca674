import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { eraseDevice } from '@/storage/erase';
import type { DatabaseDump } from '@/storage/schema';
import { loadDumpTables } from '../../support/seed';

const golden = JSON.parse(
  readFileSync(new URL('../../fixtures/db/v4.json', import.meta.url), 'utf8'),
) as DatabaseDump;

function memoryStorage(entries: Record<string, string>): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

async function counts(): Promise<Record<string, number>> {
  const db = getDb();
  const result: Record<string, number> = {};
  for (const table of db.tables) result[table.name] = await table.count();
  return result;
}

describe('eraseDevice', () => {
  beforeEach(async () => {
    openFreshTestDatabase();
    const db = getDb();
    await loadDumpTables(golden.tables);
    // Something in every table of the current schema, including any added after v4.
    for (const table of db.tables) {
      if ((await table.count()) > 0) continue;
      const key = table.schema.primKey.keyPath;
      const record: Record<string, unknown> = { value: 'Personal note' };
      for (const path of Array.isArray(key) ? key : [key]) if (path) record[path] = `k-${path}`;
      await table.add(record);
    }
  });

  it('empties every table of the database and the given localStorage', async () => {
    const before = await counts();
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(11);
    expect(Object.values(before).every((n) => n > 0)).toBe(true);
    const storage = memoryStorage({
      'ics-maturity:journal:a|x|title': '{"value":"Private"}',
      'another-key': 'left by something else',
    });
    await eraseDevice(storage);
    const after = await counts();
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    expect(storage.length).toBe(0);
    // The database is still open and usable.
    await getDb().settings.put({ key: 'k', value: 1 });
    expect(await getDb().settings.count()).toBe(1);
  });

  it('changes nothing when one table cannot be cleared (one transaction)', async () => {
    const before = await counts();
    const actions = getDb().table('actions');
    actions.clear = (() => Promise.reject(new Error('refused'))) as typeof actions.clear;
    const storage = memoryStorage({ 'ics-maturity:journal:a|x|title': '{}' });
    await expect(eraseDevice(storage)).rejects.toThrow();
    delete (actions as { clear?: unknown }).clear;
    expect(await counts()).toEqual(before);
    expect(storage.length).toBe(1);
  });
});
