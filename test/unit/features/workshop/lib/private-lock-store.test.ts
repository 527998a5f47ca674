import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  getLock,
  LOCK_KEY,
  lockAfterInterruption,
  setLock,
  subscribeLock,
} from '@/features/workshop/lib/private-lock-store';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('the pass-the-laptop lock store', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', memoryStorage());
  });
  afterEach(() => {
    setLock(null);
    vi.unstubAllGlobals();
  });

  it('keeps the lock in localStorage, so a reload still finds it', () => {
    expect(getLock()).toBeNull();
    setLock({ workshopId: 'w1', participantId: 'p1', step: 'rating' });
    expect(JSON.parse(localStorage.getItem(LOCK_KEY) ?? 'null')).toEqual({
      workshopId: 'w1',
      participantId: 'p1',
      step: 'rating',
    });
    // The same snapshot while nothing changes (useSyncExternalStore needs that).
    expect(getLock()).toBe(getLock());
    setLock(null);
    expect(localStorage.getItem(LOCK_KEY)).toBeNull();
    expect(getLock()).toBeNull();
  });

  it('tells its subscribers, and an interruption hides the ratings', () => {
    const onChange = vi.fn();
    const unsubscribe = subscribeLock(onChange);
    setLock({ workshopId: 'w1', participantId: 'p1', step: 'rating' });
    expect(onChange).toHaveBeenCalledTimes(1);
    lockAfterInterruption();
    expect(getLock()?.step).toBe('handover');
    expect(onChange).toHaveBeenCalledTimes(2);
    // Already on the hand-over screen: nothing changes, nobody is told.
    lockAfterInterruption();
    expect(onChange).toHaveBeenCalledTimes(2);
    unsubscribe();
    setLock(null);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('still holds for this page when localStorage refuses it', () => {
    const refusing = memoryStorage();
    refusing.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    vi.stubGlobal('localStorage', refusing);
    setLock({ workshopId: 'w1', participantId: 'p1', step: 'handover' });
    expect(getLock()).toEqual({ workshopId: 'w1', participantId: 'p1', step: 'handover' });
    setLock(null);
    expect(getLock()).toBeNull();
  });
});
