/**
 * Runs `work` once, just after the next frame is painted (a task queued from an animation-frame
 * callback runs after that frame's paint), or after `fallbackMs` if no frame comes (a tab
 * opened in the background gets no animation frames until it is shown).
 */
export function afterFirstPaint(
  work: () => void,
  fallbackMs = 200,
  timers: Pick<typeof globalThis, 'requestAnimationFrame' | 'setTimeout'> = globalThis,
): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    work();
  };
  timers.requestAnimationFrame(() => timers.setTimeout(once, 0));
  timers.setTimeout(once, fallbackMs);
}

/**
 * Resolves in a later task, so the browser can handle input and paint in between: a long piece of
 * start-up work split with it never blocks the page for long.
 */
export function yieldToBrowser(
  timers: Pick<typeof globalThis, 'setTimeout'> = globalThis,
): Promise<void> {
  return new Promise((resolve) => timers.setTimeout(resolve, 0));
}
