// Scoring with the keyboard alone: skip link, radio groups with Space and arrow keys,
// text fields by Tab, a section folded with Enter, an error reached from the summary.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './lib/harness.mjs';
import { expectText } from './lib/expect.mjs';

const app = useApp();

/** Presses Tab until `predicate` holds for the focused element (bounded). */
async function tabTo(page, predicate, what, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  assert.fail(`${what} not reached within ${limit} Tab presses`);
}

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('an agency can score with the keyboard only', async () => {
  const a = await app.open();
  const page = a.page;
  await page.evaluate(() => document.activeElement?.blur());

  // The first Tab reaches the skip link; Enter jumps to the indicators.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(page), 'indicators');

  // 1.1 (options): Space picks the focused option, arrows move the choice.
  await tabTo(page, () => document.activeElement?.name === 'opt-1.1', 'the options of 1.1');
  await page.keyboard.press('Space');
  await expectText(a.total, '30,00');
  await page.keyboard.press('ArrowDown');
  await expectText(a.total, '15,00');

  // 1.2 (ratio): a then b by Tab.
  await tabTo(page, () => document.activeElement?.id === 'f-1.2-a', 'the field a of 1.2');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), 'f-1.2-b');
  await page.keyboard.type('2');
  await expectText(a.total, '25,00');

  // A value above the maximum; the summary's link takes the focus back to the field.
  await tabTo(page, () => document.activeElement?.id === 'f-1.5-value', 'the field of 1.5');
  await page.keyboard.type('25');
  await page.locator('[data-testid=error-summary] a').first().focus();
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(page), 'f-1.5-value');

  // A main indicator folds with Enter on its summary line.
  await page.locator('details.main-indicator > summary').first().focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('details.main-indicator').first().evaluate((d) => d.open), false);
  await a.done();
});
