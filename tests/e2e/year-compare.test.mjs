// "So sánh hai năm": one agency's sheets of 2022 and 2023 (group khong_tthc, 750 and 800
// points in the fixture sets), side by side per main indicator, from two drafts and from
// a sheet file of the other year; two groups are refused naming both, two agency names
// are warned about.
//
//   2022: 1.1 head 30, 1.3 Có 15, 1.4 Có 15, 1.5 = 20 → 80 · 2.1 Có 25 · 3.2 Có 25 (of 125)
//         · 4: 0 · 5.2 Có 25 (of 125) · 6.1 ratio 1/1 50 (of 200)  = 205 / 750 (27,33 %)
//   2023: 1.1 head, 1.3, 1.4 → 60 · 2.1, 2.3 → 45 · 3.1 1/1 35 + 3.2 25 → 60 · 4.1 → 20
//         · 5.2 → 25 · 6.1, 6.2 1/1, 6.3 all parts, 6.4 = 3, 6.6 Có → 225 (of 250)
//         = 435 / 800 (54,375 %): +230,00 and +27,04 percentage points, Hình thành → Nâng cao.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, rm } from 'node:fs/promises';

import { AxeBuilder } from '@axe-core/playwright';

import { Calculator, GROUPS_2022 } from './lib/calculator.mjs';
import { launchBrowser, useApp } from './lib/harness.mjs';
import { expectAttr, expectCount, expectText, poll } from './lib/expect.mjs';
import { assertNoPageErrors, launchPersistent, removeDir, tempDir, waitForController } from './lib/pwa.mjs';
import { DIST, startServer, startSwitchableServer } from './lib/server.mjs';

const app = useApp();

const AGENCY = 'Sở Tư pháp';
const HEAD = 'Thủ trưởng cơ quan là Trưởng Ban chỉ đạo/Tổ trưởng Tổ công tác chuyển đổi số';

const ROWS = [
  ['1. Nhận thức số', '80,00 / 100', '80,00 %', '60,00 / 100', '60,00 %', '-20,00', '-20,00'],
  ['2. Thể chế số', '25,00 / 100', '25,00 %', '45,00 / 100', '45,00 %', '+20,00', '+20,00'],
  // Same maximum (125): the points and the share move together, 20 % → 48 %.
  ['3. Hạ tầng số', '25,00 / 125', '20,00 %', '60,00 / 125', '48,00 %', '+35,00', '+28,00'],
  ['4. Nhân lực số', '0,00 / 100', '0,00 %', '20,00 / 100', '20,00 %', '+20,00', '+20,00'],
  ['5. An toàn thông tin mạng', '25,00 / 125', '20,00 %', '25,00 / 125', '20,00 %', '0,00', '0,00'],
  // The maximum grew from 200 to 250: +175 points is +65 percentage points.
  ['6. Hoạt động chính quyền số', '50,00 / 200', '25,00 %', '225,00 / 250', '90,00 %', '+175,00', '+65,00'],
];
const TOTAL = ['Tổng điểm', '205,00 / 750', '27,33 %', '435,00 / 800', '54,38 %', '+230,00', '+27,04'];
const LEVEL = 'Mức xếp hạng: Hình thành → Nâng cao (tăng 1 mức)';

async function fill2022(a) {
  await a.option('1.1', HEAD).check();
  await a.setYesNo('1.3', true);
  await a.setYesNo('1.4', true);
  await a.setPoints('1.5', '20');
  await a.setYesNo('2.1', true);
  await a.setYesNo('3.2', true);
  await a.setYesNo('5.2', true);
  await a.setRatio('6.1', '1', '1');
  await expectText(a.totalLine, 'Tổng điểm 205,00 / 750');
}

async function fill2023(a) {
  await a.option('1.1', HEAD).check();
  await a.setYesNo('1.3', true);
  await a.setYesNo('1.4', true);
  await a.setYesNo('2.1', true);
  await a.setYesNo('2.3', true);
  await a.setRatio('3.1', '1', '1');
  await a.setYesNo('3.2', true);
  await a.setYesNo('4.1', true);
  await a.setYesNo('5.2', true);
  await a.setRatio('6.1', '1', '1');
  await a.setRatio('6.2', '1', '1');
  for (const part of ['Gửi báo cáo qua Hệ thống thông tin báo cáo của tỉnh', 'Tổ chức, tham dự họp trực tuyến', 'Lịch công tác của lãnh đạo cơ quan']) {
    await a.part('6.3', part).check();
  }
  await a.setTier('6.4', '3');
  await a.setYesNo('6.6', true);
  await expectText(a.totalLine, 'Tổng điểm 435,00 / 800');
  await expectText(a.level, 'Nâng cao');
}

/** The 2023 draft of the agency, started from its 2022 draft by switching the set. */
async function twoYears(a, agency = AGENCY) {
  await a.selectGroup(GROUPS_2022.khong_tthc);
  await a.agency.fill(agency);
  await fill2022(a);
  const file = await a.download(a.downloadJsonButton);
  const sheet2022 = JSON.parse(await streamText(await file.createReadStream()));
  await a.setSelect.selectOption('laocai-2023');
  await expectText(a.totalLine, 'Tổng điểm 0,00 / 800');
  await fill2023(a);
  return sheet2022;
}

