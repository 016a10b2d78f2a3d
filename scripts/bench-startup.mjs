#!/usr/bin/env node
// Start-up benchmark (prints numbers, never fails on them): how long until the calculator
// is usable on a weak 3G link and a slow phone, against a static HTML page with the same
// layout and the same CSS (bench/static-layout/index.html, no JS) served the same way.
//
//   node scripts/bench-startup.mjs [--runs 5] [--dist DIR] [--identity | --brotli] [--md BENCHMARKS.md]
//
// DIST defaults to target/bench/app-dist (built by scripts/bench-size.sh) or else dist/.
// Each page is served by a node:http server on 127.0.0.1 (ephemeral port), with headers
// like deploy/nginx-dti.conf: gzip for text/js/css/wasm (level 9, --identity turns it off;
// --brotli serves brotli quality 11 to a browser that accepts it, as the conf's optional
// `brotli_static on` does with the build's .br copies),
// ETag, "no-cache" for the page and unhashed scripts, a year for hashed files.
// Chromium (Debian's) gets, through the DevTools protocol: latency 300 ms, 50 000 bytes/s
// down and up (400 kbit/s), CPU 4x slower. Cases, N runs each, a fresh context per run:
//   app cold    time from navigation start until [data-testid=total] exists; also FCP
//   app warm    same, on a second visit in the same context (service worker + HTTP cache;
//               the first visit primes it unthrottled; for the measured visit the page
//               and the service worker are throttled)
//   app offline same as warm, with the network off for the page and the service worker:
//               the start from the worker's cache alone (weak 3G gone altogether)
//   static cold first contentful paint and DOMContentLoaded
// Times are performance.now() in the page (0 = navigation start), in ms. "bytes sent" is
// what the server sent until the measurement (the service worker's precache included).
// BENCH_DEBUG=1 logs each response. --md FILE writes the section "## Start-up" of FILE
// (scripts/bench-md.mjs), with the machine, the date and this command.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

import { machine, writeSection } from './bench-md.mjs';
import { appDist, args, CPU_RATE, fileFor, launchBrowser, opt, optPath, ROOT, slowCpu } from './lib/bench.mjs';

const RUNS = Math.max(1, Math.min(50, Number.parseInt(opt('--runs', '5'), 10) || 5));
const GZIP = !args.includes('--identity');
const BROTLI = GZIP && args.includes('--brotli');
const ENCODING = BROTLI ? 'brotli 11 (gzip -9 where not accepted)' : GZIP ? 'gzip -9' : 'no compression';
const MD = optPath('--md');
const DIST = appDist();
const STATIC_SRC = join(ROOT, 'bench/static-layout/index.html');
const STATIC_DIR = join(ROOT, 'target/bench/static-layout');
const LOAD_TIMEOUT = 120_000; // per page load; a run never waits longer
const NETWORK = { offline: false, latency: 300, downloadThroughput: 50_000, uploadThroughput: 50_000, connectionType: 'cellular3g' };

// ---------------------------------------------------------------- static server
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg']);
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/;
// BENCH_DEBUG=1 logs every response (stderr): what each case really downloads.
const debug = (base, url, what) => process.env.BENCH_DEBUG && console.error(`  [${base.split(sep).pop()}] ${url} ${what}`);

async function startServer(root) {
  const base = resolve(root);
  const cache = new Map(); // path → { body, gz, etag }
  const stats = { requests: 0, bytes: 0 };
  async function load(file) {
    let entry = cache.get(file);
    if (!entry) {
      const body = await readFile(file);
      const gz = COMPRESSIBLE.has(extname(file)) ? gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }) : null;
      const br = gz && BROTLI ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }) : null;
      entry = { body, gz, br, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
      cache.set(file, entry);
    }
    return entry;
  }
  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    const file = await fileFor(base, req.url);
    if (typeof file === 'number') return void res.writeHead(file).end();
    const entry = await load(file);
    stats.requests++;
    const headers = {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      etag: entry.etag,
      vary: 'accept-encoding',
    };
    if (HASHED.test(file)) headers['cache-control'] = 'public, max-age=31536000, immutable';
    else if (['.html', '.js', '.webmanifest'].includes(extname(file))) headers['cache-control'] = 'no-cache';
    if (req.headers["if-none-match"] === entry.etag) {
      debug(base, req.url, '304');
      return void res.writeHead(304, headers).end();
    }
    let body = entry.body;
    const accepted = req.headers['accept-encoding'] ?? '';
    if (entry.br && /\bbr\b/.test(accepted)) {
      body = entry.br;
      headers['content-encoding'] = 'br';
    } else if (GZIP && entry.gz && /\bgzip\b/.test(accepted)) {
      body = entry.gz;
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    stats.bytes += body.length;
    debug(base, req.url, `${body.length} ${headers['content-encoding'] ?? ''}`);
    res.end(body);
  }
  const server = createServer((req, res) =>
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }),
  );
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    stats,
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------- page instrumentation
// Runs in every document before its own scripts: notes when the total first exists.
const INIT = `(() => {
  const b = (window.__bench = { total: null });
  const check = () => {
    if (b.total === null && document.querySelector('[data-testid=total]')) {
      b.total = performance.now();
      obs.disconnect();
      if (window.__benchTotal) window.__benchTotal(b.total);
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true });
})();`;

