// Deployment under a portal sub-path: the default build (relative asset URLs, as the
// README deploys it) served by nginx with deploy/nginx-dti.conf as shipped. The build with
// absolute sub-path URLs (--public-url) is served in storage-sandbox.test.mjs. Content types and caching headers, the app, the
// service worker's scope, and offline use once nginx is gone.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';

import { Calculator } from './lib/calculator.mjs';
import { expectChecked, expectSummary, expectValue } from './lib/expect.mjs';
import { CSP } from './lib/server.mjs';
import {
  SUBPATH, assertNoPageErrors, copyDefaultBuild, launchPersistent, removeDir, startNginx, tempDir, waitForController, waitSaved,
} from './lib/pwa.mjs';

let work;
let dist;
let nginx;
let browser;
before(async () => {
  work = await tempDir('subpath');
  dist = await copyDefaultBuild(join(work, 'dist'));
  nginx = await startNginx(dist);
  browser = await launchPersistent();
}, { timeout: 240_000 });
after(async () => {
  await browser?.close();
  await nginx?.close();
  await removeDir(work);
});

const get = (path) => fetch(nginx.origin + path, { redirect: 'manual' });

test('nginx serves the sub-path build with the right types and caching', async () => {
  const files = await readdir(dist);
  const wasm = files.find((f) => /-[0-9a-f]{1,16}_bg\.wasm$/.test(f));
  const js = files.find((f) => /^dti-app-[0-9a-f]{1,16}\.js$/.test(f));
  const css = files.find((f) => /-[0-9a-f]{1,16}\.css$/.test(f));
  assert.ok(wasm && js && css, `hashed files in the build: ${files.join(', ')}`);

  const index = await get(SUBPATH);
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type'), /^text\/html/);
  // Portals may frame it (frame-ancestors, never X-Frame-Options: DENY).
  assert.match(index.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
  assert.equal(index.headers.get('x-frame-options'), null);
  assert.equal(index.headers.get('content-security-policy'), CSP, 'the strict policy, as in deploy/nginx-dti.conf');
  const html = await index.text();
  // Trunk's loader, moved to a file for the strict policy, names the assets relative to itself.
  const loader = /<script type="module" src="\.\/(loader-[0-9a-f]{16}\.js)"><\/script>/.exec(html)?.[1];
  assert.ok(loader, 'index.html loads the loader file relative to the page');
  const loaderText = await (await get(SUBPATH + loader)).text();
  assert.ok(loaderText.includes(`'./${js}'`) && !loaderText.includes(`'/${js}'`), 'the loader names its assets relative to the page');
  // Relative URLs need the trailing slash: the bare path redirects to it, query kept.
  const bare = await get(SUBPATH.replace(/\/$/, '') + '?embed=1');
  assert.equal(bare.status, 301);
  assert.equal(new URL(bare.headers.get('location'), nginx.origin).pathname + new URL(bare.headers.get('location'), nginx.origin).search, `${SUBPATH}?embed=1`);

  for (const f of [wasm, js, css]) {
    const r = await get(SUBPATH + f);
    assert.equal(r.status, 200, f);
    assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable', `cache-control of ${f}`);
    await r.arrayBuffer();
  }
  // The build's gzip -9 copy is what nginx sends (gzip_static), not a weaker on-the-fly one.
  // (node:http, unlike fetch, leaves the body compressed, so its size can be compared.)
  const sent = await new Promise((ok, fail) => {
    httpGet(nginx.origin + SUBPATH + wasm, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (c) => { bytes += c.length; });
      res.on('end', () => ok({ bytes, encoding: res.headers['content-encoding'] }));
    }).on('error', fail);
  });
  assert.equal(sent.encoding, 'gzip');
  assert.equal(sent.bytes, (await stat(join(dist, `${wasm}.gz`))).size, 'the pre-compressed .gz is served');
  const w = await get(SUBPATH + wasm);
  assert.equal(w.headers.get('content-type'), 'application/wasm');
  assert.equal(new Uint8Array(await w.arrayBuffer()).subarray(0, 4).join(','), '0,97,115,109', 'a wasm module');

  for (const f of ['', 'index.html', 'sw.js', 'sw-register.js', 'embed.js', 'manifest.webmanifest']) {
    const r = await get(SUBPATH + f);
    assert.equal(r.status, 200, SUBPATH + f);
    assert.equal(r.headers.get('cache-control'), 'no-cache', `cache-control of ${SUBPATH + f}`);
    await r.arrayBuffer();
  }
  assert.match((await get(SUBPATH + 'sw.js')).headers.get('content-type'), /^text\/javascript/);
  assert.match((await get(SUBPATH + 'manifest.webmanifest')).headers.get('content-type'), /^application\/manifest\+json/);

  // Indicator sets (files a deployer replaces with `dti sets index`): typed, checked with
  // the server on every use, open to a sandboxed frame.
  const catalogue = await get(SUBPATH + 'sets/index.json');
  assert.equal(catalogue.status, 200);
  assert.match(catalogue.headers.get('content-type'), /^application\/json/);
  assert.equal(catalogue.headers.get('cache-control'), 'no-cache');
  assert.equal(catalogue.headers.get('access-control-allow-origin'), '*');
  const { sets } = await catalogue.json();
  const first = sets.find((s) => s.published);
  const set = await get(`${SUBPATH}sets/${first.file}?v=${first.digest}`);
  assert.equal(set.status, 200);
  assert.equal((await set.json()).id, first.id);
  const csv = await get(`${SUBPATH}sets/${first.published.file}?v=${first.published.digest}`);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  assert.equal(csv.headers.get('cache-control'), 'no-cache');
  await csv.arrayBuffer();
});

test('the app works under the sub-path, the worker\'s scope is the sub-path, and it works offline', async () => {
  const app = new Calculator(browser.page);
  await app.page.goto(nginx.url);
  await app.ready();
  const scope = await waitForController(app);
  assert.equal(scope, nginx.url, 'service worker scope');

  await app.pointsInput(20).fill('12,5');
  await expectSummary(app, { total: '12,50' });
  await waitSaved(app.page, '12,5');

  await nginx.stop();
  await app.reload();
  await expectValue(app.pointsInput(20), '12,5', 'the earlier answer after an offline reload');
  await app.setYesNo('1.3', true);
  await expectSummary(app, { total: '27,50' });
  await waitSaved(app.page, '"1.3"');
  await app.reload();
  await expectValue(app.pointsInput(20), '12,5');
  await expectChecked(app.row('1.3').getByRole('radio', { name: 'Có', exact: true }), true);
  await expectSummary(app, { total: '27,50' });
  assertNoPageErrors(app);
});