async function streamText(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

const section = (a) => a.page.getByTestId('yoy');
async function openCompare(a) {
  await section(a).locator('summary').click();
  await section(a).getByLabel('Năm nay', { exact: true }).waitFor();
}

/** Cells of the comparison's body rows and of its total row. */
async function table(a) {
  const cells = (rows) => rows.evaluateAll((rs) => rs.map((r) => [...r.children].map((c) => c.innerText.replace(/\s+/g, ' ').trim())));
  const t = a.page.getByTestId('yoy-table');
  return { rows: await cells(t.locator('tbody tr')), total: (await cells(t.locator('tfoot tr')))[0] };
}

async function expectTable(a, message) {
  const got = await poll(() => table(a), (t) => JSON.stringify(t) === JSON.stringify({ rows: ROWS, total: TOTAL }));
  assert.deepEqual(got, { rows: ROWS, total: TOTAL }, message);
  await expectText(a.page.getByTestId('yoy-level'), LEVEL);
}

test('two drafts of one agency: the change per main indicator, of the total, the percentage and the level', async () => {
  const a = await app.open();
  await twoYears(a);
  await openCompare(a);
  // Opened with the agency's two drafts, the earlier year as "Năm trước".
  const chosen = (id) => a.page.locator(`#${id} option:checked`);
  await expectText(chosen('yoy-a'), `${AGENCY} — 2022 — Nhóm các cơ quan, đơn vị không có thủ tục hành chính`);
  await expectText(chosen('yoy-b'), `${AGENCY} — 2023 — Nhóm các cơ quan, đơn vị không có thủ tục hành chính`);
  await expectTable(a, 'the comparison of the two drafts');
  const t = a.page.getByTestId('yoy-table');
  await expectText(t.locator('caption'), 'So sánh năm 2022 với năm 2023');
  await expectCount(t.locator('thead th[scope="col"]'), 7);
  await expectCount(t.locator('tbody th[scope="row"]'), 6);
  await expectCount(a.page.getByTestId('yoy-unmatched'), 0, 'the fixture sets have the same six main indicators');
  await expectCount(a.page.getByTestId('yoy-warning'), 0);
  const axe = await new AxeBuilder({ page: a.page }).include('[data-testid="yoy"]').analyze();
  assert.ok(axe.passes.length > 0, 'axe ran');
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], 'no serious axe violation in the comparison');

  // A sheet compared with itself changes nothing; the select keeps the focus.
  const selectA = section(a).getByLabel('Năm trước', { exact: true });
  await selectA.focus();
  await selectA.selectOption({ label: `${AGENCY} — 2023 — Nhóm các cơ quan, đơn vị không có thủ tục hành chính` });
  await expectText(t.locator('tfoot'), 'Tổng điểm 435,00 / 800 54,38 % 435,00 / 800 54,38 % 0,00 0,00');
  await expectText(a.page.getByTestId('yoy-level'), 'Mức xếp hạng: Giữ mức Nâng cao');
  assert.equal(await a.page.evaluate(() => document.activeElement?.id), 'yoy-a', 'the select keeps the focus');
  await selectA.selectOption({ label: `${AGENCY} — 2022 — Nhóm các cơ quan, đơn vị không có thủ tục hành chính` });
  await expectTable(a, 'back to 2022');

  // Typing in the open draft updates the open comparison: 4.1 Không takes 20 points off.
  await a.setYesNo('4.1', false);
  await expectText(t.locator('tbody tr').nth(3).getByTestId('yoy-change'), '0,00');
  await expectText(t.locator('tfoot').getByTestId('yoy-change'), '+210,00');
  await a.setYesNo('4.1', true);
  await expectText(t.locator('tfoot').getByTestId('yoy-change'), '+230,00');

  // English on the toggle; the figures are the same.
  await a.langToggle().click();
  await expectText(t.locator('thead th').nth(5), 'Change (points)');
  await expectText(a.page.getByTestId('yoy-level'), 'Level: Forming → Advanced (up 1 level)');
  await a.done();
});

