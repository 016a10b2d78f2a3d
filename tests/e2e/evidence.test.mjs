// Evidence ("Tài liệu kiểm chứng") and status of an indicator that earns points: kept
// after a reload, and the summary's "… chỉ số có điểm nhưng chưa có minh chứng" count
// drops by one when the evidence is filled in.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './lib/harness.mjs';
import { storedText } from './lib/stored.mjs';
import { expectAttr, expectCount, expectText, expectValue, poll } from './lib/expect.mjs';

const app = useApp();

const EVIDENCE = {
  number: '125/KH-STC',
  date: '15/3/2022',
  summary: 'Kế hoạch tuyên truyền về chuyển đổi số năm 2022',
  link: 'https://stc.laocai.gov.vn/chuyen-doi-so/ke-hoach-125',
  note: 'Đăng trên chuyên mục chuyển đổi số; có ảnh chụp màn hình',
};
const STATUS = { value: 'done', label: 'Hoàn thành' };
const STATUS_OPTIONS = ['— chưa chọn —', 'Chưa thực hiện', 'Đang thực hiện', 'Cần bổ sung minh chứng', 'Hoàn thành'];

/** The number in "N chỉ số có điểm nhưng chưa có minh chứng". */
async function withoutEvidence(a) {
  const text = (await a.withoutEvidence.textContent()).trim();
  const m = /^(\d+) chỉ số có điểm nhưng chưa có minh chứng$/.exec(text);
  assert.ok(m, `without-evidence text: ${JSON.stringify(text)}`);
  return Number(m[1]);
}

async function expectWithoutEvidence(a, n) {
  const got = await poll(() => withoutEvidence(a), (v) => v === n);
  assert.equal(got, n, 'indicators with points but no evidence');
}

async function expectEvidence(a, code) {
  for (const [key, value] of Object.entries(EVIDENCE)) await expectValue(a.evidenceField(code, key), value, `evidence ${key}`);
  await expectValue(a.evidenceField(code, 'status'), STATUS.value, 'status');
  const shown = await a.evidenceField(code, 'status').evaluate((e) => e.selectedOptions[0]?.text.trim());
  assert.equal(shown, STATUS.label, 'the status shown');
  // The badge follows the status.
  await expectText(a.evidenceBox(code).locator('summary .badge'), STATUS.label);
}

test('evidence and status of a scored indicator are kept after a reload; the count without evidence drops by one', async () => {
  const a = await app.open();
  await a.setPoints('1.5', '18');
  await a.setYesNo('1.3', true);
  await expectText(a.total, '33,00');
  await expectWithoutEvidence(a, 2);
  const before = await withoutEvidence(a);

  // Folded until asked for.
  await expectAttr(a.evidenceBox('1.5'), 'open', null);
  assert.equal(await a.evidenceField('1.5', 'number').isVisible(), false, 'the fields are folded away');
  await a.openEvidence('1.5');
  await expectAttr(a.evidenceBox('1.5'), 'open', '');
  assert.deepEqual(
    (await a.evidenceField('1.5', 'status').locator('option').allTextContents()).map((t) => t.trim()),
    STATUS_OPTIONS,
  );
  await expectCount(a.evidenceBox('1.5').locator('summary .badge'), 0);

  for (const [key, value] of Object.entries(EVIDENCE)) await a.evidenceField('1.5', key).fill(value);
  await a.evidenceField('1.5', 'status').selectOption({ label: STATUS.label });
  await expectEvidence(a, '1.5');
  await expectWithoutEvidence(a, before - 1);
  // Evidence does not change the points.
  await expectText(a.total, '33,00');

  // A status alone is not evidence.
  await a.openEvidence('1.3');
  await a.evidenceField('1.3', 'status').selectOption({ label: 'Cần bổ sung minh chứng' });
  await expectWithoutEvidence(a, before - 1);

  await poll(() => storedText(a.page).then((v) => v ?? ''), (v) => v.includes('needs_evidence') && v.includes('Đăng trên'));
  await a.reload();
  await expectEvidence(a, '1.5');
  await expectValue(a.evidenceField('1.3', 'status'), 'needs_evidence');
  await expectWithoutEvidence(a, before - 1);
  await expectText(a.total, '33,00');

  // Emptying every evidence field brings the count back.
  await a.openEvidence('1.5');
  for (const key of Object.keys(EVIDENCE)) await a.evidenceField('1.5', key).fill('');
  await expectWithoutEvidence(a, before);
  // The badge follows the status, which is still set; without a status it goes.
  await expectText(a.evidenceBox('1.5').locator('summary .badge'), STATUS.label);
  await a.evidenceField('1.5', 'status').selectOption({ label: '— chưa chọn —' });
  await expectCount(a.evidenceBox('1.5').locator('summary .badge'), 0);
  await a.done();
});

// Regression (fixed in ea61cd8): after "Mở" the status select showed "— chưa chọn —"
// although the draft had a status (the option's `selected` attribute, not the value).
test('evidence belongs to its draft: a new draft shows none, the first one still has it', async () => {
  const a = await app.open();
  await a.agency.fill('Sở Tài chính');
  await a.setPoints('1.5', '18');
  await a.openEvidence('1.5');
  for (const [key, value] of Object.entries(EVIDENCE)) await a.evidenceField('1.5', key).fill(value);
  await a.evidenceField('1.5', 'status').selectOption({ label: STATUS.label });
  await expectWithoutEvidence(a, 0);

  await a.newDraftButton.click();
  await expectValue(a.agency, '');
  for (const key of Object.keys(EVIDENCE)) await expectValue(a.evidenceField('1.5', key), '', `new draft: ${key}`);
  await expectValue(a.evidenceField('1.5', 'status'), '', 'new draft: no status');

  await a.openDraftButton('Sở Tài chính').click();
  await expectEvidence(a, '1.5');
  await a.done();
});
