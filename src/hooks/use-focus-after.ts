import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { focusElement, focusWhenPresent, isFocusFree, type FocusTarget } from '@/lib/focus';

/**
 * `focusAfter(target)`: focus `target` (an element, or a function finding it, e.g. by id) right
 * after the next commit — in the same frame as the change it follows, so nothing typed straight
 * after is lost — or, when it is not on the page yet (a live query still re-reading), as soon as
 * it appears. Never takes focus from where the person has moved to meanwhile (see lib/focus).
 */
export function useFocusAfter(): (target: FocusTarget) => void {
  const pending = useRef<{ target: FocusTarget; origin: Element | null } | null>(null);
  const cancel = useRef<() => void>(() => undefined);
  const [request, setRequest] = useState(0);

  useLayoutEffect(() => {
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    const el = typeof next.target === 'function' ? next.target() : next.target;
    if (el?.isConnected) {
      if (isFocusFree(next.origin)) focusElement(el);
      return;
    }
    cancel.current = focusWhenPresent(next.target);
  }, [request]);

  useEffect(() => () => cancel.current(), []);

  return useCallback((target: FocusTarget) => {
    cancel.current();
    pending.current = { target, origin: document.activeElement };
    setRequest((n) => n + 1);
  }, []);
}

/** The element with this id, for `focusAfter(byId(...))`. */
export const byId =
  (id: string): (() => HTMLElement | null) =>
  () =>
    document.getElementById(id);
