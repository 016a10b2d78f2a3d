// One Vietnamese spelling convention: the decisions' own ("hóa", "hòa", "Ủy ban", "xóa",
// "hủy"), where the tone mark of an open oa / oe / uy syllable sits on its first vowel.
// Names quoted from published tables (data/published/ and its copy among the test
// fixtures) stay exactly as printed; any other
// deliberate spelling is written as a \u{…} escape, which this scan does not read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SKIP_DIRS = new Set(['.git', 'target', 'node_modules', 'dist', 'data/published', 'tests/fixtures/sets/laocai-2022.csv',
  // The 49 council sheets generated from that table carry its names as printed.
  'tests/fixtures/council']);
const TEXT = new Set(['.rs', '.json', '.csv', '.md', '.html', '.js', '.mjs', '.css', '.sh',
  '.toml', '.webmanifest', '.conf', '.template', '.txt', '']);

// An open syllable ending in oa/oe/uy with the tone on its last vowel ("xo\u00e1", "U\u1ef7"),
// not after q ("quý" is right in both conventions) and not followed by another letter.
const OTHER_CONVENTION = /(?<![\p{L}])(?:\p{L}*?[^qQ\P{L}]|)(?:[oO][áàảãạÁÀẢÃẠéèẻẽẹÉÈẺẼẸ]|[uU][ýỳỷỹỵÝỲỶỸỴ])(?!\p{L})/gu;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const rel = relative(root, path);
    if (SKIP_DIRS.has(name) || SKIP_DIRS.has(rel)) continue;
    const st = statSync(path);
    if (st.isDirectory()) yield* files(path);
    else if (TEXT.has(extname(name)) && st.size < 5_000_000) yield [rel, path];
  }
}

export function findOtherConvention(text) {
  const hits = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(OTHER_CONVENTION)) hits.push({ line: i + 1, word: m[0] });
  });
  return hits;
}

test('the scan recognises both conventions', () => {
  assert.deepEqual(findOtherConvention('Xo\u00e1 phi\u1ebfu; Hu\u1ef7; s\u1ed1 ho\u00e1; U\u1ef7 ban').map((h) => h.word),
    ['Xo\u00e1', 'Hu\u1ef7', 'ho\u00e1', 'U\u1ef7']);
  assert.deepEqual(findOtherConvention('Xóa phiếu; Hủy; hóa; Ủy ban; quý; quỳ; khoán; hoàn; tuyến'), []);
});

test('every source and data file uses the decisions\u2019 spelling (hóa, hòa, Ủy ban, xóa, hủy)', () => {
  const found = [];
  for (const [rel, path] of files(root)) {
    for (const h of findOtherConvention(readFileSync(path, 'utf8'))) found.push(`${rel}:${h.line}: ${h.word}`);
  }
  assert.deepEqual(found, [], `other tone-mark convention found:\n${found.join('\n')}`);
});
