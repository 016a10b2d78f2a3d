// Invalid values: the message sits next to its field (aria-invalid, aria-describedby),
// the error summary links to the field, the typed text is kept and earns nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './lib/harness.mjs';
import { byId } from './lib/calculator.mjs';
import { expectAttr, expectCount, expectSummary, expectText, expectValue, poll } from './lib/expect.mjs';

const app = useApp();

const ABOVE_MAX = 'Điểm tối đa của chỉ số 1.5 là 20; bạn nhập 25';

test('a value above the maximum: message by the field, summary link, text kept', async () => {
  const a = await app.open();
  const input = a.pointsInput(20);
  await expectAttr(input, 'aria-invalid', 'false');
  await expectAttr(input, 'aria-describedby', 'f-1.5-value-hint');
  await expectCount(a.errorSummary, 0);

  await input.fill('25');
  await expectAttr(input, 'aria-invalid', 'true');
  await expectAttr(input, 'aria-describedby', 'f-1.5-value-hint f-1.5-value-error');
  // Every id in aria-describedby exists; the error one carries the message.
  const ids = (await input.getAttribute('aria-describedby')).split(' ');
  for (const id of ids) await expectCount(a.page.locator(byId(id)), 1, `#${id} exists`);
  await expectText(a.page.locator(byId(ids[1])), `Lỗi: ${ABOVE_MAX}`);
  // The message is inside the field's own block, next to the input.
  await expectCount(a.row('1.5').locator('.field.field-error .error-message'), 1);
  await expectValue(input, '25');
  await expectText(a.earned('1.5'), '—');
  await expectSummary(a, { total: '0,00', percent: '0,00 %' });
  await expectText(a.invalidCount, '1 giá trị không hợp lệ');
  await expectAttr(a.row('1.5'), 'class', 'indicator invalid');

  // The summary lists the message as a link to the field.
  await expectText(a.errorSummary.getByRole('heading'), 'Có giá trị cần sửa');
  const link = a.errorSummary.getByRole('link', { name: ABOVE_MAX, exact: true });
  await expectCount(link, 1);
  await expectAttr(link, 'href', '#f-1.5-value');
  await link.click();
  const focused = await poll(() => a.page.evaluate(() => document.activeElement?.id), (id) => id === 'f-1.5-value');
  assert.equal(focused, 'f-1.5-value', 'following the link focuses the field');
  assert.equal(new URL(a.page.url()).hash, '#f-1.5-value');

  // Fixing the value clears everything.
  await input.fill('20');
  await expectAttr(input, 'aria-invalid', 'false');
  await expectCount(a.fieldError('1.5'), 0);
  await expectCount(a.errorSummary, 0);
  await expectText(a.invalidCount, '0 giá trị không hợp lệ');
  await expectSummary(a, { total: '20,00', percent: '2,00 %' });
  await a.done();
});

test('"625,3đ" names the character "đ", in a points field and in the quick check', async () => {
  const a = await app.open();
  await a.pointsInput(20).fill('625,3đ');
  const message = 'Chỉ số 1.5, giá trị: “625,3đ” có ký tự “đ”; chỉ nhập số (chữ số, dấu chấm, dấu phẩy), không kèm đơn vị';
  await expectText(a.fieldError('1.5'), `Lỗi: ${message}`);
  await expectValue(a.pointsInput(20), '625,3đ');
  await expectText(a.errorSummary.getByRole('link'), message);
  await expectText(a.fieldHint('1.5'), '', 'nothing was understood');

  await a.quickCheck('co_tthc', '625,3đ');
  await expectText(a.quickError, 'Lỗi: “625,3đ” có ký tự “đ”; chỉ nhập số (chữ số, dấu chấm, dấu phẩy), không kèm đơn vị');
  await expectValue(a.quickTotal, '625,3đ');
  await expectText(a.quickResult, '');
  await a.done();
});

test('ratio errors sit on the field concerned: missing b, negative a', async () => {
  const a = await app.open();
  await a.setRatio('1.2', '2');
  const missing = 'Chỉ số 1.2: cần nhập cả mẫu số (b)';
  // Still in the pair: b is not missing yet. Leaving the pair checks it.
  await expectAttr(a.field('1.2', 'b'), 'aria-invalid', 'false');
  await a.pointsInput(20).focus();
  await expectAttr(a.field('1.2', 'b'), 'aria-invalid', 'true');
  await expectAttr(a.field('1.2', 'a'), 'aria-invalid', 'false');
  await expectText(a.fieldError('1.2', 'b'), `Lỗi: ${missing}`);
  await expectAttr(a.errorSummary.getByRole('link', { name: missing }), 'href', '#f-1.2-b');

  await a.setRatio('1.2', '-1', '3');
  const negative = 'Chỉ số 1.2, tử số (a): không được âm; bạn nhập -1';
  await expectAttr(a.field('1.2', 'a'), 'aria-invalid', 'true');
  await expectAttr(a.field('1.2', 'b'), 'aria-invalid', 'false');
  await expectText(a.fieldError('1.2', 'a'), `Lỗi: ${negative}`);
  await expectAttr(a.errorSummary.getByRole('link', { name: negative }), 'href', '#f-1.2-a');
  await expectValue(a.field('1.2', 'a'), '-1');

  // Two invalid indicators: two summary links, in tree order.
  await a.pointsInput(20).fill('25');
  await expectCount(a.errorSummary.getByRole('link'), 2);
  await expectText(a.invalidCount, '2 giá trị không hợp lệ');
  const hrefs = await a.errorSummary.getByRole('link').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')));
  assert.deepEqual(hrefs, ['#f-1.2-a', '#f-1.5-value']);
  await expectText(a.total, '0,00');
  await a.done();
});
