#!/usr/bin/env node
// Where a CPU profile's time went, as a call tree merged by function name (milliseconds
// sampled; Chromium's .cpuprofile from scripts/bench-keystroke.mjs --profile on a build
// from scripts/named-dist.sh). Starts at every outermost call of a function whose name
// matches ROOT; prints calls of at least MIN ms, DEPTH levels deep. With --self, the
// functions that spent the time themselves under ROOT instead.
//
//   node scripts/profile-tree.mjs FILE.cpuprofile [ROOT regex] [MIN ms] [DEPTH] [--self]
//   e.g. ROOT 'Queue>::new::\{closure#0\}$' is the reactive work (effects, memos) after each
//   keystroke, all in one microtask.
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const self = argv.includes('--self');
const [file, rootArg = '^\\(root\\)$', minArg = '10', depthArg = '8'] = argv.filter((a) => a !== '--self');
if (!file) {
  console.error('usage: profile-tree.mjs FILE.cpuprofile [ROOT] [MIN] [DEPTH] [--self]');
  process.exit(2);
}
const p = JSON.parse(readFileSync(file, 'utf8'));
const root = new RegExp(rootArg);
const min = Number(minArg) * 1000;
const depthMax = Number(depthArg);
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const own = new Map();
p.samples.forEach((id, i) => own.set(id, (own.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
const nameOf = (id) => byId.get(id).callFrame.functionName || '(anonymous)';
const short = (s) => s.replace(/\[[0-9a-f]{16}\]/g, '').slice(0, 170);
const ms = (t) => (t / 1000).toFixed(0);
const totals = new Map();
const total = (id) => {
  if (!totals.has(id)) totals.set(id, (own.get(id) ?? 0) + (byId.get(id).children ?? []).reduce((a, c) => a + total(c), 0));
  return totals.get(id);
};
const underRoot = (id) => {
  for (let c = parent.get(id); c !== undefined; c = parent.get(c)) if (root.test(nameOf(c))) return true;
  return false;
};
const tops = p.nodes.map((n) => n.id).filter((id) => root.test(nameOf(id)) && !underRoot(id));

if (self) {
  const inside = (id) => root.test(nameOf(id)) || underRoot(id);
  const by = new Map();
  let sum = 0;
  for (const [id, t] of own) if (inside(id)) { by.set(short(nameOf(id)), (by.get(short(nameOf(id))) ?? 0) + t); sum += t; }
  console.log(`${ms(sum)} ms under ${rootArg}`);
  for (const [n, t] of [...by].sort((a, b) => b[1] - a[1]).filter(([, t]) => t >= min)) console.log(`${ms(t).padStart(7)}  ${n}`);
} else {
  const show = (ids, depth) => {
    if (depth > depthMax) return;
    const groups = new Map();
    for (const id of ids) groups.set(nameOf(id), [...(groups.get(nameOf(id)) ?? []), id]);
    const rows = [...groups].map(([n, g]) => [n, g, g.reduce((a, id) => a + total(id), 0), g.reduce((a, id) => a + (own.get(id) ?? 0), 0)]);
    for (const [n, g, t, s] of rows.sort((a, b) => b[2] - a[2])) {
      if (t < min) continue;
      console.log(`${' '.repeat(depth * 2)}${ms(t)} (self ${ms(s)}) ${short(n)}`);
      show(g.flatMap((id) => byId.get(id).children ?? []), depth + 1);
    }
  };
  show(tops, 0);
}
