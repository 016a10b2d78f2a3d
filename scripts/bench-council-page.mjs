#!/usr/bin/env node
// Council page benchmark (prints numbers, never fails on them): N generated sheets (default
// 10.000, laocai-2022, written by the engine's example `council_sheets random`) imported at
// once through the page's file input in Chromium, against a baseline of N/10 sheets in the
// same run. Per case, a fresh browser context (empty IndexedDB):
//   import    from the input's change event until the ranked tables count every sheet
//             (read, recognised, saved in IndexedDB, ranked, drawn: 500 rows per group on
//             screen, every row in the print view), in the page's clock
//   longest   the longest gap between two animation frames meanwhile: how long the page
//             was unresponsive at worst (the import yields to the browser between chunks)
//   progress  how many distinct progress values the page showed
//   reload    after a reload, until the same tables are back from IndexedDB
//
//   node scripts/bench-council-page.mjs [--sheets 10000] [--dist DIR]

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { startServer } from '../tests/e2e/lib/server.mjs';
import { launchBrowser, opt, ROOT } from './lib/bench.mjs';

const N = Math.max(10, Number.parseInt(opt('--sheets', '10000'), 10) || 10000);
const DIST = resolve(opt('--dist', join(ROOT, 'dist')));
const fmt = (ms) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;

function sheets(n) {
  const dir = join(ROOT, `target/bench/council-${n}`);
  const done = existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.json')).length === n;
  if (!done) {
    const path = `${join(process.env.HOME ?? '/root', '.cargo/bin')}:${process.env.PATH}`;
    execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'dti-engine', '--example', 'council_sheets', '--', 'random', String(n), dir], {
      cwd: ROOT,
      env: { ...process.env, PATH: path },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
}

/** In the page: watches frames and progress until `n` ranked rows are on screen. */
function watch(n) {
  return new Promise((done) => {
    const w = { start: null, last: performance.now(), maxGap: 0, progress: new Set() };
    document.addEventListener('change', () => { w.start = performance.now(); w.last = w.start; }, { capture: true, once: true });
    const frame = () => {
      const now = performance.now();
      if (w.start !== null) w.maxGap = Math.max(w.maxGap, now - w.last);
      w.last = now;
      const p = document.querySelector('[data-testid="import-progress"]');
      if (p) w.progress.add(p.textContent);
      const rows = [...document.querySelectorAll('[data-testid="ranked-tables"] table[data-rows]')].reduce((a, t) => a + Number(t.dataset.rows), 0);
      if (w.start !== null && !p && rows === n) done({ ms: now - w.start, maxGap: w.maxGap, progress: w.progress.size });
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** In the page, after a reload: until `n` ranked rows are back. */
function restored(n) {
  return new Promise((done) => {
    const frame = () => {
      const rows = [...document.querySelectorAll('[data-testid="ranked-tables"] table[data-rows]')].reduce((a, t) => a + Number(t.dataset.rows), 0);
      if (rows === n && !document.querySelector('[data-testid="import-progress"]')) done(performance.now());
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

async function run(browser, url, files) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30 * 60_000);
    await page.goto(url);
    await page.locator('#council-set option[value="laocai-2022"]').waitFor({ state: 'attached' });
    const result = page.evaluate(watch, files.length);
    await page.locator('#council-files').setInputFiles(files);
    const r = await result;
    await page.reload();
    r.reload = await page.evaluate(restored, files.length);
    return r;
  } finally {
    await context.close();
  }
}

const all = sheets(N);
const base = all.slice(0, Math.floor(N / 10));
const server = await startServer(DIST);
const browser = await launchBrowser();
try {
  const url = new URL('hoi-dong.html', server.url).href;
  const b = await run(browser, url, base);
  const m = await run(browser, url, all);
  const line = (label, r, n) =>
    `${label.padEnd(22)} import ${fmt(r.ms).padStart(9)}  (${(r.ms / n).toFixed(2).replace('.', ',')} ms/sheet)  longest frame ${Math.round(r.maxGap)} ms  progress steps ${r.progress}  reload ${fmt(r.reload)}`;
  console.log(`Council page, Chromium headless, ${DIST}`);
  console.log(line(`baseline ${base.length}`, b, base.length));
  console.log(line(`${N} sheets`, m, N));
  console.log(`ratio ${N} / ${base.length}: import ${(m.ms / b.ms).toFixed(1).replace('.', ',')}×, reload ${(m.reload / b.reload).toFixed(1).replace('.', ',')}× (linear would be ${(N / base.length).toFixed(0)}×)`);
} finally {
  await browser.close();
  await server.close();
}
