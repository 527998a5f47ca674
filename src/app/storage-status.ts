import { useSyncExternalStore } from 'react';
import type { SaveErrorKind } from '@/storage/save-queue';

/**
 * Where the app is in opening its storage. The shell paints before IndexedDB opens (the first
 * visit loads no storage code at all); screens that read storage wait for `open` (or `failed`,
 * when they show what they can beside the storage problem banner).
 */
export type StorageStatus =
  { state: 'opening' } | { state: 'open' } | { state: 'failed'; problem: SaveErrorKind };

let status: StorageStatus = { state: 'opening' };
const listeners = new Set<() => void>();

export function setStorageStatus(next: StorageStatus): void {
  status = next;
  for (const listener of listeners) listener();
}

export function useStorageStatus(): StorageStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
  );
}
