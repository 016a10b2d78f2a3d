// Service worker: the app keeps working offline after the first visit.
// VERSION and PRECACHE are filled in by scripts/sw-manifest.mjs
// from the build output, so the list can never drift from what was built.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
// The council's page (hoi-dong.html) and its own bundle: cached only once that page asks
// (sw-register.js on it), so the agencies, who never open it, never download it.
const COUNCIL = __COUNCIL__;
const CACHE = "dti-" + VERSION;
// Indicator sets live in a cache of their own, kept across app versions and in line with
// the catalogue (sets/index.json), which a deployer rewrites without a rebuild.
const SETS_CACHE = "dti-sets";
const setsBase = () => new URL("sets/", self.registration.scope).href;
const indexUrl = () => setsBase() + "index.json";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      // A catalogue the server cannot give now is fetched again at the next visit.
      .then(() => refreshSets().catch(() => {}))
  );
});

// An upgrade waits until the user accepts it ("Có phiên bản mới — tải lại").
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data === "cache-council") event.waitUntil(keepCouncil().catch(() => {}));
});

// The council's files into this version's cache (those already there are kept).
async function keepCouncil() {
  const cache = await caches.open(CACHE);
  await Promise.all(COUNCIL.map(async (file) => {
    if (!(await cache.match(file))) await cache.add(file);
  }));
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("dti-") && k !== CACHE && k !== SETS_CACHE).map((k) => caches.delete(k))))
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
  if (request.url.startsWith(setsBase())) {
    event.respondWith(setsFile(event));
    return;
  }
  // The modules loaded on demand (annex/: the CSV reader, the year comparison), not
  // precached (scripts/sw-manifest.mjs): kept once used.
  if (request.url.startsWith(new URL("annex/", self.registration.scope).href)) {
    event.respondWith(onDemand(request));
    return;
  }
  // Hashed assets never change: cache first.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});

// A file of this build fetched on first use, then answered from this version's cache.
async function onDemand(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

// The app's pages, relative to the worker's folder: the calculator (the folder itself or
// index.html) and the council's page once a build has it. Query and fragment do not matter.
const PAGES = { "": "index.html", "index.html": "index.html", "hoi-dong.html": "hoi-dong.html" };

// The precached file that answers a navigation to `url`, or null when it is not the app's.
function appPage(url) {
  const scope = new URL(self.registration.scope);
  const u = new URL(url);
  if (u.origin !== scope.origin || !u.pathname.startsWith(scope.pathname)) return null;
  const file = PAGES[u.pathname.slice(scope.pathname.length)];
  return file && (PRECACHE.includes(file) || COUNCIL.includes(file)) ? file : null;
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

// The catalogue: network first, so a set published later shows at the next online visit;
// the cached copy offline. Every set it lists is then cached in the background.
async function setsFile(event) {
  const request = event.request;
  const cache = await caches.open(SETS_CACHE);
  if (request.url.split("?")[0] === indexUrl()) {
    try {
      const fresh = await fetch(indexUrl(), { cache: "no-store" });
      if (!fresh.ok) return (await cache.match(indexUrl())) || fresh;
      const text = await fresh.clone().text();
      await cache.put(indexUrl(), fresh.clone());
      event.waitUntil(keepSets(text).catch(() => {}));
      return fresh;
    } catch (offline) {
      return (await cache.match(indexUrl())) || Response.error();
    }
  }
  // A set or its results, by a URL carrying its digest: a cached copy is the right one.
  const hit = await cache.match(request.url);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).searchParams.has("v")) await cache.put(request.url, response.clone());
  return response;
}

async function refreshSets() {
  const fresh = await fetch(indexUrl(), { cache: "no-store" });
  if (!fresh.ok) return;
  const text = await fresh.clone().text();
  await (await caches.open(SETS_CACHE)).put(indexUrl(), fresh);
  await keepSets(text);
}

// Caches every file the catalogue lists (by digest URL) and drops versions it no longer lists.
async function keepSets(text) {
  const index = JSON.parse(text);
  const wanted = new Set();
  for (const set of index.sets || []) {
    // The whole file, the results and each group's file (a first visit fetched one group).
    for (const file of [set, set.published, ...(set.groups || [])]) {
      if (file && file.file && file.digest) wanted.add(new URL(`${file.file}?v=${file.digest}`, setsBase()).href);
    }
  }
  const cache = await caches.open(SETS_CACHE);
  const have = (await cache.keys()).map((r) => r.url);
  await Promise.all(have.filter((u) => u !== indexUrl() && !wanted.has(u)).map((u) => cache.delete(u)));
  await Promise.all(
    [...wanted].filter((u) => !have.includes(u)).map(async (u) => {
      const response = await fetch(u);
      if (response.ok) await cache.put(u, response);
    })
  );
}
