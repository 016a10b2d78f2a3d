// A stored workspace that no longer parses is never overwritten: it is copied aside,
// shown to the user, and the app starts a fresh sheet that saves under the usual key.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from './lib/harness.mjs';
import { expectText, expectTextContains, poll } from './lib/expect.mjs';

const app = useApp();
const BROKEN = '{"version":1,"lang":"vi","current":0,"drafts":[{"id":0,"sheet":{"schema":1,"framework":"laocai-2022"';

test('a damaged stored sheet is kept aside, shown, and never overwritten', async () => {
  const a = await app.open({
    initScript: `if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('dti.workspace', ${JSON.stringify(BROKEN)});
    }`,
  });
  const banner = a.page.locator('.banner-error');
  await expectTextContains(banner, 'Không đọc được phiếu đã lưu trước đây');
  await a.page.locator('.banner-error summary').click();
  await expectText(a.page.locator('.banner-error pre.raw'), BROKEN);
  assert.equal(await a.page.evaluate(() => localStorage.getItem('dti.workspace.damaged')), BROKEN);
  // The app works and saves a new sheet; the damaged copy stays as it was.
  await a.field('1.5').fill('12,5');
  await expectText(a.total, '12,50');
  const saved = await poll(() => a.page.evaluate(() => localStorage.getItem('dti.workspace')), (v) => v && v.includes('12,5'));
  assert.ok(saved.includes('"text":"12,5"'), saved);
  await a.page.reload();
  await a.page.getByTestId('total').waitFor();
  await expectText(a.page.getByTestId('total'), '12,50');
  assert.equal(await a.page.evaluate(() => localStorage.getItem('dti.workspace.damaged')), BROKEN);
  // Still shown on later visits until the user discards it.
  await expectTextContains(a.page.locator('.banner-error'), 'Không đọc được phiếu đã lưu trước đây');
  await a.page.getByRole('button', { name: 'Đã lưu lại nội dung cần thiết — xóa bản hỏng' }).click();
  assert.equal(await a.page.locator('.banner-error').count(), 0);
  assert.equal(await a.page.evaluate(() => localStorage.getItem('dti.workspace.damaged')), null);
  await a.done();
});
