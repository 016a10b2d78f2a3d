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
    // Only the app's own pages; any other page or file in scope is the server's business.
    const cached = appPage(request.url);
    if (cached) event.respondWith(page(request, cached));
    return;
  }
  // Hashed assets never change: cache first.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});

// The app's pages, relative to the worker's folder: the calculator (the folder itself or
// index.html) and the council's page once a build has it. Query and fragment do not matter.
const PAGES = { "": "index.html", "index.html": "index.html", "hoi-dong.html": "hoi-dong.html" };

// The precached file that answers a navigation to `url`, or null when it is not the app's.
function appPage(url) {
  const scope = new URL(self.registration.scope);
  const u = new URL(url);
  if (u.origin !== scope.origin || !u.pathname.startsWith(scope.pathname)) return null;
  const file = PAGES[u.pathname.slice(scope.pathname.length)];
  return file && PRECACHE.includes(file) ? file : null;
}

// The page: asked of the network first, the precached copy when offline or when the
// server fails (5xx). When the network has another build's page, this version's page is
// served instead and the new worker is fetched: the user sees "Có phiên bản mới" and
// chooses when to switch, never mid-typing.
async function page(request, file) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(file);
  let fresh;
  try {
    fresh = await fetch(request, { cache: "no-store" });
  } catch (offline) {
    return cached || Response.error();
  }
  if (cached && fresh.status >= 500) return cached;
  if (!cached || !fresh.ok) return fresh;
  const [now, ours] = await Promise.all([fresh.clone().text(), cached.clone().text()]);
  if (now === ours) return fresh;
  self.registration.update().catch(() => {});
  return cached;
}
