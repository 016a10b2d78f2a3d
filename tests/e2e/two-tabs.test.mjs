// Two tabs of the app in one browser. The open draft and the language belong to each tab;
// the drafts are shared and merged by id: work in one tab shows in the other, a change to
// another draft is taken in without moving the other tab, and the same draft changed in
// both at once ends in a visible conflict with both versions kept.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './lib/harness.mjs';
import { storedDrafts } from './lib/stored.mjs';
import { Calculator } from './lib/calculator.mjs';
import { expectCount, expectText, expectTextContains, expectValue, poll } from './lib/expect.mjs';

const app = useApp();

const stored = storedDrafts;

test('work done in one tab shows in the other and survives its next save', async () => {
  const a = await app.open();
  const b = await Calculator.open(a.page.context(), app.url);
  await a.field('1.5').fill('12,5');
  await expectText(b.total, '12,50');
  await b.agency.fill('Sở Tài chính');
  await expectValue(a.agency, 'Sở Tài chính');
  await expectText(a.total, '12,50');
  await b.page.reload();
  await b.page.getByTestId('total').waitFor();
  await expectText(b.page.getByTestId('total'), '12,50');
  assert.deepEqual(b.pageErrors, []);
  await b.page.close();
  await a.done();
});

test('switching the draft or the language in one tab leaves the other tab alone', async () => {
  const a = await app.open();
  await a.agency.fill('Sở Tài chính');
  await a.newDraftButton.click();
  await a.agency.fill('Sở Y tế');
  await expectCount(a.draftRows, 2);
  await poll(() => stored(a.page), (w) => w.drafts?.length === 2 && w.drafts.some((d) => d.sheet.agency === 'Sở Y tế'));

  const b = await Calculator.open(a.page.context(), app.url);
  await expectValue(b.agency, 'Sở Y tế', 'a new tab opens the most recently changed draft');
  await b.openDraftButton('Sở Tài chính').click();
  await expectValue(b.agency, 'Sở Tài chính');
  await b.langToggle('English').click();
  await expectText(b.langToggle('Tiếng Việt'), 'Tiếng Việt');

  // Tab A: still on Sở Y tế, still in Vietnamese; what it types goes into Sở Y tế.
  await a.field('1.5').fill('12,5');
  await expectText(a.total, '12,50');
  assert.equal(await a.agency.inputValue(), 'Sở Y tế');
  assert.equal(await a.langToggle('English').count(), 1, 'tab A keeps Vietnamese');
  // Tab B (now in English) shows the change in its list; its open draft is untouched.
  await expectTextContains(b.draftRow('Sở Y tế'), '12,50');
  await expectValue(b.page.locator('#agency'), 'Sở Tài chính');
  await expectText(b.total, '0,00');
  const w = await poll(() => stored(a.page), (w) => w.drafts?.some((d) => d.sheet.agency === 'Sở Y tế' && d.sheet.entries?.['1.5']));
  const yte = w.drafts.find((d) => d.sheet.agency === 'Sở Y tế');
  assert.equal(yte.sheet.entries['1.5'].self.text, '12,5');
  assert.deepEqual(w.drafts.find((d) => d.sheet.agency === 'Sở Tài chính').sheet.entries ?? {}, {});
  assert.ok(!('current' in w) && !('lang' in w), 'the open draft and the language are not in the shared value');

  // Each tab reopens its own draft (and B its English) after a reload.
  await b.reload();
  await expectValue(b.page.locator('#agency'), 'Sở Tài chính');
  assert.equal(await a.page.evaluate(() => localStorage.getItem('dti.lang')), 'en', 'the choice is kept for new tabs');
  await a.reload();
  await expectValue(a.page.locator('#agency'), 'Sở Y tế');
  assert.deepEqual(b.pageErrors, []);
  await b.page.close();
  await a.done();
});

test('the same draft changed in both tabs at once: a visible conflict, both versions kept', async () => {
  const a = await app.open();
  await a.agency.fill('Sở Tài chính');
  await poll(() => stored(a.page), (w) => w.drafts?.[0]?.sheet?.agency === 'Sở Tài chính');
  const b = await Calculator.open(a.page.context(), app.url);
  await expectValue(b.agency, 'Sở Tài chính');

  // Both type into the same draft within the same moment (before either saves).
  await Promise.all([a.field('1.5').fill('12,5'), b.field('1.5').fill('7')]);

  for (const tab of [a, b]) {
    await expectTextContains(tab.page.getByTestId('conflict-notice'), 'đã được sửa cùng lúc ở hai thẻ');
    await expectCount(tab.draftRows, 2);
    await expectCount(tab.draftRows.filter({ hasText: 'Bản xung đột' }), 1);
  }
  // Each tab still shows what it typed; both versions are stored.
  await expectValue(a.field('1.5'), '12,5');
  await expectValue(b.field('1.5'), '7');
  const w = await poll(() => stored(a.page), (w) => w.drafts?.length === 2);
  const texts = w.drafts.map((d) => d.sheet.entries?.['1.5']?.self?.text).sort();
  assert.deepEqual(texts, ['12,5', '7']);
  assert.equal(w.drafts.filter((d) => d.conflict_of !== undefined).length, 1);

  // Acknowledged in one tab: the notice goes in both, both drafts stay.
  await a.page.getByRole('button', { name: 'Đã hiểu', exact: true }).click();
  await expectCount(a.page.getByTestId('conflict-notice'), 0);
  await expectCount(b.page.getByTestId('conflict-notice'), 0);
  await expectCount(b.draftRows, 2);
  assert.deepEqual(b.pageErrors, []);
  await b.page.close();
  await a.done();
});
