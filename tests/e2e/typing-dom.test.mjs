// A keystroke rewrites only what changed. The summary, its bars and the drafts list are
// re-rendered from the result on every answer; an attribute whose value stays the same
// (a class, an id, a test id, a label) must not be removed and set again: that restyles
// the element and costs every keystroke time (BENCHMARKS.md, "Keystroke"; the view
// layer's patch in vendor/README.md). Counted with a MutationObserver over the whole page.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './lib/harness.mjs';
import { expectSummary } from './lib/expect.mjs';

const app = useApp();

test('typing an answer leaves every unchanged attribute alone', async () => {
  const a = await app.open();
  await a.agency.fill('Sở Tài chính');
  await a.field('1.5').fill('10');
  await expectSummary(a, { total: '10,00', level: 'Khởi động' });

  // Every attribute as it is now, then every attribute record while the answer changes.
  await a.page.evaluate(() => {
    const before = new Map();
    for (const el of document.body.querySelectorAll('*')) {
      before.set(el, new Map([...el.attributes].map((x) => [x.name, x.value])));
    }
    window.__records = [];
    window.__before = before;
    window.__observer = new MutationObserver((rs) => window.__records.push(...rs));
    window.__observer.observe(document.body, { attributes: true, subtree: true, attributeOldValue: true });
  });
  await a.field('1.5').fill('12,5');
  await expectSummary(a, { total: '12,50', level: 'Khởi động' });

  const { touched, changed } = await a.page.evaluate(() => {
    window.__observer.disconnect();
    const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const touched = new Set();
    let changed = 0;
    for (const r of window.__records) {
      const was = window.__before.get(r.target)?.get(r.attributeName);
      // Only elements that were there before and still are: a new element is built, not rewritten.
      if (!window.__before.has(r.target) || !r.target.isConnected) continue;
      if (r.target.getAttribute(r.attributeName) === was) touched.add(`${describe(r.target)} [${r.attributeName}="${was}"]`);
      else changed += 1;
    }
    return { touched: [...touched], changed };
  });
  // The check can fail: the bars' widths and labels do change with the total.
  assert.ok(changed > 0, 'the bars follow the new total');
  assert.deepEqual(touched, [], 'attributes removed and set again with the same value');
});
