import { startTransition, useEffect, useState } from 'react';
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

/**
 * The status, for the app shell. A change is rendered as a transition: the screen that storage
 * opening reveals is rendered in slices of a few milliseconds (React yields to the browser between
 * them), not in one long task while the page is loading; the shell stays as it is meanwhile.
 */
export function useStorageStatus(): StorageStatus {
  const [current, setCurrent] = useState(status);
  useEffect(() => {
    const listener = (): void => startTransition(() => setCurrent(status));
    listeners.add(listener);
    // Storage may have opened between the first render and this effect.
    listener();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return current;
}
