#!/usr/bin/env node
// Keystroke benchmark (prints numbers, never fails on them): how long from a keystroke in
// an indicator's field until the summary shows the new total and level, on a generated set
// of 1.000 indicators (scripts/gen-large-set.mjs, validated and indexed by `dti sets index`)
// with 50 drafts in storage, in Chromium with the CPU 4x slower (CDP
// Emulation.setCPUThrottlingRate). Measured in the page: from the input event's timeStamp
// to the MutationObserver callback that sees the summary's total text change ("DOM"), and
// to the next animation frame after it ("frame"). Goal: p95 within one frame (16 ms).
//
//   node scripts/bench-keystroke.mjs [--dist DIR] [--baseline DIR] [--rounds 3]
//                                    [--indicators 1000] [--drafts 50] [--out FILE.json]
//                                    [--md BENCHMARKS.md] [--profile FILE.cpuprofile] [--trace]
//
// Cases, in one run: "small" (the same build, a generated set of 40 indicators, the size
// of a real group, and one draft: the baseline served in the same run), "large" (1.000
// indicators, 50 drafts), and with --baseline DIR (e.g. main's build) "large" again on that
// build, and "floor": the large case's page as the app rendered it (its DOM and stylesheet,
// 1.000 rows), saved as static HTML with the app's scripts removed and a few lines of plain
// JavaScript that sum the fields and write the total and level on each input: what the
// browser and this harness cost per keystroke on the same layout, with no app at all.
// DIST defaults to target/bench/app-dist (built by scripts/bench-size.sh) or else
// dist/. Each build is copied to a temp dir whose
// sets/ holds only the generated set; service workers are blocked (no precache noise).
// Typing: 20 points fields spread over the set, "1" then Backspace in each (each keystroke
// changes the total), 150 ms apart, a 600 ms pause after every field so the debounced save
// runs between keystrokes as it would when a person pauses; --rounds times.
// --trace: a Performance trace of the large case's typing, summed per keystroke by event
// (Layout, Paint, style, event dispatch, …): where the time goes outside the app's code.
// Also reported: the bytes each save writes to localStorage (the drafts' keys and their
// head, `dti.workspace`, counted together per save: the writes of one task) and the longest
// task, both while typing; what was written between loading and typing (an older build's
// single value rewritten, once) is reported apart as "before typing".

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';

import { GROUP, largeSet, pointsCodes, workspace } from './gen-large-set.mjs';
import { machine, writeSection } from './bench-md.mjs';
import { appDist, args, CPU_RATE, fileFor, launchBrowser, opt, optPath, ROOT, slowCpu } from './lib/bench.mjs';

const DIST = appDist();
const BASELINE = optPath('--baseline');
const ROUNDS = Math.max(1, Number.parseInt(opt('--rounds', '3'), 10) || 3);
const N = Number.parseInt(opt('--indicators', '1000'), 10);
const DRAFTS = Number.parseInt(opt('--drafts', '50'), 10);
const OUT = optPath('--out');
const MD = optPath('--md');
// --profile FILE: a CPU profile (.cpuprofile, for Chromium's DevTools) of the app's typing.
const PROFILE = optPath('--profile');
const TRACE = args.includes('--trace');
const TRACED = ['EventDispatch', 'FunctionCall', 'RunMicrotasks', 'TimerFire', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'MajorGC', 'MinorGC'];
const FIELDS = 20;
const GAP_MS = 150;
const PAUSE_MS = 600;

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.xlsx': 'application/octet-stream',
};

function serve(root) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const file = await fileFor(base, req.url);
    if (typeof file === 'number') return void res.writeHead(file).end();
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(await readFile(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })));
}

/** `dti` to validate and index the generated set (the debug build the tests use, else cargo). */
function dti(...a) {
  const bin = join(ROOT, 'target/debug/dti');
  if (existsSync(bin)) return execFileSync(bin, a, { encoding: 'utf8' });
  return execFileSync('cargo', ['run', '--quiet', '-p', 'dti-engine', '--bin', 'dti', '--', ...a], { cwd: ROOT, encoding: 'utf8' });
}

