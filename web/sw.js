// Service worker: the app keeps working offline after the first visit.
// VERSION and PRECACHE are filled in by scripts/sw-manifest.mjs
// from the build output, so the list can never drift from what was built.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const CACHE = "dti-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

// An upgrade waits until the user accepts it ("Có phiên bản mới — tải lại").
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("dti-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Page: network first (a new version shows up), the precached page when offline.
    // The network copy is not cached: it may name assets of a newer build.
    event.respondWith(fetch(request).catch(() => caches.match("index.html", { cacheName: CACHE })));
    return;
  }
  // Hashed assets never change: cache first.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
