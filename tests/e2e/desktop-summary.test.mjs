// Desktop: the summary and its actions (print, CSV, JSON) stay on screen while the middle
// of the form is filled, with no inner scroll; a download is confirmed.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './lib/harness.mjs';
import { expectTextContains } from './lib/expect.mjs';

const app = useApp();
const VIEWPORT = { width: 1280, height: 800 };
const inView = (b) => b !== null && b.y >= 0 && b.y + b.height <= VIEWPORT.height;

test('desktop: total, level, print and downloads in view from the middle of the form; download confirmed', async () => {
  const a = await app.open({ viewport: VIEWPORT });
  const page = a.page;
  await a.setYesNo('4.1', true);
  await a.field('4.2', 'a').fill('3');
  await a.field('4.2', 'b').fill('4');
  await a.field('4.2', 'b').focus();
  assert.ok((await page.evaluate(() => window.scrollY)) > VIEWPORT.height, 'the page is scrolled to the middle of the form');
  const aside = page.locator('aside.summary-col');
  const scroll = await aside.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, overflow: getComputedStyle(el).overflowY }));
  assert.ok(scroll.overflow !== 'auto' && scroll.overflow !== 'scroll', `no inner scroll: ${JSON.stringify(scroll)}`);
  const print = page.getByRole('button', { name: 'In / Lưu PDF', exact: true });
  const csv = page.getByRole('button', { name: 'Tải CSV cho Excel', exact: true });
  const json = page.getByRole('button', { name: 'Tải phiếu về máy (JSON)', exact: true });
  for (const [what, l] of [['total', a.total], ['level', a.level], ['print', print], ['csv', csv], ['json', json]]) {
    const b = await l.boundingBox();
    assert.ok(inView(b), `${what} on screen: ${JSON.stringify(b)}`);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
  assert.match(download.suggestedFilename(), /^dti-laocai-2022-co_tthc\.csv$/);
  await expectTextContains(page.getByTestId('file-message'), `Đã tải về tệp ${download.suggestedFilename()}`);
  await a.done();
});
