// Each scoring method's control gives the engine's points. Indicators of the default
// sheet (2022, agencies with procedures, maximum 1.000):
//   1.1 options (head 30 / deputy 15 / none 0)    1.2 ratio, 20, b = 0 → 0
//   1.3 yes_no 15                                  1.5 points 20
//   3.3 parts 15 + 15 + 15                          3.4 tiers Mbps: ≥50 → 5, ≥100 → 10, ≥200 → 20
//   5.1 ratio 35, b = 0 → full                      2.2 / 3.1 ratio 35

import { test } from 'node:test';

import { useApp } from './lib/harness.mjs';
import { expectChecked, expectCount, expectSummary, expectText } from './lib/expect.mjs';

const app = useApp();

test('yes_no: Có earns the maximum, Không earns 0 (an answer, not unanswered)', async () => {
  const a = await app.open();
  await expectText(a.earnedLine('1.3'), 'Điểm đạt: — / 15');
  await a.setYesNo('1.3', true);
  await expectText(a.earned('1.3'), '15,00');
  await expectSummary(a, { total: '15,00', percent: '1,50 %' });
  await expectText(a.unanswered, '29 chỉ số chưa trả lời');
  await a.setYesNo('1.3', false);
  await expectChecked(a.row('1.3').getByRole('radio', { name: 'Có', exact: true }), false);
  await expectText(a.earned('1.3'), '0,00');
  await expectSummary(a, { total: '0,00', percent: '0,00 %' });
  await expectText(a.unanswered, '29 chỉ số chưa trả lời');
  await a.done();
});

test('options: the chosen option earns its points', async () => {
  const a = await app.open();
  const deputy = a.option('1.1', 'Cấp phó của thủ trưởng cơ quan phụ trách (15)');
  const head = a.option('1.1', 'Thủ trưởng cơ quan là Trưởng Ban chỉ đạo/Tổ trưởng Tổ công tác chuyển đổi số (30)');
  const none = a.option('1.1', 'Chưa thành lập hoặc không có lãnh đạo cơ quan phụ trách (0)');
  await deputy.check();
  await expectText(a.earned('1.1'), '15,00');
  await expectText(a.total, '15,00');
  await head.check();
  await expectChecked(deputy, false);
  await expectText(a.earned('1.1'), '30,00');
  await expectSummary(a, { total: '30,00', percent: '3,00 %' });
  await none.check();
  await expectText(a.earned('1.1'), '0,00');
  await expectText(a.total, '0,00');
  await a.done();
});

test('parts: each condition ticked adds its points; none ticked is 0', async () => {
  const a = await app.open();
  const centre = a.part('3.3', 'Hệ thống thông tin của cơ quan đặt tại Trung tâm dữ liệu tỉnh (15)');
  const lgsp = a.part('3.3', 'Kết nối, chia sẻ dữ liệu qua nền tảng LGSP của tỉnh (15)');
  const video = a.part('3.3', 'Sử dụng hệ thống hội nghị truyền hình trực tuyến của tỉnh (15)');
  await centre.check();
  await expectText(a.earned('3.3'), '15,00');
  await video.check();
  await expectText(a.earned('3.3'), '30,00');
  await expectSummary(a, { total: '30,00', percent: '3,00 %' });
  await lgsp.check();
  await expectText(a.earned('3.3'), '45,00');
  await centre.uncheck();
  await expectChecked(centre, false);
  await expectChecked(video, true);
  await expectText(a.earned('3.3'), '30,00');
  await lgsp.uncheck();
  await video.uncheck();
  await expectText(a.earned('3.3'), '0,00');
  await expectText(a.total, '0,00');
  await expectText(a.unanswered, '29 chỉ số chưa trả lời');
  await a.done();
});

