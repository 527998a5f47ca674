import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DURATION_MS,
  MAX_DURATION_MS,
  MINUTE_MS,
  addMinute,
  announcementBetween,
  clockParts,
  idleTimer,
  pauseTimer,
  remainingMs,
  resetTimer,
  startTimer,
  timerStatus,
} from '@/domain/workshop/timer';

describe('criterion timer', () => {
  it('keeps its numbers bounded, as the workshop record holds them (issue 12)', () => {
    // Paused long after time was up: the time used is the time allowed, still time up.
    const late = pauseTimer(startTimer(idleTimer(), 0), 90 * 24 * 60 * MINUTE_MS);
    expect(late.usedMs).toBe(DEFAULT_DURATION_MS);
    expect(timerStatus(late, 0)).toBe('time-up');
    // +1 minute stops at the longest a timer can be given.
    let long = idleTimer(MAX_DURATION_MS - 30_000);
    long = addMinute(addMinute(long, 0), 0);
    expect(long.durationMs).toBe(MAX_DURATION_MS);
  });

  it('counts down from three minutes once started, and not before', () => {
    const idle = idleTimer();
    expect(timerStatus(idle, 5_000)).toBe('idle');
    expect(remainingMs(idle, 99_000)).toBe(DEFAULT_DURATION_MS);
    const running = startTimer(idle, 1_000);
    expect(timerStatus(running, 1_000)).toBe('running');
    expect(remainingMs(running, 31_000)).toBe(DEFAULT_DURATION_MS - 30_000);
  });

  it('stops counting while paused and goes on from there when resumed', () => {
    const paused = pauseTimer(startTimer(idleTimer(), 0), 20_000);
    expect(timerStatus(paused, 500_000)).toBe('paused');
    expect(remainingMs(paused, 500_000)).toBe(DEFAULT_DURATION_MS - 20_000);
    const resumed = startTimer(paused, 500_000);
    expect(remainingMs(resumed, 510_000)).toBe(DEFAULT_DURATION_MS - 30_000);
  });

  it('says time is up at zero and stays there: it never goes below zero or moves on', () => {
    const running = startTimer(idleTimer(), 0);
    expect(timerStatus(running, DEFAULT_DURATION_MS)).toBe('time-up');
    expect(remainingMs(running, DEFAULT_DURATION_MS * 10)).toBe(0);
  });

  it('adds a minute while running, while paused, and from now once time is up', () => {
    const running = startTimer(idleTimer(), 0);
    expect(remainingMs(addMinute(running, 10_000), 10_000)).toBe(
      DEFAULT_DURATION_MS - 10_000 + MINUTE_MS,
    );
    const paused = pauseTimer(running, 10_000);
    const more = addMinute(paused, 50_000);
    expect(timerStatus(more, 90_000)).toBe('paused');
    expect(remainingMs(more, 90_000)).toBe(DEFAULT_DURATION_MS - 10_000 + MINUTE_MS);
    const late = addMinute(running, DEFAULT_DURATION_MS + 45_000);
    expect(remainingMs(late, DEFAULT_DURATION_MS + 45_000)).toBe(MINUTE_MS);
    expect(timerStatus(late, DEFAULT_DURATION_MS + 45_000)).toBe('running');
  });

  it('resets to the full time, stopped', () => {
    const reset = resetTimer();
    expect(reset).toEqual(idleTimer());
    expect(timerStatus(reset, 1e9)).toBe('idle');
  });

  it('shows whole seconds, rounded up', () => {
    expect(clockParts(DEFAULT_DURATION_MS)).toEqual({ minutes: 3, seconds: 0 });
    expect(clockParts(61_001)).toEqual({ minutes: 1, seconds: 2 });
    expect(clockParts(0)).toEqual({ minutes: 0, seconds: 0 });
  });

  it('announces one minute left and time up once each, not every second', () => {
    expect(announcementBetween(61_000, 60_000)).toBe('one-minute-left');
    expect(announcementBetween(60_000, 59_000)).toBeNull();
    expect(announcementBetween(1_000, 0)).toBe('time-up');
    expect(announcementBetween(0, 0)).toBeNull();
    expect(announcementBetween(120_000, 119_000)).toBeNull();
  });

  it('announces each exactly once over any run read at any ticks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5_000 }), { maxLength: 200 }), (steps) => {
        const timer = startTimer(idleTimer(), 0);
        let now = 0;
        let previous = remainingMs(timer, now);
        const said: string[] = [];
        for (const step of [...steps, DEFAULT_DURATION_MS]) {
          now += step;
          const current = remainingMs(timer, now);
          const announcement = announcementBetween(previous, current);
          if (announcement) said.push(announcement);
          previous = current;
        }
        // Whatever the ticks, the last reading is at zero: "time is up" once, at the end, and
        // "one minute left" at most once before it (a tick may jump straight to zero).
        expect(said.at(-1)).toBe('time-up');
        expect(said.filter((s) => s === 'time-up')).toHaveLength(1);
        expect(said.filter((s) => s === 'one-minute-left').length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
