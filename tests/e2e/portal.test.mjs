// The total always in view when embedded: deploy/portal-example.html, served from another
// site exactly as shipped (only the app's address replaced), with a field in the middle of
// the form focused — the frame as tall as the window (the app scrolls inside), and the
// auto-sized frame with deploy/portal-summary.js's sticky summary in the portal page.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { launchBrowser } from './lib/harness.mjs';
import { startPageServer, startServer } from './lib/server.mjs';
import { expectText, poll } from './lib/expect.mjs';
import { ROOT, openFramedApp } from './lib/pwa.mjs';

const EXAMPLE_SRC = 'https://dti.example.gov.vn/chuyen-doi-so/dti/';

let app;
let browser;
const portals = [];
before(async () => {
  app = await startServer(); // http://127.0.0.1:<port>/
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const p of portals) await p.close();
  await app?.close();
});

/** Serves the shipped example on another site (localhost), pointing at the test app. */
async function portalSite({ autosize }) {
  let html = await readFile(`${ROOT}/deploy/portal-example.html`, 'utf8');
  assert.ok(html.includes(`src="${EXAMPLE_SRC}?embed=1`), 'the example has a literal iframe src with ?embed=1');
  assert.ok(html.includes('<script src="portal-summary.js"'), 'the script by a relative path');
  html = html.replace(EXAMPLE_SRC, app.url);
  if (autosize) html = html.replace('<iframe data-dti ', '<iframe data-dti data-dti-autosize ');
  const script = await readFile(`${ROOT}/deploy/portal-summary.js`, 'utf8');
  const site = await startPageServer({ '/': html, '/portal-summary.js': { body: script, type: 'text/javascript' } }, 'localhost');
  portals.push(site);
  // The deployed policy, with this test portal among the sites allowed to frame the app.
  app.allowFrameAncestors([new URL(site.url).origin]);
  return site;
}

/** Whether a box lies entirely within the page's viewport. */
const inView = (box, vp) => box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height && box.x + box.width <= vp.width;

async function openPortal(viewport, { autosize }) {
  const site = await portalSite({ autosize });
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  return { ...(await openFramedApp(context, site.url)), close: () => context.close() };
}

/** Focuses the middle field of the form and types a value into it; returns its id. */
async function fillMiddleField(frame) {
  const id = await frame.evaluate(() => {
    const fields = [...document.querySelectorAll('input[type="text"][id^="f-"]')];
    const el = fields[Math.floor(fields.length / 2)];
    el.focus();
    return el.id;
  });
  // As the user would: the page and the frame scrolled to the field, then typing.
  await frame.locator(`[id="${id}"]`).scrollIntoViewIfNeeded();
  await frame.locator(`[id="${id}"]`).pressSequentially('1');
  assert.equal(await frame.evaluate(() => document.activeElement?.id), id, 'the field keeps the focus');
  return id;
}

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  test(`portal example (${name}): the frame is the window's height, total and level stay on screen`, async () => {
    const p = await openPortal(viewport, { autosize: false });
    try {
      const id = await fillMiddleField(p.frame);
      const vp = p.page.viewportSize();
      // The focused field itself is on screen (the page scrolled to the frame, the app inside it).
      await poll(async () => inView(await p.frame.locator(`[id="${id}"]`).boundingBox(), vp), Boolean);
      assert.ok(inView(await p.frame.locator(`[id="${id}"]`).boundingBox(), vp), `field ${id} on screen`);
      // The figures the app computed (its summary), and where they may be on screen: the
      // summary column (wide), the app's bar (narrow), or the portal's bar while part of
      // the frame is scrolled off.
      const figures = { total: await p.frame.getByTestId('total').innerText(), level: await p.frame.getByTestId('level').innerText() };
      const places = [
        ['summary column', p.frame.getByTestId('total'), p.frame.getByTestId('level'), figures.total],
        ['app bar', p.frame.locator('.summary-bar .bar-total'), p.frame.locator('.summary-bar .level'), `${figures.total} / 800`],
        ['portal bar', p.page.locator('[data-dti-total]'), p.page.locator('[data-dti-level]'), `${figures.total} / 800`],
      ];
      // The portal's bar follows the app's messages.
      await poll(() => p.page.locator('[data-dti-total]').textContent(), (t) => t === `${figures.total} / 800`);
      const shown = [];
      for (const [where, total, level, totalText] of places) {
        const boxes = [await total.boundingBox(), await level.boundingBox()];
        if (!boxes.every((b) => inView(b, vp) && b.width > 0)) continue;
        assert.equal((await total.innerText()).trim(), totalText, `${where}: total`);
        assert.equal((await level.innerText()).trim(), figures.level, `${where}: level`);
        shown.push(where);
      }
      assert.ok(shown.length > 0, `total and level on screen (${name}); none of ${places.map((x) => x[0]).join(', ')} was`);
      if (name === 'desktop') assert.ok(shown.includes('summary column'), `the summary column in view: ${shown}`);
      await p.assertNoErrors();
    } finally {
      await p.close();
    }
  });
}

test('portal example auto-sized: portal-summary.js keeps total, percentage and level at the top of the page', async () => {
  const viewport = { width: 1280, height: 800 };
  const p = await openPortal(viewport, { autosize: true });
  try {
    const frameHeight = async () => (await p.page.locator('#dti').boundingBox()).height;
    const h = await poll(frameHeight, (v) => v > 3 * viewport.height, 10_000);
    assert.ok(h > 3 * viewport.height, `the frame is sized to the app's content (${h} px)`);
    const id = await fillMiddleField(p.frame);
    await p.frame.locator(`[id="${id}"]`).scrollIntoViewIfNeeded();
    const vp = p.page.viewportSize();
    assert.ok(inView(await p.frame.locator(`[id="${id}"]`).boundingBox(), vp), 'the focused field is on screen');
    assert.ok((await p.page.evaluate(() => window.scrollY)) > viewport.height, 'the portal page scrolled to the middle of the form');
    // The app's own figures are far off screen; the portal's bar shows the same ones.
    assert.ok(!inView(await p.frame.getByTestId('total').boundingBox(), vp), "the app's summary is off screen in an auto-sized frame");
    const bar = p.page.locator('[data-dti-summary]');
    await expectText(bar.locator('[data-dti-total]'), `${await p.frame.getByTestId('total').innerText()} / 800`);
    await expectText(bar.locator('[data-dti-percent]'), await p.frame.getByTestId('percent').innerText());
    await expectText(bar.locator('[data-dti-level]'), 'Khởi động');
    for (const key of ['total', 'percent', 'level']) {
      const box = await bar.locator(`[data-dti-${key}]`).boundingBox();
      assert.ok(inView(box, vp), `${key} on screen: ${JSON.stringify(box)}`);
    }
    await p.assertNoErrors();
  } finally {
    await p.close();
  }
});
