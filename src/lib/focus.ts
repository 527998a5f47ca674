/**
 * Where keyboard focus goes after an action, as one rule (WCAG 2.4.3): focus is never left on
 * `body` or on an element that has gone.
 *
 * - An action that shows something new (an item added, a step started, a page opened) focuses
 *   the new thing: its first field, or its heading (`tabIndex={-1}`).
 * - An action that removes something focuses the next item of the same list, else the previous
 *   one, else the list's heading or its Add button (`focusAfterRemoval`).
 * - An action whose result is a message (a download, a restore) focuses the message.
 *
 * The element may not be on the page yet (a live query re-reads the database first): the
 * `focusWhenPresent` helpers wait for it. They never take focus back from somewhere the person
 * has moved to in the meantime.
 */

/** How long to wait for an element to appear: a live query re-reads within a few frames. */
export const FOCUS_WAIT_MS = 3_000;

export type FocusTarget = HTMLElement | null | (() => HTMLElement | null);

function resolve(target: FocusTarget): HTMLElement | null {
  const el = typeof target === 'function' ? target() : target;
  return el?.isConnected ? el : null;
}

/** Focuses `el`, making it focusable from script (tabIndex -1) when it is not already. */
export function focusElement(el: HTMLElement): void {
  if (!el.matches('a[href], button, input, select, textarea, summary, [tabindex]')) {
    el.setAttribute('tabindex', '-1');
  }
  el.focus();
}

/**
 * Focus has nowhere useful: on `body`, on an element that has left the page, or still on
 * `origin` (what had focus when the action began).
 */
export function isFocusFree(origin: Element | null): boolean {
  const active = document.activeElement;
  return (
    active === null ||
    active === document.body ||
    active === document.documentElement ||
    !active.isConnected ||
    active === origin
  );
}

/**
 * Calls `found` with the element `target` finds as soon as it is on the page: checked after the
 * next frame and on every DOM change, for up to `timeoutMs`. Returns a function that stops waiting.
 */
export function whenPresent(
  target: FocusTarget,
  found: (el: HTMLElement) => void,
  timeoutMs = FOCUS_WAIT_MS,
): () => void {
  let done = false;
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = (): void => {
    done = true;
    cancelAnimationFrame(frame);
    observer?.disconnect();
    clearTimeout(timer);
  };
  const attempt = (): void => {
    if (done) return;
    const el = resolve(target);
    if (!el) return;
    stop();
    found(el);
  };
  const frame = requestAnimationFrame(() => {
    attempt();
    if (done) return;
    observer = new MutationObserver(attempt);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    timer = setTimeout(stop, timeoutMs);
  });
  return stop;
}

/**
 * Focuses the element `target` finds as soon as it is on the page (see `whenPresent`), unless
 * focus has meanwhile moved somewhere else on purpose.
 */
export function focusWhenPresent(target: FocusTarget, timeoutMs = FOCUS_WAIT_MS): () => void {
  const origin = document.activeElement;
  return whenPresent(
    target,
    (el) => {
      if (document.activeElement !== el && isFocusFree(origin)) focusElement(el);
    },
    timeoutMs,
  );
}

/**
 * After removing item `index` of `items` (the same control in each item, in list order, taken
 * before the removal): the next item's control, else the previous one's, else `fallback`.
 */
export function neighbourAfterRemoval<T>(items: readonly T[], index: number, fallback: T): T {
  return items[index + 1] ?? items[index - 1] ?? fallback;
}

/**
 * Focus after removing the item holding `removed` (the control that was used): the same control
 * in the next item of `scope` (matched by `selector`), else in the previous one, else `fallback`.
 * Call it before the item leaves the page; focus moves once the item has gone.
 */
export function focusAfterRemoval(
  removed: Element,
  selector: string,
  fallback: FocusTarget,
  scope: ParentNode = removed.closest('ol, ul, tbody, table, fieldset') ?? document,
): () => void {
  const items = [...scope.querySelectorAll<HTMLElement>(selector)];
  const index = items.findIndex((el) => el === removed || el.contains(removed));
  const next = index === -1 ? null : neighbourAfterRemoval<HTMLElement | null>(items, index, null);
  return focusWhenPresent(() => {
    if (removed.isConnected) return null; // not gone yet
    return next?.isConnected ? next : resolve(fallback);
  });
}

/** The page's main heading, for focusing after a new page or step is shown. */
export function pageHeading(root: ParentNode = document): HTMLElement | null {
  return root.querySelector<HTMLElement>('#main h1, h1');
}

/** Focus the page's main heading once it is shown: after a notice above it is dismissed. */
export function focusMainHeading(): () => void {
  return focusWhenPresent(() => pageHeading(document.getElementById('main') ?? document));
}
