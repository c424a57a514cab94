// Refugio's service worker: caches every file of the app at install, then answers from the cache
// first, so the interview and results work with the network off. The API is never cached.
const CACHE = 'refugio-__VERSION__';
const PRECACHE = __PRECACHE__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return;
  event.respondWith(
    caches
      .match(event.request, { ignoreSearch: true })
      .then(
        (hit) =>
          hit ??
          fetch(event.request).catch(() =>
            event.request.mode === 'navigate' ? caches.match('./') : Response.error(),
          ),
      ),
  );
});
