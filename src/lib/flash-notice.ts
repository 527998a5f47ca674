import { useSyncExternalStore } from 'react';

/**
 * A one-off confirmation that outlives the screen that made it, e.g. "Everything on this device
 * was deleted" shown on the home screen after leaving Settings. The text is translated by the
 * caller; the notice is shown only on `path` and goes when dismissed or replaced.
 */
export type FlashNotice = { text: string; dismissLabel: string; path: string };

let current: FlashNotice | null = null;
const listeners = new Set<() => void>();

function publish(next: FlashNotice | null): void {
  current = next;
  for (const listener of listeners) listener();
}

export function showFlashNotice(notice: FlashNotice): void {
  publish(notice);
}

export function dismissFlashNotice(): void {
  publish(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFlashNotice(): FlashNotice | null {
  return useSyncExternalStore(subscribe, () => current);
}
