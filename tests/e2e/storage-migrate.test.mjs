// A workspace saved by the previous build (version 1: language, open draft and loaded sets
// inside the drafts' value) opens as it was, and its first save moves each part to its
// own place: the language to dti.lang, the set to dti.set.<id>, the drafts to version 2.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { useApp } from './lib/harness.mjs';
import { expectText, expectValue, poll } from './lib/expect.mjs';

const app = useApp();
const FIXTURE = readFileSync(new URL('../../engine/tests/fixtures/mini-framework.json', import.meta.url), 'utf8');
const sheet = (id, framework, group, agency, text) => ({
  id,
  sheet: { schema: 1, framework, group, agency, entries: text ? { '1.1': { self: { kind: 'points', text } } } : {} },
  updated: `2025-0${id + 1}-01T00:00:00Z`,
});
const V1 = JSON.stringify({
  version: 1,
  lang: 'en',
  current: 0,
  next_id: 2,
  drafts: [sheet(0, 'mini', 'a', 'Sở Nội vụ', '7,5'), sheet(1, 'laocai-2022', 'co_tthc', 'Sở Tư pháp', '')],
  custom_sets: [{ file: 'bo-chi-so.json', json: FIXTURE }],
});

test('a version-1 workspace opens as it was and is moved to its own keys on the first save', async () => {
  const a = await app.open({
    initScript: `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('dti.workspace', ${JSON.stringify(V1)}); }`,
  });
  // As it was: English, the open draft of the old value, under the loaded set.
  await expectValue(a.page.locator('#set'), 'mini');
  await expectValue(a.page.locator('#agency'), 'Sở Nội vụ');
  await expectText(a.total, '7,50');
  assert.equal(await a.page.locator('html').getAttribute('lang'), 'en');
  // The first change saves in the new layout.
  await a.page.locator('#agency').fill('Sở Nội vụ tỉnh');
  const w = JSON.parse(await poll(() => a.page.evaluate(() => localStorage.getItem('dti.workspace')), (v) => v?.includes('Sở Nội vụ tỉnh')));
  assert.equal(w.version, 2);
  assert.deepEqual(w.drafts.map((d) => d.sheet.agency).sort(), ['Sở Nội vụ tỉnh', 'Sở Tư pháp']);
  assert.ok(!('custom_sets' in w) && !('lang' in w) && !('current' in w), JSON.stringify(Object.keys(w)));
  assert.equal(JSON.parse(await a.page.evaluate(() => localStorage.getItem('dti.set.mini'))).json, FIXTURE);
  assert.equal(await a.page.evaluate(() => localStorage.getItem('dti.lang')), 'en');
  await a.reload();
  await expectValue(a.page.locator('#set'), 'mini');
  await expectText(a.total, '7,50');
  await a.done();
});
