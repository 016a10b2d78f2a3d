// The council page (hoi-dong.html, issue 14): the 49 sheets generated from the 2022
// appendix's totals, imported at once, give the appendix's tables by the rule (ranks,
// totals, levels, averages — with the decision's two known differences shown as the rule's
// values); every problem case is listed; the outputs (xlsx through LibreOffice, the print
// view through pdftotext); the state survives a reload; the checker; the calculator's link.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { AxeBuilder } from '@axe-core/playwright';

import { launchBrowser } from './lib/harness.mjs';
import { startServer } from './lib/server.mjs';
import { BUILD } from './lib/fixture-dist.mjs';
import { poll } from './lib/expect.mjs';
import { Council, PUBLISHED, SEED_SHEETS, COUNCIL_FIXTURES, vn } from './lib/council.mjs';

const exec = promisify(execFile);
let server;
let browser;
const contexts = new Set();
before(async () => {
  server = await startServer(BUILD);
  browser = await launchBrowser();
});
after(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

async function openCouncil({ initScript, permissions } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  contexts.add(context);
  if (initScript) await context.addInitScript(initScript);
  if (permissions) await context.grantPermissions(permissions, { origin: new URL(server.url).origin });
  const c = await Council.open(context, server.url);
  c.done = async () => {
    const errors = c.pageErrors.map((e) => `${e.name}: ${e.message}`);
    contexts.delete(context);
    await context.close();
    assert.deepEqual(errors, [], `uncaught page errors:\n${errors.join('\n')}`);
  };
  return c;
}

/** The rule's values where the decision differs (README: what the checker finds). */
const RULE = { 'Sở Du lịch': 'Khởi động' };
const AVERAGES = { co_tthc: '521,18', khong_tthc: '328,21', huyen: '546,35' };

async function expectSeedTables(c) {
  for (const group of ['co_tthc', 'khong_tthc', 'huyen']) {
    const expected = PUBLISHED.filter((r) => r.group === group);
    const t = await c.table(group);
    assert.ok(t, `a table for ${group}`);
    assert.deepEqual(
      t.rows.map(({ rank, name, total, level }) => ({ rank, name, total, level })),
      expected.map((r) => ({ rank: r.rank, name: r.name, total: vn(r.total), level: RULE[r.name] ?? r.level })),
      `the ${group} table is the appendix's, levels by the rule`,
    );
    assert.equal(t.average, AVERAGES[group], `${group} average`);
  }
}

test('the 49 seed sheets imported at once give the 2022 appendix by the rule, each row saying its basis', async () => {
  assert.equal(SEED_SHEETS.length, 49);
  const c = await openCouncil();
  await c.importFiles(SEED_SHEETS);
  await poll(() => c.page.getByTestId('entries-count').textContent(), (t) => t.includes('49 tệp, 49 cơ quan'));
  await expectSeedTables(c);
  // Sở Tài chính's appraisal is complete: it ranks by the appraised total; a partial one by the self total.
  const t = await c.table('co_tthc');
  assert.equal(t.rows.find((r) => r.name === 'Sở Tài chính').basis, 'appraised');
  assert.equal(t.rows.find((r) => r.name === 'Sở Giáo dục và Đào tạo').basis, 'self');
  assert.equal(await c.problems.count(), 0, 'no problem with the seed sheets');
  // One agency's sheet, read-only.
  await c.tables.getByRole('button', { name: 'Sở Tài chính', exact: true }).click();
  const sheet = c.page.getByTestId('sheet-view');
  await sheet.waitFor();
  assert.match((await sheet.textContent()).normalize('NFC'), /Sở Tài chính/);
  assert.equal(await sheet.locator('input, select, textarea').count(), 0, 'read-only: no form controls');
  // Sort and filter.
  await c.page.getByLabel('Lọc theo tên').fill('huyện');
  await poll(() => c.table('huyen').then((x) => x.rows.length), (n) => n === 8);
  assert.equal((await c.table('co_tthc')).rows.length, 0);
  await c.page.getByLabel('Lọc theo tên').fill('');
  await c.page.getByRole('button', { name: 'Tên cơ quan', exact: true }).click();
  const byName = (await c.table('huyen')).rows.map((r) => r.name);
  assert.equal(byName[0], 'Huyện Bảo Thắng', 'sorted by name');
  await c.done();
});

test('the state survives a reload (IndexedDB): same tables, same files', async () => {
  const c = await openCouncil();
  await c.importFiles(SEED_SHEETS);
  await poll(() => c.page.getByTestId('entries-count').textContent(), (t) => t.includes('49 tệp'));
  await c.reload();
  await c.idle();
  await poll(() => c.page.getByTestId('entries-count').textContent(), (t) => t.includes('49 tệp, 49 cơ quan'));
  await expectSeedTables(c);
  await c.done();
});

test('every problem is listed with its reason, never merged or dropped silently', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dti-e2e-council-'));
  try {
    const sheet = JSON.parse(await readFile(SEED_SHEETS[0], 'utf8'));
    const files = {
      // The same agency again, spelt in capitals: both copies left out and listed.
      'ban-sao.json': JSON.stringify({ ...sheet, agency: sheet.agency.toUpperCase() }),
      // A sheet of another set (year).
      'nam-2023.json': JSON.stringify({ ...sheet, framework: 'laocai-2023', agency: 'Sở Năm Khác' }),
      // A group the set does not have.
      'nhom-la.json': JSON.stringify({ ...sheet, group: 'khong_co', agency: 'Cơ quan Nhóm Lạ' }),
      // Totals with a group the set does not have.
      'tong-diem.csv': 'group,name,total\nco_tthc,Sở Thử Nghiệm,500.5\nnhom_la,Cơ quan Khác,300\n',
      // Unreadable.
      'hong.json': '{ "schema": 1, "framework": ',
    };
    for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
    await writeFile(join(dir, 'qua-lon.csv'), Buffer.alloc(11 * 1024 * 1024, 0x61));
    const c = await openCouncil();
    await c.importFiles([SEED_SHEETS[0], ...Object.keys(files).map((n) => join(dir, n)), join(dir, 'qua-lon.csv')]);
    await c.problems.waitFor();
    const problems = await c.problemList();
    const kinds = problems.map((p) => p.kind).sort();
    for (const k of ['duplicate', 'other_set', 'unknown_group', 'unreadable', 'too_large']) {
      assert.ok(kinds.includes(k), `a ${k} problem is listed: ${JSON.stringify(problems, null, 1)}`);
    }
    const text = problems.map((p) => p.text).join('\n');
    for (const name of ['ban-sao.json', 'nam-2023.json', 'nhom-la.json', 'tong-diem.csv', 'hong.json', 'qua-lon.csv']) {
      assert.ok(text.includes(name), `the problems name ${name}:\n${text}`);
    }
    // Two unknown groups: the sheet's and the CSV row's (line 3).
    assert.equal(problems.filter((p) => p.kind === 'unknown_group').length, 2);
    // The duplicate agency is in no table; the good CSV row is.
    const t = await c.table('co_tthc');
    assert.deepEqual(t.rows.map((r) => r.name), ['Sở Thử Nghiệm']);
    await c.done();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('outputs: the .xlsx read by LibreOffice has totals as numbers; the print view is the appendix', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dti-e2e-council-out-'));
  try {
    const c = await openCouncil();
    await c.importFiles(SEED_SHEETS);
    await poll(() => c.table('huyen').then((t) => t?.rows.length), (n) => n === 9);

    const [download] = await Promise.all([c.page.waitForEvent('download'), c.page.getByRole('button', { name: 'Tải Excel (.xlsx)' }).click()]);
    const xlsx = join(dir, 'phu-luc.xlsx');
    await download.saveAs(xlsx);
    // Converted by LibreOffice twice: the cells' values (a total stored as text would come
    // out as written, "625,30"; a number as 625.3) and as shown (the 0.00 format: 625.30).
    const convert = async (name, asShown) => {
      const out = join(dir, name);
      await exec('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo')}`,
        '--convert-to', `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,${asShown}`, '--outdir', out, xlsx], {
        timeout: 180_000,
        env: { ...process.env, HOME: dir, LANG: 'en_US.UTF-8' },
      });
      return (await readFile(join(out, 'phu-luc.csv'), 'utf8')).normalize('NFC');
    };
    const values = await convert('values', false);
    assert.match(values, /\n1,"?Sở Giáo dục và Đào tạo"?,625\.3,"?Nâng cao"?/, `the first sheet's first row, its total a number:\n${values}`);
    assert.match(values, /Điểm trung bình"?,521\.18/, `the average a number:\n${values}`);
    const shown = await convert('shown', true);
    assert.match(shown, /\n1,"?Sở Giáo dục và Đào tạo"?,625\.30,/, `two decimals as shown:\n${shown}`);
    assert.match(shown, /\n11,"?Sở Công Thương"?,543\.00,/, `two decimals as shown:\n${shown}`);

    const [csvDownload] = await Promise.all([c.page.waitForEvent('download'), c.page.getByRole('button', { name: 'Tải CSV' }).click()]);
    const csvPath = join(dir, 'phu-luc-2.csv');
    await csvDownload.saveAs(csvPath);
    assert.match((await readFile(csvPath, 'utf8')).split(/\r?\n/)[0], /^\uFEFF?group,rank,name,total,level,group_average$/);

    // The print view is built only while printing (none on screen, none on import).
    assert.equal(await c.page.locator('.council-print').count(), 0, 'no print view on screen');
    await c.page.emulateMedia({ media: 'print' });
    await c.page.locator('.council-print').waitFor({ state: 'visible', timeout: 5_000 });
    const pdf = join(dir, 'phu-luc.pdf');
    await writeFile(pdf, await c.page.pdf({ format: 'A4', printBackground: true }));
    await c.done();
    const { stdout } = await exec('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 << 20 });
    const text = stdout.normalize('NFC').replace(/\s+/g, ' ');
    for (const s of [
      'KẾT QUẢ XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM 2022',
      'Xếp hạng Tên cơ quan Tổng điểm Mức xếp hạng',
      '1 Sở Giáo dục và Đào tạo 625,30 Nâng cao',
      '18 Sở Du lịch 235,40 Khởi động',
      'Điểm trung bình 521,18',
      'Điểm trung bình 328,21',
      'Điểm trung bình 546,35',
      '9 Huyện Văn Bàn 449,13 Hình thành',
    ]) {
      assert.ok(text.includes(s), `the printed appendix has “${s}”:\n${stdout}`);
    }
    for (const s of ['Tải CSV', 'Nạp phiếu', 'Kiểm tra phụ lục', 'English']) assert.ok(!text.includes(s), `no screen text “${s}” in print`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the checker shows the two findings of the 2022 decision, highlighted, and checks a pasted appendix', async () => {
  const c = await openCouncil();
  const summary = c.checker.getByTestId('checker-summary');
  await poll(() => summary.textContent(), (t) => /2 chỗ không thống nhất/.test(t ?? ''));
  const findings = (await c.checker.getByTestId('checker-findings').locator('li').allTextContents()).map((t) => t.normalize('NFC'));
  assert.equal(findings.length, 2, findings.join('\n'));
  assert.ok(findings.some((f) => f.includes('Sở Du lịch') && f.includes('235,40') && f.includes('Khởi động') && f.includes('Hình thành')), findings.join('\n'));
  assert.ok(findings.some((f) => f.includes('328,20') && f.includes('328,21')), findings.join('\n'));
  // Highlighted in the tables: the level cell of Sở Du lịch and the no-procedure average.
  assert.equal(await c.checker.locator('tr.flagged').count(), 2);
  const wrong = (await c.checker.locator('td.wrong').allTextContents()).map((t) => t.trim().normalize('NFC'));
  assert.ok(wrong.includes('Hình thành') && wrong.includes('328,20') && wrong.includes('328,21'), JSON.stringify(wrong));
  // Another appendix pasted: one rank printed wrong.
  await c.page.getByLabel(/Hoặc dán phụ lục/).fill('group,rank,name,total,level,group_average\nhuyen,1,Huyện A,600,Nâng cao,550\nhuyen,1,Huyện B,500,Hình thành,550\n');
  await c.page.getByRole('button', { name: 'Kiểm tra phụ lục đã dán' }).click();
  await poll(() => summary.textContent(), (t) => /chỗ không thống nhất trong phụ lục dán vào/.test(t ?? ''));
  const pasted = (await c.checker.getByTestId('checker-findings').locator('li').allTextContents()).join('\n').normalize('NFC');
  assert.match(pasted, /Huyện B: 500,00 điểm xếp hạng 2, nhưng in là 1/);
  await c.done();
});

test('the calculator links to the council page ("Hội đồng"); its bundle is not the calculator\'s', async () => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  contexts.add(context);
  const page = await context.newPage();
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
  await page.goto(server.url);
  const link = page.getByRole('link', { name: /Hội đồng/ });
  await link.waitFor({ timeout: 20_000 });
  assert.ok(wasm.every((u) => /dti-app-/.test(u)), `the calculator loads only its own wasm: ${wasm}`);
  await link.click();
  await page.waitForURL(/hoi-dong\.html$/);
  await page.locator('#council-files').waitFor({ state: 'attached', timeout: 20_000 });
  assert.ok(wasm.some((u) => /dti-council-/.test(u)), `the council page loads its own wasm: ${wasm}`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent().then((t) => t.includes('Hội đồng')), true);
  contexts.delete(context);
  await context.close();
});

test('"Sao chép bảng" puts the tables on the clipboard as HTML (Word) and as text', async () => {
  const c = await openCouncil({ permissions: ['clipboard-read', 'clipboard-write'] });
  await c.importFiles(SEED_SHEETS.slice(40));
  await poll(() => c.table('huyen').then((t) => t?.rows.length ?? 0), (n) => n === 9);
  await c.page.getByRole('button', { name: 'Sao chép bảng (dán vào Word)' }).click();
  await poll(() => c.page.getByTestId('output-status').textContent(), (t) => /Đã sao chép/.test(t ?? ''));
  const clip = await c.page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return { html: await (await item.getType('text/html')).text(), text: await (await item.getType('text/plain')).text() };
  });
  assert.match(clip.html.normalize('NFC'), /<table[\s\S]*Thành phố Lào Cai[\s\S]*651,93[\s\S]*Điểm trung bình[\s\S]*546,35/);
  assert.match(clip.text.normalize('NFC'), /Huyện Văn Bàn\s+449,13\s+Hình thành/);
  await c.done();
});

test('storage refused: the page says so and still ranks what is imported', async () => {
  const c = await openCouncil({
    initScript: () => Object.defineProperty(window, 'indexedDB', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } }),
  });
  await c.page.getByTestId('storage-refused').waitFor();
  assert.match((await c.page.getByTestId('storage-refused').textContent()).normalize('NFC'), /không cho lưu/);
  await c.importFiles(SEED_SHEETS.slice(40));
  await poll(() => c.table('huyen').then((t) => t?.rows.length ?? 0), (n) => n === 9);
  await c.done();
});

test('no serious or critical axe violation on the council page, Vietnamese then English, with tables, a problem and the checker', async () => {
  const c = await openCouncil();
  await c.importFiles([...SEED_SHEETS.slice(40), join(COUNCIL_FIXTURES, '..', 'sets', 'README.md')]);
  await c.problems.waitFor();
  await poll(() => c.checker.getByTestId('checker-summary').count(), (n) => n === 1);
  for (const lang of ['vi', 'en']) {
    if (lang === 'en') await c.page.getByRole('button', { name: 'English' }).click();
    const results = await new AxeBuilder({ page: c.page }).analyze();
    assert.ok(results.passes.length > 0, 'axe ran');
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `${lang}: axe violations`);
  }
  assert.equal(await c.page.evaluate(() => document.documentElement.lang), 'en');
  await c.done();
});

