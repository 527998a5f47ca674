import { Workbox } from 'workbox-window';

/**
 * Registers the service worker (production builds only) and reports a waiting update. The app
 * never reloads on its own: `apply` is only called when the user chooses to reload.
 */
export function registerServiceWorker(onUpdateReady: (apply: () => void) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    onUpdateReady(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
