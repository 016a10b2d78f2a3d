// Sets are files beside the app: a set copied into a built sets/ plus `dti sets index`
// reaches a new visitor and a returning one (service worker installed) with no rebuild,
// and opens offline afterwards. A set that cannot be fetched is an error shown with a
// retry; a draft answered under a replaced version of its set is kept, not re-scored.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { Calculator } from './lib/calculator.mjs';
import { FIXTURE_SETS, indexSets } from './lib/fixture-dist.mjs';
import { launchBrowser, withBrowserContext } from './lib/harness.mjs';
import { DIST, startServer } from './lib/server.mjs';
import { expectCount, expectText, expectTextContains, expectValue, poll } from './lib/expect.mjs';
import { assertNoPageErrors, launchPersistent, removeDir, tempDir, waitForController, waitSaved } from './lib/pwa.mjs';

const TITLE_2024 = 'Bộ chỉ số thử nghiệm năm 2024';
const OPTION_2024 = `2024 — ${TITLE_2024}`;

let work;
let browser;
const servers = new Set();
before(async () => {
  work = await tempDir('sets');
  browser = await launchBrowser();
});
after(async () => {
  for (const s of servers) await s.close();
  await browser?.close();
  await removeDir(work);
});

/** A deployed copy of the build, served; returns { dir, sets, server }. */
async function deployment(name) {
  const dir = join(work, name);
  await cp(DIST, dir, { recursive: true });
  const server = await startServer(dir);
  servers.add(server);
  return { dir, sets: join(dir, 'sets'), server };
}

/** What a deployer does: copy the file into sets/, run `dti sets index sets/`. */
async function publish2024(sets) {
  const set = JSON.parse(await readFile(join(FIXTURE_SETS, 'laocai-2023.json'), 'utf8'));
  Object.assign(set, { id: 'laocai-2024', year: 2024, title_vi: TITLE_2024, title_en: 'Test set 2024' });
  await writeFile(join(sets, 'laocai-2024.json'), JSON.stringify(set, null, 2));
  return indexSets(sets);
}

const optionTexts = (app) => app.setSelect.locator('option').allInnerTexts();

test('a set copied into sets/ and indexed reaches a new visitor with no rebuild', async () => {
  const { sets, server } = await deployment('new-visitor');
  const out = await publish2024(sets);
  assert.match(out, /3 bộ chỉ số/);
  const index = JSON.parse(await readFile(join(sets, 'index.json'), 'utf8'));
  const gz = JSON.parse(gunzipSync(await readFile(join(sets, 'index.json.gz'))).toString('utf8'));
  assert.deepEqual(gz, index, 'the .gz copy beside the catalogue is rewritten too');
  await withBrowserContext(browser, async (context) => {
    const app = await Calculator.open(context, server.url);
    await expectValue(app.setSelect, 'laocai-2022', 'a first visit still opens 2022');
    const options = await poll(() => optionTexts(app), (o) => o.includes(OPTION_2024));
    assert.ok(options.includes(OPTION_2024), `picker: ${options}`);
    await app.setSelect.selectOption('laocai-2024');
    await expectTextContains(app.totalLine, '/ 1.000');
    await app.setPoints('1.5', '12');
    await expectText(app.total, '12,00');
    assertNoPageErrors(app);
  });
});

test('a returning visitor gets the new set at the next online visit, and every set opens offline', async () => {
  const { sets, server } = await deployment('returning');
  const pwa = await launchPersistent();
  try {
    const app = new Calculator(pwa.page);
    await app.page.goto(server.url);
    await app.ready();
    await waitForController(app);
    await expectValue(app.setSelect, 'laocai-2022');
    assert.ok(!(await optionTexts(app)).includes(OPTION_2024));

    await publish2024(sets);
    await app.reload();
    const options = await poll(() => optionTexts(app), (o) => o.includes(OPTION_2024));
    assert.ok(options.includes(OPTION_2024), `picker after the next visit: ${options}`);
    // The worker caches every set the catalogue lists, the new one included.
    const cached = await poll(
      () => app.page.evaluate(async () => (await (await caches.open('dti-sets')).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search)),
      (keys) => ['laocai-2022.json?v=', 'laocai-2023.json?v=', 'laocai-2024.json?v=', 'laocai-2022.csv?v='].every((k) => keys.some((u) => u.includes(k))),
      10_000,
    );
    assert.ok(cached.some((u) => u.includes('laocai-2024.json?v=')), `cached: ${cached}`);

    await server.close();
    servers.delete(server);
    await app.reload();
    await app.setSelect.selectOption('laocai-2024');
    await expectTextContains(app.totalLine, '/ 1.000');
    await app.setPoints('1.5', '7');
    await expectText(app.total, '7,00');
    // 2023 was never opened online: the first visit cached it.
    await app.setSelect.selectOption('laocai-2023');
    await expectTextContains(app.totalLine, '/ 1.000');
    await expectCount(app.page.getByTestId('set-error'), 0);
    assertNoPageErrors(app);
  } finally {
    await pwa.close();
  }
});

test('a set the server cannot give is an error with a retry, not a blank page', async () => {
  const { sets, server } = await deployment('missing');
  await publish2024(sets);
  // The set is served by group (the build's sets/groups/): the open group's file is fetched.
  const missing = join(sets, 'groups', 'laocai-2024.co_tthc.json');
  await rename(missing, join(sets, 'later.txt'));
  await withBrowserContext(browser, async (context) => {
    const app = await Calculator.open(context, server.url);
    await app.setSelect.selectOption('laocai-2024');
    const error = app.page.getByTestId('set-error');
    await expectTextContains(error, 'sets/groups/laocai-2024.co_tthc.json: không tải được: máy chủ trả lời mã 404');
    await rename(join(sets, 'later.txt'), missing);
    await error.getByRole('button', { name: 'Thử lại', exact: true }).click();
    await expectTextContains(app.totalLine, '/ 1.000');
    await expectCount(error, 0);
    assertNoPageErrors(app);
  });
});

test('a draft answered before the set was replaced is kept as it was, and re-scored only when asked', async () => {
  const { sets, server } = await deployment('replaced');
  await withBrowserContext(browser, async (context) => {
    const app = await Calculator.open(context, server.url);
    await app.agency.fill('Sở Tư pháp');
    await app.setPoints('1.5', '12');
    await expectText(app.total, '12,00');
    await waitSaved(app.page, '"framework_digest"');

    const set = JSON.parse(await readFile(join(sets, 'laocai-2022.json'), 'utf8'));
    set.title_vi += ' (sửa đổi)';
    await writeFile(join(sets, 'laocai-2022.json'), JSON.stringify(set, null, 2));
    indexSets(sets);
    await app.page.reload();
    const stale = app.page.getByTestId('set-stale');
    await expectTextContains(stale, 'Phiếu này được trả lời theo một phiên bản khác của bộ chỉ số.');
    await expectCount(app.total, 0, 'no total under another version');
    await expectTextContains(app.draftRow('Sở Tư pháp'), '— (phiên bản bộ chỉ số khác)');
    await expectValue(app.agency, 'Sở Tư pháp');
    await stale.getByRole('button', { name: 'Tính lại theo phiên bản hiện có', exact: true }).click();
    await expectText(app.total, '12,00');
    await expectValue(app.field('1.5'), '12');
    assertNoPageErrors(app);
  });
});
