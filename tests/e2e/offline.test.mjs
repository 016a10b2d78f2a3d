// Offline: after one visit online the service worker serves the app; with the server
// gone, the page still loads, keeps the draft and saves new answers.

import { after, before, test } from 'node:test';

import { Calculator } from './lib/calculator.mjs';
import { startServer } from './lib/server.mjs';
import { expectChecked, expectSummary, expectValue } from './lib/expect.mjs';
import { assertNoPageErrors, launchPersistent, waitForController, waitSaved } from './lib/pwa.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchPersistent();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('after one online visit the app works offline: draft kept, new answers saved', async () => {
  const app = new Calculator(browser.page);
  await app.page.goto(server.url);
  await app.ready();
  await waitForController(app);

  await app.pointsInput(20).fill('12,5');
  await expectSummary(app, { total: '12,50' });
  await waitSaved(app.page, '12,5');

  // The network goes away.
  await server.close();

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
