// A stored workspace that no longer parses is never overwritten: it is kept apart before
// anything is written, every copy is listed, downloadable and discarded only by its own
// button. If the copy cannot be stored, nothing is overwritten and the user is told. A
// workspace written by a newer build is never overwritten by this one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { useApp } from './lib/harness.mjs';
import { storedText } from './lib/stored.mjs';
import { expectCount, expectText, expectTextContains, expectValue, poll } from './lib/expect.mjs';

const app = useApp();
const BROKEN = '{"version":1,"lang":"vi","current":0,"drafts":[{"id":0,"sheet":{"schema":1,"framework":"laocai-2022"';
const OLDER = '{"version":2,"drafts":[{"id":0,"rev":1,"sheet":{"schema":1,"framework":"laocai-2022","group":"co_tthc","agency":"Sở Nội vụ"';

/** Init script: seeds localStorage once per tab (not again on reload). */
const seed = (items) => `if (!sessionStorage.getItem('seeded')) {
  sessionStorage.setItem('seeded', '1');
  for (const [k, v] of Object.entries(${JSON.stringify(items)})) localStorage.setItem(k, v);
}`;

const item = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

test('a damaged stored sheet is kept aside, shown, and never overwritten', async () => {
  const a = await app.open({ initScript: seed({ 'dti.workspace': BROKEN }) });
  const banner = a.page.locator('.banner-error');
  await expectTextContains(banner, 'Không đọc được phiếu đã lưu trước đây');
  await a.page.locator('.banner-error summary').click();
  await expectText(a.page.locator('.banner-error pre.raw'), BROKEN);
  assert.equal(await poll(() => item(a.page, 'dti.workspace.damaged'), (v) => v === BROKEN), BROKEN);
  // The app works and saves a new sheet; the damaged copy stays as it was.
  await a.field('1.5').fill('12,5');
  await expectText(a.total, '12,50');
  const saved = await poll(() => storedText(a.page), (v) => v && v.includes('12,5'));
  assert.ok(saved.includes('"text":"12,5"'), saved);
  await a.page.reload();
  await a.page.getByTestId('total').waitFor();
  await expectText(a.page.getByTestId('total'), '12,50');
  assert.equal(await item(a.page, 'dti.workspace.damaged'), BROKEN);
  // Still shown on later visits until the user discards it.
  await expectTextContains(a.page.locator('.banner-error'), 'Không đọc được phiếu đã lưu trước đây');
  await a.page.getByRole('button', { name: 'Đã lưu lại nội dung cần thiết — xóa bản hỏng' }).click();
  assert.equal(await a.page.locator('.banner-error').count(), 0);
  assert.equal(await item(a.page, 'dti.workspace.damaged'), null);
  await a.done();
});

test('a second damaged copy goes beside the first; each is listed, downloadable and discarded alone', async () => {
  const a = await app.open({ initScript: seed({ 'dti.workspace.damaged': OLDER, 'dti.workspace': BROKEN }) });
  const copies = a.page.getByTestId('damaged-copy');
  await expectCount(copies, 2);
  await expectTextContains(copies.nth(0), 'dti.workspace.damaged,');
  await expectTextContains(copies.nth(1), 'dti.workspace.damaged.2');
  assert.equal(await poll(() => item(a.page, 'dti.workspace.damaged.2'), (v) => v === BROKEN), BROKEN);
  assert.equal(await item(a.page, 'dti.workspace.damaged'), OLDER, 'the earlier copy is not overwritten');

  // Each copy downloads as its own text file.
  for (const [n, text] of [[1, OLDER], [2, BROKEN]]) {
    const download = await a.download(a.page.getByRole('button', { name: `Tải về bản hỏng ${n}`, exact: true }));
    assert.equal(await readFile(await download.path(), 'utf8'), text);
  }
  // Discarding the second removes exactly that key.
  await a.page.getByRole('button', { name: 'Đã lưu lại nội dung cần thiết — xóa bản hỏng (2)', exact: true }).click();
  await expectCount(copies, 1);
  assert.equal(await item(a.page, 'dti.workspace.damaged.2'), null);
  assert.equal(await item(a.page, 'dti.workspace.damaged'), OLDER);
  await a.reload();
  await expectCount(a.page.getByTestId('damaged-copy'), 1);
  await expectTextContains(a.page.getByTestId('damaged-copy'), 'dti.workspace.damaged,');
  await a.done();
});

