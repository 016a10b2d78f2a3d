// Drafts side by side: two agencies' sheets, each opened with "Mở" showing its own name
// and answers; the list with totals and levels; duplicate; delete (confirmed, "Hủy"
// keeps it) with "Hoàn tác"; all of it after a reload. Changing the group of a draft that
// has answers keeps that draft and opens another one (Workspace::select).
//
//   Sở Tài chính: 1.5 = 18                                   → 18,00 / 1.000, Khởi động
//   Sở Y tế: 6.1, 6.2, 7.1, 7.2, 7.3, 7.4 ratio 1/1 (6 × 50) → 300,00 / 1.000 (30 %), Hình thành

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { GROUPS_2022 } from './lib/calculator.mjs';
import { useApp } from './lib/harness.mjs';
import { storedDrafts } from './lib/stored.mjs';
import { expectCount, expectText, expectTextContains, expectValue, poll } from './lib/expect.mjs';

const app = useApp();

const TC = 'Sở Tài chính';
const YT = 'Sở Y tế';
const COPY = `${TC} (bản sao)`;
const CO_TTHC = 'Nhóm các cơ quan, đơn vị có thủ tục hành chính';
const KHONG_TTHC = 'Nhóm các cơ quan, đơn vị không có thủ tục hành chính';
const FULL_RATIOS = ['6.1', '6.2', '7.1', '7.2', '7.3', '7.4'];

/** The list as [agency, year, group, total, level] rows. */
async function listed(a) {
  return (await a.draftList()).map((r) => [r.agency, r.year, r.group, r.total, r.level]);
}

async function expectList(a, expected, message) {
  const got = await poll(() => listed(a), (v) => JSON.stringify(v) === JSON.stringify(expected));
  assert.deepEqual(got, expected, message ?? 'drafts list');
}

/** The open draft shows `agency` and its own answers. */
async function expectOpen(a, which) {
  if (which === TC) {
    await expectValue(a.agency, TC, 'agency of the open draft');
    await expectValue(a.field('1.5'), '18');
    await expectValue(a.field('6.1', 'a'), '');
    await expectText(a.totalLine, 'Tổng điểm 18,00 / 1.000');
    await expectText(a.level, 'Khởi động');
  } else {
    await expectValue(a.agency, YT, 'agency of the open draft');
    await expectValue(a.field('1.5'), '');
    for (const code of FULL_RATIOS) await expectValue(a.field(code, 'a'), '1', `${code} a`);
    await expectText(a.totalLine, 'Tổng điểm 300,00 / 1.000');
    await expectText(a.level, 'Hình thành');
  }
  // The open draft's row says so instead of offering "Mở".
  await expectText(a.draftRow(which).locator('.current-tag'), 'Đang mở');
  await expectCount(a.openDraftButton(which), 0);
}

