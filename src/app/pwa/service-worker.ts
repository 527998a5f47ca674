/** How often an open, visible tab asks whether a new version is out (also on focus). */
export const UPDATE_CHECK_INTERVAL_MS = 30 * 60 * 1000;

/**
 * Registers `/sw.js` with workbox-window and follows its life cycle on the registration (see "PWA and
 * updates" in docs/architecture.md):
 * - a new version waiting → `onUpdateReady(apply)`; `apply` tells it to take over, and this tab
 *   reloads when it has (the prompt saved everything first);
 * - a new version taking over although this tab did not ask (another tab applied it) → save
 *   everything, then the "reload required" banner; a code chunk that fails to load does the same;
 * - checks for a new version while the tab is open: on focus, on becoming visible, and every
 *   30 minutes while visible; never while offline.
 */
export async function startServiceWorker(
  onUpdateReady: (apply: () => void) => void,
  noticeNewVersion: () => Promise<void>,
): Promise<void> {
  const container = navigator.serviceWorker;
  const wasControlled = container.controller !== null;
  let isApplyingHere = false;
  container.addEventListener('controllerchange', () => {
    if (isApplyingHere) window.location.reload();
    else if (wasControlled) void noticeNewVersion();
  });
  // Vite reports a lazily loaded chunk (or its stylesheet) that failed: the files of the build
  // this tab runs are gone, so a newer version is in charge.
  window.addEventListener('vite:preloadError', () => void noticeNewVersion());

  // Workbox registers the worker (after the page has loaded) and sends the skip-waiting message.
  // It follows only the first update it sees, so later ones are followed on the registration.
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });
  const registration = await wb.register();
  if (!registration) return;

  const offerWaiting = (): void => {
    // On the very first install nothing is active yet, and the new worker activates at once.
    if (!registration.waiting || !registration.active) return;
    onUpdateReady(() => {
      const waiting = registration.waiting;
      if (!waiting) {
        // Another tab applied it already: the new version is in charge, a reload loads it.
        window.location.reload();
        return;
      }
      isApplyingHere = true;
      wb.messageSkipWaiting();
    });
  };

  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offerWaiting();
    });
  });
  offerWaiting();

  watchForNewVersions(() => registration.update());
}

/**
 * Calls `check` when the tab gains focus or becomes visible, and every `intervalMs` while it is
 * visible; never while the browser is offline, and never while the previous check is running.
 * Returns a function that stops watching.
 */
export function watchForNewVersions(
  check: () => Promise<unknown>,
  intervalMs: number = UPDATE_CHECK_INTERVAL_MS,
): () => void {
  let isChecking = false;
  const maybeCheck = (): void => {
    if (isChecking || document.visibilityState !== 'visible' || !navigator.onLine) return;
    isChecking = true;
    Promise.resolve()
      .then(check)
      .catch(() => undefined)
      .finally(() => {
        isChecking = false;
      });
  };
  window.addEventListener('focus', maybeCheck);
  document.addEventListener('visibilitychange', maybeCheck);
  const timer = window.setInterval(maybeCheck, intervalMs);
  return () => {
    window.removeEventListener('focus', maybeCheck);
    document.removeEventListener('visibilitychange', maybeCheck);
    window.clearInterval(timer);
  };
}
