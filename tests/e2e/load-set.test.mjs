// An indicator set loaded from a file (the official annex when it exists) works without a
// rebuild: it validates, opens, scores, survives a reload; a broken set is refused with
// the engine's message naming the file and the indicator, and nothing changes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { useApp } from './lib/harness.mjs';
import { expectText, expectTextContains, expectValue } from './lib/expect.mjs';

const app = useApp();
const FIXTURE = readFileSync(new URL('../../engine/tests/fixtures/mini-framework.json', import.meta.url), 'utf8');

async function load(a, name, text) {
  await a.page.locator('details.set-loader > summary').click();
  await a.page.locator('#load-set').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a set from a file opens, scores and survives a reload', async () => {
  const a = await app.open();
  await load(a, 'bo-chi-so.json', FIXTURE);
  await expectTextContains(a.page.getByTestId('set-message'), 'Đã nạp bộ chỉ số Bộ chỉ số thử nghiệm');
  await expectValue(a.page.locator('#set'), 'mini');
  // Group A of the fixture: maximum 100; 1.1 is a 10-point indicator typed directly.
  await expectTextContains(a.totalLine, '/ 100');
  await a.field('1.1').fill('7,5');
  await expectText(a.total, '7,50');
  await expectText(a.page.getByTestId('percent'), '7,50 %');
  await a.page.reload();
  await a.page.getByTestId('total').waitFor();
  await expectValue(a.page.locator('#set'), 'mini');
  await expectText(a.page.getByTestId('total'), '7,50');
  await a.done();
});

test('a broken set is refused with the file, the indicator and what was expected', async () => {
  const a = await app.open();
  const broken = FIXTURE.replace('"code": "1.2", "name_vi": "Chuyên mục", "name_en": "Portal section", "max_points": "5"',
    '"code": "1.2", "name_vi": "Chuyên mục", "name_en": "Portal section", "max_points": "6"');
  assert.notEqual(broken, FIXTURE);
  await load(a, 'phu-luc-loi.json', broken);
  const message = a.page.getByTestId('set-message');
  await expectTextContains(message, 'tệp bộ chỉ số phu-luc-loi.json, chỉ số 1: cần tổng điểm tối đa các chỉ số con = 40 nhưng được 41');
  await expectTextContains(message, 'Không có gì thay đổi.');
  await expectValue(a.page.locator('#set'), 'laocai-2022');
  await expectTextContains(a.totalLine, '/ 1.000');
  await a.done();
});

test('an annex with three levels shows its middle headings and scores its leaves', async () => {
  const a = await app.open();
  const set = JSON.parse(FIXTURE);
  set.id = 'mini-3';
  const block = set.indicators.find((i) => i.code === '2');
  block.children = [{ code: '2.0', name_vi: 'Nhóm chỉ số con', name_en: 'Sub-block', max_points: '40', children: block.children }];
  await load(a, 'ba-cap.json', JSON.stringify(set));
  await expectValue(a.page.locator('#set'), 'mini-3');
  await expectText(a.page.locator('.sub-heading'), '2.0 Nhóm chỉ số con (40)');
  await a.field('2.1', 'a').fill('1');
  await a.field('2.1', 'b').fill('2');
  await expectText(a.total, '10,00');
  await a.done();
});
