// The council page works offline after one online visit: the service worker precaches
// hoi-dong.html and its own bundle; the imported sheets come back from IndexedDB.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './lib/server.mjs';
import { BUILD } from './lib/fixture-dist.mjs';
import { poll } from './lib/expect.mjs';
import { assertNoPageErrors, launchPersistent, waitForController } from './lib/pwa.mjs';
import { Council, SEED_SHEETS } from './lib/council.mjs';

let server;
let browser;
before(async () => {
  server = await startServer(BUILD);
  browser = await launchPersistent();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('after one online visit the council page opens offline, with its sets and the imported sheets', async () => {
  const c = new Council(browser.page);
  await c.page.goto(new URL('hoi-dong.html', server.url).href);
  await c.ready();
  await waitForController(c);
  await c.importFiles(SEED_SHEETS.slice(40));
  await poll(() => c.table('huyen').then((t) => t?.rows.length ?? 0), (n) => n === 9);

  await server.close();
  await c.reload();
  await c.idle();
  await poll(() => c.table('huyen').then((t) => t?.rows.length ?? 0), (n) => n === 9);
  assert.equal((await c.table('huyen')).average, '546,35');
  assertNoPageErrors(c);
});
