// Where the wasm's code bytes go, per part of the app (issue 15's size report): reads a wasm
// that still has its name section (scripts/bench-size.sh passes the -Oz build with names
// kept), takes each function body's size, and files it under the first part whose pattern
// matches the function's name. After LTO a function inlined into another counts for the
// one it was inlined into, so a part's figure is the code that carries its name; the
// builds with one part removed (BENCHMARKS.md) measure what removing it really saves.
//   node scripts/wasm-parts.mjs FILE.wasm
import { readFileSync } from "node:fs";

// First match wins: serde's derived impls are named after the engine's types, so serde
// comes before the engine's modules; generic Leptos code instantiated for a component's
// view is named after tachys, not the component.
export const PARTS = [
  ["serde + serde_json (incl. derived impls)", /serde|Deserializ|Serializ|Visitor|ryu|itoa|zmij/],
  ["csv + csv_core", /(^|[<\s(&])csv(_core)?::/],
  ["engine: annex import/export (CSV set files)", /dti_engine::annex/],
  ["component: set_loader", /components::set_loader/],
  ["rust_decimal", /rust_decimal/],
  ["messages (engine::error, terms, words; app i18n)", /dti_engine::(error|terms|words)|dti_app::i18n/],
  ["engine: workspace merge/parse", /dti_engine::workspace/],
  ["engine: sheet scoring", /dti_engine::sheet/],
  ["engine: set validation (framework)", /dti_engine::framework/],
  ["engine: rest (number, rank, report, export, level, quick, catalogue, …)", /dti_engine::/],
  ["app: state, storage, sets, files, launch, embed", /dti_app::(state|storage|sets|files|launch|embed)/],
  ["app: shell (app.rs, main)", /dti_app::(app|main)\b|^main$/],
  ["components (one line each below)", /dti_app::components::/],
  ["Leptos: view code (tachys, generic per view)", /tachys|IntoAny/],
  ["Leptos: reactive runtime, executor", /reactive_graph|leptos|any_spawner|futures|slotmap|or_poisoned|throw_error|async_lock|event_listener|send_wrapper|guardian|oco_ref/],
  ["wasm-bindgen, js-sys, web-sys glue", /wasm_bindgen|js_sys|web_sys|__wbg|__wbindgen|externref/],
  ["formatting (core::fmt, number printing/parsing)", /core(\[\w+\])?::fmt|float|f64|f32|core(\[\w+\])?::num|dec2flt|flt2dec/],
  ["std: sort", /slice::sort/],
  ["std: BTreeMap, HashMap", /collections::btree|hashbrown|indexmap|core::hash/],
  ["std: allocator, strings, vectors, drop glue, rest", /[\s\S]/],
];

function leb(b, i) {
  let r = 0, s = 0, x;
  do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return [r, i];
}

/** [size, name] for every function body (size includes its length prefix byte). */
export function functionSizes(bytes) {
  const b = bytes;
  let i = 8, imported = 0;
  const bodies = [], names = new Map();
  while (i < b.length) {
    const id = b[i++];
    let n; [n, i] = leb(b, i);
    const end = i + n;
    let j = i, c, l;
    if (id === 2) {
      [c, j] = leb(b, j);
      for (let k = 0; k < c; k++) {
        [l, j] = leb(b, j); j += l; [l, j] = leb(b, j); j += l;
        const kind = b[j++];
        if (kind === 0) { [, j] = leb(b, j); imported++; }
        else if (kind === 1) { j++; let f; [f, j] = leb(b, j); [, j] = leb(b, j); if (f & 1) [, j] = leb(b, j); }
        else if (kind === 2) { let f; [f, j] = leb(b, j); [, j] = leb(b, j); if (f & 1) [, j] = leb(b, j); }
        else if (kind === 3) j += 2;
        else throw new Error(`import kind ${kind}`);
      }
    } else if (id === 10) {
      [c, j] = leb(b, j);
      for (let k = 0; k < c; k++) { const s = j; [l, j] = leb(b, j); bodies.push(j - s + l); j += l; }
    } else if (id === 0) {
      [l, j] = leb(b, j);
      const custom = new TextDecoder().decode(b.subarray(j, j + l)); j += l;
      if (custom === "name") {
        while (j < end) {
          const sub = b[j++]; let sl; [sl, j] = leb(b, j); const se = j + sl;
          if (sub === 1) {
            [c, j] = leb(b, j);
            for (let k = 0; k < c; k++) {
              let idx; [idx, j] = leb(b, j); [l, j] = leb(b, j);
              names.set(idx, new TextDecoder().decode(b.subarray(j, j + l))); j += l;
            }
          }
          j = se;
        }
      }
    }
    i = end;
  }
  return bodies.map((size, k) => [size, names.get(k + imported) ?? "?"]);
}

export function parts(fns) {
  const byPart = new Map(PARTS.map(([p]) => [p, 0]));
  const components = new Map();
  for (const [size, name] of fns) {
    const [part] = PARTS.find(([, re]) => re.test(name));
    byPart.set(part, byPart.get(part) + size);
    const comp = /dti_app::components::(\w+)/.exec(name);
    if (comp && part.startsWith("components")) components.set(comp[1], (components.get(comp[1]) ?? 0) + size);
  }
  return { byPart, components, total: fns.reduce((s, [size]) => s + size, 0) };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const file = process.argv[2];
  if (!file) { console.error("usage: node scripts/wasm-parts.mjs FILE.wasm"); process.exit(2); }
  const fns = functionSizes(readFileSync(file));
  if (fns.every(([, n]) => n === "?")) { console.error(`${file}: no name section`); process.exit(1); }
  const { byPart, components, total } = parts(fns);
  const pct = (n) => `${((100 * n) / total).toFixed(1)} %`.padStart(7);
  console.log(`code section by part (function bodies, ${total} B raw; ${fns.length} functions)`);
  for (const [p, n] of [...byPart].sort((a, b) => b[1] - a[1])) {
    if (n === 0) continue;
    console.log(`  ${String(n).padStart(9)} ${pct(n)}  ${p}`);
    if (p.startsWith("components")) {
      for (const [c, m] of [...components].sort((a, b) => b[1] - a[1])) console.log(`  ${String(m).padStart(9)} ${pct(m)}    ${c}`);
    }
  }
}
