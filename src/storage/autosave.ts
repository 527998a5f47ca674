import { getDb } from './db';
import type { Edit } from './edits';
import { createIndexedDbJournal, createLocalStorageJournal } from './journal';
import { SaveQueue } from './save-queue';

/** The write path loads with the first save, not with the first screen (it is precached). */
const applyEdits = async (edits: Edit[]): Promise<void> =>
  (await import('./write-edits')).applyEdits(edits);

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
