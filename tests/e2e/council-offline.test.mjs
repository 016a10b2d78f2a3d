// The council page works offline after one online visit: the service worker precaches
// hoi-dong.html and its own bundle; the imported sheets come back from IndexedDB.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { BUILD } from './lib/fixture-dist.mjs';
import { poll } from './lib/expect.mjs';
import { assertNoPageErrors, usePersistent, waitForController } from './lib/pwa.mjs';
import { Council, SEED_SHEETS } from './lib/council.mjs';

const env = usePersistent(BUILD);

test('after one online visit the council page opens offline, with its sets and the imported sheets', async () => {
  const c = new Council(env.browser.page);
  await c.page.goto(new URL('hoi-dong.html', env.server.url).href);
  await c.ready();
  await waitForController(c);
  // The council's files are cached once this page asks, not by the calculator's install.
  const keys = () => c.page.evaluate(async () => {
    const names = await caches.keys();
    const all = [];
    for (const n of names) for (const r of await (await caches.open(n)).keys()) all.push(new URL(r.url).pathname);
    return all;
  });
  await poll(keys, (k) => k.some((p) => /dti-council-.*_bg\.wasm$/.test(p)) && k.some((p) => p.endsWith('/hoi-dong.html')), 20_000);
  await c.importFiles(SEED_SHEETS.slice(40));
  await poll(() => c.table('huyen').then((t) => t?.rows.length ?? 0), (n) => n === 9);

  await env.server.close();
  await c.reload();
  await c.idle();
  await poll(() => c.table('huyen').then((t) => t?.rows.length ?? 0), (n) => n === 9);
  assert.equal((await c.table('huyen')).average, '546,35');
  assertNoPageErrors(c);
});

test('the calculator\'s service worker does not precache the council page or its bundle', async () => {
  const sw = readFileSync(join(BUILD, 'sw.js'), 'utf8');
  const list = (name) => JSON.parse(sw.match(new RegExp(`const ${name} = (\\[[^\\]]*\\])`))[1]);
  const precache = list('PRECACHE');
  const council = list('COUNCIL');
  assert.ok(precache.includes('index.html') && precache.some((f) => /^dti-app-.*_bg\.wasm$/.test(f)), JSON.stringify(precache));
  assert.ok(!precache.some((f) => /hoi-dong|dti-council|^council-/.test(f)), `precache: ${JSON.stringify(precache)}`);
  assert.ok(council.includes('hoi-dong.html') && council.some((f) => /^dti-council-.*_bg\.wasm$/.test(f)) && council.some((f) => /^loader-/.test(f)), JSON.stringify(council));
  assert.ok(!council.some((f) => precache.includes(f)));
});
