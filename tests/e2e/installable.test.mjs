// Installable: once the service worker controls the page, Chromium reports no
// installability error, and the manifest names the app.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { Calculator } from './lib/calculator.mjs';
import { assertNoPageErrors, usePersistent, waitForController } from './lib/pwa.mjs';

const env = usePersistent();

test('no installability error; the manifest is the calculator\'s', async () => {
  const app = new Calculator(env.browser.page);
  await app.page.goto(env.server.url);
  await app.ready();
  await waitForController(app);

  const cdp = await env.browser.context.newCDPSession(app.page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, [], 'Chromium finds the app installable');

  const manifest = await cdp.send('Page.getAppManifest');
  assert.equal(new URL(manifest.url).pathname, '/manifest.webmanifest');
  assert.deepEqual(manifest.errors, [], 'the manifest parses without errors');
  const data = JSON.parse(manifest.data);
  assert.ok(data.name.normalize('NFC').includes('chuyển đổi số'.normalize('NFC')), `manifest name: ${data.name}`);
  assert.equal(data.display, 'standalone');
  assert.ok(data.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'), 'a 512 px PNG icon');
  await cdp.detach();
  assertNoPageErrors(app);
});