test('the checker reads the appendix as pasted from the decision (Word tables: titles, headings, rows, averages)', async () => {
  // The 2022 appendix laid out as the decision prints it, tab-separated as Word copies tables.
  const rows = PUBLISHED;
  const groups = { co_tthc: 'Nhóm các cơ quan, đơn vị có thủ tục hành chính', khong_tthc: 'Nhóm các cơ quan, đơn vị không có thủ tục hành chính', huyen: 'Nhóm các huyện, thị xã, thành phố' };
  let text = 'PHỤ LỤC\nKẾT QUẢ XẾP HẠNG MỨC ĐỘ CHUYỂN ĐỔI SỐ NĂM 2022\n\n';
  Object.entries(groups).forEach(([id, title], i) => {
    const members = rows.filter((r) => r.group === id);
    text += `2.${i + 1}. ${title}\n\nXếp hạng\tTên cơ quan\tTổng điểm\tMức xếp hạng\n`;
    for (const r of members) text += `${r.rank}\t${r.name}\t${vn(r.total)}\t${r.level}\n`;
    text += `\tĐiểm trung bình\t${vn(members[0].average)}\t\n\n`;
  });
  const c = await openCouncil();
  const summary = c.checker.getByTestId('checker-summary');
  await poll(() => summary.textContent(), (t) => /2 chỗ không thống nhất/.test(t ?? ''));
  await c.page.getByLabel(/Hoặc dán phụ lục/).fill(text);
  await c.page.getByRole('button', { name: 'Kiểm tra phụ lục đã dán' }).click();
  await poll(() => summary.textContent(), (t) => /2 chỗ không thống nhất trong phụ lục dán vào/.test(t ?? ''));
  const findings = (await c.checker.getByTestId('checker-findings').locator('li').allTextContents()).join('\n').normalize('NFC');
  assert.match(findings, /Sở Du lịch: 235,40 điểm = 23,54 % → mức “Khởi động”/);
  assert.match(findings, /328,20[\s\S]*328,21/);
  await c.done();
});
