// "In / Lưu PDF": in print media only the report prints — agency, every main indicator
// of the group with its subtotal, the total "… / 1.000" with the level, the signature
// block — and none of the app's controls. Checked on the PDF Chromium makes, as text
// (pdftotext -layout), NFC-normalised.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { useApp } from './lib/harness.mjs';
import { expectText } from './lib/expect.mjs';

const app = useApp();
const exec = promisify(execFile);

const FRAMEWORK = JSON.parse(readFileSync(new URL('../fixtures/sets/laocai-2022.json', import.meta.url), 'utf8'));
const AGENCY = 'Sở Giao thông vận tải';
/** Text only the app's screen view has (buttons, labels, headings). */
const SCREEN_ONLY = [
  'Tải phiếu', 'Tải CSV', 'In / Lưu PDF', 'Xem phiếu dạng văn bản', 'Mở phiếu từ tệp', 'Tạo phiếu mới',
  'Nhân bản', 'Các phiếu đang soạn', 'Nhập điểm thẩm định', 'Minh chứng và trạng thái', 'Điểm tự đánh giá (0–20)',
  'Đến phần chỉ số', 'English',
];

/** Whitespace-collapsed, NFC text of a PDF. */
async function pdfText(file) {
  const { stdout } = await exec('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20, timeout: 60_000 });
  return stdout.normalize('NFC');
}
const flat = (s) => s.replace(/\s+/g, ' ');

test('the printed PDF is the report: agency, every main indicator, total, level and signatures; no form controls', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dti-e2e-pdf-'));
  try {
    const a = await app.open();
    await a.agency.fill(AGENCY);
    // 6 × 50 (ratio 1/1) + 1.5 = 12,5: 312,50 / 1.000 = 31,25 % → Hình thành.
    for (const code of ['6.1', '6.2', '7.1', '7.2', '7.3', '7.4']) await a.setRatio(code, '1', '1');
    await a.setPoints('1.5', '12,5');
    await expectText(a.total, '312,50');
    await expectText(a.level, 'Hình thành');
    // On screen the report is not shown.
    assert.equal(await a.page.locator('.print-report').isVisible(), false, 'the report is hidden on screen');

    // The report is built when print media starts (its change event comes with the next
    // rendering step, not within emulateMedia), so wait for it instead of sampling once.
    await a.page.emulateMedia({ media: 'print' });
    await a.page.locator('.print-report').waitFor({ state: 'visible', timeout: 5_000 });
    assert.equal(await a.page.locator('.print-report').isVisible(), true, 'the report shows in print media');
    assert.equal(await a.page.locator('main.layout').isVisible(), false, 'the app is hidden in print media');
    const file = join(dir, 'phieu.pdf');
    await writeFile(file, await a.page.pdf({ format: 'A4', printBackground: true }));
    await a.done();

    const raw = await pdfText(file);
    const text = flat(raw);
    const has = (s, what) => assert.ok(text.includes(s), `the PDF should contain ${what ?? JSON.stringify(s)}; its text:\n${raw}`);

    has('PHIẾU TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM 2022');
    has(`Cơ quan, đơn vị, địa phương: ${AGENCY}`);
    has('Nhóm: Nhóm các cơ quan, đơn vị có thủ tục hành chính');
    const mains = FRAMEWORK.indicators.filter((i) => i.groups.includes('co_tthc') && Number(i.max_points) > 0);
    assert.equal(mains.length, 7);
    for (const m of mains) has(m.name_vi.normalize('NFC'), `main indicator ${m.code} “${m.name_vi}”`);
    // Each main indicator is a row of the one table: name with its maximum, then its subtotal.
    assert.match(text, /Nhận thức số \(100 điểm\) 12,50/, 'main 1 with its subtotal');
    assert.match(text, /Dịch vụ công trực tuyến và thủ tục hành chính \(250 điểm\) 200,00/, 'main 7 with its subtotal');
    has('Tổng điểm tự đánh giá: 312,50 / 1.000 — 31,25 % — Hình thành', 'the total, percentage and level');
    has('NGƯỜI LẬP PHIẾU');
    assert.match(text, /Trang 1\/\d+/, 'the page footer, in Vietnamese');
    has('THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ');
    for (const s of SCREEN_ONLY) assert.ok(!text.includes(s), `the PDF should not contain the screen's “${s}”; its text:\n${raw}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('in English the printed page footer says "Page", not the Vietnamese "Trang"', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dti-e2e-pdf-'));
  try {
    const a = await app.open();
    await a.langToggle('English').click();
    await a.setPoints('1.5', '12,5');
    await expectText(a.total, '12,50');
    await a.page.emulateMedia({ media: 'print' });
    await a.page.locator('.print-report').waitFor({ state: 'visible', timeout: 5_000 });
    const file = join(dir, 'sheet.pdf');
    await writeFile(file, await a.page.pdf({ format: 'A4', printBackground: true }));
    await a.done();
    const raw = await pdfText(file);
    const text = flat(raw);
    assert.match(text, /Page 1\/\d+/, `the English footer; the PDF text:\n${raw}`);
    assert.ok(!/Trang \d/.test(text), `no Vietnamese footer in English; the PDF text:\n${raw}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
