// The annex CSV reader/writer is a second wasm module (annex-module → annex/), kept out of
// the first visit (issue 15, BENCHMARKS.md "Size"): the page never asks for it until the
// set loader needs it, and once used it also works offline (the service worker keeps it).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './lib/harness.mjs';
import { Calculator } from './lib/calculator.mjs';
import { startServer } from './lib/server.mjs';
import { expectTextContains, expectValue } from './lib/expect.mjs';
import { assertNoPageErrors, launchPersistent, waitForController } from './lib/pwa.mjs';

const app = useApp();

/** Every URL the page fetched so far (the resource timing entries). */
const fetched = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));

async function setCsv(a) {
  await a.page.locator('details.set-loader > summary').click();
  const download = await a.download(a.page.getByTestId('set-csv'));
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

test('a first visit does not download the annex CSV module; the CSV download loads it', async () => {
  const a = await app.open();
  await expectValue(a.setSelect, 'laocai-2022');
  const first = await fetched(a.page);
  assert.ok(first.some((u) => u.endsWith('.wasm')), `the app's wasm is among the fetched files: ${first.join(', ')}`);
  assert.deepEqual(first.filter((u) => u.includes('/annex/')), [], 'no annex/ file before the set loader needs one');
  const csv = await setCsv(a);
  assert.ok(csv.startsWith('\uFEFFMã bộ chỉ số;laocai-2022\n'), csv.slice(0, 80));
  const later = await fetched(a.page);
  assert.ok(later.some((u) => u.endsWith('/annex/dti_annex_bg.wasm')), `annex/dti_annex_bg.wasm fetched: ${later.join(', ')}`);
  await a.done();
});

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchPersistent();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('once used online, the annex CSV module works offline', async () => {
  const a = new Calculator(browser.page);
  await a.page.goto(server.url);
  await a.ready();
  await waitForController(a);
  const csv = await setCsv(a);

  await server.close();
  await a.reload();
  await a.page.locator('details.set-loader > summary').click();
  const edited = csv.replace('Mã bộ chỉ số;laocai-2022', 'Mã bộ chỉ số;laocai-2022-ngoai-tuyen');
  await a.page.locator('#load-set').setInputFiles({ name: 'phu-luc.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) });
  await expectTextContains(a.page.getByTestId('set-message'), 'Đã nạp bộ chỉ số');
  await expectValue(a.setSelect, 'laocai-2022-ngoai-tuyen');
  assertNoPageErrors(a);
});
