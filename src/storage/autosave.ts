import { getDb } from './db';
import { createIndexedDbJournal, createLocalStorageJournal } from './journal';
import { SaveQueue } from './save-queue';
import { applyEdits } from './write-edits';

/**
 * The app's one autosave queue: edits are journaled to localStorage (synchronous: survives a
 * reload) and to IndexedDB's journal table (durable: survives a killed browser), then written
 * through applyEdits.
 */
export const saveQueue = new SaveQueue(applyEdits, [
  createLocalStorageJournal(),
  createIndexedDbJournal(
    () => getDb().journal,
    (work) => getDb().transaction('rw', getDb().journal, work),
  ),
]);
