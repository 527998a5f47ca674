import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Edit } from '@/storage/edits';
import { getDb, openFreshTestDatabase } from '@/storage/db';
import { createIndexedDbJournal, createLocalStorageJournal } from '@/storage/journal';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
}

const levelEdit = (value: string, editedAt: number): Edit => ({
  kind: 'rating',
  assessmentId: 'a1',
  criterionId: 'care.phm',
  field: 'level',
  value: value as Edit['value'] & string,
  editedAt,
});

describe('localStorage journal', () => {
  it('keeps one entry per field and gives it back', () => {
    const storage = new MemoryStorage();
    const journal = createLocalStorageJournal(storage);
    journal.put(levelEdit('developing', 1));
    journal.put(levelEdit('maturing', 2));
    expect(journal.entries()).toEqual([levelEdit('maturing', 2)]);
    expect(storage.key(0)).toBe('ics-maturity:journal:r|a1|care.phm|level');
  });

  it('removes an entry only when the saved edit is at least as new', () => {
    const journal = createLocalStorageJournal(new MemoryStorage());
    journal.put(levelEdit('maturing', 5));
    journal.remove('r|a1|care.phm|level', 4);
    expect(journal.entries()).toHaveLength(1);
    journal.remove('r|a1|care.phm|level', 5);
    expect(journal.entries()).toEqual([]);
  });

  it('skips damaged entries and ignores keys that are not its own', () => {
    const storage = new MemoryStorage();
    storage.setItem('ics-maturity:journal:broken', '{not json');
    storage.setItem('ics-maturity:journal:wrong-shape', JSON.stringify({ hello: 'world' }));
    storage.setItem('another-app', JSON.stringify(levelEdit('thriving', 1)));
    const journal = createLocalStorageJournal(storage);
    journal.put(levelEdit('emerging', 3));
    expect(journal.entries()).toEqual([levelEdit('emerging', 3)]);
  });

  it('does not throw when storage is full or missing', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(() => createLocalStorageJournal(full).put(levelEdit('emerging', 1))).not.toThrow();
    expect(createLocalStorageJournal(undefined).entries()).toEqual([]);
  });
});

describe('IndexedDB journal', () => {
  const rationale = (value: string, editedAt: number): Edit => ({
    kind: 'rating',
    assessmentId: 'a1',
    criterionId: 'c1',
    field: 'rationale',
    value,
    editedAt,
  });
  const make = () => {
    openFreshTestDatabase();
    return createIndexedDbJournal(
      () => getDb().journal,
      (work) => getDb().transaction('rw', getDb().journal, work),
    );
  };

  it('writes each edit to the journal table within a task, newest per field', async () => {
    const journal = make();
    journal.put(rationale('Ch', 1));
    journal.put(rationale('Chair', 2));
    // Without asking the journal for its entries (which waits for its writes): it writes alone.
    await vi.waitFor(async () =>
      expect(await getDb().journal.toArray()).toEqual([
        { key: 'r|a1|c1|rationale', edit: rationale('Chair', 2) },
      ]),
    );
    expect(await journal.entries()).toEqual([rationale('Chair', 2)]);
  });

  it('removes an entry once written, but keeps a newer one', async () => {
    const journal = make();
    journal.put(rationale('first', 1));
    await journal.entries();
    journal.put(rationale('second', 2));
    journal.remove('r|a1|c1|rationale', 1);
    expect(await journal.entries()).toEqual([rationale('second', 2)]);
    journal.remove('r|a1|c1|rationale', 2);
    expect(await journal.entries()).toEqual([]);
  });

  it('skips rows this version does not understand, and clear() empties it', async () => {
    const journal = make();
    await getDb().journal.bulkPut([
      { key: 'x', edit: { kind: 'mystery', field: 'f', editedAt: 1 } as unknown as Edit },
      { key: 'y', edit: { ...rationale('ok', 1), editedAt: Number.NaN } },
    ]);
    journal.put(rationale('kept', 3));
    expect(await journal.entries()).toEqual([rationale('kept', 3)]);
    await journal.clear();
    expect(await getDb().journal.count()).toBe(0);
  });
});
