import { editKey, isEdit, type Edit } from './edits';

/**
 * Write-ahead journals of edits not yet confirmed in IndexedDB's own tables. Entries are replayed
 * on start (newest per field wins, and stamps stop anything older landing) and removed once the
 * edit is written.
 *
 * Two journals run side by side, because each survives what the other does not:
 * - localStorage is written synchronously, so an edit survives a reload or a closed tab even if
 *   the page is gone before any asynchronous write starts; but Chromium writes localStorage to
 *   disk lazily, so a killed browser loses it.
 * - the IndexedDB `journal` table is written within a task of each edit and committed to disk by
 *   the browser process, so it survives a killed browser (tested in test/e2e/crash.spec.ts).
 */
export type Journal = {
  put(edit: Edit): void;
  /** Removes the entry only if it is still the one saved at `editedAt` (a newer one stays). */
  remove(key: string, editedAt: number): void;
  entries(): Edit[] | Promise<Edit[]>;
  /** Forgets every entry (used when everything on the device is deleted). */
  clear(): void | Promise<void>;
};

const PREFIX = 'ics-maturity:journal:';

export function createLocalStorageJournal(
  storage: Storage | undefined = globalThis.localStorage,
): Journal {
  const keys = (): string[] => {
    const found: string[] = [];
    for (let i = 0; storage && i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) found.push(key);
    }
    return found;
  };
  return {
    put(edit) {
      try {
        storage?.setItem(PREFIX + editKey(edit), JSON.stringify(edit));
      } catch {
        // localStorage full or disabled: the IndexedDB journal and the queue still hold the edit.
      }
    },
    remove(key, editedAt) {
      try {
        const raw = storage?.getItem(PREFIX + key);
        if (raw === null || raw === undefined) return;
        const stored: unknown = JSON.parse(raw);
        if (!isEdit(stored) || stored.editedAt <= editedAt) storage?.removeItem(PREFIX + key);
      } catch {
        storage?.removeItem(PREFIX + key);
      }
    },
    entries() {
      const result: Edit[] = [];
      for (const key of keys()) {
        try {
          const value: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
          if (isEdit(value)) result.push(value);
        } catch {
          // A damaged entry is skipped, never thrown on start-up.
        }
      }
      return result;
    },
    clear() {
      for (const key of keys()) storage?.removeItem(key);
    },
  };
}

/** The table the IndexedDB journal writes to (the `journal` table of the app's database). */
export type JournalTable = {
  bulkPut(rows: { key: string; edit: Edit }[]): Promise<unknown>;
  bulkGet(keys: string[]): Promise<({ key: string; edit: Edit } | undefined)[]>;
  bulkDelete(keys: string[]): Promise<unknown>;
  toArray(): Promise<{ key: string; edit: Edit }[]>;
  clear(): Promise<unknown>;
};

/**
 * The durable journal. Puts and removals are gathered and written together a task later (one
 * small transaction per burst of typing), in order, one transaction at a time.
 */
export function createIndexedDbJournal(
  table: () => JournalTable,
  runInTransaction: (work: () => Promise<void>) => Promise<void>,
): Journal {
  const puts = new Map<string, Edit>();
  const removals = new Map<string, number>();
  let scheduled = false;
  let chain: Promise<void> = Promise.resolve();

  const write = async (): Promise<void> => {
    scheduled = false;
    const toPut = [...puts.values()];
    const toRemove = [...removals.entries()];
    puts.clear();
    removals.clear();
    if (toPut.length === 0 && toRemove.length === 0) return;
    await runInTransaction(async () => {
      const t = table();
      if (toPut.length > 0) await t.bulkPut(toPut.map((edit) => ({ key: editKey(edit), edit })));
      if (toRemove.length === 0) return;
      const stored = await t.bulkGet(toRemove.map(([key]) => key));
      const stale = toRemove
        .filter(([, at], i) => {
          const row = stored[i];
          return row !== undefined && row.edit.editedAt <= at;
        })
        .map(([key]) => key);
      if (stale.length > 0) await t.bulkDelete(stale);
    });
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    // A failed journal write is not fatal: the edit is still queued and in localStorage.
    chain = chain
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)).then(write))
      .catch(() => undefined);
  };

  return {
    put(edit) {
      const key = editKey(edit);
      puts.set(key, edit);
      removals.delete(key);
      schedule();
    },
    remove(key, editedAt) {
      const pendingPut = puts.get(key);
      if (pendingPut && pendingPut.editedAt <= editedAt) puts.delete(key);
      removals.set(key, editedAt);
      schedule();
    },
    async entries() {
      await chain;
      const rows = await table().toArray();
      return rows.map((row) => row.edit).filter(isEdit);
    },
    async clear() {
      puts.clear();
      removals.clear();
      await chain;
      await table().clear();
    },
  };
}

export function createMemoryJournal(): Omit<Journal, 'entries'> & { entries(): Edit[] } {
  const map = new Map<string, Edit>();
  return {
    put: (edit) => void map.set(editKey(edit), edit),
    remove: (key, editedAt) => {
      const stored = map.get(key);
      if (stored && stored.editedAt <= editedAt) map.delete(key);
    },
    entries: () => [...map.values()],
    clear: () => map.clear(),
  };
}