test('ratio: a / b × maximum, exact until display (2 of 3 on 20 → 13,33)', async () => {
  const a = await app.open();
  const num = a.row('1.2').getByLabel('a — Số văn bản chỉ đạo về chuyển đổi số do thủ trưởng cơ quan ký', { exact: true });
  const den = a.row('1.2').getByLabel('b — Tổng số văn bản chỉ đạo về chuyển đổi số của cơ quan trong năm', { exact: true });
  await num.fill('2');
  await den.fill('3');
  await expectText(a.earned('1.2'), '13,33');
  await expectSummary(a, { total: '13,33', percent: '1,33 %' });
  // a ≥ b earns the maximum (a and b stay as typed).
  await num.fill('5');
  await expectText(a.earned('1.2'), '20,00');
  // Counts with thousands dots: 1.500 of 2.000 → 15.
  await a.setRatio('1.2', '1.500', '2.000');
  await expectText(a.earned('1.2'), '15,00');
  // b = 0: 1.2 scores 0, 5.1 scores its maximum (as each indicator's rule says).
  await a.setRatio('1.2', '0', '0');
  await expectText(a.earned('1.2'), '0,00');
  await a.setRatio('5.1', '0', '0');
  await expectText(a.earned('5.1'), '35,00');
  await expectText(a.total, '35,00');
  await a.done();
});

test('ratio: points are summed exactly, rounded only for display (6,67 + 11,67 + 11,67 → 30,00)', async () => {
  const a = await app.open();
  await a.setRatio('1.2', '1', '3'); // 20 / 3 = 6,666…
  await a.setRatio('2.2', '1', '3'); // 35 / 3 = 11,666…
  await a.setRatio('3.1', '1', '3'); // 35 / 3 = 11,666…
  await expectText(a.earned('1.2'), '6,67');
  await expectText(a.earned('2.2'), '11,67');
  await expectText(a.earned('3.1'), '11,67');
  await expectSummary(a, { total: '30,00', percent: '3,00 %' });
  await a.done();
});

test('tiers: the value picks a band, shown with its points', async () => {
  const a = await app.open();
  await expectText(a.row('3.4').locator('.rule').last(), '≥ 50 Mbps → 5 điểm · ≥ 100 Mbps → 10 điểm · ≥ 200 Mbps → 20 điểm');
  const input = a.row('3.4').getByLabel('Giá trị (Mbps)', { exact: true });
  await input.fill('150');
  await expectText(a.band('3.4'), 'Bậc 2: ≥ 100 Mbps → 10 điểm');
  await expectText(a.earned('3.4'), '10,00');
  await expectText(a.total, '10,00');
  await input.fill('49,9');
  await expectText(a.band('3.4'), 'Dưới bậc thấp nhất: 0 điểm');
  await expectText(a.earned('3.4'), '0,00');
  await input.fill('50');
  await expectText(a.band('3.4'), 'Bậc 1: ≥ 50 Mbps → 5 điểm');
  await expectText(a.earned('3.4'), '5,00');
  await input.fill('200');
  await expectText(a.band('3.4'), 'Bậc 3: ≥ 200 Mbps → 20 điểm');
  await expectText(a.earned('3.4'), '20,00');
  await expectSummary(a, { total: '20,00', percent: '2,00 %' });
  await input.fill('');
  await expectCount(a.band('3.4'), 0);
  await expectText(a.earned('3.4'), '—');
  await a.done();
});

test('points: the typed value is the score', async () => {
  const a = await app.open();
  await a.pointsInput(20).fill('12,5');
  await expectText(a.earned('1.5'), '12,50');
  await expectSummary(a, { total: '12,50', percent: '1,25 %' });
  await a.done();
});

test('all methods together add up: 15 + 15 + 30 + 13,33… + 10 + 12,5 = 95,83', async () => {
  const a = await app.open();
  await a.setYesNo('1.3', true); // 15
  await a.option('1.1', 'Cấp phó của thủ trưởng cơ quan phụ trách (15)').check(); // 15
  await a.part('3.3', 'Trung tâm dữ liệu').check(); // 15
  await a.part('3.3', 'hội nghị truyền hình').check(); // 15
  await a.setRatio('1.2', '2', '3'); // 13,333…
  await a.setTier('3.4', '150'); // 10
  await a.setPoints('1.5', '12,5'); // 12,5
  // 95,8333… of 1.000 → 9,58 %; main 1: 15 + 15 + 13,333… + 12,5 = 55,83.
  await expectSummary(a, { total: '95,83', percent: '9,58 %', level: 'Khởi động', next: 'Cần thêm 154,17 điểm để đạt mức Hình thành' });
  await expectText(a.row('1.1').locator('xpath=ancestor::details[1]').locator('.main-points'), '55,83 / 100 điểm');
  await expectText(a.row('3.3').locator('xpath=ancestor::details[1]').locator('.main-points'), '40,00 / 125 điểm');
  await expectText(a.unanswered, '24 chỉ số chưa trả lời');
  await a.done();
});
