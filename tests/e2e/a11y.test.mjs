// Accessibility: axe-core finds no serious or critical violation, in Vietnamese and in
// English, with error messages showing. Also saves a full-page screenshot of the main view.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { AxeBuilder } from '@axe-core/playwright';

import { useApp } from './lib/harness.mjs';
import { expectAttr, expectCount, expectText } from './lib/expect.mjs';

const app = useApp();
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Serious and critical violations, printed one per node. */
async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  assert.ok(results.passes.length > 0, 'axe ran and checked rules');
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n` + v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n'))
    .join('\n');
  return { bad, report };
}

test('no serious or critical axe violation, Vietnamese then English, with errors showing', async () => {
  const a = await app.open();
  // Some answers, two invalid values (an error message by each field and the summary).
  await a.setYesNo('1.3', true);
  await a.setRatio('1.2', '2', '3');
  await a.setTier('3.4', '150');
  await a.pointsInput(20).fill('25');
  await a.setRatio('2.2', '1');
  await a.quickCheck('khong_tthc', '751');
  await expectCount(a.errorSummary.getByRole('link'), 2);
  await expectCount(a.quickError, 1);

  await mkdir(ARTIFACTS, { recursive: true });
  await a.page.screenshot({ path: `${ARTIFACTS}main-view.png`, fullPage: true });

  const vi = await seriousViolations(a.page);
  assert.equal(vi.bad.length, 0, `Vietnamese page:\n${vi.report}`);

  await a.langToggle('English').click();
  await expectAttr(a.page.locator('html'), 'lang', 'en');
  await expectText(a.errorSummary.getByRole('heading'), 'There is a problem');
  await expectText(a.fieldError('1.5'), 'Error: The maximum of indicator 1.5 is 20; you entered 25');
  await expectText(a.quickError, 'Error: The total must be between 0 and 750; you entered 751');
  const en = await seriousViolations(a.page);
  assert.equal(en.bad.length, 0, `English page:\n${en.report}`);
  await a.done();
});

test('no serious or critical axe violation with the submission tools open', async () => {
  const a = await app.open();
  // Council's inputs, an open evidence box with a status, a second draft, a bad appraised value.
  await a.page.getByText('Nhập điểm thẩm định của Hội đồng').click();
  await a.field('1.5').fill('18');
  await a.page.locator('[id="t-1.5-value"]').fill('12,5');
  await a.page.locator('[id="t-1.2-a"]').fill('3');
  await a.page.locator('[id="row-1.5"] details.evidence-box > summary').click();
  await a.page.locator('[id="ev-1.5-number"]').fill('125/KH-STC');
  await a.page.locator('[id="ev-1.5-status"]').selectOption('done');
  await a.page.getByRole('button', { name: 'Tạo phiếu mới' }).click();
  await a.page.getByRole('button', { name: /^Mở phiếu/ }).first().click();
  await a.page.locator('details.set-loader > summary').click();
  await a.page.getByRole('button', { name: 'Xem phiếu dạng văn bản' }).click();
  await expectCount(a.errorSummary.getByRole('link'), 1);
  const { bad, report } = await seriousViolations(a.page);
  assert.equal(bad.length, 0, `serious or critical violations:\n${report}`);
  await a.done();
});