test('the other year from a sheet file; another group is refused naming both, another agency is warned about', async () => {
  const first = await app.open();
  const sheet2022 = await twoYears(first);
  await first.close();
  assert.equal(sheet2022.group, 'khong_tthc');

  // A fresh browser with only the 2023 draft (the name spelled otherwise).
  const a = await app.open();
  await a.setSelect.selectOption('laocai-2023');
  await a.selectGroup('Nhóm các cơ quan, đơn vị không có thủ tục hành chính (800 điểm)');
  await a.agency.fill('SỞ TƯ PHÁP');
  await fill2023(a);
  await openCompare(a);
  await expectText(a.page.getByTestId('yoy-message'), 'Chọn hai phiếu để so sánh.');
  await expectText(a.page.locator('#yoy-a option:checked'), '— Chọn phiếu —', 'no other year yet: nothing chosen');
  const input = a.page.getByTestId('yoy-file');
  const open = (name, sheet) => input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sheet)) });

  await open('so-tu-phap-2022.json', sheet2022);
  await expectText(a.page.locator('#yoy-a option:checked'), `Tệp so-tu-phap-2022.json: ${AGENCY} — 2022 — Nhóm các cơ quan, đơn vị không có thủ tục hành chính`);
  await expectTable(a, 'the comparison with the file');
  await expectCount(a.page.getByTestId('yoy-warning'), 0, '“Sở Tư pháp” and “SỞ TƯ PHÁP” are one agency');

  await open('so-noi-vu-2022.json', { ...sheet2022, agency: 'Sở Nội vụ' });
  await expectText(a.page.getByTestId('yoy-warning'),
    'Tên cơ quan khác nhau giữa hai phiếu: “Sở Nội vụ” (2022) và “SỞ TƯ PHÁP” (2023); hãy kiểm tra đây là cùng một cơ quan.');
  await expectTable(a, 'compared all the same');

  await open('co-tthc-2022.json', { ...sheet2022, group: 'co_tthc' });
  await expectText(a.page.getByTestId('yoy-message'),
    'hai phiếu thuộc hai nhóm khác nhau: “Nhóm các cơ quan, đơn vị có thủ tục hành chính” (2022) và “Nhóm các cơ quan, đơn vị không có thủ tục hành chính” (2023); chỉ so sánh được hai phiếu cùng một nhóm');
  await expectCount(a.page.getByTestId('yoy-table'), 0);

  await input.setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{"schema": 1') });
  await expectCount(a.page.getByTestId('yoy-file-error'), 1, 'a damaged file is refused with a message');
  // The open draft is untouched by any of it.
  await expectText(a.totalLine, 'Tổng điểm 435,00 / 800');
  await a.done();
});

// The comparison is a wasm module of its own (compare-module → annex/dti_compare.js,
// issue 15): not part of the first visit, imported when the section is first opened.

/** Every URL the page fetched so far (the resource timing entries). */
const fetched = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
const MODULE_WASM = '/annex/dti_compare_bg.wasm';

test('a first visit does not download the comparison module; opening the section does', async () => {
  const a = await app.open();
  const first = await fetched(a.page);
  assert.ok(first.some((u) => u.endsWith('.wasm')), `the app's wasm is among the fetched files: ${first.join(', ')}`);
  assert.deepEqual(first.filter((u) => u.includes('/annex/')), [], 'no annex/ file on the first visit');
  await openCompare(a);
  const later = await fetched(a.page);
  assert.ok(later.some((u) => u.endsWith(MODULE_WASM)), `${MODULE_WASM} fetched: ${later.join(', ')}`);
  assert.deepEqual(later.filter((u) => u.includes('/annex/dti_annex')), [], 'the comparison does not need the CSV module');
  await expectText(a.page.getByTestId('yoy-message'), 'Chọn hai phiếu để so sánh.');
  await expectCount(a.page.getByTestId('yoy-module'), 0, 'no loading line once the module is there');
  await a.done();
});

test('when the module cannot be loaded the section says so, and opens once it can', async () => {
  // A deployment without the module's files: what a visitor offline before the worker
  // kept it also gets (the import fails).
  const root = await tempDir('no-compare');
  await cp(DIST, root, { recursive: true });
  await rm(`${root}/annex/dti_compare.js`);
  await rm(`${root}/annex/dti_compare_bg.wasm`);
  const server = await startSwitchableServer(root);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const a = await Calculator.open(context, server.url);
    await section(a).locator('summary').click();
    const line = a.page.getByTestId('yoy-module');
    await expectText(line, 'Không tải được phần so sánh hai năm (annex/dti_compare.js); hãy kiểm tra kết nối, rồi đóng và mở lại mục này.');
    await expectAttr(line, 'role', 'alert');
    await expectCount(section(a).getByLabel('Năm nay', { exact: true }), 0);
    await a.langToggle().click();
    await expectText(line, 'The year comparison (annex/dti_compare.js) could not be loaded; check the connection, then close and open this section again.');
    await a.langToggle('Tiếng Việt').click();

    // The module is back: closing and opening the section again loads it.
    await server.setRoot(DIST);
    await section(a).locator('summary').click();
    await openCompare(a);
    await expectText(a.page.getByTestId('yoy-message'), 'Chọn hai phiếu để so sánh.');
    await expectCount(line, 0);
    assertNoPageErrors(a);
  } finally {
    await browser.close();
    await server.close();
    await removeDir(root);
  }
});

test('once opened online, the comparison works offline (the service worker keeps the module)', async () => {
  const server = await startServer();
  const browser = await launchPersistent();
  try {
    const a = new Calculator(browser.page);
    await a.page.goto(server.url);
    await a.ready();
    await waitForController(a);
    await twoYears(a);
    await openCompare(a);
    await expectTable(a, 'online');

    await server.close();
    await a.reload();
    await openCompare(a);
    await expectTable(a, 'offline, from the kept module');
    assertNoPageErrors(a);
  } finally {
    await browser.close();
    await server.close();
  }
});
