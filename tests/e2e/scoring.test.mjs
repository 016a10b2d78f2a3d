// Scoring: picking a group, typing comma decimals, and the total / percentage / level /
// gap moving with exact strings worked out by hand from data/frameworks/laocai-2022.json.
//
// Percentages are total / group maximum × 100, rounded half away from zero to 2 decimals,
// comma decimal, a space before "%"; thousands grouped with dots ("1.000"). Levels: above
// 75 % Dẫn dắt, above 50 % Nâng cao, above 25 % Hình thành, otherwise Khởi động (strictly
// above: exactly 25 % is still Khởi động).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { useApp } from './lib/harness.mjs';
import { GROUPS_2022 } from './lib/calculator.mjs';
import { expectChecked, expectCount, expectSummary, expectText, expectValue } from './lib/expect.mjs';

const app = useApp();

const FRAMEWORK = JSON.parse(readFileSync(new URL('../../data/frameworks/laocai-2022.json', import.meta.url), 'utf8'));

test('opens on 2022, agencies with procedures (/ 1.000); the no-procedure group shows / 750', async () => {
  const a = await app.open();
  await expectChecked(a.groupRadio(GROUPS_2022.co_tthc), true);
  await expectText(a.totalLine, 'Tổng điểm 0,00 / 1.000');
  // Before the first answer only the total: no level, gap or rank for an empty sheet.
  await expectSummary(a, { total: '0,00', percent: null, level: null, next: null });
  await expectCount(a.position, 0);
  // 25 % of 1.000 is 250; the total must exceed it: 250,01 (a "Không" is an answer worth 0).
  await a.setYesNo('1.3', false);
  await expectSummary(a, { total: '0,00', percent: '0,00 %', level: 'Khởi động', next: 'Cần thêm 250,01 điểm để đạt mức Hình thành' });
  await a.row('1.3').getByRole('button', { name: 'Bỏ chọn (chưa trả lời)' }).click();
  await expectSummary(a, { total: '0,00', percent: null, level: null, next: null });
  await expectText(a.unanswered, '30 chỉ số chưa trả lời'); // 5+4+4+4+4+4+5 leaves in mains 1–7
  await expectCount(a.row('7.1'), 1);

  await a.selectGroup(GROUPS_2022.khong_tthc);
  await expectChecked(a.groupRadio(GROUPS_2022.khong_tthc), true);
  await expectChecked(a.groupRadio(GROUPS_2022.co_tthc), false);
  await expectText(a.totalLine, 'Tổng điểm 0,00 / 750');
  await expectSummary(a, { total: '0,00', percent: null, level: null, next: null });
  // 25 % of 750 is 187,5 → 187,51.
  await a.setYesNo('1.3', false);
  await expectSummary(a, { total: '0,00', percent: '0,00 %', level: 'Khởi động', next: 'Cần thêm 187,51 điểm để đạt mức Hình thành' });
  await a.row('1.3').getByRole('button', { name: 'Bỏ chọn (chưa trả lời)' }).click();
  await expectText(a.unanswered, '25 chỉ số chưa trả lời'); // main 7 is for the procedure group only
  await expectCount(a.row('7.1'), 0, 'main 7 (procedures) is not in the no-procedure group');

  await a.selectGroup(GROUPS_2022.huyen);
  await expectText(a.totalLine, 'Tổng điểm 0,00 / 1.000');
  await expectCount(a.pointsInput(10), 1, 'district 1.5 is worth 10');
  await a.done();
});

test('comma decimals: 12,5 in 1.5 of the no-procedure group → 12,50 and 1,67 %', async () => {
  const a = await app.open();
  await a.selectGroup(GROUPS_2022.khong_tthc);
  await a.pointsInput(20).fill('12,5');
  await expectText(a.earned('1.5'), '12,50');
  await expectText(a.earnedLine('1.5'), 'Điểm đạt: 12,50 / 20');
  // 12,5 / 750 × 100 = 1,666… → 1,67 %; 187,5 − 12,5 = 175 → 175,01 more.
  await expectSummary(a, { total: '12,50', percent: '1,67 %', level: 'Khởi động', next: 'Cần thêm 175,01 điểm để đạt mức Hình thành' });
  await expectText(a.totalLine, 'Tổng điểm 12,50 / 750');
  await expectText(a.unanswered, '24 chỉ số chưa trả lời');
  await expectText(a.row('1.5').locator('xpath=ancestor::details[1]').locator('.main-points'), '12,50 / 100 điểm');
  await expectText(a.fieldHint('1.5'), '', 'canonical text needs no echo');

  // A dot decimal is read the same way and echoed back in the Vietnamese form.
  await a.pointsInput(20).fill('12.5');
  await expectText(a.total, '12,50');
  await expectText(a.fieldHint('1.5'), 'Hiểu là: 12,5');
  await expectValue(a.pointsInput(20), '12.5', 'the text is kept as typed');

  // 20 / 750 = 2,666… % → 2,67 %.
  await a.pointsInput(20).fill('20');
  await expectSummary(a, { total: '20,00', percent: '2,67 %' });

  // Emptying the field makes the indicator unanswered again (not 0).
  await a.pointsInput(20).fill('');
  await expectText(a.earned('1.5'), '—');
  await expectText(a.unanswered, '25 chỉ số chưa trả lời');
  // Nothing answered again: the total alone, no percentage or level.
  await expectSummary(a, { total: '0,00', percent: null, level: null });
  await a.done();
});

