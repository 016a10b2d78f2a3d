// Offline: after one visit online the service worker serves the app; with the server
// gone, the page still loads, keeps the draft and saves new answers.

import { test } from 'node:test';

import { Calculator } from './lib/calculator.mjs';
import { expectChecked, expectSummary, expectValue } from './lib/expect.mjs';
import { assertNoPageErrors, usePersistent, waitForController, waitSaved } from './lib/pwa.mjs';

const env = usePersistent();

test('after one online visit the app works offline: draft kept, new answers saved', async () => {
  const app = new Calculator(env.browser.page);
  await app.page.goto(env.server.url);
  await app.ready();
  await waitForController(app);

  await app.pointsInput(20).fill('12,5');
  await expectSummary(app, { total: '12,50' });
  await waitSaved(app.page, '12,5');

  // The network goes away.
  await env.server.close();

  await app.reload();
  await expectValue(app.pointsInput(20), '12,5', 'the earlier answer after an offline reload');
  await expectSummary(app, { total: '12,50' });

  await app.setYesNo('1.3', true);
  await expectSummary(app, { total: '27,50' });
  await waitSaved(app.page, '"1.3"');

  await app.reload();
  await expectValue(app.pointsInput(20), '12,5');
  await expectChecked(app.row('1.3').getByRole('radio', { name: 'Có', exact: true }), true);
  await expectSummary(app, { total: '27,50' });
  assertNoPageErrors(app);
});
