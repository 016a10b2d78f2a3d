// On a 390 px phone: the quick check one tap from the top, a summary bar that never shows
// a level other than what is on screen, drafts as cards, primary actions at least 44 px.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './lib/harness.mjs';
import { expectCount, expectText, expectTextContains } from './lib/expect.mjs';

const app = useApp();
const PHONE = { width: 390, height: 844 };

const inView = (box) => box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= PHONE.height && box.x + box.width <= PHONE.width;

test('phone: the quick check in one tap from the top, and no conflicting level in the bar', async () => {
  const a = await app.open({ viewport: PHONE });
  const page = a.page;
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  const link = page.getByRole('link', { name: 'Tính nhanh', exact: true });
  const box = await link.boundingBox();
  assert.ok(inView(box), `"Tính nhanh" on the first screen: ${JSON.stringify(box)}`);
  assert.ok(box.height >= 44, `a 44 px target: ${box.height}`);
  assert.ok(inView(await page.getByRole('link', { name: 'Chấm điểm chi tiết', exact: true }).boundingBox()), 'the detailed scoring link too');
  await link.click();
  // One tap: the quick check's group and total are on screen, ready to type.
  for (const l of [a.quickGroup, a.quickTotal]) {
    const b = await l.boundingBox();
    assert.ok(inView(b), `quick check field on screen after one tap: ${JSON.stringify(b)}`);
  }
  // The bar shows the empty sheet without a level: nothing to contradict the quick check.
  const bar = page.locator('.summary-bar');
  await expectCount(bar.locator('.level'), 0);
  await expectText(bar.locator('.bar-what'), 'Phiếu chi tiết:');
  await expectText(bar.locator('.bar-total'), '0,00 / 1.000');
  await expectTextContains(bar, 'chưa chấm chỉ số nào');
  await a.quickCheck('co_tthc', '612');
  await expectTextContains(a.quickResult, '612,00 = 61,20 % → Nâng cao');
  // While the quick check is being typed into, the bar steps aside.
  assert.equal(await bar.isVisible(), false, 'the bar is hidden while the quick check has the focus');
  // Once the sheet has an answer the bar shows its level, named as the sheet's.
  await a.page.locator('[id="f-1.5-value"]').fill('12');
  await expectText(bar.locator('.level'), 'Khởi động');
  await expectText(bar.locator('.bar-total'), '12,00 / 1.000');
  await a.done();
});

test('phone: drafts as cards with full-size actions inside the screen', async () => {
  const a = await app.open({ viewport: PHONE });
  const page = a.page;
  await a.agency.fill('Sở Tài chính');
  await page.getByRole('button', { name: 'Tạo phiếu mới', exact: true }).click();
  await expectCount(page.locator('.drafts tbody tr'), 2);
  for (const button of await page.locator('.drafts tbody button').all()) {
    await button.scrollIntoViewIfNeeded();
    const b = await button.boundingBox();
    assert.ok(b.height >= 44, `${await button.innerText()}: ${b.height} px tall`);
    assert.ok(b.x >= 0 && b.x + b.width <= PHONE.width, `${await button.innerText()} inside the screen: ${JSON.stringify(b)}`);
  }
  // Each card names its fields.
  const label = await page.locator('.drafts tbody td[data-label]').first().evaluate((td) => getComputedStyle(td, '::before').content);
  assert.equal(label, '"Năm: "');
  await a.done();
});
