import { describe, expect, it, vi } from 'vitest';
import { afterFirstPaint, yieldToBrowser } from '@/app/after-first-paint';

function fakeTimers() {
  const frames: (() => void)[] = [];
  const tasks: { fn: () => void; ms: number }[] = [];
  return {
    frames,
    tasks,
    timers: {
      requestAnimationFrame: (fn: FrameRequestCallback) => frames.push(() => fn(0)),
      setTimeout: (fn: () => void, ms?: number) => tasks.push({ fn, ms: ms ?? 0 }),
    } as unknown as Pick<typeof globalThis, 'requestAnimationFrame' | 'setTimeout'>,
  };
}

describe('afterFirstPaint', () => {
  it('runs the work in a task after the next frame, once, not also at the fallback', () => {
    const { frames, tasks, timers } = fakeTimers();
    const work = vi.fn();
    afterFirstPaint(work, 200, timers);
    expect(work).not.toHaveBeenCalled();
    frames.shift()!();
    // The frame only queues a task: the work waits for the paint.
    expect(work).not.toHaveBeenCalled();
    tasks.find((t) => t.ms === 0)!.fn();
    expect(work).toHaveBeenCalledOnce();
    tasks.find((t) => t.ms === 200)!.fn();
    expect(work).toHaveBeenCalledOnce();
  });

  it('runs the work at the fallback when no frame comes (a background tab)', () => {
    const { tasks, timers } = fakeTimers();
    const work = vi.fn();
    afterFirstPaint(work, 200, timers);
    tasks.find((t) => t.ms === 200)!.fn();
    expect(work).toHaveBeenCalledOnce();
  });
});

describe('yieldToBrowser', () => {
  it('resolves in a task of its own, not in the current one', async () => {
    const { tasks, timers } = fakeTimers();
    let resolved = false;
    const yielded = yieldToBrowser(timers).then(() => {
      resolved = true;
    });
    await Promise.resolve();
    expect(resolved).toBe(false);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.ms).toBe(0);
    tasks[0]!.fn();
    await yielded;
    expect(resolved).toBe(true);
  });
});
