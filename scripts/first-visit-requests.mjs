#!/usr/bin/env node
// What a first visit really requests, in Chromium, against scripts/size-budget.mjs's list:
// every request of a new visitor to DIR/index.html (served with the deployed headers by
// the e2e server), in order, with its time and its size at gzip -9: the page's own
// requests (what size-budget.mjs counts, up to the opened set), then the service worker's
// (its precache and the sets it keeps offline, fetched once the app is usable). A check
// by eye that the static list matches the browser's; it prints, never fails.
//
//   node scripts/first-visit-requests.mjs [DIR]   (default dist/, a release build)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { launchBrowser } from '../tests/e2e/lib/chromium.mjs';
import { startServer } from '../tests/e2e/lib/server.mjs';
import { gzip9 } from './size-budget.mjs';

const root = resolve(process.argv[2] ?? 'dist');
const server = await startServer(root);
const browser = await launchBrowser();
const context = await browser.newContext();
const t0 = Date.now();
const seen = [];
context.on('request', (r) => seen.push({ url: r.url(), at: Date.now() - t0, worker: r.serviceWorker() !== null }));
const page = await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => document.querySelector('[data-testid=total]'), null, { polling: 'raf' });
const shown = Date.now() - t0;
// The service worker installs after the app is usable; give it time to fill its caches.
await page.waitForTimeout(5000);
const sums = { page: 0, worker: 0 };
const done = new Set();
for (const { url, at, worker } of seen) {
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, '') || 'index.html';
  if (done.has(path)) continue;
  done.add(path);
  const file = join(root, path);
  const gz = existsSync(file) ? gzip9(file) : 0;
  sums[worker ? 'worker' : 'page'] += gz;
  console.log(`${String(at).padStart(6)} ms  ${worker ? 'service worker' : 'page          '}  ${String(gz).padStart(8)} B  ${path}`);
}
console.log(`total shown at ${shown} ms`);
console.log(`the page: ${sums.page} B gzip -9; its service worker: ${sums.worker} B; in all ${sums.page + sums.worker} B`);
await browser.close();
server.close();