/** A copy of `dist` serving only the generated set; returns its dir and the set's digest. */
function prepare(dist, set) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html missing: build first`);
  const dir = mkdtempSync(join(tmpdir(), 'dti-bench-keys-'));
  cpSync(dist, dir, { recursive: true, filter: (src) => !/\.(gz|br)$/.test(src) });
  rmSync(join(dir, 'sets'), { recursive: true, force: true });
  mkdirSync(join(dir, 'sets'));
  writeFileSync(join(dir, 'sets', `${set.id}.json`), JSON.stringify(set));
  dti('sets', 'index', join(dir, 'sets')); // exits non-zero (throws) if the set is invalid
  const index = JSON.parse(readFileSync(join(dir, 'sets', 'index.json'), 'utf8'));
  const digest = index.sets.find((s) => s.id === set.id)?.digest;
  if (!digest) throw new Error('generated set missing from the catalogue');
  return { dir, digest };
}

// In the page, before the app: the save's writes and long tasks.
const INIT = `(() => {
  const b = (window.__bench = { writes: [], longest: 0 });
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const t = performance.now();
    set.call(this, k, v);
    if (k !== 'dti.workspace' && !String(k).startsWith('dti.draft.')) return;
    // One save is the writes of one task: a new entry until the microtasks run.
    if (!b.open) {
      b.open = { bytes: 0, ms: 0, keys: 0 };
      b.writes.push(b.open);
      queueMicrotask(() => (b.open = null));
    }
    b.open.bytes += String(v).length;
    b.open.ms += performance.now() - t;
    b.open.keys++;
  };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longest = Math.max(b.longest, e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** Arms the measurement of the next keystroke; resolves with [DOM ms, frame ms]. */
const ARM = () => {
  const summary = document.querySelector('#summary');
  const total = () => summary.querySelector('[data-testid=total]')?.textContent ?? '';
  const level = () => summary.querySelector('[data-testid=level]')?.textContent ?? '';
  const before = total();
  window.__key = new Promise((done) => {
    let t0 = null;
    const onInput = (e) => (t0 = e.timeStamp);
    window.addEventListener('input', onInput, { capture: true, once: true });
    const obs = new MutationObserver(() => {
      if (total() === before || !level()) return;
      const t1 = performance.now();
      obs.disconnect();
      requestAnimationFrame(() => done([t1 - t0, performance.now() - t0, total()]));
    });
    obs.observe(summary, { subtree: true, childList: true, characterData: true });
    setTimeout(() => (obs.disconnect(), done(null)), 10_000);
  });
};

// The floor page's whole logic: the total of the fields and a level, written on each input.
const FLOOR_SCRIPT = `<script>
const total = document.querySelector('#summary [data-testid=total]');
const level = document.querySelector('#summary [data-testid=level]');
const fields = [...document.querySelectorAll('input[id^="f-"][id$="-value"]')];
document.addEventListener('input', () => {
  let sum = 0;
  for (const f of fields) { const v = Number.parseFloat(f.value.replace(',', '.')); if (v === v) sum += v; }
  total.textContent = sum.toFixed(2).replace('.', ',');
  level.textContent = sum > 750 ? 'Dẫn dắt' : sum > 500 ? 'Nâng cao' : sum > 250 ? 'Hình thành' : 'Khởi động';
});
</script>`;

/** The rendered page as static HTML: no script, no preload of the app's files. */
const SNAPSHOT = () => {
  const doc = document.documentElement.cloneNode(true);
  for (const el of doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]')) el.remove();
  return '<!doctype html>\n' + doc.outerHTML;
};

async function run(browser, name, dist, set, drafts) {
  const { dir, digest } = prepare(dist, set);
  const server = await serve(dir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', serviceWorkers: 'block' });
  try {
    const codes = pointsCodes(set, FIELDS);
    const stored = JSON.stringify(workspace(set, digest, { count: drafts, keep: codes }));
    await context.addInitScript(INIT);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.evaluate(([ws]) => {
      localStorage.clear();
      localStorage.setItem('dti.workspace', ws);
      sessionStorage.setItem('dti.open', '0');
    }, [stored]);
    const t0 = Date.now();
    await page.reload();
    await page.locator('#summary [data-testid=level]').waitFor({ timeout: 120_000 });
    await page.locator(`#f-${codes[0].replaceAll('.', '\\.')}-value`).waitFor({ timeout: 120_000 });
    let loadMs = Date.now() - t0;
    if (name === 'floor') {
      const html = (await page.evaluate(SNAPSHOT)).replace('</body>', `${FLOOR_SCRIPT}</body>`);
      writeFileSync(join(dir, 'floor.html'), html);
      const t1 = Date.now();
      await page.goto(`${server.url}floor.html`);
      await page.locator('#summary [data-testid=level]').waitFor({ timeout: 30_000 });
      loadMs = Date.now() - t1;
    }
    const cdp = await context.newCDPSession(page);
    await slowCpu(cdp);
    await page.waitForTimeout(1000);
    const before = await page.evaluate(() => {
      const b = window.__bench;
      const out = { saves: b.writes.length, chars: b.writes.reduce((a, w) => a + w.bytes, 0), longest: b.longest };
      b.writes = [];
      b.longest = 0;
      return out;
    });
    if (PROFILE && name === 'large') {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    if (TRACE && name === 'large') {
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
    }
    const dom = [], frame = [];
    let missed = 0;
    for (let r = 0; r < ROUNDS; r++) {
      for (const code of codes) {
        const field = page.locator(`#f-${code.replaceAll('.', '\\.')}-value`);
        await field.focus();
        for (const key of ['1', 'Backspace']) {
          await page.evaluate(ARM);
          await page.keyboard.press(key);
          const m = await page.evaluate(() => window.__key);
          if (m) {
            dom.push(m[0]);
            frame.push(m[1]);
          } else missed++;
          await page.waitForTimeout(GAP_MS);
        }
        await page.waitForTimeout(PAUSE_MS);
      }
    }
    if (PROFILE && name === 'large') writeFileSync(PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    let trace = null;
    if (TRACE && name === 'large') {
      const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
      trace = {};
      for (const e of events) {
        if (e.ph !== 'X' || !TRACED.includes(e.name)) continue;
        trace[e.name] = (trace[e.name] ?? 0) + e.dur / 1000;
      }
    }
    const b = await page.evaluate(() => window.__bench);
    if (errors.length) throw new Error(`${name}: page errors: ${errors.join('; ')}`);
    return { name, dist, set: set.id, drafts, dom, frame, missed, loadMs, writes: b.writes, longest: b.longest, before, trace };
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

function report(r) {
  const bytes = r.writes.map((w) => w.bytes);
  console.log(`  ${r.name}: ${r.set}, ${r.drafts} draft(s), ${r.dist}`);
  console.log(`    ${r.dom.length} keystrokes (${r.missed} without a change seen), app ready in ${(r.loadMs / 1000).toFixed(1)} s (unthrottled)`);
  console.log(`    input → total/level in the DOM   p50 ${f1(pct(r.dom, 50))} ms   p95 ${f1(pct(r.dom, 95))} ms   max ${f1(Math.max(...r.dom))} ms`);
  console.log(`    input → next frame               p50 ${f1(pct(r.frame, 50))} ms   p95 ${f1(pct(r.frame, 95))} ms   max ${f1(Math.max(...r.frame))} ms`);
  console.log(`    saves: ${r.writes.length}, ${bytes.length ? Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length).toLocaleString('en-US') : 0} chars each on average; longest task ${f1(r.longest)} ms`);
  console.log(`    before typing: ${r.before.saves} save(s), ${r.before.chars.toLocaleString('en-US')} chars; longest task ${f1(r.before.longest)} ms`);
  if (r.trace) {
    const keys = r.dom.length + r.missed;
    console.log(`    trace, ms per keystroke (saves and the harness's focus included): ${Object.entries(r.trace).sort((a, b) => b[1] - a[1]).map(([k, ms]) => `${k} ${f1(ms / keys)}`).join(', ')}`);
  }
}

const ratio = (a, b, p, k = 'dom') => (pct(a[k], p) / pct(b[k], p)).toFixed(2) + 'x';

function markdown(results, chromium) {
  const row = (r) =>
    `| ${r.name} | ${r.set}, ${r.drafts} draft(s) | ${f1(pct(r.dom, 50))} | ${f1(pct(r.dom, 95))} | ${f1(pct(r.frame, 50))} | ${f1(pct(r.frame, 95))} | ${r.dom.length} | ${r.writes.length} × ${r.writes.length ? Math.round(r.writes.reduce((a, w) => a + w.bytes, 0) / r.writes.length).toLocaleString('en-US') : 0} | ${f1(r.longest)} |`;
  const by = Object.fromEntries(results.map((r) => [r.name, r]));
  const lines = [
    `Machine: ${machine()}; Chromium ${chromium}, CPU ${CPU_RATE}x slower (CDP Emulation.setCPUThrottlingRate).`,
    `Command: \`node scripts/bench-keystroke.mjs ${args.filter((a, i) => a !== '--md' && args[i - 1] !== '--md').join(' ')}\` (in \`make bench\`).`,
    '',
    'Keystroke (one "1" or Backspace in a points field, each changing the total) to the summary\'s',
    'total and level updated in the DOM (MutationObserver) and to the next animation frame; ms.',
    '',
    '| case | set | DOM p50 | DOM p95 | frame p50 | frame p95 | keys | saves × chars | longest task |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(row),
    '',
  ];
  if (by.large && by.small) lines.push(`large / small (same build, same run): p50 ${ratio(by.large, by.small, 50)}, p95 ${ratio(by.large, by.small, 95)}.`);
  if (by.large && by.baseline) lines.push(`large / baseline build: p50 ${ratio(by.large, by.baseline, 50)}, p95 ${ratio(by.large, by.baseline, 95)} (DOM); p95 ${ratio(by.large, by.baseline, 95, 'frame')} (frame).`);
  if (by.large && by.floor) lines.push(`large / floor (the same page, static, a plain JavaScript total; same run): p50 ${ratio(by.large, by.floor, 50)}, p95 ${ratio(by.large, by.floor, 95)} (DOM); p95 ${ratio(by.large, by.floor, 95, 'frame')} (frame).`);
  if (by.large) lines.push(`Goal p95 ≤ 16 ms (one frame): ${pct(by.large.dom, 95) <= 16 ? 'met' : 'not met'} (DOM p95 ${f1(pct(by.large.dom, 95))} ms).`);
  return lines.join('\n');
}

async function main() {
  const set = largeSet(N);
  const small = largeSet(40);
  console.log(`== bench-keystroke: ${N} indicators (${set.id}, group ${GROUP}), ${DRAFTS} drafts in storage, CPU ${CPU_RATE}x slower`);
  console.log(`   up to ${FIELDS} points fields x ("1", Backspace) x ${ROUNDS} rounds; ${GAP_MS} ms between keys, ${PAUSE_MS} ms pause per field`);
  const browser = await launchBrowser();
  const results = [];
  const chromiumVersion = browser.version();
  try {
    console.log(`   Chromium ${chromiumVersion}`);
    results.push(await run(browser, 'small', DIST, small, 1));
    if (BASELINE) results.push(await run(browser, 'baseline', BASELINE, set, DRAFTS));
    results.push(await run(browser, 'large', DIST, set, DRAFTS));
    results.push(await run(browser, 'floor', DIST, set, DRAFTS));
  } finally {
    await browser.close();
  }
  for (const r of results) report(r);
  const md = markdown(results, chromiumVersion);
  console.log();
  console.log(md);
  if (MD) writeSection(MD, 'Keystroke', md);
  if (OUT) {
    const summary = results.map((r) => ({
      name: r.name, dist: r.dist, set: r.set, drafts: r.drafts, keystrokes: r.dom.length, missed: r.missed,
      dom: { p50: pct(r.dom, 50), p95: pct(r.dom, 95), max: Math.max(...r.dom) },
      frame: { p50: pct(r.frame, 50), p95: pct(r.frame, 95), max: Math.max(...r.frame) },
      saves: r.writes.length, save_chars: r.writes.length ? Math.round(r.writes.reduce((a, w) => a + w.bytes, 0) / r.writes.length) : 0,
      longest_task: r.longest, before_typing: r.before,
    }));
    writeFileSync(OUT, JSON.stringify({ indicators: N, drafts: DRAFTS, cpu: CPU_RATE, chromium: chromiumVersion, results: summary }, null, 1));
  }
}

main().catch((e) => {
  console.error(`bench-keystroke: ${e.stack ?? e}`);
  process.exit(1);
});
