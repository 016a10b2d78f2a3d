// Issue 10: figures a director can sign.
// - A partial appraisal (the council scored 6 of the 30 indicators of the 2022 group with
//   procedures): no level, "6/30 chỉ số đã thẩm định", and Chênh lệch (Tự đánh giá − Thẩm
//   định) over those 6 only — on screen, in the CSV total row and in print.
//   Self 275,50: 1.1 head 30, 1.3 yes 15, 1.4 yes 15, 1.5 18, 2.1 yes 25, 2.3 yes 20,
//   3.2 yes 25, 4.1 yes 20, 5.2 yes 25, 6.1 45/50 → 45, 7.1 30/40 → 37,5.
//   Council: 1.1 deputy 15, 1.3 no 0, 1.5 12,5, 2.1 yes 25, 6.1 40/50 → 40, 7.1 30/40 → 37,5
//   = 130,00; self on those six = 170,50; Chênh lệch 40,50 (not 275,50 − 130 = 145,50).
// - Before the first answer: the total only; after it, level, gap and an estimated rank
//   naming its group, the group's average (521,18 as printed) and top (625,30), and the
//   agency's own published row when it is left out (19/19 → 18/18).
// - Switching group says where the answers went and offers the way back.
// - A ratio pair is checked when the user leaves it; a document date as dd/mm/yyyy.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { AxeBuilder } from '@axe-core/playwright';

import { useApp } from './lib/harness.mjs';
import { GROUPS_2022 } from './lib/calculator.mjs';
import { expectAttr, expectChecked, expectCount, expectText, expectTextContains, expectValue } from './lib/expect.mjs';

const app = useApp();
const exec = promisify(execFile);
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const GROUP = 'Nhóm các cơ quan, đơn vị có thủ tục hành chính';

const APPRAISED_LINE = 'Thẩm định: 130,00 điểm · 6/30 chỉ số đã thẩm định — chưa đủ, chưa xếp mức';
const DIFFERENCE_LINE = 'Chênh lệch (Tự đánh giá − Thẩm định) trên 6 chỉ số đã thẩm định: 170,50 − 130,00 = 40,50';

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  assert.ok(results.passes.length > 0, 'axe ran and checked rules');
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')).join('\n');
}

/** Radio of one side (own `f-…` or council `t-…`) by its label. */
const radio = (a, code, side, name) => a.page.locator(`[id="${side}-${code}-value"]`).getByRole('radio', { name, exact: typeof name === 'string' });

async function fillPartlyAppraised(a) {
  await a.agency.fill('Sở Tài chính');
  await radio(a, '1.1', 'f', /^Thủ trưởng cơ quan là Trưởng Ban/).check();
  for (const code of ['1.3', '1.4', '2.1', '2.3', '3.2', '4.1', '5.2']) await radio(a, code, 'f', 'Có').check();
  await a.setPoints('1.5', '18');
  await a.setRatio('6.1', '45', '50');
  await a.setRatio('7.1', '30', '40');
  await expectText(a.total, '275,50');
  await a.appraisedToggle.check();
  await radio(a, '1.1', 't', /^Cấp phó/).check();
  await radio(a, '1.3', 't', 'Không').check();
  await a.appraisedField('1.5').fill('12,5');
  await radio(a, '2.1', 't', 'Có').check();
  await a.appraisedField('6.1', 'a').fill('40');
  await a.appraisedField('6.1', 'b').fill('50');
  await a.appraisedField('7.1', 'a').fill('30');
  await a.appraisedField('7.1', 'b').fill('40');
}

