import { useSyncExternalStore } from 'react';
import { saveQueue } from '@/storage/autosave';
import type { SaveSnapshot } from '@/storage/save-queue';

export function useSaveSnapshot(): SaveSnapshot {
  return useSyncExternalStore(saveQueue.subscribe, saveQueue.getSnapshot);
}
