// Files that must not get in: over 10 MB (refused from its size, before reading), not
// UTF-8 (Windows-1258 as old Vietnamese Windows software writes, UTF-16 as Notepad's
// "Unicode" writes) and JSON nested 100.000 deep. Each gets a message naming the problem,
// and the open draft is left exactly as it was.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './lib/harness.mjs';
import { expectCount, expectText, expectTextContains, expectValue } from './lib/expect.mjs';

const app = useApp();

const SHEET = JSON.stringify({ schema: 1, framework: 'laocai-2022', group: 'co_tthc', agency: 'Sở Y tế', entries: {} });
/** The same sheet in Windows-1258: "ở" is o-horn (0xF5) + combining hook above (0xD2). */
const CP1258 = Buffer.concat([Buffer.from(SHEET.slice(0, SHEET.indexOf('Sở') + 1)), Buffer.from([0xf5, 0xd2]), Buffer.from(SHEET.slice(SHEET.indexOf('Sở') + 2))]);
const UTF16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SHEET, 'utf16le')]);
const DEEP = '{"schema":1,"framework":"laocai-2022","group":"co_tthc","entries":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
const HUGE = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);

const CASES = [
  ['qua-lon.json', HUGE, 'tệp 10.485.761 byte, vượt giới hạn 10 MB (10.485.760 byte); không đọc tệp này'],
  ['windows-1258.json', CP1258, 'không phải văn bản UTF-8'],
  ['unicode.json', UTF16, 'tệp mã hóa UTF-16 (Unicode), không phải UTF-8'],
  ['long-nhau.json', Buffer.from(DEEP), 'JSON lồng nhau quá 64 cấp'],
];

test('a 10 MB, a non-UTF-8 and a 100.000-deep file opened as a sheet: a message each, the open draft untouched', async () => {
  const a = await app.open();
  await a.agency.fill('Sở Tài chính');
  await a.field('1.5').fill('12,5');
  await expectText(a.total, '12,50');
  for (const [name, buffer, reason] of CASES) {
    await a.openSheetInput.setInputFiles({ name, mimeType: 'application/json', buffer });
    await expectTextContains(a.fileMessage, name);
    await expectTextContains(a.fileMessage, reason);
    await expectTextContains(a.fileMessage, 'Phiếu đang mở không thay đổi.');
    await expectValue(a.agency, 'Sở Tài chính');
    await expectValue(a.field('1.5'), '12,5');
    await expectText(a.total, '12,50');
    await expectCount(a.draftRows, 1);
  }
  // The same sheet saved as UTF-8 opens: the refusals were about the encoding.
  await a.openSheetInput.setInputFiles({ name: 'utf8.json', mimeType: 'application/json', buffer: Buffer.from(SHEET) });
  await expectTextContains(a.fileMessage, 'utf8.json: đã mở phiếu.');
  await expectValue(a.agency, 'Sở Y tế');
  await expectCount(a.draftRows, 2);
  await a.done();
});

test('the same files loaded as an indicator set: a message each, nothing changes', async () => {
  const a = await app.open();
  await a.page.locator('details.set-loader > summary').click();
  for (const [name, buffer, reason] of CASES) {
    await a.page.locator('#load-set').setInputFiles({ name, mimeType: 'application/json', buffer });
    const message = a.page.getByTestId('set-message');
    await expectTextContains(message, reason);
    await expectTextContains(message, 'Không có gì thay đổi.');
    await expectValue(a.page.locator('#set'), 'laocai-2022');
  }
  assert.equal(await a.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dti.set.')).length), 0);
  await a.done();
});