async function pdfPages(file) {
  const { stdout: info } = await exec('pdfinfo', [file]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const texts = [];
  for (let p = 1; p <= pages; p++) {
    const { stdout } = await exec('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(p), '-l', String(p), file, '-'], { maxBuffer: 16 << 20 });
    texts.push(stdout.normalize('NFC'));
  }
  return texts;
}
const flat = (s) => s.replace(/\s+/g, ' ');

test('a partial appraisal: no level, x/y appraised, Chênh lệch over the appraised indicators — on screen, in CSV and in print', { timeout: 120_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dti-e2e-partial-'));
  try {
    const a = await app.open({ viewport: { width: 1366, height: 768 } });
    await fillPartlyAppraised(a);

    await expectText(a.page.getByTestId('appraised-line'), APPRAISED_LINE);
    await expectText(a.page.getByTestId('difference-total'), DIFFERENCE_LINE);
    await expectText(a.level, 'Hình thành', 'the self level stays (27,55 %)');
    await expectCount(a.appraisedTotal.locator('.level'), 0);
    await expectText(a.row('1.1').locator('.earned-appraised'), 'Thẩm định: 15,00 · Chênh lệch (Tự đánh giá − Thẩm định): 15,00');
    await expectTextContains(a.page.locator('section.bars'), '1. Nhận thức số: 78,00 / 100 · thẩm định 27,50 (3/5 chỉ số)');
    await mkdir(ARTIFACTS, { recursive: true });
    await a.page.locator('aside.summary-col').screenshot({ path: `${ARTIFACTS}partial-appraisal-summary.png` });

    // CSV: the total row keeps its shape; Chênh lệch is its last number, the count in words.
    const download = await a.download(a.downloadCsvButton);
    const csv = (await readFile(await download.path(), 'utf8')).slice(1).split(/\r?\n/).filter((l) => l);
    assert.equal(csv[0].split(';')[5], 'Chênh lệch (Tự đánh giá − Thẩm định)');
    const total = csv.at(-1);
    assert.equal(total, ';Tổng điểm;1000,00;275,50;130,00;40,50;đã thẩm định sáu trên ba mươi chỉ số (chưa đủ, chưa xếp mức);');
    assert.equal(total.match(/\d+,\d\d/g).at(-1), '40,50', 'Chênh lệch is the last number of the total row');
    assert.ok(csv.includes('1;Nhận thức số;100,00;78,00;27,50;35,50;;'), csv.join('\n'));

    // Print: A4, the national heading, the summary box before the one table, page numbers.
    await a.page.emulateMedia({ media: 'print' });
    await a.page.screenshot({ path: `${ARTIFACTS}print-view.png`, fullPage: true });
    await expectCount(a.page.locator('.print-report table'), 1, 'one table for every section');
    assert.deepEqual(
      (await a.page.locator('.print-report thead th').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()),
      ['Mã', 'Chỉ số', 'Điểm tối đa', 'Trả lời', 'Tự đánh giá', 'Thẩm định', 'Chênh lệch (Tự đánh giá − Thẩm định)', 'Minh chứng'],
    );
    const file = join(dir, 'phieu.pdf');
    await writeFile(file, await a.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    await a.done();

    await writeFile(`${ARTIFACTS}partial-appraisal.pdf`, await readFile(file));
    const pages = await pdfPages(file);
    const all = flat(pages.join('\n'));
    const has = (s) => assert.ok(all.includes(s), `the PDF should contain ${JSON.stringify(s)}; its text:\n${pages.join('\n----\n')}`);
    assert.ok(pages.length >= 2 && pages.length <= 4, `2 to 4 A4 pages, got ${pages.length}`);
    pages.forEach((p, i) => {
      assert.ok(flat(p).includes(`Trang ${i + 1}/${pages.length}`), `page ${i + 1} is numbered: ${p.slice(-200)}`);
      assert.ok(flat(p).replace(/Trang \d+\/\d+/, '').trim().length > 40, `page ${i + 1} is not blank`);
    });
    assert.ok(flat(pages.at(-1)).includes('THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ'), 'the signatures end the last page');
    has('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    has('Độc lập - Tự do - Hạnh phúc');
    has('PHIẾU TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM 2022');
    has('Cơ quan, đơn vị, địa phương: Sở Tài chính');
    has('Tổng điểm tự đánh giá: 275,50 / 1.000 — 27,55 % — Hình thành');
    has('Thẩm định: 130,00 điểm — 6/30 chỉ số đã thẩm định — chưa đủ, chưa xếp mức');
    has(DIFFERENCE_LINE);
    // The summary box comes first, then the table (its header repeated on every page).
    const first = flat(pages[0]);
    assert.ok(first.includes('Tổng điểm tự đánh giá') && first.indexOf('Tổng điểm tự đánh giá') < first.indexOf('Minh chứng'), 'summary box before the table');
    pages.forEach((p, i) => assert.ok(flat(p).includes('Trả lời'), `the table header on page ${i + 1}`));
    // Answers as short phrases: a/b = %, the option chosen.
    has('45/50 = 90,00 %');
    has('30/40 = 75,00 %');
    has('18 điểm');
    has('Thủ trưởng cơ quan'); // the chosen option (its cell wraps)
    // The set's name once.
    assert.equal(all.split('Bộ chỉ số đánh giá, xếp hạng mức độ chuyển đổi số năm 2022').length - 1, 1, 'the set is named once');
    // The total row of the table: maximum, self, appraised, Chênh lệch.
    assert.match(all, /Tổng cộng 1\.000 275,50 130,00 40,50/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('before the first answer only the total; after it, level, gap and an estimated rank with its basis', async () => {
  const a = await app.open({ viewport: { width: 1366, height: 768 } });
  await expectText(a.totalLine, 'Tổng điểm 0,00 / 1.000');
  await expectText(a.page.getByTestId('pending'), 'Mức xếp hạng, số điểm còn thiếu và hạng ước tính hiện ra sau câu trả lời đầu tiên.');
  await expectCount(a.level, 0);
  await expectCount(a.next, 0);
  await expectCount(a.position, 0);
  await mkdir(ARTIFACTS, { recursive: true });
  await a.page.screenshot({ path: `${ARTIFACTS}before-first-answer.png` });
  assert.equal(await seriousViolations(a.page), '', 'axe before the first answer');

  await a.setPoints('1.5', '18');
  await expectText(a.level, 'Khởi động');
  await expectText(a.next, 'Cần thêm 232,01 điểm để đạt mức Hình thành');
  await expectCount(a.page.getByTestId('pending'), 0);
  await expectText(a.position, `Hạng ước tính: 19/19 trong ${GROUP} (so với 18 đơn vị trong kết quả đã công bố năm 2022)`);
  await expectText(a.page.getByTestId('group-stats'), 'Trung bình nhóm: 521,18 · cao nhất: 625,30');
  await expectCount(a.page.getByTestId('own-row'), 0);
  // Bars carry the main indicators' names.
  await expectTextContains(a.page.locator('section.bars'), '1. Nhận thức số: 18,00 / 100');
  await expectTextContains(a.page.locator('section.bars'), '7. Dịch vụ công trực tuyến và thủ tục hành chính: 0,00 / 250');

  // The agency's own published row is left out, and the page says so.
  await a.agency.fill('Sở Y tế');
  await expectText(a.position, `Hạng ước tính: 18/18 trong ${GROUP} (so với 18 đơn vị trong kết quả đã công bố năm 2022)`);
  await expectText(a.page.getByTestId('own-row'), 'Đã bỏ dòng đã công bố của chính đơn vị “Sở Y tế” (287,30 điểm) để không tính hai lần.');
  await a.page.screenshot({ path: `${ARTIFACTS}after-first-answer.png` });
  assert.equal(await seriousViolations(a.page), '', 'axe after the first answer');
  await a.done();
});

test('switching group says the answers stay in their draft and offers the way back', async () => {
  const a = await app.open();
  await a.agency.fill('Sở Tài chính');
  await a.setPoints('1.5', '18');
  await expectText(a.totalLine, 'Tổng điểm 18,00 / 1.000');
  await a.selectGroup(GROUPS_2022.khong_tthc);
  const notice = a.page.getByTestId('switch-notice');
  await expectTextContains(notice, `1 câu trả lời của ${GROUP} (bộ chỉ số năm 2022) vẫn được giữ nguyên trong phiếu “Sở Tài chính” (ở mục Các phiếu đang soạn)`);
  await expectText(a.totalLine, 'Tổng điểm 0,00 / 750');
  assert.equal(await seriousViolations(a.page), '', 'axe with the switch notice');
  await notice.getByRole('button', { name: `Quay lại ${GROUP} (bộ chỉ số năm 2022)`, exact: true }).click();
  await expectChecked(a.groupRadio(GROUPS_2022.co_tthc), true);
  await expectText(a.totalLine, 'Tổng điểm 18,00 / 1.000');
  await expectValue(a.field('1.5'), '18');
  await expectCount(notice, 0);
  // An empty sheet switches without a message.
  await a.newDraftButton.click();
  await a.selectGroup(GROUPS_2022.huyen);
  await expectCount(notice, 0);
  await a.done();
});

test('a ratio pair is checked when the user leaves it; a document date as dd/mm/yyyy; the badge follows the status', async () => {
  const a = await app.open();
  await a.field('1.2', 'a').fill('2');
  await a.field('1.2', 'b').focus();
  await expectCount(a.fieldError('1.2', 'b'), 0, 'no error while still in the pair');
  await expectCount(a.errorSummary, 0);
  await a.field('1.5').focus();
  await expectText(a.fieldError('1.2', 'b'), 'Lỗi: Chỉ số 1.2: cần nhập cả mẫu số (b)');
  await expectCount(a.errorSummary, 1);
  await a.field('1.2', 'b').fill('3');
  await expectCount(a.fieldError('1.2', 'b'), 0);
  await a.field('1.5').focus();
  await expectText(a.earned('1.2'), '13,33');

  await a.setPoints('1.5', '18');
  await a.openEvidence('1.5');
  const date = a.evidenceField('1.5', 'date');
  await date.fill('2022-13-45');
  await a.evidenceField('1.5', 'number').focus();
  const error = a.page.locator('[id="ev-1.5-date-error"]');
  await expectText(error, 'Lỗi: Ngày văn bản cần ghi theo dạng ngày/tháng/năm, ví dụ 15/03/2022; bạn nhập “2022-13-45”');
  await expectAttr(date, 'aria-invalid', 'true');
  assert.ok((await date.getAttribute('aria-describedby')).split(' ').includes('ev-1.5-date-error'), 'the error is tied to the field');
  await expectValue(date, '2022-13-45', 'what was typed is kept');
  await date.fill('31/02/2022');
  await a.evidenceField('1.5', 'number').focus();
  await expectText(error, 'Lỗi: Không có ngày “31/02/2022” trong lịch; kiểm tra lại ngày và tháng');
  await a.page.locator('[id="ev-1.5-date-picker"]').fill('2022-03-15');
  await expectValue(date, '15/03/2022', 'the calendar writes dd/mm/yyyy');
  await expectCount(error, 0);

  const badge = a.evidenceBox('1.5').locator('summary .badge');
  await expectText(badge, 'đã có minh chứng');
  await a.evidenceField('1.5', 'status').selectOption({ label: 'Cần bổ sung minh chứng' });
  await expectText(badge, 'Cần bổ sung minh chứng');
  assert.equal(await seriousViolations(a.page), '', 'axe with the evidence box and a date');

  // The text view is readable text; the JSON is a separate, explicit choice.
  await a.page.getByRole('button', { name: 'Xem phiếu dạng văn bản', exact: true }).click();
  const readable = a.page.locator('#sheet-readable');
  await expectTextContains(readable, '1.5 Công tác thông tin, tuyên truyền về chuyển đổi số: 18 điểm → 18,00 / 20');
  await expectTextContains(readable, '1.2 Tỷ lệ văn bản chỉ đạo, điều hành về chuyển đổi số');
  assert.ok(!(await readable.innerText()).includes('"schema"'), 'no JSON in the text view');
  await a.done();
});
