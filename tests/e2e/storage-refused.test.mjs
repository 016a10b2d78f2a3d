// When the browser refuses storage (private mode, sandboxed embed), the app says so and
// keeps scoring in memory, without uncaught errors.

import { test } from 'node:test';

import { refuseStorage, useApp } from './lib/harness.mjs';
import { expectAttr, expectCount, expectSummary, expectText } from './lib/expect.mjs';

const app = useApp();


test('storage that throws: the notice shows, scoring still works, no page error', async () => {
  const a = await app.open({ initScript: refuseStorage });
  await expectCount(a.storageNotice, 1);
  await expectAttr(a.storageNotice, 'role', 'alert');
  await expectText(
    a.storageNotice,
    'Trình duyệt không cho lưu dữ liệu (chế độ ẩn danh hoặc bị nhúng hạn chế). Ứng dụng vẫn tính điểm, nhưng phiếu sẽ mất khi đóng trang.',
  );

  await a.pointsInput(20).fill('12,5');
  await a.setYesNo('1.3', true);
  await a.setRatio('1.2', '2', '3');
  await a.agency.fill('Sở Y tế');
  // 12,5 + 15 + 13,333… = 40,83 of 1.000 → 4,08 %.
  await expectSummary(a, { total: '40,83', percent: '4,08 %', level: 'Khởi động' });
  await a.quickCheck('co_tthc', '750,01');
  // Sở Y tế is in the published table: its own row is replaced, so 18 are ranked.
  await expectText(a.quickResult, '750,01 = 75,00 % → Dẫn dắt · hạng ước tính 1/18');

  // Language switch works and the notice follows it.
  await a.langToggle('English').click();
  await expectText(
    a.storageNotice,
    'This browser does not allow saving (private mode or a restricted embed). Scoring works, but the sheet is lost when the page closes.',
  );
  await expectText(a.total, '40,83');

  // Nothing was kept: a reload starts over, still with the notice.
  await a.reload();
  await expectCount(a.storageNotice, 1);
  await expectSummary(a, { total: '0,00' });
  await a.done();
});

test('storage available: no notice', async () => {
  const a = await app.open();
  await a.pointsInput(20).fill('1');
  await expectText(a.total, '1,00');
  await expectCount(a.storageNotice, 0);
  await a.done();
});
