// Size budget (issue 15), run by scripts/test.sh after the release build: the bytes a first
// visit downloads before the total shows, each file at gzip -9, must stay within 150 kB.
// Counted: index.html and what it loads itself (<script src>, <link rel=stylesheet|
// modulepreload|preload|icon>, as scripts/bench-size.sh lists them), the set catalogue
// sets/index.json, and the set a first visit opens with its published results (the
// catalogue's default set, the rule of engine/src/catalogue.rs `Index::default_set`): the
// file of its first group when the catalogue lists the set by group (`dti sets index
// --groups`, what the app fetches then), else the whole set's file.
// Prints every file with its part and each part against its budget in BENCHMARKS.md
// ("## Size", table "Budget per part").
// Fails (exit 1) above CEILING: the first visit as it ships today (443.621 B on main,
// 2026-11-30 05:00 UTC; 440.703 B at 01:45 UTC after std rebuilt for size and the trim2
// cuts, 440.598 B at 2d47c6d, then +3.023 B traded for a third less work per keystroke: the patched view layer
// and the fine-grained bars and drafts line, BENCHMARKS.md "Keystroke"; 481.529 B the day
// before, 524.629 B before 2026-11-29's size work) plus 0,6 % for what may differ between
// build machines, so no change makes it larger unnoticed. The issue's budget, TOTAL_BUDGET, is not reached yet (BENCHMARKS.md,
// "The gap"): above it the check prints the gap and passes. Lower CEILING with every cut
// that lands, down to TOTAL_BUDGET; never raise it without saying why in the commit.
//   node scripts/size-budget.mjs [dist]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = process.argv[2] ?? join(ROOT, "dist");
export const TOTAL_BUDGET = 150_000;
export const CEILING = 446_300;
// The council's page (hoi-dong.html and what it fetches at once), a bundle of its own that
// only the provincial working group opens: no budget in the issue, but held where it is
// (506.420 B on 2026-11-30, its wasm 487.941 B) plus 0,6 %, so it does not grow unnoticed either.
export const COUNCIL_PAGE = "hoi-dong.html";
export const COUNCIL_CEILING = 509_500;

export function gzip9(path) {
  try {
    return execFileSync("gzip", ["-9", "-c", "-n", path], { maxBuffer: 1 << 28 }).length;
  } catch {
    return gzipSync(readFileSync(path), { level: 9 }).length;
  }
}

/** What index.html makes the browser fetch at once (the rule bench-size.sh uses too), and
 *  the modules those scripts import statically (e.g. wasm-bindgen's snippets); a dynamic
 *  `import()` is not followed: it is fetched on demand. */
