import { describe, expect, it } from 'vitest';
import { interrupted, readLock, writeLock, type PrivateLock } from '@/domain/workshop/private-lock';

const lock: PrivateLock = { workshopId: 'w1', participantId: 'p1', step: 'rating' };

describe('the pass-the-laptop lock', () => {
  it('reads back what it wrote', () => {
    for (const step of ['handover', 'rating', 'finished'] as const) {
      expect(readLock(writeLock({ ...lock, step }))).toEqual({ ...lock, step });
    }
  });

  it('is no lock when nothing or something unreadable is stored', () => {
    for (const text of [null, '', 'not json', 'null', '42', '{}', '{"workshopId":"w1"}']) {
      expect(readLock(text)).toBeNull();
    }
    expect(readLock('{"workshopId":"","participantId":"p1"}')).toBeNull();
  });

  it('lands an unknown step on the hand-over screen, never on the ratings', () => {
    expect(readLock('{"workshopId":"w1","participantId":"p1","step":"data"}')).toEqual({
      ...lock,
      step: 'handover',
    });
  });

  it('hides a participant’s ratings behind the hand-over screen when interrupted', () => {
    expect(interrupted(lock)).toEqual({ ...lock, step: 'handover' });
    const handover: PrivateLock = { ...lock, step: 'handover' };
    const finished: PrivateLock = { ...lock, step: 'finished' };
    // Unchanged (the same object): nothing to store again.
    expect(interrupted(handover)).toBe(handover);
    expect(interrupted(finished)).toBe(finished);
  });
});
