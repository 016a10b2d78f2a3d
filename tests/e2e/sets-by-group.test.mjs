// Sets served by group (issue 15): a first visit fetches the catalogue and the file of
// the group it opens (sets/groups/…), not the whole set; another group's file when the
// user switches to it. The sheet keeps naming the whole set (its id and digest); the set
// viewer fetches the whole file; the service worker, registered once the total shows,
// keeps every group's file so each group opens offline; a group file that disagrees with
// the catalogue is an error naming it. Figures: the 2022 fixture set and the published
// appendix of the seed decision (maxima 1.000 and 750, averages 521,18 and 328,21).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { Calculator } from './lib/calculator.mjs';
import { launchBrowser } from './lib/harness.mjs';
import { DIST, startServer } from './lib/server.mjs';
import { expectCount, expectText, expectTextContains, poll } from './lib/expect.mjs';
import { assertNoPageErrors, launchPersistent, removeDir, tempDir, waitForController } from './lib/pwa.mjs';
import { storedText } from './lib/stored.mjs';

const WITH = 'Nhóm các cơ quan, đơn vị có thủ tục hành chính (1.000 điểm)';
const WITHOUT = 'Nhóm các cơ quan, đơn vị không có thủ tục hành chính (750 điểm)';
const DISTRICTS = 'Nhóm các huyện, thị xã, thành phố (1.000 điểm)';

let browser;
let work;
const servers = new Set();
before(async () => {
  browser = await launchBrowser();
  work = await tempDir('groups');
});
after(async () => {
  for (const s of servers) await s.close();
  await browser?.close();
  await removeDir(work);
});

const catalogue = async (dir = DIST) => JSON.parse(await readFile(join(dir, 'sets/index.json'), 'utf8'));
const urlOf = (file) => `${file.file}?v=${file.digest}`;

/** Every request of the page under sets/, as "FILE?v=DIGEST" relative to sets/. */
function recordSets(page) {
  const seen = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    const at = u.pathname.indexOf('/sets/');
    if (at >= 0) seen.push(u.pathname.slice(at + '/sets/'.length) + u.search);
  });
  return seen;
}

test('a first visit fetches only the opened group\'s file; switching group fetches and shows the other', async () => {
  const index = await catalogue();
  const set = index.sets.find((e) => e.id === 'laocai-2022');
  const group = (id) => set.groups.find((g) => g.group === id);
  assert.deepEqual(set.groups.map((g) => g.group), ['co_tthc', 'khong_tthc', 'huyen'], 'the build lists the set by group');
  const server = await startServer();
  servers.add(server);
  // No service worker here: what is counted is the page's own downloads.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', serviceWorkers: 'block' });
  try {
    const app = new Calculator(await context.newPage());
    const sets = recordSets(app.page);
    await app.page.goto(server.url);
    await app.ready();
    await expectTextContains(app.totalLine, '/ 1.000');
    await app.agency.fill('Sở Tư pháp');
    await app.setPoints('1.5', '12');
    await expectText(app.total, '12,00');
    await expectText(app.page.getByTestId('group-stats'), 'Trung bình nhóm: 521,18 · cao nhất: 625,30');
    await expectCount(app.row('7.1'), 1, 'procedures (7) are the first group\'s');
    assert.deepEqual(
      [...sets].sort(),
      ['index.json', urlOf(group('co_tthc')), urlOf(set.published)].sort(),
      'the catalogue, the first group\'s file and the published results; not the whole set',
    );
    const whole = await readFile(join(DIST, 'sets', set.file));
    const part = await readFile(join(DIST, 'sets', group('co_tthc').file));
    assert.ok(part.length * 2 < whole.length, `group file ${part.length} B, whole set ${whole.length} B`);

    await app.selectGroup(WITHOUT);
    await expectTextContains(app.totalLine, '/ 750');
    await expectCount(app.row('7.1'), 0, 'no procedures without them');
    await expectCount(app.row('6.1'), 1);
    await app.setPoints('1.5', '20');
    await expectText(app.total, '20,00');
    // 7.220,53 / 22 rounded half away from zero (the decision prints 328,20: README).
    await expectText(app.page.getByTestId('group-stats'), 'Trung bình nhóm: 328,21 · cao nhất: 428,67');
    assert.deepEqual(sets.slice(3), [urlOf(group('khong_tthc'))], 'the other group\'s file, once');

    // Back: the first group's sheet from memory, nothing fetched again.
    await app.selectGroup(WITH);
    await expectText(app.total, '12,00');
    // The drafts list scores both drafts, each under its own group's file.
    const rows = await poll(() => app.draftList(), (l) => l.length === 2 && l.every((r) => /\d/.test(r.total)));
    assert.deepEqual(rows.map((r) => [r.group, r.total]).sort(), [
      ['Nhóm các cơ quan, đơn vị có thủ tục hành chính', '12,00 / 1.000'],
      ['Nhóm các cơ quan, đơn vị không có thủ tục hành chính', '20,00 / 750'],
    ]);
    assert.equal(sets.length, 4, sets.join(', '));
    // The sheet names the whole set, as before: its id and the whole file's digest.
    const stored = await poll(
      async () => (await storedText(app.page)) ?? '',
      (t) => t.includes('"12"'),
    );
    const sheets = JSON.parse(stored).drafts.map((d) => d.sheet).filter((s) => Object.keys(s.entries).length);
    assert.deepEqual(sheets.map((s) => [s.framework, s.group, s.framework_digest]).sort(), [
      ['laocai-2022', 'co_tthc', set.digest],
      ['laocai-2022', 'khong_tthc', set.digest],
    ]);

    // The set viewer shows every group: it fetches the whole file.
    await app.page.getByRole('button', { name: 'Xem bộ chỉ số', exact: true }).click();
    const viewer = app.page.getByTestId('set-viewer');
    await expectTextContains(viewer, DISTRICTS);
    await expectTextContains(viewer, WITHOUT);
    assert.deepEqual(sets.slice(4), [urlOf(set)]);
    assertNoPageErrors(app);
  } finally {
    await context.close();
  }
});

