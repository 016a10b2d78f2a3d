// The print report is built when printing, not on every keystroke (issue 15): on screen it
// is empty; Ctrl+P or a PDF (beforeprint) and the "In / Lưu PDF" button build it from what
// was typed last, and typing after a print is in the next print.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './lib/harness.mjs';
import { expectText } from './lib/expect.mjs';

const app = useApp();

/** The report's summary line, as it stands when the page prints. */
const reportLine = (page) => page.locator('.print-report .summary-own').textContent();

test('typing then printing: the report has the last figures, and is not built on screen', async () => {
  const a = await app.open();
  await a.setPoints('1.5', '12,5');
  await expectText(a.total, '12,50');
  assert.equal(await a.page.locator('.print-report *').count(), 0, 'nothing of the report is built while typing');

  // A PDF is printed as Ctrl+P prints: beforeprint builds the report, afterprint drops it.
  // (Read in a capturing listener: it runs before the app's own, which drops the report.)
  await a.page.evaluate(() => {
    window.__seen = [];
    const read = () => window.__seen.push(document.querySelector('.print-report .summary-own')?.textContent ?? '');
    addEventListener('afterprint', read, { capture: true });
  });
  await a.page.pdf({ format: 'A4' });
  const [printed] = await a.page.evaluate(() => window.__seen);
  assert.match(printed, /Tổng điểm tự đánh giá: 12,50 \/ 1\.000/, printed);
  await expectText(a.page.locator('.print-report'), '', 'dropped after printing');

  // More typing, then the print button: the report follows the last keystroke.
  await a.setPoints('1.5', '20');
  await expectText(a.total, '20,00');
  await a.page.evaluate(() => {
    window.print = () => (window.__button = document.querySelector('.print-report .summary-own')?.textContent ?? '');
  });
  await a.page.getByRole('button', { name: 'In / Lưu PDF', exact: true }).click();
  await a.page.waitForFunction(() => typeof window.__button === 'string');
  assert.match(await a.page.evaluate(() => window.__button), /Tổng điểm tự đánh giá: 20,00 \/ 1\.000/);

  // Print emulation (no print events) builds it too.
  await a.setPoints('1.5', '7');
  await expectText(a.total, '7,00');
  await a.page.emulateMedia({ media: 'print' });
  assert.match(await reportLine(a.page), /Tổng điểm tự đánh giá: 7,00 \/ 1\.000/);
  await a.page.emulateMedia({ media: 'screen' });
  await a.done();
});
