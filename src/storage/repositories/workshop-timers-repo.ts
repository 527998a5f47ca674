import type { TimerState } from '@/domain/workshop/timer';
import { getDb } from '../db';

/**
 * The facilitator's discussion timers (issue 12), kept on the workshop's record
 * (`workshops.timers`, one per criterion) so a reload or another tab finds them where they were.
 * Written only when a timer's button is pressed, never as it counts down: the state holds when
 * the current run started and the time used before it, and the time left is worked out from them.
 */

/**
 * Changes one criterion's timer with `change` (a rule of domain/workshop/timer.ts), applied to the
 * stored state inside the transaction, so two quick presses each count. `change` returning null
 * removes the timer (reset).
 */
export async function changeTimer(
  workshopId: string,
  criterionId: string,
  change: (current: TimerState | undefined, now: number) => TimerState | null,
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.workshops, async () => {
    const workshop = await db.workshops.get(workshopId);
    if (!workshop) throw new Error(`Workshop ${workshopId} no longer exists`);
    const now = Date.now();
    const { [criterionId]: current, ...others } = workshop.timers ?? {};
    const next = change(current, now);
    const timers = next ? { ...others, [criterionId]: next } : others;
    const { timers: _old, ...rest } = workshop;
    await db.workshops.put({
      ...rest,
      ...(Object.keys(timers).length > 0 ? { timers } : {}),
      updatedAt: Math.max(workshop.updatedAt, now),
    });
  });
}
