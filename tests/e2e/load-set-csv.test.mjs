// The annex as CSV in the app (docs/annex-layout.md): the open set downloads as the annex
// table, an edited copy loads as a new set and scores; a broken one lists every problem
// with its row and changes nothing; the Excel template beside the app is the workbook.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { useApp } from './lib/harness.mjs';
import { expectText, expectTextContains, expectValue, poll, textOf } from './lib/expect.mjs';

const app = useApp();
const exec = promisify(execFile);

async function expectMatch(locator, re) {
  const got = await poll(() => textOf(locator), (v) => v !== null && re.test(v));
  assert.match(got ?? '', re);
}

async function openLoader(a) {
  await a.page.locator('details.set-loader > summary').click();
}

async function load(a, name, text) {
  await a.page.locator('#load-set').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** The open set as the annex CSV, downloaded from the app. */
async function downloadSetCsv(a) {
  const download = await a.download(a.page.getByTestId('set-csv'));
  assert.equal(download.suggestedFilename(), 'bo-chi-so-laocai-2022.csv');
  const dir = await mkdtemp(join(tmpdir(), 'dti-e2e-set-csv-'));
  try {
    const file = join(dir, 'bo.csv');
    await download.saveAs(file);
    return await readFile(file, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** 1-based line of the first line starting with `prefix` (the BOM is not a line). */
function lineOf(text, prefix) {
  const i = text.replace(/^\uFEFF/, '').split('\n').findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `no line starting with ${prefix}`);
  return i + 1;
}

test('the annex CSV of the open set, edited, loads as the official set and scores', async () => {
  const a = await app.open();
  await openLoader(a);
  const csv = await downloadSetCsv(a);
  assert.ok(csv.startsWith('\uFEFFMã bộ chỉ số;laocai-2022\n'), csv.slice(0, 80));
  assert.ok(csv.includes('\nSTT/Mã;Cấp;Tên chỉ số;'), 'the indicator table follows the set rows');
  // The department's edit: its own id, the official status, a renamed indicator.
  const edited = csv
    .replace('Mã bộ chỉ số;laocai-2022', 'Mã bộ chỉ số;laocai-2022-chinh-thuc')
    .replace('Trạng thái;Tham khảo', 'Trạng thái;Chính thức')
    .replace(/\n1\.5;2;[^;]*;/, '\n1.5;2;Điểm của Hội đồng;');
  assert.notEqual(edited, csv);
  await load(a, 'phu-luc.csv', edited);
  await expectTextContains(a.page.getByTestId('set-message'), 'Đã nạp bộ chỉ số');
  await expectTextContains(a.page.getByTestId('set-message'), '(chính thức, 2022 laocai-2022-chinh-thuc)');
  await expectValue(a.setSelect, 'laocai-2022-chinh-thuc');
  await expectTextContains(a.totalLine, '/ 1.000');
  await expectTextContains(a.row('1.5'), 'Điểm của Hội đồng');
  await a.setPoints('1.5', '12,5');
  await expectText(a.total, '12,50');
  await a.done();
});

test('a broken annex CSV lists every problem with its row and changes nothing', async () => {
  const a = await app.open();
  await openLoader(a);
  const csv = await downloadSetCsv(a);
  const row15 = lineOf(csv, '1.5;');
  const row11 = lineOf(csv, '1.1;');
  const broken = csv
    .replace(/\n(1\.5;2;[^\n]*?;)Nhập điểm;/, '\n$1Chấm điểm;')
    .replace(/\n(1\.1;2;[^;]*;[^;]*;)30;30;/, '\n$1;;');
  assert.notEqual(broken, csv);
  await load(a, 'phu-luc-loi.csv', broken);
  const message = a.page.getByTestId('set-message');
  await expectTextContains(message, 'phu-luc-loi.csv: 2 lỗi. Không có gì thay đổi.');
  const items = message.locator('li');
  await expectMatch(items.nth(0), new RegExp(`^phu-luc-loi\\.csv, trang “Chỉ số”, dòng ${row11}, cột E–G “Điểm tối đa: …”: thiếu điểm tối đa`));
  await expectMatch(items.nth(1), new RegExp(`^phu-luc-loi\\.csv, trang “Chỉ số”, dòng ${row15}, cột \\w+ “Cách tính”: “Chấm điểm” không phải cách tính`));
  await expectValue(a.setSelect, 'laocai-2022');
  await a.done();
});

test('the Excel template beside the app is the annex workbook', async () => {
  const a = await app.open();
  await openLoader(a);
  const link = a.page.getByTestId('set-template');
  await expectText(link, 'Tải mẫu bộ chỉ số (Excel)');
  const href = await link.getAttribute('href');
  const response = await a.page.request.get(new URL(href, a.page.url()).href);
  assert.equal(response.status(), 200);
  const bytes = await response.body();
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'an xlsx (zip) file');
  const dir = await mkdtemp(join(tmpdir(), 'dti-e2e-template-'));
  try {
    const file = join(dir, 'mau.xlsx');
    await writeFile(file, bytes);
    const workbook = (await exec('unzip', ['-p', file, 'xl/workbook.xml'], { encoding: 'utf8' })).stdout;
    assert.match(workbook, /<sheet name="Chỉ số"/);
    assert.match(workbook, /<sheet name="Bộ chỉ số"/);
    const strings = (await exec('unzip', ['-p', file, 'xl/sharedStrings.xml'], { encoding: 'utf8', maxBuffer: 16 << 20 })).stdout;
    assert.ok(strings.includes('Tài liệu kiểm chứng') && strings.includes('STT/Mã'), 'the annex headers');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await a.done();
});