test('two drafts: open, list, duplicate, delete with confirmation and undo; all kept after a reload', async () => {
  const a = await app.open();
  await a.agency.fill(TC);
  await a.setPoints('1.5', '18');
  await expectText(a.total, '18,00');

  await a.newDraftButton.click();
  await expectValue(a.agency, '', 'a new draft starts without a name');
  await expectValue(a.field('1.5'), '', 'a new draft starts without answers');
  await expectText(a.total, '0,00');
  await a.agency.fill(YT);
  for (const code of FULL_RATIOS) await a.setRatio(code, '1', '1');
  await expectOpen(a, YT);

  await a.openDraftButton(TC).click();
  await expectOpen(a, TC);
  await a.openDraftButton(YT).click();
  await expectOpen(a, YT);

  await expectList(a, [
    [TC, '2022', CO_TTHC, '18,00 / 1.000', 'Khởi động'],
    [YT, '2022', CO_TTHC, '300,00 / 1.000', 'Hình thành'],
  ]);
  for (const r of await a.draftList()) assert.match(r.updated, /\d/, `last change of ${r.agency} is shown: ${r.updated}`);

  // Duplicate: a copy with the same answers and total, opened.
  await a.duplicateDraftButton(TC).click();
  await expectValue(a.agency, COPY);
  await expectValue(a.field('1.5'), '18');
  await expectText(a.total, '18,00');
  await expectList(a, [
    [TC, '2022', CO_TTHC, '18,00 / 1.000', 'Khởi động'],
    [YT, '2022', CO_TTHC, '300,00 / 1.000', 'Hình thành'],
    [COPY, '2022', CO_TTHC, '18,00 / 1.000', 'Khởi động'],
  ]);

  // Delete asks first; "Hủy" keeps the draft.
  await a.deleteDraftButton(YT).click();
  await expectTextContains(a.confirmDelete, 'Xóa phiếu này?');
  await expectCount(a.confirmDelete.getByRole('button'), 2, 'the confirmation offers Xóa and Hủy');
  await expectCount(a.deleteDraftButton(YT), 0, 'the row asks instead of offering Xóa again');
  await expectCount(a.draftRow(YT).getByRole('group', { name: 'Xác nhận xóa' }), 1, 'the confirmation is in the row of Sở Y tế');
  await a.confirmDelete.getByRole('button', { name: 'Hủy', exact: true }).click();
  await expectCount(a.confirmDelete, 0);
  await expectCount(a.draftRow(YT), 1, 'Hủy keeps the draft');
  await expectCount(a.undoNotice, 0);

  await a.deleteDraftButton(YT).click();
  await a.confirmDelete.getByRole('button', { name: 'Xóa', exact: true }).click();
  await expectCount(a.draftRow(YT), 0, 'deleted');
  await expectText(a.undoNotice, `Đã xóa phiếu ${YT}. Hoàn tác`);
  await expectList(a, [
    [TC, '2022', CO_TTHC, '18,00 / 1.000', 'Khởi động'],
    [COPY, '2022', CO_TTHC, '18,00 / 1.000', 'Khởi động'],
  ]);

  await a.undoNotice.getByRole('button', { name: 'Hoàn tác', exact: true }).click();
  await expectCount(a.undoNotice, 0);
  const all = [
    [TC, '2022', CO_TTHC, '18,00 / 1.000', 'Khởi động'],
    [YT, '2022', CO_TTHC, '300,00 / 1.000', 'Hình thành'],
    [COPY, '2022', CO_TTHC, '18,00 / 1.000', 'Khởi động'],
  ];
  await expectList(a, all, 'undo puts the draft back where it was');
  await expectOpen(a, YT);

  // Everything is saved.
  await poll(() => storedDrafts(a.page).then((w) => w.drafts?.length), (n) => n === 3);
  await a.reload();
  await expectList(a, all, 'the list after a reload');
  await expectOpen(a, YT);
  await a.openDraftButton(TC).click();
  await expectOpen(a, TC);
  await a.openDraftButton(COPY).click();
  await expectValue(a.agency, COPY);
  await expectValue(a.field('1.5'), '18');
  await a.done();
});

test('changing the group of a draft with answers keeps it and starts the agency\'s draft for the new group', async () => {
  const a = await app.open();
  await a.agency.fill(TC);
  await a.setPoints('1.5', '18');
  await expectList(a, [[TC, '2022', CO_TTHC, '18,00 / 1.000', 'Khởi động']]);

  await a.selectGroup(GROUPS_2022.khong_tthc);
  await expectText(a.totalLine, 'Tổng điểm 0,00 / 750');
  await expectValue(a.agency, TC, 'the new draft takes the agency name');
  await expectValue(a.field('1.5'), '', 'no answer is carried to the other group');
  await expectList(a, [
    [TC, '2022', CO_TTHC, '18,00 / 1.000', 'Khởi động'],
    [TC, '2022', KHONG_TTHC, '0,00 / 750', 'Khởi động'],
  ]);
  // The open one is the new group's draft (second row); the first offers "Mở".
  await expectText(a.draftRows.nth(1).locator('.current-tag'), 'Đang mở');
  await expectCount(a.draftRows.nth(0).getByRole('button', { name: `Mở phiếu ${TC}`, exact: true }), 1);

  // The kept draft opens unchanged, in its own group.
  await a.draftRows.nth(0).getByRole('button', { name: `Mở phiếu ${TC}`, exact: true }).click();
  await expectText(a.totalLine, 'Tổng điểm 18,00 / 1.000');
  await expectValue(a.field('1.5'), '18');
  assert.equal(await a.groupRadio(GROUPS_2022.co_tthc).isChecked(), true);
  await a.done();
});

// Regression (fixed in ea61cd8): the empty draft started for the other group used to be
// re-labelled back, leaving the agency on a second, empty draft.
test('switching to another group and straight back shows the draft with the answers again', async () => {
  const a = await app.open();
  await a.agency.fill(TC);
  await a.setPoints('1.5', '18');
  await a.selectGroup(GROUPS_2022.khong_tthc);
  await expectText(a.totalLine, 'Tổng điểm 0,00 / 750');
  await a.selectGroup(GROUPS_2022.co_tthc);
  // Back in the group where the agency has answers: its draft, not a second empty one.
  await expectValue(a.field('1.5'), '18');
  await expectText(a.totalLine, 'Tổng điểm 18,00 / 1.000');
  await expectText(a.draftRows.nth(0).locator('.current-tag'), 'Đang mở');
  await expectList(a, [[TC, '2022', CO_TTHC, '18,00 / 1.000', 'Khởi động']], 'the empty draft left behind is not kept');
  await a.done();
});