test('levels change exactly above 25 %, 50 % and 75 % of 750', async () => {
  const a = await app.open();
  await a.selectGroup(GROUPS_2022.khong_tthc);
  // Yes/no indicators of the group: 15+15+25+20+20+25+20+25 = 165.
  for (const code of ['1.3', '1.4', '2.1', '2.3', '2.4', '3.2', '4.1', '5.2']) await a.setYesNo(code, true);
  await expectSummary(a, { total: '165,00', percent: '22,00 %', level: 'Khởi động' });
  // + 1.1 deputy (15) + 1.5 "7,5" = 187,5 = exactly 25 %: still Khởi động, 0,01 to go.
  await a.option('1.1', 'Cấp phó của thủ trưởng cơ quan phụ trách (15)').check();
  await a.pointsInput(20).fill('7,5');
  await expectSummary(a, { total: '187,50', percent: '25,00 %', level: 'Khởi động', next: 'Cần thêm 0,01 điểm để đạt mức Hình thành' });
  // 187,51 → 25,0013 % (shown 25,00 %) but above 25 %: Hình thành; 375 − 187,51 = 187,49 → 187,50.
  await a.pointsInput(20).fill('7,51');
  await expectSummary(a, { total: '187,51', percent: '25,00 %', level: 'Hình thành', next: 'Cần thêm 187,50 điểm để đạt mức Nâng cao' });
  // Main 6 in full (4 × 50): 387,51 → 51,668 % → 51,67 %; 562,5 − 387,51 = 174,99 → 175,00.
  await a.setRatio('6.1', '1', '1');
  await a.setRatio('6.2', '1', '1');
  for (const label of ['Gửi báo cáo', 'Tổ chức, tham dự họp trực tuyến', 'Lịch công tác']) await a.part('6.3', label).check();
  await a.setTier('6.4', '3');
  await expectSummary(a, { total: '387,51', percent: '51,67 %', level: 'Nâng cao', next: 'Cần thêm 175,00 điểm để đạt mức Dẫn dắt' });
  // 1.5 → 20 and 1.1 → head (30): 387,51 − 7,51 + 20 + 15 = 415 → 55,33 %.
  await a.pointsInput(20).fill('20');
  await a.option('1.1', 'Thủ trưởng cơ quan là Trưởng Ban chỉ đạo').check();
  await expectSummary(a, { total: '415,00', percent: '55,33 %', level: 'Nâng cao', next: 'Cần thêm 147,51 điểm để đạt mức Dẫn dắt' });
  // Ratios 2.2 (35), 3.1 (35), 5.1 (35), 5.3 (35) in full: 555 → 74,00 %.
  for (const code of ['2.2', '3.1', '5.1', '5.3']) await a.setRatio(code, '4', '4');
  await expectSummary(a, { total: '555,00', percent: '74,00 %', level: 'Nâng cao', next: 'Cần thêm 7,51 điểm để đạt mức Dẫn dắt' });
  // 1.2: 3 of 8 × 20 = 7,5 → 562,5 = exactly 75 %: still Nâng cao.
  await a.setRatio('1.2', '3', '8');
  await expectText(a.earned('1.2'), '7,50');
  await expectSummary(a, { total: '562,50', percent: '75,00 %', level: 'Nâng cao', next: 'Cần thêm 0,01 điểm để đạt mức Dẫn dắt' });
  // 4.4 one attendance (10): 572,5 → 76,333 % → 76,33 %, Dẫn dắt, the top: no next level.
  await a.setTier('4.4', '1');
  await expectSummary(a, { total: '572,50', percent: '76,33 %', level: 'Dẫn dắt', next: null });
  await a.done();
});

/** Leaves of a group in tree order. */
function leaves(group) {
  const out = [];
  const walk = (ind) => (ind.children?.length ? ind.children.forEach(walk) : out.push(ind));
  FRAMEWORK.indicators.filter((m) => m.groups?.includes(group)).forEach(walk);
  return out;
}

test('every indicator at its maximum: 1.000,00 and 100,00 %, Dẫn dắt', async () => {
  const a = await app.open();
  const all = leaves('co_tthc');
  assert.equal(all.length, 30);
  for (const ind of all) {
    const m = ind.method;
    switch (m.type) {
      case 'yes_no': await a.setYesNo(ind.code, true); break;
      case 'points': await a.setPoints(ind.code, ind.max_points); break;
      case 'ratio': await a.setRatio(ind.code, '7', '7'); break;
      case 'tiers': await a.setTier(ind.code, m.tiers.at(-1).min); break;
      case 'options': {
        const best = m.options.reduce((x, y) => (Number(y.points) > Number(x.points) ? y : x));
        await a.option(ind.code, best.label_vi).check();
        break;
      }
      case 'parts': for (const p of m.parts) await a.part(ind.code, p.label_vi).check(); break;
      default: assert.fail(`unexpected method ${m.type} at ${ind.code}`);
    }
  }
  await expectSummary(a, { total: '1.000,00', percent: '100,00 %', level: 'Dẫn dắt', next: null });
  await expectText(a.totalLine, 'Tổng điểm 1.000,00 / 1.000');
  await expectText(a.unanswered, '0 chỉ số chưa trả lời');
  await expectText(a.invalidCount, '0 giá trị không hợp lệ');
  // Rank among the 18 published agencies of the group, plus this one.
  await expectText(a.position, 'Hạng ước tính: 1/19 trong Nhóm các cơ quan, đơn vị có thủ tục hành chính (so với 18 đơn vị trong kết quả đã công bố năm 2022)');
  await a.done();
});
