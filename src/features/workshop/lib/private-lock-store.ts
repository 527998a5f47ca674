import { useSyncExternalStore } from 'react';
import { interrupted, readLock, writeLock, type PrivateLock } from '@/domain/workshop/private-lock';

/**
 * The pass-the-laptop lock, kept in localStorage so that a reload, another address typed in or a
 * new tab of this browser cannot open onto data while a participant has the laptop. Read
 * synchronously (the app shell decides at its first paint whether to show its header), and shared
 * with the other tabs through the `storage` event.
 */
export const LOCK_KEY = 'ics-maturity:private-rating';

type LockStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const storage = (): LockStorage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

const listeners = new Set<() => void>();
// The snapshot is parsed once per stored text, so useSyncExternalStore sees a stable value.
let memo: { text: string | null; lock: PrivateLock | null } = { text: null, lock: null };
// Where localStorage refuses the lock (full, disabled) it still holds for this page.
let fallback: string | null | undefined;

function storedText(): string | null {
  if (fallback !== undefined) return fallback;
  try {
    return storage()?.getItem(LOCK_KEY) ?? null;
  } catch {
    return null;
  }
}

export function getLock(): PrivateLock | null {
  const text = storedText();
  if (text !== memo.text) memo = { text, lock: readLock(text) };
  return memo.lock;
}

export function setLock(lock: PrivateLock | null): void {
  const text = lock ? writeLock(lock) : null;
  const store = storage();
  try {
    if (!store) throw new Error('No localStorage');
    if (text === null) store.removeItem(LOCK_KEY);
    else store.setItem(LOCK_KEY, text);
    fallback = undefined;
  } catch {
    fallback = text;
  }
  for (const listener of listeners) listener();
}

/** A reload or a typed address while locked: the participant's ratings go behind the hand-over. */
export function lockAfterInterruption(): void {
  const lock = getLock();
  if (lock && interrupted(lock) !== lock) setLock(interrupted(lock));
}

export function subscribeLock(onChange: () => void): () => void {
  listeners.add(onChange);
  const onStorage = (event: StorageEvent): void => {
    if (event.key === LOCK_KEY || event.key === null) onChange();
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}

export function usePrivateLock(): PrivateLock | null {
  return useSyncExternalStore(subscribeLock, getLock);
}
