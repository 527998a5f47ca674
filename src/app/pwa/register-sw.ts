import { noticeNewVersion } from './new-version';

/**
 * Registers the service worker (production builds only) and reports a waiting update. The app
 * never reloads on its own: `apply` is only called when the user chooses to reload.
 */
export async function registerServiceWorker(
  onUpdateReady: (apply: () => void) => void,
): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  // Loaded after the first render: nothing on the first screen needs it.
  const { startServiceWorker } = await import('./service-worker');
  // noticeNewVersion is passed in, not imported there, so that chunk shares no module with the
  // first load (a shared module would be split into a file of its own).
  try {
    await startServiceWorker(onUpdateReady, noticeNewVersion);
  } catch {
    // No service worker (refused by policy, a private window, blocked by a test): the app works
    // as it is, online, and offers no updates; nothing to tell the person.
  }
}
