import { useCallback, useSyncExternalStore } from 'react';

/**
 * Below NHS.UK frontend's tablet breakpoint (641 px), where its own styles switch to the phone
 * layout: a phone held upright or on its side, or a desktop window zoomed to 400 %.
 */
export const NARROW_QUERY = '(max-width: 640.98px)';

function matches(query: string): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

/**
 * Whether a CSS media query matches now, following it as the viewport changes (a phone rotated, a
 * window resized or zoomed). Where the browser has no `matchMedia` it is false.
 */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => matches(query),
    () => false,
  );
}

/** True below the tablet breakpoint: screens lay out for a phone. */
export function useIsNarrow(): boolean {
  return useMediaQuery(NARROW_QUERY);
}
