// An agency name that is HTML is shown as text everywhere (form, drafts list, print report,
// JSON and CSV exports), never run; and during a whole session no request leaves the app's
// origin (every request recorded and asserted).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { useApp } from './lib/harness.mjs';
import { expectSummary, expectText, expectTextContains, expectValue } from './lib/expect.mjs';

const app = useApp();
const NAME = '<img src=x onerror=alert(1)>';

test('an agency name of HTML is text everywhere; no request leaves the origin', async () => {
  const requests = [];
  const dialogs = [];
  const a = await app.open({
    initScript: () => {
      window.__injected = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && (n.matches('img[src="x"]') || n.querySelector?.('img[src="x"]'))) window.__injected += 1;
      }).observe(document, { childList: true, subtree: true });
    },
  });
  const origin = new URL(app.url).origin;
  a.page.context().on('request', (r) => requests.push(r.url()));
  a.page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });

  // A full session: name, answers of every kind, evidence, appraised values, a second
  // draft, the quick check, both languages, a reload.
  await a.agency.fill(NAME);
  await a.field('1.5').fill('12,5');
  await a.setYesNo('1.3', true);
  await a.setRatio('1.2', '2', '3');
  await a.openEvidence('1.5');
  await a.evidenceField('1.5', 'summary').fill('<script>alert(2)</script>');
  await a.appraisedToggle.check();
  await a.appraisedField('1.5').fill('10');
  await a.quickCheck('co_tthc', '750,01');
  await expectSummary(a, { total: '40,83' });
  await a.duplicateDraftButton(NAME).click();
  await a.openDraftButton(NAME).click();
  await a.langToggle('English').click();
  await a.langToggle('Tiếng Việt').click();
  await a.reload();
  await expectValue(a.agency, NAME);

  // As text in the drafts list and the print report.
  await expectText(a.draftRow(NAME).locator('th'), NAME);
  await a.page.emulateMedia({ media: 'print' });
  await expectTextContains(a.page.locator('.print-report'), NAME);
  await a.page.emulateMedia({ media: 'screen' });
  assert.equal(await a.page.locator('img[src="x"], script:not([src])').count(), 0, 'no element made from the name');
  assert.equal(await a.page.evaluate(() => window.__injected), 0, 'no such element was ever added');

  // As text in the exports.
  const json = await readFile(await (await a.download(a.downloadJsonButton)).path(), 'utf8');
  assert.equal(JSON.parse(json).agency, NAME);
  // The CSV has no agency column; its file name is made from the name's letters only.
  const csvDownload = await a.download(a.downloadCsvButton);
  assert.equal(csvDownload.suggestedFilename(), 'dti-laocai-2022-co_tthc-img-src-x-onerror-alert-1.csv');
  const csv = await readFile(await csvDownload.path(), 'utf8');
  assert.ok(csv.includes('<script>alert(2)</script>'), 'the evidence is in the CSV as typed');

  assert.deepEqual(dialogs, [], 'nothing ran');
  const foreign = requests.filter((u) => new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'every request stays on the app\'s origin');
  assert.ok(requests.length > 3, `requests were recorded (${requests.length})`);
  assert.ok(!requests.some((u) => new URL(u).pathname === '/x'), 'the name\'s image was never fetched');
  await a.done();
});
