// The council's appraised values (thẩm định): shown when the checkbox is ticked, inputs
// with ids `t-…`; Chênh lệch = self − appraised per indicator and in the total line; all
// kept after a reload (the checkbox comes back ticked when a draft has appraised values).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './lib/harness.mjs';
import { storedText } from './lib/stored.mjs';
import { expectChecked, expectCount, expectText, expectValue, poll } from './lib/expect.mjs';

const app = useApp();

test('self 18, appraised 12,5 on 1.5: Chênh lệch 5,50 by the indicator and in the total; kept after a reload', async () => {
  const a = await app.open();
  await expectChecked(a.appraisedToggle, false);
  await expectCount(a.appraisedField('1.5'), 0, 'no appraised input before the box is ticked');
  await expectCount(a.appraisedTotal, 0);

  await a.appraisedToggle.check();
  await expectCount(a.appraisedField('1.5'), 1);
  const appraisedInput = a.row('1.5').getByLabel('Điểm thẩm định (0–20)', { exact: true });
  await expectCount(appraisedInput, 1, 'the appraised input is labelled');
  assert.equal(await appraisedInput.getAttribute('id'), 't-1.5-value');

  await a.setPoints('1.5', '18');
  await appraisedInput.fill('12,5');

  const check = async (when) => {
    await expectValue(a.field('1.5'), '18', `self ${when}`);
    await expectValue(a.appraisedField('1.5'), '12,5', `appraised ${when}`);
    await expectText(a.earned('1.5'), '18,00');
    await expectText(a.row('1.5').locator('.earned-appraised'), 'Thẩm định: 12,50 · Chênh lệch (Tự đánh giá − Thẩm định): 5,50');
    await expectText(a.difference('1.5'), '5,50', `Chênh lệch of 1.5 ${when}`);
    await expectText(a.total, '18,00');
    await expectText(a.appraisedTotal, 'Thẩm định: 12,50 điểm · 1/30 chỉ số đã thẩm định — chưa đủ, chưa xếp mức Chênh lệch (Tự đánh giá − Thẩm định) trên 1 chỉ số đã thẩm định: 18,00 − 12,50 = 5,50', `appraised total ${when}`);
    // Only 1.5 has both values: no other Chênh lệch.
    await expectCount(a.page.getByTestId('difference'), 1);
  };
  await check('before reload');
  await poll(() => storedText(a.page).then((v) => v ?? ''), (v) => v.includes('"12,5"'));

  await a.reload();
  await expectChecked(a.appraisedToggle, true, 'the appraised inputs are shown again');
  await check('after reload');
  await a.done();
});
