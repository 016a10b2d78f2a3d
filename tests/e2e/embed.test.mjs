// Embedding in a portal of another site: compact layout, set and group from the URL,
// the partitioned-storage notice, and height messages the parent uses to size the frame.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { GROUPS_2022 } from './lib/calculator.mjs';
import { launchBrowser, withBrowserContext } from './lib/harness.mjs';
import { startPageServer, startServer } from './lib/server.mjs';
import { expectChecked, expectCount, expectText, expectTextContains, poll } from './lib/expect.mjs';
import { openFramedApp } from './lib/pwa.mjs';

/** The portal's page: the iframe and the parent's side of the height messages. */
const parentPage = (appOrigin, src) => `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin</title></head>
<body style="margin:0">
<h2>Cổng thông tin điện tử (trang thử)</h2>
<iframe id="dti" src="${src}" title="Tự đánh giá mức độ chuyển đổi số"
  style="width:100%;height:300px;border:0;display:block"></iframe>
<p id="after-frame">Chân trang cổng</p>
<script>
  window.heights = [];
  var frame = document.getElementById('dti');
  window.addEventListener('message', function (e) {
    if (e.origin !== ${JSON.stringify(appOrigin)} || e.source !== frame.contentWindow) return;
    if (!e.data || e.data.type !== 'dti-height' || typeof e.data.height !== 'number') return;
    window.heights.push(e.data.height);
    frame.style.height = e.data.height + 'px';
  });
</script>
</body></html>`;

let app;
let portal;
let browser;
before(async () => {
  app = await startServer(); // http://127.0.0.1:<port1>/
  const appOrigin = new URL(app.url).origin;
  const src = `${appOrigin}/?embed=1&nam=2022&nhom=khong_tthc`;
  portal = await startPageServer({ '/': parentPage(appOrigin, src) }, 'localhost'); // another site
  // The deployed policy, with this test portal among the sites allowed to frame the app.
  app.allowFrameAncestors([new URL(portal.url).origin]);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await portal?.close();
  await app?.close();
});

/** Opens the portal page; returns { page, frame, app, heights(), errors() }. */
async function openPortal(context) {
  const opened = await openFramedApp(context, portal.url);
  const { page } = opened;
  return {
    ...opened,
    heights: () => page.evaluate(() => window.heights.slice()),
    /** The iframe's height in the parent's layout. */
    frameHeight: async () => Math.round((await page.locator('#dti').boundingBox()).height),
  };
}

/** Waits until the parent has received a height above the initial 300 px and sized the frame to it. */
async function settledHeight(portalPage) {
  const seen = await poll(portalPage.heights, (h) => h.length > 0 && h.at(-1) > 300, 10_000);
  assert.ok(seen.length > 0, 'the parent received a dti-height message');
  const h = seen.at(-1);
  assert.ok(h > 300, `a content height larger than the initial frame; heights: ${JSON.stringify(seen)}`);
  assert.equal(await poll(portalPage.frameHeight, (v) => v === h), h, 'iframe height set from the message');
  return { seen, height: h };
}

const withContext = (fn) => withBrowserContext(browser, fn);

test('embedded on another site: compact, preselected, partitioned notice, frame sized to its content', () =>
  withContext(async (context) => {
    const p = await openPortal(context);
    const { frame, app: a } = p;
    assert.match(frame.url(), /^http:\/\/127\.0\.0\.1:\d+\/\?embed=1&nam=2022&nhom=khong_tthc$/);

    // Compact: no site header (no visible h1; a print-only report may hold one) nor
    // footer, but the embed bar with the language toggle.
    await expectCount(frame.locator('h1:visible'), 0);
    await expectCount(frame.locator('.site-header'), 0);
    await expectCount(frame.locator('.site-footer'), 0);
    await expectCount(frame.locator('.embed-bar'), 1);
    // Set and group from the URL.
    await expectChecked(a.groupRadio(GROUPS_2022.khong_tthc), true);
    await expectTextContains(a.totalLine, '/ 750');
    // Another site's frame: storage is partitioned, the app says so.
    await expectCount(frame.getByTestId('partitioned-notice'), 1);
    assert.ok(await frame.getByTestId('partitioned-notice').isVisible(), 'partitioned notice visible');
    await expectTextContains(frame.getByTestId('partitioned-notice'), 'nhúng trong trang của một website khác');

    // Height messages: the frame is sized from them and shows everything without scrolling.
    await settledHeight(p);
    const inner = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
    assert.ok(inner.scroll <= inner.client + 1, `no inner scroll: ${JSON.stringify(inner)}`);
    // Scoring works in the frame.
    await a.pointsInput(20).fill('7');
    await expectText(a.totalLine, 'Tổng điểm 7,00 / 750');
    await p.assertNoErrors();
  }));

test('closing a main indicator section sends a new, smaller height', {
}, () =>
  withContext(async (context) => {
    const p = await openPortal(context);
    const { seen, height } = await settledHeight(p);
    const section = p.frame.locator('details.main-indicator').first();
    await section.locator('> summary').click();
    assert.equal(await section.evaluate((d) => d.open), false, 'the section closed');
    const content = await p.frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    assert.ok(content < height, `the content is now shorter (${content} < ${height})`);
    const after = await poll(p.heights, (h) => h.length > seen.length && h.at(-1) < height);
    assert.ok(after.length > seen.length && after.at(-1) < height, `a smaller height after closing a section; heights: ${JSON.stringify(after)}`);
    assert.equal(await poll(p.frameHeight, (v) => v === after.at(-1)), after.at(-1), 'the frame shrinks');
    await p.assertNoErrors();
  }));
