// Sense checks that never change what was typed: whole counts, percentages up to 100 with
// a trailing "%", a > b as a warning, invisible characters named, the band line silent on
// an invalid value, and the reason when a printed percentage sits on a level boundary.

import { test } from 'node:test';

import { useApp } from './lib/harness.mjs';
import { byId, GROUPS_2022 } from './lib/calculator.mjs';
import { expectAttr, expectCount, expectText, expectTextContains, expectValue } from './lib/expect.mjs';

const app = useApp();

test('a ratio counts documents: a fraction is refused by its field, the text kept', async () => {
  const a = await app.open();
  await a.setRatio('1.2', '12,5', '40');
  await a.field('1.2', 'b').press('Tab');
  await expectAttr(a.field('1.2', 'a'), 'aria-invalid', 'true');
  await expectTextContains(a.fieldError('1.2', 'a'), 'là số đếm nên phải là số nguyên; bạn nhập 12,5');
  await expectValue(a.field('1.2', 'a'), '12,5');
  await expectText(a.earned('1.2'), '—');
  await a.done();
});

test('a > b warns by the numerator and still earns the rule\u2019s maximum', async () => {
  const a = await app.open();
  await a.setRatio('1.2', '45', '40');
  await a.field('1.2', 'b').press('Tab');
  const warning = a.page.locator(byId('f-1.2-a-warning'));
  await expectTextContains(warning, 'tử số (a) lớn hơn mẫu số (b)');
  await expectAttr(a.field('1.2', 'a'), 'aria-describedby', 'f-1.2-a-hint f-1.2-a-warning');
  await expectAttr(a.field('1.2', 'a'), 'aria-invalid', 'false');
  await expectText(a.earned('1.2'), '20,00');
  await a.setRatio('1.2', '30');
  await expectCount(warning, 0);
  await a.done();
});

test('a unit typed after a number names the space, and no band line contradicts it', async () => {
  const a = await app.open();
  await a.setTier('3.4', '100 Mbps');
  await expectTextContains(a.fieldError('3.4'), '“100 Mbps” có dấu cách; chỉ nhập số');
  await expectCount(a.band('3.4'), 0);
  await a.setTier('3.4', '100\u00a0');
  await expectCount(a.fieldError('3.4'), 0, 'a trailing non-breaking space is trimmed');
  await a.setTier('3.4', '1\u00a0000');
  await expectTextContains(a.fieldError('3.4'), 'dấu cách không ngắt');
  await a.done();
});

test('percentage fields take "85%" and refuse 62125', async () => {
  const a = await app.open();
  await a.selectGroup(GROUPS_2022.huyen);
  await a.setTier('8.2', '85%');
  await expectCount(a.fieldError('8.2'), 0);
  await expectValue(a.field('8.2'), '85%');
  await expectTextContains(a.band('8.2'), 'Bậc');
  await a.setTier('8.2', '62125');
  await expectTextContains(a.fieldError('8.2'), 'tỷ lệ phần trăm không quá 100; bạn nhập 62.125');
  await expectCount(a.band('8.2'), 0);
  await a.done();
});

test('75,00 % on both sides of the line says why the levels differ', async () => {
  const a = await app.open();
  await a.quickCheck('khong_tthc', '562,51');
  await expectTextContains(a.quickResult, '75,00 % → Dẫn dắt');
  await expectText(a.page.getByTestId('quick-boundary-note'), '75,00 % là số làm tròn; điểm vượt 75 % nên đạt Dẫn dắt.');
  await a.quickCheck('khong_tthc', '562,5');
  await expectTextContains(a.quickResult, '75,00 % → Nâng cao');
  await expectText(a.page.getByTestId('quick-boundary-note'), 'Đúng 75 %, chưa vượt 75 %, nên là Nâng cao.');
  await a.quickCheck('khong_tthc', '600');
  await expectCount(a.page.getByTestId('quick-boundary-note'), 0);
  await a.done();
});
