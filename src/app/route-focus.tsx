import { useLayoutEffect, useRef, useState } from 'react';
import { focusElement, isFocusFree, pageHeading, whenPresent } from '@/lib/focus';

/** How long after the new page's heading appears its title is announced (screens set it then). */
const ANNOUNCE_DELAY_MS = 100;

/**
 * After a move to another page (a link, Back or Forward; not the first load): focus goes to the
 * new page's `<h1>` once it is shown — unless the page has put focus somewhere itself — and the
 * page's title is returned, once, for the shell's polite live region (`RouteAnnouncer`).
 */
export function useRouteFocus(screenKey: string): string {
  const [message, setMessage] = useState('');
  const previous = useRef<string | null>(null);
  // A layout effect: it runs before the new screen's own effects, so what had focus is still what
  // had focus before the move, and a screen that then puts focus somewhere (a notice) keeps it.
  useLayoutEffect(() => {
    if (previous.current === null || previous.current === screenKey) {
      previous.current = screenKey;
      return;
    }
    previous.current = screenKey;
    const origin = document.activeElement;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setMessage('');
    const stop = whenPresent(
      () => pageHeading(document.getElementById('main') ?? document),
      (heading) => {
        if (document.activeElement !== heading && isFocusFree(origin)) focusElement(heading);
        timer = setTimeout(() => setMessage(document.title), ANNOUNCE_DELAY_MS);
      },
    );
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [screenKey]);
  return message;
}

/** The one live region that says which page is now shown. */
export function RouteAnnouncer({ message }: { message: string }) {
  return (
    <div
      className="nhsuk-u-visually-hidden"
      aria-live="polite"
      aria-atomic="true"
      data-testid="route-announcer"
    >
      {message}
    </div>
  );
}