export function pageFiles(dist, page = "index.html") {
  const html = readFileSync(join(dist, page), "utf8").replace(/<!--[\s\S]*?-->/g, "");
  const files = [page];
  const add = (url, from = "") => {
    if (!url || /^([a-z]+:|\/\/)/i.test(url)) return;
    const path = normalize(join(from, url.replace(/[?#].*$/, ""))).replace(/^\.?\//, "");
    if (path.startsWith("..") || !existsSync(join(dist, path)) || files.includes(path)) return;
    files.push(path);
    if (path.endsWith(".js")) {
      const js = readFileSync(join(dist, path), "utf8");
      for (const [, dep] of js.matchAll(/(?:^|[;\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) add(dep, dirname(path));
    }
  };
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    if (tag.startsWith("<script")) add(/\ssrc="([^"]+)"/.exec(tag)?.[1]);
    else if (/\srel="(stylesheet|modulepreload|preload|icon)"/.test(tag)) add(/\shref="([^"]+)"/.exec(tag)?.[1]);
  }
  return files;
}

/** The catalogue and the set a first visit opens (newest with published results, else
 *  newest): its first group's file when it is served by group, as the app opens it. */
export function setFiles(dist) {
  const index = JSON.parse(readFileSync(join(dist, "sets/index.json"), "utf8"));
  const newest = (a, b) => (a.year - b.year) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  const pick = (list) => list.reduce((best, e) => (best === undefined || newest(e, best) >= 0 ? e : best), undefined);
  const entry = pick(index.sets.filter((e) => e.published)) ?? pick(index.sets);
  const files = ["sets/index.json"];
  if (entry) {
    files.push(`sets/${entry.groups?.length ? entry.groups[0].file : entry.file}`);
    if (entry.published) files.push(`sets/${entry.published.file}`);
  }
  return { files, id: entry?.id };
}

export function partOf(file) {
  if (file === "sets/index.json") return "catalogue";
  if (file.startsWith("sets/")) return "set";
  if (file.endsWith(".wasm")) return "wasm";
  if (file.endsWith(".js")) return "scripts";
  if (file.endsWith(".css")) return "stylesheet";
  return "page";
}

/** Budget per part from BENCHMARKS.md: rows `| part | … | budget |` of "Budget per part". */
export function partBudgets(md) {
  const section = md.split(/^### Budget per part/m)[1]?.split(/^#{2,3} /m)[0] ?? "";
  const budgets = {};
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 4 || !/^`[a-z]+`$/.test(cells[1])) continue;
    const n = Number(cells[cells.length - 2].replace(/[^0-9]/g, ""));
    if (n > 0) budgets[cells[1].slice(1, -1)] = n;
  }
  return budgets;
}

const fmt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

function main() {
  if (!existsSync(join(DIST, "index.html"))) {
    console.error(`size-budget: ${DIST}/index.html missing (run the release build first)`);
    process.exit(2);
  }
  const sets = setFiles(DIST);
  const files = [...pageFiles(DIST), ...sets.files];
  const budgets = partBudgets(readFileSync(join(ROOT, "BENCHMARKS.md"), "utf8"));
  const parts = {};
  let total = 0;
  console.log(`size budget: first visit before the total shows (gzip -9), opened set ${sets.id ?? "none"}`);
  for (const f of files) {
    const bytes = gzip9(join(DIST, f));
    const part = partOf(f);
    parts[part] = (parts[part] ?? 0) + bytes;
    total += bytes;
    console.log(`  ${f.padEnd(44)} ${fmt(bytes).padStart(9)} B  ${part}`);
  }
  console.log("per part (budget from BENCHMARKS.md):");
  for (const [part, bytes] of Object.entries(parts)) {
    const budget = budgets[part];
    const mark = budget === undefined ? "no budget listed" : bytes > budget ? `OVER by ${fmt(bytes - budget)} B` : "ok";
    console.log(`  ${part.padEnd(12)} ${fmt(bytes).padStart(9)} B / ${budget === undefined ? "-" : fmt(budget)} B  ${mark}`);
  }
  const ok = total <= TOTAL_BUDGET;
  console.log(`TOTAL ${fmt(total)} B / ${fmt(TOTAL_BUDGET)} B: ${ok ? "within budget" : `OVER the budget by ${fmt(total - TOTAL_BUDGET)} B (issue 15 open)`}`);
  if (total > CEILING) {
    console.error(`size-budget: FAIL: ${fmt(total)} B is above the ceiling of ${fmt(CEILING)} B (the first visit as shipped; a change made it larger by ${fmt(total - CEILING)} B)`);
    process.exit(1);
  }
  console.log(`ceiling ${fmt(CEILING)} B: not exceeded`);
  if (existsSync(join(DIST, COUNCIL_PAGE))) {
    let council = 0;
    for (const f of pageFiles(DIST, COUNCIL_PAGE)) council += gzip9(join(DIST, f));
    if (council > COUNCIL_CEILING) {
      console.error(`size-budget: FAIL: the council page (${COUNCIL_PAGE}) loads ${fmt(council)} B, above its ceiling of ${fmt(COUNCIL_CEILING)} B (larger by ${fmt(council - COUNCIL_CEILING)} B)`);
      process.exit(1);
    }
    console.log(`council page (${COUNCIL_PAGE} and what it fetches at once): ${fmt(council)} B, ceiling ${fmt(COUNCIL_CEILING)} B: not exceeded`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
