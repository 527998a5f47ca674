import { useSyncExternalStore } from 'react';

/**
 * Whether a new version is waiting (service worker), or this tab must reload because another tab
 * upgraded the database (`reason` absent) or put a new version in charge (`reason: 'version'`),
 * and the action that applies it. Read by the update prompt; written at start-up.
 */
export type UpdateState =
  | { kind: 'none' }
  | { kind: 'update-ready'; apply: () => void }
  | { kind: 'reload-required'; reason?: 'version' };

let state: UpdateState = { kind: 'none' };
const listeners = new Set<() => void>();

export function setUpdateState(next: UpdateState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** A newer version now serves this tab: it must reload. A database upgrade notice stays. */
export function markNewVersionInUse(): void {
  if (state.kind !== 'reload-required')
    setUpdateState({ kind: 'reload-required', reason: 'version' });
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
