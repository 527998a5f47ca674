import { useSyncExternalStore } from 'react';

/**
 * Whether a new version is waiting (service worker) or another tab upgraded the database, and the
 * action that applies it. Read by the update prompt; written at start-up.
 */
export type UpdateState =
  { kind: 'none' } | { kind: 'update-ready'; apply: () => void } | { kind: 'reload-required' };

let state: UpdateState = { kind: 'none' };
const listeners = new Set<() => void>();

export function setUpdateState(next: UpdateState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function useUpdateState(): UpdateState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
