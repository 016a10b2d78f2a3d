// Runs the floor's wasm on a real first visit (the catalogue and group file of a release
// build, the 2022 published results, a stored draft holding a test sheet), so the size
// measured is of code that works: prints the summary it computes.
//   node bench/engine-floor/run.mjs DIST FLOOR_DIR
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist, floor] = process.argv.slice(2);
const mod = await import(pathToFileURL(resolve(floor, 'floor.js')).href);
await mod.default({ module_or_path: readFileSync(join(floor, 'floor_bg.wasm')) });
const sheet = JSON.parse(readFileSync('engine/tests/fixtures/boundary-sheet.json', 'utf8'));
const head = JSON.stringify({ version: 3, drafts: [{ id: 1, rev: 1, sum: '' }] });
const draft = JSON.stringify({ id: 1, rev: 1, sheet, updated: '2026-11-30T00:00:00Z' });
const group = `${sheet.framework}.${sheet.group}.json`;
const out = mod.first_visit(
  readFileSync(join(dist, 'sets/index.json'), 'utf8'),
  readFileSync(join(dist, 'sets/groups', group), 'utf8'),
  readFileSync(join(dist, `sets/${sheet.framework}.csv`)),
  head,
  `dti.draft.1\n${draft}`,
  false,
);
console.log(out);
