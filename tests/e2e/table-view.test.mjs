// "Dạng bảng": the sheet filled and appraised from the keyboard alone (Enter / arrows move
// to the same field of the next row, as in the agencies' Excel grid), the choice kept
// across a reload, and no serious or critical axe violation in that view.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { AxeBuilder } from '@axe-core/playwright';

import { useApp } from './lib/harness.mjs';
import { expectCount, expectText, expectTextContains } from './lib/expect.mjs';

const app = useApp();

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses `key` and asserts where the focus lands. */
async function press(page, key, expectedId) {
  await page.keyboard.press(key);
  assert.equal(await focusedId(page), expectedId, `after ${key}`);
}

/** Presses Tab until `predicate` holds for the focused element (bounded). */
async function tabTo(page, predicate, what, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  assert.fail(`${what} not reached within ${limit} Tab presses`);
}

/** Opens the table view with the keyboard: skip link, then the "Dạng bảng" radio. */
async function tableByKeyboard(page) {
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(page), 'indicators');
  await tabTo(page, () => document.activeElement?.name === 'sheet-view', 'the view switch');
  // Cards are the default; the arrow picks the table.
  assert.equal(await page.evaluate(() => document.activeElement.value), 'cards');
  await page.keyboard.press('ArrowRight');
  await expectCount(page.getByTestId('sheet-table'), 1);
  await expectCount(page.locator('.indicator'), 0);
}

test('an agency fills and the council appraises the table from the keyboard alone', async () => {
  const a = await app.open();
  const page = a.page;
  await tableByKeyboard(page);

  // 2022, agencies with TTHC. Tab enters the first row: 1.1 (options, 30).
  await press(page, 'Tab', 'f-1.1-value');
  await page.keyboard.press('ArrowDown'); // "head": 30 points
  await expectText(page.getByTestId('points-1.1'), '30,00');
  await press(page, 'Enter', 'f-1.2-a'); // 1.2 ratio (20)
  await page.keyboard.type('2');
  await press(page, 'Tab', 'f-1.2-b');
  await page.keyboard.type('3');
  await press(page, 'Enter', 'f-1.3-value'); // 1.3 yes/no (15): no b field there, so its field
  await page.keyboard.press('ArrowDown'); // Có
  await press(page, 'Enter', 'f-1.4-value'); // 1.4 yes/no (15)
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // Không
  await press(page, 'ArrowDown', 'f-1.4-value'); // in a select ↓ changes the choice, not the row
  await press(page, 'Enter', 'f-1.5-value'); // 1.5 points (20)
  await page.keyboard.type('12,5');
  // 30 + 2/3 × 20 + 15 + 0 + 12,5 = 70,8333…
  await expectText(a.total, '70,83');
  await expectText(page.getByTestId('subtotal-1'), '70,83');
  await expectText(page.getByTestId('points-1.4'), '0,00');
  await expectText(page.getByTestId('points-1.2'), '13,33');

  // The council: one number per indicator, upwards with ↑.
  await press(page, 'Tab', 't-1.5-value');
  await page.keyboard.type('10');
  await press(page, 'ArrowUp', 't-1.4-value');
  await page.keyboard.type('0');
  await press(page, 'ArrowUp', 't-1.3-value');
  await page.keyboard.type('15');
  await press(page, 'ArrowUp', 't-1.2-value');
  await page.keyboard.type('10');
  await press(page, 'ArrowUp', 't-1.1-value');
  await page.keyboard.type('31'); // above 30: kept, flagged, not counted
  await expectTextContains(page.locator('[id="t-1.1-value-error"]'), 'Điểm tối đa của chỉ số 1.1 là 30; bạn nhập 31');
  assert.match(await page.locator('[id="t-1.1-value"]').getAttribute('aria-describedby'), /t-1\.1-value-error/);
  await expectText(page.getByTestId('table-appraised-total'), '35,00');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('15');
  await expectCount(page.locator('[id="t-1.1-value-error"]'), 0);

  // Appraised 15 + 10 + 15 + 0 + 10 = 50; Chênh lệch 70,83 − 50 = 20,83.
  await expectText(page.getByTestId('table-appraised-total'), '50,00');
  await expectText(page.getByTestId('table-difference'), '20,83');
  await expectText(page.getByTestId('difference-1.1'), '15,00');
  await expectText(page.getByTestId('difference-1.2'), '3,33');
  await expectTextContains(a.appraisedTotal, '50,00');
  await expectText(page.getByTestId('table-total'), '70,83');

  // Enter moves down the council column too, and lands on the next row's field.
  await press(page, 'Enter', 't-1.2-value');

  // The choice and the figures survive a reload.
  await a.reload();
  await expectCount(page.getByTestId('sheet-table'), 1);
  await expectText(page.getByTestId('table-difference'), '20,83');
  assert.equal(await page.locator('[id="t-1.1-value"]').inputValue(), '15');
  await a.done();
});

test('the council points typed in the table stay points in the cards', async () => {
  const a = await app.open();
  const page = a.page;
  await page.getByRole('radio', { name: 'Dạng bảng', exact: true }).check();
  await page.locator('[id="t-1.3-value"]').fill('7,5'); // yes/no indicator, appraised 7,5 of 15
  await expectText(page.getByTestId('table-appraised-total'), '7,50');
  await page.getByRole('radio', { name: 'Dạng thẻ', exact: true }).check();
  await expectCount(page.getByTestId('sheet-table'), 0);
  assert.equal(await page.locator('[id="t-1.3-value"]').inputValue(), '7,5');
  await expectTextContains(a.appraisedTotal, '7,50');
  await a.done();
});

test('no serious or critical axe violation in the table view, with errors showing', async () => {
  const a = await app.open();
  const page = a.page;
  await page.getByRole('radio', { name: 'Dạng bảng', exact: true }).check();
  await page.locator('[id="f-1.1-value"]').selectOption('deputy');
  await page.locator('[id="f-1.2-a"]').fill('1');
  await page.locator('[id="f-1.5-value"]').fill('25');
  await page.locator('[id="t-1.5-value"]').fill('abc');
  await page.locator('[id="ev-1.5-status"]').selectOption('done');
  await expectCount(a.errorSummary.getByRole('link'), 3);
  const results = await new AxeBuilder({ page }).analyze();
  assert.ok(results.passes.length > 0, 'axe ran');
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')).join('\n');
  assert.equal(bad.length, 0, report);
  await a.done();
});
