// Quick check: a total typed for a group gives percentage, level and where it would rank
// among the published 2022 results (18 agencies with procedures, 22 without, 9 districts;
// the typed total is the extra one). Levels need strictly more than 75 % for Dẫn dắt.

import { test } from 'node:test';

import { useApp } from './lib/harness.mjs';
import { expectAttr, expectCount, expectText, expectValue } from './lib/expect.mjs';

const app = useApp();

const CASES = [
  // group, typed, expected result
  ['co_tthc', '750', '750,00 = 75,00 % → Nâng cao · hạng ước tính 1/19'],
  ['co_tthc', '750,01', '750,01 = 75,00 % → Dẫn dắt · hạng ước tính 1/19'],
  ['khong_tthc', '562,5', '562,50 = 75,00 % → Nâng cao · hạng ước tính 1/23'],
  ['khong_tthc', '562,51', '562,51 = 75,00 % → Dẫn dắt · hạng ước tính 1/23'],
  ['huyen', '750', '750,00 = 75,00 % → Nâng cao · hạng ước tính 1/10'],
  ['huyen', '750,01', '750,01 = 75,00 % → Dẫn dắt · hạng ước tính 1/10'],
];

test('exactly 75 % is Nâng cao, one hundredth above is Dẫn dắt, in every 2022 group', async () => {
  const a = await app.open();
  await expectValue(a.quickGroup, 'co_tthc', 'the quick check starts on the open group');
  await expectText(a.quickResult, '');
  for (const [group, typed, expected] of CASES) {
    await a.quickCheck(group, typed);
    await expectText(a.quickResult, expected, `${group} ${typed}`);
    await expectCount(a.quickError, 0);
    await expectAttr(a.quickTotal, 'aria-invalid', 'false');
  }
  await a.done();
});

test('ranks against the published table: ties share a rank; thousands with a dot', async () => {
  const a = await app.open();
  // Above 600: 625,30, 603,20, 601,90 → 4th of 19.
  await a.quickCheck('co_tthc', '600');
  await expectText(a.quickResult, '600,00 = 60,00 % → Nâng cao · hạng ước tính 4/19');
  // Equal to the 3rd (601,90): shares rank 3.
  await a.quickCheck('co_tthc', '601,9');
  await expectText(a.quickResult, '601,90 = 60,19 % → Nâng cao · hạng ước tính 3/19');
  // Below all 22 published agencies without procedures (lowest 210,70).
  await a.quickCheck('khong_tthc', '200');
  await expectText(a.quickResult, '200,00 = 26,67 % → Hình thành · hạng ước tính 23/23');
  // "1.000" is one thousand (the way the decision prints maxima).
  await a.quickCheck('co_tthc', '1.000');
  await expectText(a.quickResult, '1.000,00 = 100,00 % → Dẫn dắt · hạng ước tính 1/19');
  // The echo leaves out thousands dots, so a dot read as grouping shows: "1.000" → 1000.
  await expectText(a.fieldHintById('quick-total'), 'Hiểu là: 1000');
  // "1000,5" is already unambiguous: no echo.
  await a.quickTotal.fill('1000,5');
  await expectText(a.fieldHintById('quick-total'), '');
  await a.done();
});

test('a total above the group maximum is an error; the typed text is kept', async () => {
  const a = await app.open();
  await a.quickCheck('khong_tthc', '751');
  await expectText(a.quickError, 'Lỗi: Tổng điểm phải từ 0 đến 750; bạn nhập 751');
  await expectAttr(a.quickTotal, 'aria-invalid', 'true');
  await expectAttr(a.quickTotal, 'aria-describedby', 'quick-total-hint quick-total-error');
  await expectValue(a.quickTotal, '751');
  await expectText(a.quickResult, '');
  // The same text is fine for a group with a maximum of 1.000.
  await a.quickGroup.selectOption('co_tthc');
  await expectText(a.quickResult, '751,00 = 75,10 % → Dẫn dắt · hạng ước tính 1/19');
  await expectCount(a.quickError, 0);
  await expectValue(a.quickTotal, '751');
  // Negative totals are out of range too.
  await a.quickTotal.fill('-1');
  await expectText(a.quickError, 'Lỗi: Tổng điểm phải từ 0 đến 1.000; bạn nhập -1');
  await expectText(a.quickResult, '');
  // The quick check does not touch the sheet.
  await expectText(a.total, '0,00');
  await a.done();
});
