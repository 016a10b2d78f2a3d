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
    event.respondWith(page(request));
    return;
  }
  // Hashed assets never change: cache first.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});

// The page: asked of the network first, the precached copy when offline. When the network
// has another build's page, this version's page is served instead and the new worker is
// fetched: the user sees "Có phiên bản mới" and chooses when to switch, never mid-typing.
async function page(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match("index.html");
  let fresh;
  try {
    fresh = await fetch(request, { cache: "no-store" });
  } catch (offline) {
    return cached || Response.error();
  }
  if (!cached || !fresh.ok) return fresh;
  const [now, ours] = await Promise.all([fresh.clone().text(), cached.clone().text()]);
  if (now === ours) return fresh;
  self.registration.update().catch(() => {});
  return cached;
}
