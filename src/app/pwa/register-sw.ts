/**
 * Registers the service worker (production builds only) and reports a waiting update. The app
 * never reloads on its own: `apply` is only called when the user chooses to reload.
 */
export async function registerServiceWorker(
  onUpdateReady: (apply: () => void) => void,
): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  // Loaded after the first render: nothing on the first screen needs it.
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    onUpdateReady(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  await wb.register();
}
