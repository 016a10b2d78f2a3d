// Upgrades: a new deployment is offered ("Có phiên bản mới." + "Tải lại"), never forced.
// The running build stays until the user accepts; accepting reloads into the new build
// with the draft intact; the same build served again offers nothing.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { Calculator } from './lib/calculator.mjs';
import { DIST, startSwitchableServer } from './lib/server.mjs';
import { expectCount, expectSummary, expectText, expectValue, poll } from './lib/expect.mjs';
import { assertNoPageErrors, launchPersistent, makeBuild2, removeDir, swVersion, tempDir, waitForController, waitSaved } from './lib/pwa.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let work;
let build2;
let server;
const browsers = new Set();
before(async () => {
  work = await tempDir('upgrade');
  build2 = await makeBuild2(DIST, join(work, 'build2'));
  assert.notEqual(await swVersion(build2), await swVersion(DIST), 'build 2 has its own service worker version');
  server = await startSwitchableServer(DIST);
});
after(async () => {
  for (const b of browsers) await b.close();
  await server?.close();
  await removeDir(work);
});

const notice = (app) => app.page.locator('#sw-update');
const marker = (app) => app.page.locator('#build-marker');

/** Build 1 served, a visit, the service worker in control, a draft answer saved. */
async function visitBuild1() {
  await server.setRoot(DIST);
  const browser = await launchPersistent();
  browsers.add(browser);
  const app = new Calculator(browser.page);
  app.browser = browser;
  await app.page.goto(server.url);
  await app.ready();
  await waitForController(app);
  await expectCount(marker(app), 0);
  await app.pointsInput(20).fill('12,5');
  await expectSummary(app, { total: '12,50' });
  await waitSaved(app.page, '12,5');
  return app;
}

async function finish(app) {
  assertNoPageErrors(app);
  browsers.delete(app.browser);
  await app.browser.close();
}

test('a new deployment is offered, and the running build stays until the user accepts', {
}, async () => {
  const app = await visitBuild1();
  await server.setRoot(build2);
  await app.reload();
  await expectText(notice(app).locator('span'), 'Có phiên bản mới.');
  await expectCount(marker(app), 0, 'build 1 still runs while the upgrade is only offered');
  await finish(app);
});

test('the upgrade never reloads by itself; "Tải lại" moves to build 2 with the draft; no notice after', async () => {
  const app = await visitBuild1();
  await server.setRoot(build2);
  await app.reload();
  await expectText(notice(app).locator('span'), 'Có phiên bản mới.');
  await expectCount(notice(app).getByRole('button', { name: 'Tải lại', exact: true }), 1);
  await expectValue(app.pointsInput(20), '12,5');

  // Typing is never interrupted: no reload while the notice waits.
  await app.page.evaluate(() => (window.__sameDocument = true));
  await app.agency.fill('Sở Tư pháp (đang gõ)');
  await sleep(3_000);
  assert.equal(await app.page.evaluate(() => window.__sameDocument), true, 'the page did not reload on its own');
  await expectValue(app.agency, 'Sở Tư pháp (đang gõ)');
  await waitSaved(app.page, 'đang gõ');

  // Accepting: the new worker takes over and the page reloads into build 2.
  const reloaded = app.page.waitForEvent('load', { timeout: 15_000 });
  await notice(app).getByRole('button', { name: 'Tải lại', exact: true }).click();
  await reloaded;
  await app.ready();
  await expectText(marker(app), 'Bản dựng 2');
  assert.equal(await app.page.evaluate(() => window.__sameDocument), undefined, 'a new document');
  await expectValue(app.pointsInput(20), '12,5', 'the draft survives the upgrade');
  await expectValue(app.agency, 'Sở Tư pháp (đang gõ)');
  await expectSummary(app, { total: '12,50' });
  await expectCount(notice(app), 0);
  const version2 = await swVersion(build2);
  // The sets' cache (dti-sets) follows the catalogue, not the build: it stays.
  const active = await poll(
    () => app.page.evaluate(async () => (await caches.keys()).filter((k) => k !== 'dti-sets')),
    (keys) => keys.length === 1 && keys[0] === `dti-${version2}`,
  );
  assert.deepEqual(active, [`dti-${version2}`], 'only build 2\'s cache is left');

  // The same build again: nothing to offer.
  await app.reload();
  await expectText(marker(app), 'Bản dựng 2');
  await app.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await sleep(1_000);
  await expectCount(notice(app), 0, 'no notice when the deployment did not change');
  await finish(app);
});
