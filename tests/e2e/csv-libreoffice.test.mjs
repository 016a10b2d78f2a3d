// "Tải CSV cho Excel": UTF-8 with a BOM, `;` between fields, `,` as the decimal mark.
// Opened by LibreOffice Calc (headless) in a Vietnamese locale and saved as .xlsx, the
// Vietnamese text is intact and the points are numeric cells with the right values.
//
// The sheet: 1.2 ratio 2/3 → 13,333… · 1.5 self 18, appraised 12,5 · 3.4 150 Mbps → 10;
// evidence and status on 1.5. Self total 41,33; appraised 12,50 on 1.5 only; Chênh lệch 5,50 (18 − 12,5).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { useApp } from './lib/harness.mjs';
import { expectText } from './lib/expect.mjs';

const app = useApp();
const exec = promisify(execFile);
const SOFFICE = process.env.SOFFICE_PATH || 'soffice';

const FRAMEWORK = JSON.parse(readFileSync(new URL('../../data/frameworks/laocai-2022.json', import.meta.url), 'utf8'));
const HEADER = ['Mã', 'Chỉ số', 'Điểm tối đa', 'Tự đánh giá', 'Thẩm định', 'Chênh lệch (Tự đánh giá − Thẩm định)', 'Trạng thái', 'Minh chứng'];
const EVIDENCE = { number: '125/KH-STC', date: '15/3/2022', summary: 'Kế hoạch tuyên truyền về chuyển đổi số', link: 'https://stc.laocai.gov.vn/kh-125', note: 'Bản có chữ ký số' };
const EVIDENCE_TEXT = '125/KH-STC, 15/3/2022: Kế hoạch tuyên truyền về chuyển đổi số — https://stc.laocai.gov.vn/kh-125 — Bản có chữ ký số';

/** Rows of the group's indicators in order: [code, name_vi, max] (mains, then their children). */
function indicatorRows(group) {
  const rows = [];
  const walk = (n) => {
    rows.push([n.code, n.name_vi, Number(n.max_points)]);
    for (const c of n.children ?? []) walk(c);
  };
  for (const main of FRAMEWORK.indicators.filter((i) => i.groups.includes(group))) walk(main);
  return rows;
}

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unxml = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) =>
    e[0] === '#' ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : XML_ENTITIES[e] ?? m,
  );