/** FCP (null if none within 10 s), DOMContentLoaded and load ends, from inside the page. */
const readTimings = (page) =>
  page.evaluate(
    () =>
      new Promise((done) => {
        const nav = performance.getEntriesByType('navigation')[0];
        const finish = (fcp) =>
          done({ fcp, dcl: nav ? nav.domContentLoadedEventEnd : null, load: nav ? nav.loadEventEnd : null, total: window.__bench?.total ?? null });
        const hit = () => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
        if (hit()) return finish(hit().startTime);
        const obs = new PerformanceObserver(() => hit() && (obs.disconnect(), finish(hit().startTime)));
        obs.observe({ type: 'paint', buffered: true });
        setTimeout(() => (obs.disconnect(), finish(hit()?.startTime ?? null)), 10_000);
      }),
  );

async function throttle(cdp, { cacheDisabled, offline = false }) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled });
  await cdp.send('Network.emulateNetworkConditions', { ...NETWORK, offline });
  await slowCpu(cdp);
}

/**
 * Applies NETWORK to the service worker of the page's context (found through a browser
 * session, driven with Target.sendMessageToTarget). Returns the session, to detach.
 */
async function throttleServiceWorker(browser, pageCdp, origin, offline = false) {
  const { targetInfo } = await pageCdp.send('Target.getTargetInfo');
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const sw = targetInfos.find(
    (t) => t.type === 'service_worker' && t.browserContextId === targetInfo.browserContextId && t.url.startsWith(origin),
  );
  if (!sw) throw new Error('service worker target not found');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  const pending = new Map();
  let id = 0;
  session.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message);
    pending.get(msg.id)?.(msg);
  });
  const send = (method, params = {}) =>
    withTimeout(
      new Promise((ok) => {
        pending.set(++id, ok);
        session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      }),
      10_000,
      `service worker ${method}`,
    ).then((msg) => {
      if (msg.error) throw new Error(`service worker ${method}: ${msg.error.message}`);
    });
  await send('Network.enable');
  await send('Network.emulateNetworkConditions', { ...NETWORK, offline });
  return session;
}

/**
 * Applies NETWORK to every service worker started from now on, before its script runs
 * (auto-attach, paused on start): a first visit's worker installs over the same weak link
 * as the page, so its precache competes with the page's downloads as it would for real.
 */
