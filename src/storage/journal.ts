import { editKey, type Edit } from './edits';

/**
 * A synchronous write-ahead journal of edits not yet confirmed in IndexedDB, kept in
 * localStorage. Writing it is synchronous, so an edit survives a reload, a closed tab or an
 * IndexedDB failure that happens before the debounced save lands. Entries are replayed on start
 * and removed once IndexedDB holds them.
 */
export type Journal = {
  put(edit: Edit): void;
  /** Removes the entry only if it is still the one saved at `editedAt` (a newer one stays). */
  remove(key: string, editedAt: number): void;
  entries(): Edit[];
};

const PREFIX = 'ics-maturity:journal:';

function isEdit(value: unknown): value is Edit {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.kind === 'assessment' || v.kind === 'rating') &&
    typeof v.assessmentId === 'string' &&
    typeof v.field === 'string' &&
    typeof v.editedAt === 'number'
  );
}

export function createLocalStorageJournal(
  storage: Storage | undefined = globalThis.localStorage,
): Journal {
  return {
    put(edit) {
      try {
        storage?.setItem(PREFIX + editKey(edit), JSON.stringify(edit));
      } catch {
        // localStorage full or disabled: the in-memory queue still holds the edit.
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
      if (!storage) return result;
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (!key?.startsWith(PREFIX)) continue;
        try {
          const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
          if (isEdit(value)) result.push(value);
        } catch {
          // A damaged entry is skipped, never thrown on start-up.
        }
      }
      return result;
    },
  };
}

export function createMemoryJournal(): Journal {
  const map = new Map<string, Edit>();
  return {
    put: (edit) => void map.set(editKey(edit), edit),
    remove: (key, editedAt) => {
      const stored = map.get(key);
      if (stored && stored.editedAt <= editedAt) map.delete(key);
    },
    entries: () => [...map.values()],
  };
}
