/**
 * Pass the laptop: while a participant rates on the facilitator's laptop the app is locked to the
 * hand-over, rating and hand-back screens of that workshop. Leaving takes the deliberate "Hand back
 * to the facilitator"; anything else (the browser's Back, another address typed in, a reload)
 * lands on the hand-over screen, never on data. This is the lock's state and its rules. Pure.
 */
export type LockStep = 'handover' | 'rating' | 'finished';

export type PrivateLock = { workshopId: string; participantId: string; step: LockStep };

const STEPS: readonly LockStep[] = ['handover', 'rating', 'finished'];

/** The stored lock (JSON), or null when there is none or it is unreadable. */
export function readLock(text: string | null): PrivateLock | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { workshopId, participantId, step } = value as Record<string, unknown>;
  if (typeof workshopId !== 'string' || workshopId === '') return null;
  if (typeof participantId !== 'string' || participantId === '') return null;
  return {
    workshopId,
    participantId,
    step: STEPS.includes(step as LockStep) ? (step as LockStep) : 'handover',
  };
}

export function writeLock(lock: PrivateLock): string {
  return JSON.stringify(lock);
}

/**
 * Where an interruption lands: the browser's Back, a typed address or a reload while locked. The
 * participant's ratings are hidden again behind the hand-over screen; a finished participant's
 * screen stays as it is (it shows no ratings).
 */
export function interrupted(lock: PrivateLock): PrivateLock {
  return lock.step === 'rating' ? { ...lock, step: 'handover' } : lock;
}
