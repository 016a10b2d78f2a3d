// The service worker answers only the app's own pages from its cache: the folder URL and
// index.html (and hoi-dong.html once a build has it). Any other page or file in its scope
// goes to the network untouched. When the server fails (5xx) or is gone, the app's page
// comes from the cache.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

import { Calculator } from './lib/calculator.mjs';
import { CSP, DIST } from './lib/server.mjs';
import { expectSummary } from './lib/expect.mjs';
import { assertNoPageErrors, launchPersistent, waitForController } from './lib/pwa.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png' };

let server;
let origin;
let mode = 'ok'; // 'ok' | '500' (the app's page fails on the server)
const hits = [];
let browser;

before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    hits.push(path);
    if (path === '/other.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }).end('<!DOCTYPE html><title>Khác</title><p id="other">Trang khác của website</p>');
      return;
    }
    if ((path === '/' || path === '/index.html') && mode === '500') {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
      return;
    }
    try {
      const body = await readFile(join(DIST, path === '/' ? 'index.html' : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path || '.html')] ?? TYPES['.html'], 'cache-control': 'no-store', 'content-security-policy': CSP }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('không có trang này');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchPersistent();
});
after(async () => {
  await browser?.close();
  await new Promise((ok) => server.close(ok));
});

test('other pages in scope go to the network; the app\'s page falls back to the cache on 5xx', async () => {
  const app = new Calculator(browser.page);
  await app.page.goto(`${origin}/`);
  await app.ready();
  await waitForController(app);
  await app.field('1.5').fill('12,5');
  await expectSummary(app, { total: '12,50' });

  // Another page of the website, under the worker's scope: the server's page, not the app.
  hits.length = 0;
  const other = await app.page.goto(`${origin}/other.html`);
  assert.equal(other.status(), 200);
  assert.equal(await app.page.locator('#other').textContent(), 'Trang khác của website');
  assert.ok(hits.includes('/other.html'), 'asked of the server');
  // A missing page stays missing (the server's 404), not the calculator.
  const missing = await app.page.goto(`${origin}/van-ban/khong-co.html`);
  assert.equal(missing.status(), 404);
  assert.equal(await app.page.locator('body').innerText(), 'không có trang này');

  // The app's page while the server fails: the cached copy, with the draft.
  mode = '500';
  hits.length = 0;
  await app.page.goto(`${origin}/?nam=2022`);
  await app.ready();
  await expectSummary(app, { total: '12,50' });
  assert.ok(hits.includes('/'), 'the network was asked first');
  await app.page.goto(`${origin}/index.html`);
  await app.ready();
  await expectSummary(app, { total: '12,50' });
  mode = 'ok';
  assertNoPageErrors(app);
});
