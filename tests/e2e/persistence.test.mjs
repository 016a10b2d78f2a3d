// Drafts survive a reload: every answer exactly as typed (an invalid one too, still
// flagged), the agency name, the group and the language. Fresh context per test.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { GROUPS_2022 } from './lib/calculator.mjs';
import { useApp } from './lib/harness.mjs';
import { storedText } from './lib/stored.mjs';
import { expectAttr, expectChecked, expectSummary, expectText, expectValue, poll } from './lib/expect.mjs';

const app = useApp();

const ABC_MESSAGE = 'Chỉ số 1.5, giá trị: “abc” có ký tự “a”; chỉ nhập số (chữ số, dấu chấm, dấu phẩy), không kèm đơn vị';

/** Waits until the saved workspace contains `needle` (saving is an effect after input). */
async function saved(a, needle) {
  const raw = await poll(
    () => storedText(a.page),
    (v) => typeof v === 'string' && v.includes(needle),
  );
  assert.ok(raw?.includes(needle), `the stored drafts should contain ${needle}; got ${raw}`);
}

test('answers, an invalid value and the agency name are as typed after a reload', async () => {
  const a = await app.open();
  const agency = 'Sở Thông tin và Truyền thông';
  const deputy = a.option('1.1', 'Cấp phó của thủ trưởng cơ quan phụ trách (15)');
  const lgsp = a.part('3.3', 'Kết nối, chia sẻ dữ liệu qua nền tảng LGSP của tỉnh (15)');

  const check = async (when) => {
    await expectValue(a.agency, agency, `agency ${when}`);
    await expectValue(a.pointsInput(20), 'abc', `1.5 ${when}`);
    await expectAttr(a.field('1.5'), 'aria-invalid', 'true', `1.5 flagged ${when}`);
    await expectText(a.fieldError('1.5'), `Lỗi: ${ABC_MESSAGE}`, `1.5 message ${when}`);
    await expectText(a.errorSummary.getByRole('link'), ABC_MESSAGE);
    await expectText(a.invalidCount, '1 giá trị không hợp lệ');
    await expectValue(a.field('1.2', 'a'), '2');
    await expectValue(a.field('1.2', 'b'), '3');
    await expectValue(a.field('3.4'), '150,0');
    await expectChecked(a.row('1.3').getByRole('radio', { name: 'Có', exact: true }), true);
    await expectChecked(deputy, true);
    await expectChecked(lgsp, true);
    await expectText(a.earned('1.5'), '—');
    // 13,333… + 15 + 15 + 15 + 10 = 68,33; 1,000 max → 6,83 %.
    await expectSummary(a, { total: '68,33', percent: '6,83 %', level: 'Khởi động' }, `summary ${when}`);
    // The agency's own published row (601,90) is replaced, not counted: 17 others, all above.
    await expectText(a.position, 'Hạng ước tính: 18/18 trong Nhóm các cơ quan, đơn vị có thủ tục hành chính (so với 18 đơn vị trong kết quả đã công bố năm 2022)');
    await expectText(a.page.getByTestId('own-row'), 'Đã bỏ dòng đã công bố của chính đơn vị “Sở Thông tin và Truyền thông” (601,90 điểm) để không tính hai lần.');
  };

  await a.agency.fill(agency);
  await a.pointsInput(20).fill('abc');
  await a.setRatio('1.2', '2', '3');
  await a.setYesNo('1.3', true);
  await deputy.check();
  await lgsp.check();
  await a.setTier('3.4', '150,0');
  await check('before reload');
  await saved(a, '150,0');

  await a.reload();
  await check('after reload');
  await a.done();
});

test('group, language and each group\'s own sheet are kept; the agency name follows to a new sheet', async () => {
  const a = await app.open();
  await a.agency.fill('Văn phòng UBND tỉnh');
  await a.pointsInput(20).fill('4');
  await a.selectGroup(GROUPS_2022.khong_tthc);
  await expectValue(a.agency, 'Văn phòng UBND tỉnh', 'a new sheet takes the agency name');
  await expectValue(a.pointsInput(20), '', 'the no-procedure sheet is its own');
  await a.pointsInput(20).fill('5');
  await expectText(a.totalLine, 'Tổng điểm 5,00 / 750');
  await a.langToggle('English').click();
  await expectText(a.langToggle('Tiếng Việt'), 'Tiếng Việt');
  // The language has its own key (another tab never switches it); the drafts are saved.
  assert.equal(await poll(() => a.page.evaluate(() => localStorage.getItem('dti.lang')), (v) => v === 'en'), 'en');
  await saved(a, '"text":"5"');

  await a.reload();
  await expectAttr(a.page.locator('html'), 'lang', 'en');
  await expectText(a.totalLine, 'Total score 5,00 / 750');
  await expectChecked(a.page.getByRole('radio', { name: 'Agencies without administrative procedures (750 points)', exact: true }), true);
  await expectValue(a.page.getByLabel('Self-assessment points (0–20)', { exact: true }), '5');
  await expectValue(a.page.getByLabel('Name of the agency or locality', { exact: true }), 'Văn phòng UBND tỉnh');

  await a.page.getByRole('radio', { name: 'Agencies with administrative procedures (1.000 points)', exact: true }).check();
  await expectValue(a.page.getByLabel('Self-assessment points (0–20)', { exact: true }), '4');
  await expectText(a.totalLine, 'Total score 4,00 / 1.000');
  await a.done();
});

test('a new browser context starts with an empty sheet', async () => {
  const a = await app.open();
  await expectValue(a.agency, '');
  await expectValue(a.pointsInput(20), '');
  await expectSummary(a, { total: '0,00', percent: null, level: null });
  await expectAttr(a.page.locator('html'), 'lang', 'vi');
  await a.done();
});