async function throttleNewServiceWorkers(session) {
  let id = 0;
  const tell = (sessionId, method, params = {}) =>
    session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
  session.on('Target.attachedToTarget', async (e) => {
    if (e.targetInfo.type !== 'service_worker') return;
    await tell(e.sessionId, 'Network.enable').catch(() => {});
    await tell(e.sessionId, 'Network.emulateNetworkConditions', NETWORK).catch(() => {});
    await tell(e.sessionId, 'Runtime.runIfWaitingForDebugger').catch(() => {});
  });
  // From the page's session: its related targets, the worker it registers included.
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(`${what}: no result within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  let onTotal;
  const total = new Promise((ok) => (onTotal = ok));
  let next = onTotal;
  // Each document calls it once; `arm()` makes the following navigation resolve a new promise.
  await context.exposeFunction('__benchTotal', (t) => next?.(t));
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  const arm = () => new Promise((ok) => (next = ok));
  return { context, page, cdp, errors, total, arm };
}

/** One cold load of the app: fresh context, cache disabled, throttled (its service worker too). */
async function appCold(browser, server) {
  const { context, page, cdp, errors, total } = await newPage(browser);
  try {
    await throttle(cdp, { cacheDisabled: true });
    await throttleNewServiceWorkers(cdp);
    server.stats.bytes = 0;
    await page.goto(server.url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT });
    await withTimeout(total, LOAD_TIMEOUT, 'app cold: [data-testid=total]');
    const bytes = server.stats.bytes;
    const t = await readTimings(page);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { usable: t.total, fcp: t.fcp, bytes };
  } finally {
    await context.close();
  }
}

/**
 * A second visit in the same context, the first one (unthrottled) having installed the SW;
 * `offline`: with the network off for the page and the worker.
 */
async function appWarm(browser, server, { offline = false } = {}) {
  const { context, page, cdp, errors, total, arm } = await newPage(browser);
  let swSession = null;
  try {
    await page.goto(server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await withTimeout(total, LOAD_TIMEOUT, 'app warm, priming visit');
    const sw = await withTimeout(
      page.evaluate(async () => {
        if (!('serviceWorker' in navigator)) return false;
        const reg = await navigator.serviceWorker.ready; // active: install (precache) finished
        return !!reg.active;
      }),
      LOAD_TIMEOUT,
      'service worker ready',
    );
    await throttle(cdp, { cacheDisabled: false, offline });
    // The page's navigation goes through the worker's fetch(), which the page's emulation
    // does not cover: the worker gets the same network conditions.
    swSession = await throttleServiceWorker(browser, cdp, server.url, offline);
    const second = arm();
    server.stats.bytes = 0;
    await page.goto(server.url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT });
    await withTimeout(second, LOAD_TIMEOUT, 'app warm: [data-testid=total]');
    const bytes = server.stats.bytes;
    const t = await readTimings(page);
    const controlled = await page.evaluate(() => !!navigator.serviceWorker?.controller);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { usable: t.total, fcp: t.fcp, bytes, sw: sw && controlled };
  } finally {
    await swSession?.detach().catch(() => {});
    await context.close();
  }
}

/** One cold load of the static page. */
async function staticCold(browser, server) {
  const { context, page, cdp } = await newPage(browser);
  try {
    await throttle(cdp, { cacheDisabled: true });
    server.stats.bytes = 0;
    await page.goto(server.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    const t = await readTimings(page);
    return { fcp: t.fcp, dcl: t.dcl, bytes: server.stats.bytes };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- report
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => (x == null || Number.isNaN(x) ? 'n/a' : Math.round(x).toLocaleString('en-US'));
const summary = (xs) => {
  const v = xs.filter((x) => typeof x === 'number');
  return v.length ? { med: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length } : null;
};
function line(label, xs, bytes) {
  const s = summary(xs);
  const cells = s ? [fmt(s.med), fmt(s.min), fmt(s.max)] : ['n/a', 'n/a', 'n/a'];
  const b = bytes == null ? '' : fmt(median(bytes));
  console.log(`  ${label.padEnd(44)}${cells.map((c) => c.padStart(9)).join('')}${b.padStart(12)}`);
  console.log(`  ${''.padEnd(44)}   runs: ${xs.map(fmt).join(' ')}`);
  return s;
}
const ratio = (a, b) => (a && b ? `${(a.med / b.med).toFixed(2)}x` : 'n/a');

// ---------------------------------------------------------------- main
async function prepareStatic() {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const css = html.match(/<link[^>]+rel="stylesheet"[^>]+href="\/?([^"]+\.css)"/)?.[1]
    ?? (await readdir(DIST)).find((f) => f.endsWith('.css'));
  if (!css) throw new Error(`no stylesheet in ${DIST}`);
  await mkdir(STATIC_DIR, { recursive: true });
  await copyFile(STATIC_SRC, join(STATIC_DIR, 'index.html'));
  await copyFile(join(DIST, css), join(STATIC_DIR, 'main.css'));
  return css;
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html missing: run scripts/bench-size.sh (or trunk build --release) first`);
  }
  const css = await prepareStatic();
  const app = await startServer(DIST);
  const staticServer = await startServer(STATIC_DIR);
  const browser = await launchBrowser();
  try {
    console.log(`== bench-startup: Chromium ${browser.version()}, N=${RUNS} per case, fresh context per run`);
    console.log(`   link: ${NETWORK.latency} ms latency, ${NETWORK.downloadThroughput} B/s down/up (400 kbit/s); CPU ${CPU_RATE}x slower; ${ENCODING}`);
    console.log(`   app:    ${DIST}`);
    console.log(`   static: ${STATIC_DIR} (bench/static-layout/index.html + ${css}, no JS)`);
    const cold = [], warm = [], offline = [], stat_ = [];
    // Interleaved, so a slow phase of the machine hits every case alike.
    for (let i = 0; i < RUNS; i++) {
      process.stderr.write(`run ${i + 1}/${RUNS}: static`);
      stat_.push(await staticCold(browser, staticServer));
      process.stderr.write(', app cold');
      cold.push(await appCold(browser, app));
      process.stderr.write(', app warm');
      warm.push(await appWarm(browser, app));
      process.stderr.write(', app offline\n');
      offline.push(await appWarm(browser, app, { offline: true }));
    }
    console.log();
    console.log(`  ${'case (ms from navigation start)'.padEnd(44)}${['median', 'min', 'max'].map((c) => c.padStart(9)).join('')}${'bytes sent'.padStart(12)}`);
    const appUsable = line('app cold: [data-testid=total] exists', cold.map((r) => r.usable), cold.map((r) => r.bytes));
    const appFcp = line('app cold: first contentful paint', cold.map((r) => r.fcp));
    const warmUsable = line('app warm: [data-testid=total] exists', warm.map((r) => r.usable), warm.map((r) => r.bytes));
    const offUsable = line('app warm offline: [data-testid=total] exists', offline.map((r) => r.usable), offline.map((r) => r.bytes));
    const statFcp = line('static cold: first contentful paint', stat_.map((r) => r.fcp), stat_.map((r) => r.bytes));
    const statDcl = line('static cold: DOMContentLoaded', stat_.map((r) => r.dcl));
    const swOk = warm.filter((r) => r.sw).length;
    const swOff = offline.filter((r) => r.sw).length;
    console.log(`  warm visits controlled by the service worker: ${swOk}/${warm.length}, offline ${swOff}/${offline.length}`);
    console.log();
    console.log('ratios (medians)');
    console.log(`  app cold usable / static FCP        ${ratio(appUsable, statFcp)}`);
    console.log(`  app cold FCP    / static FCP        ${ratio(appFcp, statFcp)}`);
    console.log(`  app warm usable / static FCP        ${ratio(warmUsable, statFcp)}`);
    console.log(`  app cold usable / static DCL        ${ratio(appUsable, statDcl)}`);
    console.log(`  app warm offline usable / static FCP ${ratio(offUsable, statFcp)}`);
    console.log(`  app warm usable / app cold usable   ${ratio(warmUsable, appUsable)}`);
    if (MD) {
      const ms = (s) => (s ? fmt(s.med) : 'n/a');
      const kb = (xs) => (xs.length ? `${fmt(median(xs) / 1000)} kB` : 'n/a');
      const md = [
        `Machine: ${machine()}; Chromium ${browser.version()}, N=${RUNS} runs per case (medians), ${ENCODING}.`,
        `Command: \`node scripts/bench-startup.mjs ${args.filter((a, i) => a !== '--md' && args[i - 1] !== '--md').join(' ')}\` (in \`make bench\`; the app from ${DIST.replace(ROOT + sep, '')}).`,
        `Link: ${NETWORK.latency} ms latency, ${NETWORK.downloadThroughput / 1000} kB/s down and up; CPU ${CPU_RATE}x slower. Usable = \`[data-testid=total]\` exists; static = bench/static-layout (same layout and CSS, no JS), first contentful paint.`,
        '',
        '| case | ms (median) | bytes sent | / static FCP | goal |',
        '|---|---|---|---|---|',
        `| static page cold, FCP | ${ms(statFcp)} | ${kb(stat_.map((r) => r.bytes))} | 1.00x | |`,
        `| app cold, usable | ${ms(appUsable)} | ${kb(cold.map((r) => r.bytes))} | ${ratio(appUsable, statFcp)} | ≤ 3x |`,
        `| app cold, first paint | ${ms(appFcp)} | | ${ratio(appFcp, statFcp)} | |`,
        `| app warm (service worker, throttled link), usable | ${ms(warmUsable)} | ${kb(warm.map((r) => r.bytes))} | ${ratio(warmUsable, statFcp)} | ≤ 1,5x |`,
        `| app warm offline (service worker only), usable | ${ms(offUsable)} | ${kb(offline.map((r) => r.bytes))} | ${ratio(offUsable, statFcp)} | ≤ 1,5x |`,
        '',
        `Warm visits controlled by the service worker: ${swOk}/${warm.length}, offline ${swOff}/${offline.length}.`,
      ].join('\n');
      writeSection(MD, 'Start-up', md);
    }
  } finally {
    await browser.close().catch(() => {});
    await app.close();
    await staticServer.close();
  }
}

main().catch((e) => {
  console.error(`bench-startup: ${e.stack ?? e}`);
  process.exit(1);
});
