// Workspaces saved by earlier builds open as they were and are moved to this build's
// layout: version 1 (language, open draft and loaded sets inside the drafts' value) moves
// the language to dti.lang, the set to dti.set.<id>; versions 1 and 2 (every draft in the
// one value under dti.workspace) have each draft moved to dti.draft.<id> and a head
// (version 3) written over the old value, at once, with nothing typed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { useApp } from './lib/harness.mjs';
import { storedText } from './lib/stored.mjs';
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
  const w = JSON.parse(await poll(() => storedText(a.page), (v) => v?.includes('Sở Nội vụ tỉnh')));
  assert.equal(w.version, 3);
  assert.deepEqual(w.drafts.map((d) => d.sheet.agency).sort(), ['Sở Nội vụ tỉnh', 'Sở Tư pháp']);
  const head = JSON.parse(await a.page.evaluate(() => localStorage.getItem('dti.workspace')));
  assert.deepEqual(Object.keys(head), ['version', 'drafts']);
  assert.deepEqual(head.drafts.map((d) => d.id), [0, 1]);
  assert.equal(JSON.parse(await a.page.evaluate(() => localStorage.getItem('dti.set.mini'))).json, FIXTURE);
  assert.equal(await a.page.evaluate(() => localStorage.getItem('dti.lang')), 'en');
  await a.reload();
  await expectValue(a.page.locator('#set'), 'mini');
  await expectText(a.total, '7,50');
  await a.done();
});

test('a version-2 value with many drafts is moved to one key per draft at once, and reads back the same', async () => {
  const drafts = Array.from({ length: 12 }, (_, i) => ({
    id: i,
    rev: 2,
    sheet: { schema: 1, framework: 'laocai-2022', group: 'co_tthc', agency: `Cơ quan ${i}`, entries: { '1.5': { self: { kind: 'points', text: i ? `${i},5` : '12,5' } } } },
    updated: `2025-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`,
  }));
  const V2 = JSON.stringify({ version: 2, drafts });
  const a = await app.open({
    initScript: `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); sessionStorage.setItem('dti.open', '0'); localStorage.setItem('dti.workspace', ${JSON.stringify(V2)}); }`,
  });
  await expectValue(a.page.locator('#agency'), 'Cơ quan 0');
  // Nothing typed: the value is rewritten on its own, each draft as it was.
  const head = JSON.parse(await poll(() => a.page.evaluate(() => localStorage.getItem('dti.workspace')), (v) => v?.startsWith('{"version":3')));
  assert.deepEqual(head.drafts.map((d) => [d.id, d.rev]), drafts.map((d) => [d.id, 2]));
  const stored = JSON.parse(await storedText(a.page));
  assert.deepEqual(stored.drafts, drafts, 'every draft kept exactly');
  await a.reload();
  await expectValue(a.page.locator('#agency'), 'Cơ quan 0');
  await expectText(a.total, '12,50');
  assert.deepEqual((await a.draftList()).map((r) => r.agency), drafts.map((d) => d.sheet.agency), 'every draft listed, in order');
  await a.done();
});

test('a version-2 value that does not fit twice stays as it was until there is room, and nothing half-written is left', async () => {
  const drafts = [0, 1, 2, 3].map((id) => ({
    id,
    rev: 1,
    sheet: { schema: 1, framework: 'laocai-2022', group: 'co_tthc', agency: `Cơ quan ${id}`, entries: { '1.5': { self: { kind: 'points', text: `${id + 1}` } } } },
    updated: `2025-02-0${id + 1}T00:00:00Z`,
  }));
  const V2 = JSON.stringify({ version: 2, drafts });
  // Room for two drafts' keys only, as a nearly full storage would give.
  const a = await app.open({
    initScript: `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); sessionStorage.setItem('dti.open', '0'); localStorage.setItem('dti.workspace', ${JSON.stringify(V2)}); }
(() => {
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (String(k).startsWith('dti.draft.') && !window.__room && Object.keys(localStorage).filter((x) => x.startsWith('dti.draft.')).length >= 2) throw new DOMException('full', 'QuotaExceededError');
    return set.call(this, k, v);
  };
})();`,
  });
  await expectValue(a.page.locator('#agency'), 'Cơ quan 0');
  await poll(() => a.storageNotice.count(), (n) => n > 0);
  assert.match(await a.storageNotice.innerText(), /QuotaExceededError/);
  const keys = () => a.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dti.draft.')).sort());
  assert.deepEqual(await keys(), [], 'the drafts written before the refusal are taken back');
  assert.equal(await a.page.evaluate(() => localStorage.getItem('dti.workspace')), V2, 'the old value is untouched');
  // Room again: the next change writes every draft and the head.
  await a.page.evaluate(() => (window.__room = true));
  await a.page.locator('#agency').fill('Cơ quan 0 mới');
  const w = JSON.parse(await poll(() => storedText(a.page), (v) => v?.startsWith('{"version":3') && v.includes('Cơ quan 0 mới')));
  assert.deepEqual(w.drafts.map((d) => d.sheet.agency), ['Cơ quan 0 mới', 'Cơ quan 1', 'Cơ quan 2', 'Cơ quan 3']);
  assert.deepEqual(await keys(), ['dti.draft.0', 'dti.draft.1', 'dti.draft.2', 'dti.draft.3']);
  await a.done();
});
