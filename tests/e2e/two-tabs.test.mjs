// Two tabs of the app in one browser: each takes what the other saved, so neither wipes
// the other's work on its next save.

import { test } from 'node:test';

import { useApp } from './lib/harness.mjs';
import { Calculator } from './lib/calculator.mjs';
import { expectText, expectValue } from './lib/expect.mjs';

const app = useApp();

test('work done in one tab shows in the other and survives its next save', async () => {
  const a = await app.open();
  const b = await Calculator.open(a.page.context(), app.url);
  await a.field('1.5').fill('12,5');
  await expectText(b.total, '12,50');
  await b.agency.fill('Sở Tài chính');
  await expectValue(a.agency, 'Sở Tài chính');
  await expectText(a.total, '12,50');
  await b.page.reload();
  await b.page.getByTestId('total').waitFor();
  await expectText(b.page.getByTestId('total'), '12,50');
  await b.page.close();
  await a.done();
});