/** Cells of the first sheet of an .xlsx: rows of { type: 's' | 'n' | …, value }, by column letter. */
async function readXlsx(file) {
  const unzip = async (part) => (await exec('unzip', ['-p', file, part], { maxBuffer: 64 << 20, encoding: 'utf8' })).stdout;
  const shared = [...(await unzip('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unxml(t[1])).join(''),
  );
  const sheet = await unzip('xl/worksheets/sheet1.xml');
  const rows = [];
  for (const r of sheet.matchAll(/<row\b[^>]*\br="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = {};
    for (const c of r[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /\br="([A-Z]+)\d+"/.exec(c[1])[1];
      const type = /\bt="(\w+)"/.exec(c[1])?.[1] ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[2] ?? '')?.[1];
      if (v === undefined) continue;
      cells[ref] = type === 's' ? { type: 's', value: shared[Number(v)] } : { type, value: type === 'n' ? Number(v) : unxml(v) };
    }
    rows[Number(r[1]) - 1] = cells;
  }
  return rows;
}

const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** A string cell; its text NFC-normalised. */
function text(cells, col, where) {
  const c = cells?.[col];
  assert.ok(c, `${where}: cell ${col} is present`);
  assert.equal(c.type, 's', `${where}: cell ${col} is text (${JSON.stringify(c)})`);
  return c.value.normalize('NFC');
}

/** A numeric cell's value (must be a number cell, not text). */
function number(cells, col, where) {
  const c = cells?.[col];
  assert.ok(c, `${where}: cell ${col} is present`);
  assert.equal(c.type, 'n', `${where}: cell ${col} is a number cell (${JSON.stringify(c)})`);
  return c.value;
}

test('the CSV opens in LibreOffice (Vietnamese locale) with the text intact and the points as numbers', { timeout: 240_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dti-e2e-csv-'));
  try {
    const a = await app.open();
    await a.agency.fill('Sở Tài chính');
    await a.setRatio('1.2', '2', '3');
    await a.setPoints('1.5', '18');
    await a.setTier('3.4', '150');
    await a.appraisedToggle.check();
    await a.appraisedField('1.5').fill('12,5');
    await a.openEvidence('1.5');
    for (const [key, value] of Object.entries(EVIDENCE)) await a.evidenceField('1.5', key).fill(value);
    await a.evidenceField('1.5', 'status').selectOption({ label: 'Hoàn thành' });
    await expectText(a.total, '41,33');
    await expectText(a.appraisedTotal, 'Thẩm định: 12,50 điểm · 1/30 chỉ số đã thẩm định — chưa đủ, chưa xếp mức Chênh lệch (Tự đánh giá − Thẩm định) trên 1 chỉ số đã thẩm định: 18,00 − 12,50 = 5,50');

    const download = await a.download(a.downloadCsvButton);
    assert.equal(download.suggestedFilename(), 'dti-laocai-2022-co_tthc-so-tai-chinh.csv');
    const csvFile = join(dir, 'phieu.csv');
    await download.saveAs(csvFile);
    await a.done();

    // The bytes: BOM, `;` separators, comma decimals, the total row last.
    const bytes = await readFile(csvFile);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const lines = bytes.toString('utf8').slice(1).split(/\r?\n/).filter((l) => l !== '');
    assert.equal(lines[0], HEADER.join(';'));
    assert.ok(lines.includes(`1.5;Công tác thông tin, tuyên truyền về chuyển đổi số;20,00;18,00;12,50;5,50;Hoàn thành;${EVIDENCE_TEXT}`), `row 1.5 in:\n${lines.join('\n')}`);
    // Chênh lệch over the one appraised indicator (18 − 12,5), the count in words.
    assert.equal(lines.at(-1), ';Tổng điểm;1000,00;41,33;12,50;5,50;đã thẩm định một trên ba mươi chỉ số (chưa đủ, chưa xếp mức);');

    // LibreOffice: separator 59 ';', text delimiter 34 '"', charset 76 UTF-8, from line 1,
    // no column formats, language 1066 (Vietnamese: ',' decimal, '.' thousands).
    const profile = join(dir, 'lo-profile');
    const out = join(dir, 'out');
    const soffice = await exec(
      SOFFICE,
      [
        '--headless', '--norestore', '--nolockcheck',
        `-env:UserInstallation=file://${profile}`,
        '--infilter=CSV:59,34,76,1,,1066',
        '--convert-to', 'xlsx:Calc MS Excel 2007 XML',
        '--outdir', out, csvFile,
      ],
      { timeout: 180_000, env: { ...process.env, HOME: dir, LANG: 'vi_VN.UTF-8' } },
    ).catch((e) => assert.fail(`soffice failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`));
    const rows = await readXlsx(join(out, 'phieu.xlsx')).catch((e) => assert.fail(`reading the xlsx: ${e.message}\nsoffice said: ${soffice.stdout}${soffice.stderr}`));

    const expected = indicatorRows('co_tthc');
    assert.equal(rows.length, 1 + expected.length + 1, 'header, one row per indicator of the group, the total');
    assert.deepEqual(COLUMNS.map((c) => text(rows[0], c, 'header')), HEADER);

    const byCode = new Map();
    expected.forEach(([code, name, max], i) => {
      const cells = rows[i + 1];
      const where = `row ${i + 2} (${code})`;
      // A main's code ("1") may be read as the number 1; either way it is the code.
      assert.equal(String(cells.A?.value), code, `${where}: code`);
      assert.equal(text(cells, 'B', where), name.normalize('NFC'), `${where}: name`);
      assert.equal(number(cells, 'C', where), max, `${where}: maximum`);
      byCode.set(code, cells);
    });
    const row = (code) => byCode.get(code);
    assert.equal(text(row('1'), 'B', 'main 1'), 'Nhận thức số');
    assert.equal(text(row('3.4'), 'B', '3.4'), 'Băng thông Internet cố định của cơ quan');

    // 1.5: 18 / 12,5 / 5,5, status and evidence as text.
    assert.equal(number(row('1.5'), 'D', '1.5'), 18);
    assert.equal(number(row('1.5'), 'E', '1.5'), 12.5);
    assert.equal(number(row('1.5'), 'F', '1.5'), 5.5);
    assert.equal(text(row('1.5'), 'G', '1.5'), 'Hoàn thành');
    assert.equal(text(row('1.5'), 'H', '1.5'), EVIDENCE_TEXT.normalize('NFC'));
    // 1.2: 13,333… rounded to 13,33; 3.4: 10; main 1: 31,33 (appraised 12,5 on 1.5 alone, Chênh lệch 18 − 12,5).
    assert.equal(number(row('1.2'), 'D', '1.2'), 13.33);
    assert.equal(number(row('3.4'), 'D', '3.4'), 10);
    assert.equal(number(row('1'), 'D', 'main 1'), 31.33);
    assert.equal(number(row('1'), 'E', 'main 1'), 12.5);
    assert.equal(number(row('1'), 'F', 'main 1'), 5.5);
    assert.equal(number(row('3'), 'D', 'main 3'), 10);
    // Unanswered: empty, not 0.
    assert.equal(row('1.3').D, undefined, '1.3 unanswered: no value');

    const total = rows.at(-1);
    assert.equal(text(total, 'B', 'total'), 'Tổng điểm');
    assert.equal(number(total, 'C', 'total'), 1000);
    assert.equal(number(total, 'D', 'total'), 41.33);
    assert.equal(number(total, 'E', 'total'), 12.5);
    assert.equal(number(total, 'F', 'total'), 5.5);
    assert.equal(text(total, 'G', 'total'), 'đã thẩm định một trên ba mươi chỉ số (chưa đủ, chưa xếp mức)');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
