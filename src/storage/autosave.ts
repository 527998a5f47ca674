import { createLocalStorageJournal } from './journal';
import { applyEdits } from './repositories/assessments-repo';
import { SaveQueue } from './save-queue';

/** The app's one autosave queue, writing through the assessments repository. */
export const saveQueue = new SaveQueue(applyEdits, createLocalStorageJournal());