test('when the damaged copy cannot be stored, nothing is overwritten and the user is told', async () => {
  // Storage refuses the copy (as a full quota would); everything else is allowed.
  const refuse = `(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith('dti.workspace.damaged') && !window.__roomAgain) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  })();`;
  const a = await app.open({ initScript: seed({ 'dti.workspace': BROKEN }) + refuse });
  await expectTextContains(a.storageNotice, 'Không cất riêng được bản phiếu hỏng');
  await expectTextContains(a.page.getByTestId('damaged-copy'), 'chỉ còn trong trang này');
  // Typing goes on in memory; the stored text stays as it was.
  await a.field('1.5').fill('12,5');
  await expectText(a.total, '12,50');
  await new Promise((r) => setTimeout(r, 800));
  assert.equal(await item(a.page, 'dti.workspace'), BROKEN, 'the damaged text is not overwritten');
  const download = await a.download(a.page.getByRole('button', { name: 'Tải về bản hỏng 1', exact: true }));
  assert.equal(await readFile(await download.path(), 'utf8'), BROKEN);
  // Room again: the next change keeps the copy apart first, then saves.
  await a.page.evaluate(() => (window.__roomAgain = true));
  await a.field('1.5').fill('12');
  assert.equal(await poll(() => item(a.page, 'dti.workspace.damaged'), (v) => v === BROKEN), BROKEN);
  await poll(() => storedText(a.page), (v) => v?.includes('"text":"12"'));
  await expectCount(a.storageNotice, 0);
  await a.done();
});

test('drafts written by a newer version are never overwritten: "Có phiên bản mới — tải lại trang"', async () => {
  const NEWER = JSON.stringify({
    version: 4,
    future: { x: 1 },
    drafts: [{ id: 4, rev: 9, sheet: { schema: 1, framework: 'laocai-2022', group: 'co_tthc', agency: 'Sở Công Thương', entries: {} }, updated: '2026-01-01T00:00:00Z' }],
  });
  const a = await app.open({ initScript: seed({ 'dti.workspace': NEWER }) });
  await expectTextContains(a.storageNotice, 'Có phiên bản mới — tải lại trang');
  await expectValue(a.agency, 'Sở Công Thương', 'the drafts it can read are shown');
  await a.field('1.5').fill('12,5');
  await expectText(a.total, '12,50');
  await new Promise((r) => setTimeout(r, 800));
  assert.equal(await item(a.page, 'dti.workspace'), NEWER, 'the newer value is left as it was');
  assert.deepEqual(await a.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dti.draft.'))), [], 'no draft written beside it');
  await a.done();
});

test('a damaged draft key is kept apart; the other drafts open and are saved, its key is never written over first', async () => {
  const draft = (id, agency, text) => JSON.stringify({ id, rev: 1, sheet: { schema: 1, framework: 'laocai-2022', group: 'co_tthc', agency, entries: { '1.5': { self: { kind: 'points', text } } } }, updated: `2026-01-0${id + 1}T00:00:00Z` });
  const HEAD = JSON.stringify({ version: 3, drafts: [{ id: 0, rev: 1, sum: 'x' }, { id: 1, rev: 1, sum: 'y' }] });
  const CUT = draft(1, 'Sở Y tế', '9').slice(0, 60);
  const a = await app.open({ initScript: seed({ 'dti.workspace': HEAD, 'dti.draft.0': draft(0, 'Sở Nội vụ', '7'), 'dti.draft.1': CUT }) });
  await expectTextContains(a.page.locator('.banner-error'), 'Không đọc được phiếu đã lưu trước đây');
  assert.equal(await poll(() => item(a.page, 'dti.workspace.damaged'), (v) => v === CUT), CUT);
  await expectValue(a.agency, 'Sở Nội vụ');
  await expectText(a.total, '7,00');
  await a.field('1.5').fill('12,5');
  await poll(() => storedText(a.page), (v) => v?.includes('"text":"12,5"'));
  assert.equal(await item(a.page, 'dti.workspace.damaged'), CUT, 'the copy stays as it was');
  const head = JSON.parse(await item(a.page, 'dti.workspace'));
  assert.deepEqual(head.drafts.map((d) => d.id), [0], 'the draft that does not read is no longer listed');
  await a.reload();
  await expectText(a.total, '12,50');
  await expectCount(a.page.getByTestId('damaged-copy'), 1);
  await a.done();
});