test('the worker registers once the total shows and keeps every group\'s file: each group opens offline', async () => {
  const index = await catalogue();
  const server = await startServer();
  servers.add(server);
  // When the page registers its worker, is the total already there?
  const initScript = () => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.__registeredWithTotal = !!document.querySelector('[data-testid=total]');
      return register.apply(this, args);
    };
  };
  const pwa = await launchPersistent({ initScript });
  try {
    const app = new Calculator(pwa.page);
    await app.page.goto(server.url);
    await app.ready();
    await waitForController(app);
    assert.equal(await app.page.evaluate(() => window.__registeredWithTotal), true, 'registered after the total showed');
    const wanted = index.sets.flatMap((e) => e.groups.map(urlOf));
    assert.ok(wanted.length >= 6, JSON.stringify(wanted));
    await poll(
      () => app.page.evaluate(async () => (await (await caches.open('dti-sets')).keys()).map((r) => r.url)),
      (keys) => wanted.every((w) => keys.some((k) => k.endsWith(`/sets/${w}`))),
      15_000,
    );

    await server.close();
    servers.delete(server);
    await app.reload();
    await expectTextContains(app.totalLine, '/ 1.000');
    await app.selectGroup(DISTRICTS);
    await expectTextContains(app.totalLine, '/ 1.000');
    await expectCount(app.row('8.1'), 1, 'the districts\' digital economy');
    await expectCount(app.page.getByTestId('set-error'), 0);
    await app.selectGroup(WITHOUT);
    await expectTextContains(app.totalLine, '/ 750');
    await app.setSelect.selectOption('laocai-2023');
    await expectTextContains(app.totalLine, '/ 800');
    await app.setPoints('1.5', '7');
    await expectText(app.total, '7,00');
    await expectCount(app.page.getByTestId('set-error'), 0);
    assertNoPageErrors(app);
  } finally {
    await pwa.close();
  }
});

test('a group file that disagrees with the catalogue is refused, naming the file', async () => {
  const dir = join(work, 'mismatch');
  await cp(DIST, dir, { recursive: true });
  const set = (await catalogue(dir)).sets.find((e) => e.id === 'laocai-2022');
  const file = (id) => join(dir, 'sets', set.groups.find((g) => g.group === id).file);
  // The second group's file replaced by the first's (a copy gone wrong).
  await writeFile(file('khong_tthc'), await readFile(file('co_tthc')));
  const server = await startServer(dir);
  servers.add(server);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', serviceWorkers: 'block' });
  try {
    const app = await Calculator.open(context, server.url);
    await app.selectGroup(WITHOUT);
    const error = app.page.getByTestId('set-error');
    await expectTextContains(error, `sets/${set.groups[1].file}`);
    await expectTextContains(error, 'tệp của nhóm “co_tthc”');
    await expectTextContains(error, 'hãy chạy lại dti sets index');
    await expectCount(app.total, 0, 'no total under the wrong indicators');
    // The groups stay listed (from the file already here): the user can go back.
    await app.selectGroup(WITH);
    await expectTextContains(app.totalLine, '/ 1.000');
    assertNoPageErrors(app);
  } finally {
    await context.close();
  }
});
