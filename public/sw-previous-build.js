/*
 * Loaded by the generated service worker (vite.config.ts, workbox.importScripts) before Workbox's
 * own code. When a new version installs, the precache still holds the build that open tabs are
 * running; once the new version takes over, Workbox deletes those files. So that a tab on the
 * previous build can still open its lazily loaded screens, its /assets/ files (content-hashed,
 * never changed) are copied now into "ics-previous-build", which replaces the copy made at the
 * update before. The route in vite.config.ts serves them from there.
 */
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const precacheName = names.find((name) => name.startsWith('workbox-precache-'));
      await caches.delete('ics-previous-build');
      if (!precacheName) return;
      const precache = await caches.open(precacheName);
      const previous = await caches.open('ics-previous-build');
      for (const request of await precache.keys()) {
        const url = new URL(request.url);
        if (url.origin !== self.location.origin || !url.pathname.startsWith('/assets/')) continue;
        const response = await precache.match(request);
        if (response) await previous.put(url.origin + url.pathname, response);
      }
    })(),
  );
});
