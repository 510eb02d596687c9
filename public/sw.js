// Service worker of the Diagnostic transfrontalier: precaches every file of the build and
// serves the app from that cache, so it loads and works with no connection.
// scripts/postbuild.py fills VERSION and PRECACHE from trunk's output at build time.
const VERSION = '__BUILD_VERSION__';
const PRECACHE = [/* __PRECACHE__ */];
const CACHE_PREFIX = 'diagnostic-transfrontalier-';
const CACHE = CACHE_PREFIX + VERSION;

const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the user chooses "Recharger".
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(scoped))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every in-app address is answered with the app shell; the router shows the right page.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => (await cache.match(scoped('index.html'))) || fetch(request)),
    );
    return;
  }
  event.respondWith(caches.open(CACHE).then(async (cache) => (await cache.match(request)) || fetch(request)));
});
