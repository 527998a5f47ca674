/**
 * A discussion timer for one criterion (issue 12): start, one more minute, pause and resume,
 * reset. It never moves the room on by itself: at zero it says time is up and waits. Time is
 * passed in (`now`, in milliseconds), so the rules are tested without a clock. Pure.
 */
export const DEFAULT_DURATION_MS = 3 * 60_000;
export const MINUTE_MS = 60_000;
/**
 * The longest a timer can be given (+1 minute stops adding there): a timer is kept on the
 * workshop's record (and in backups), so its numbers have a bound.
 */
export const MAX_DURATION_MS = 24 * 60 * MINUTE_MS;

export type TimerState = {
  /** The time allowed, extended by "+1 min". */
  durationMs: number;
  /** Time used before the current run (all of it while paused). */
  usedMs: number;
  /** When the current run started; null while stopped or paused. */
  runningSince: number | null;
  /** Whether it has ever been started since the last reset. */
  isStarted: boolean;
};

export const idleTimer = (durationMs = DEFAULT_DURATION_MS): TimerState => ({
  durationMs,
  usedMs: 0,
  runningSince: null,
  isStarted: false,
});

export function usedMs(state: TimerState, now: number): number {
  return state.usedMs + (state.runningSince === null ? 0 : Math.max(0, now - state.runningSince));
}

/** Time left, never below zero. */
export function remainingMs(state: TimerState, now: number): number {
  return Math.max(0, state.durationMs - usedMs(state, now));
}

export type TimerStatus = 'idle' | 'running' | 'paused' | 'time-up';

export function timerStatus(state: TimerState, now: number): TimerStatus {
  if (!state.isStarted) return 'idle';
  if (remainingMs(state, now) === 0) return 'time-up';
  return state.runningSince === null ? 'paused' : 'running';
}

export function startTimer(state: TimerState, now: number): TimerState {
  if (state.runningSince !== null) return state;
  return { ...state, runningSince: now, isStarted: true };
}

/** Paused: the time used so far is kept (never more than the time allowed: nothing is owed). */
export function pauseTimer(state: TimerState, now: number): TimerState {
  if (state.runningSince === null) return state;
  return { ...state, usedMs: Math.min(usedMs(state, now), state.durationMs), runningSince: null };
}

/**
 * One more minute. After time is up it gives a minute from now (the time spent beyond the limit
 * is not owed), and a started timer keeps running.
 */
export function addMinute(state: TimerState, now: number): TimerState {
  const used = Math.min(usedMs(state, now), state.durationMs);
  const running = state.runningSince === null ? null : now;
  return {
    ...state,
    usedMs: used,
    runningSince: running,
    durationMs: Math.min(state.durationMs + MINUTE_MS, MAX_DURATION_MS),
  };
}

/** Back to the full default time, stopped. */
export function resetTimer(): TimerState {
  return idleTimer();
}

/** Whole seconds left, rounded up, as "m:ss" parts. */
export function clockParts(ms: number): { minutes: number; seconds: number } {
  const total = Math.ceil(ms / 1000);
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

export type TimerAnnouncement = 'one-minute-left' | 'time-up';

/**
 * What to say to screen readers between two readings of the time left: "1 minute left" when it
 * crosses one minute, "time is up" when it reaches zero; nothing otherwise (never every second).
 */
export function announcementBetween(
  previousMs: number,
  currentMs: number,
): TimerAnnouncement | null {
  if (previousMs > 0 && currentMs === 0) return 'time-up';
  if (previousMs > MINUTE_MS && currentMs <= MINUTE_MS && currentMs > 0) return 'one-minute-left';
  return null;
}
