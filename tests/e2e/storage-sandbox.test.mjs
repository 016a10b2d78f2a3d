// No storage at all: the sheet still leaves the browser as a file or as text. (a) storage
// that throws, with the download and text views; (b) the nginx-served app inside a
// sandboxed iframe without allow-same-origin (opaque origin: no storage, no worker).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { launchBrowser, refuseStorage, useApp, withBrowserContext } from './lib/harness.mjs';
import { expectCount, expectSummary, expectText, expectTextContains, poll } from './lib/expect.mjs';
import {
  SUBPATH, assertNoPageErrors, buildSubpath, calculatorInFrame, recordFrameErrors, removeDir, startNginx, tempDir,
} from './lib/pwa.mjs';

const app = useApp();


let work;
let nginx;
let browser;
before(async () => {
  work = await tempDir('sandbox');
  const dist = await buildSubpath(join(work, 'dist'));
  // The portal's page, on the same origin as the app (the shipped CSP allows 'self').
  await mkdir(join(work, 'portal'));
  await writeFile(
    join(work, 'portal', 'sandbox-parent.html'),
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Cổng (khung hạn chế)</title></head>
<body><h2>Trang cổng</h2>
<iframe id="dti" sandbox="allow-scripts allow-downloads" src="${SUBPATH}?embed=1"
  title="Tự đánh giá mức độ chuyển đổi số" style="width:100%;height:800px;border:0"></iframe>
</body></html>`,
  );
  nginx = await startNginx(dist, {
    extra: `location = /sandbox-parent.html { root ${join(work, 'portal')}; add_header Cache-Control "no-store" always; }\n`,
  });
  browser = await launchBrowser();
}, { timeout: 240_000 });
after(async () => {
  await browser?.close();
  await nginx?.close();
  await removeDir(work);
});

test('storage that throws: notice, scoring, the sheet downloads as JSON and shows as text', async () => {
  const a = await app.open({ initScript: refuseStorage });
  await expectCount(a.storageNotice, 1);
  await a.agency.fill('Sở Y tế');
  await a.pointsInput(20).fill('12,5');
  await a.setYesNo('1.3', true);
  await expectSummary(a, { total: '27,50' });

  const [download] = await Promise.all([
    a.page.waitForEvent('download', { timeout: 10_000 }),
    a.page.getByRole('button', { name: 'Tải phiếu về máy (JSON)', exact: true }).click(),
  ]);
  assert.equal(await download.failure(), null, 'the download completed');
  assert.match(download.suggestedFilename(), /^dti-.*\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  const sheet = JSON.parse(text);
  assert.equal(sheet.agency, 'Sở Y tế');
  assert.equal(sheet.group, 'co_tthc');
  assert.ok(JSON.stringify(sheet.entries['1.5']).includes('12,5'), `1.5 answered 12,5: ${JSON.stringify(sheet.entries['1.5'])}`);
  assert.ok(sheet.entries['1.3'], 'the 1.3 answer is in the file');

  await a.page.getByRole('button', { name: 'Hiện JSON để sao chép', exact: true }).click();
  const area = a.page.locator('#sheet-text');
  await expectCount(area, 1);
  const shown = await poll(() => area.inputValue(), (v) => v.includes('12,5'));
  assert.deepEqual(JSON.parse(shown), sheet, 'the text view holds the same sheet as the file');
  await a.done();
});

/** Opens the portal page with the sandboxed frame; the app rendered inside. */
async function openSandboxed(context) {
  await context.addInitScript(recordFrameErrors);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  await page.goto(`${nginx.origin}/sandbox-parent.html`);
  const frame = await (await page.locator('#dti').elementHandle()).contentFrame();
  const a = calculatorInFrame(frame);
  await a.ready();
  assert.equal(await frame.evaluate(() => self.origin), 'null', 'the frame has an opaque origin');
  return { page, frame, app: a, assertNoErrors: async () => assertNoPageErrors({ pageErrors }, await frame.evaluate(() => window.__dtiErrors)) };
}

const withContext = (fn) => withBrowserContext(browser, fn);

test('inside a sandboxed iframe (opaque origin): renders, says storage is off, scores, no error', {
}, () =>
  withContext(async (context) => {
    const { frame, app: a, assertNoErrors } = await openSandboxed(context);
    await expectCount(a.storageNotice, 1);
    await expectTextContains(a.storageNotice, 'Trình duyệt không cho lưu dữ liệu');
    await a.pointsInput(20).fill('12,5');
    await a.setYesNo('1.3', true);
    await expectSummary(a, { total: '27,50' });
    await expectText(a.earned('1.5'), '12,50');
    assert.equal(await frame.locator('#sw-update').count(), 0);
    await assertNoErrors();
  }));

test('inside a sandboxed iframe the stylesheet applies', {
}, () =>
  withContext(async (context) => {
    const { frame } = await openSandboxed(context);
    const display = await poll(() => frame.evaluate(() => getComputedStyle(document.querySelector('main.layout')).display), (v) => v === 'grid');
    assert.equal(display, 'grid', 'main.css is applied in the sandboxed frame (.layout is a grid)');
  }));
