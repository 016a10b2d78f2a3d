#!/usr/bin/env node
// A large, valid indicator set and drafts answered under it, for the keystroke benchmark:
// one group of N leaf indicators (default 1.000) under 10 main indicators, every scoring
// method in turn, the group maximum 1.000. Validate and index the folder with
// `dti sets index DIR` (scripts/bench-keystroke.mjs does) before serving it as sets/.
//
//   node scripts/gen-large-set.mjs DIR [--indicators 1000]   # writes DIR/bench-1000.json

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SET_ID = (n) => `bench-${n}`;
export const GROUP = 'co_tthc';
const MAINS = 10;

/** Leaf `i` (0-based) of main `m`: code, maximum and method, cycling through the methods. */
function leaf(m, i, max) {
  const code = `${m + 1}.${i + 1}`;
  const base = { code, name_vi: `Chỉ số thử ${code}`, name_en: `Test indicator ${code}`, max_points: max };
  const half = String(Number(max) / 2);
  switch (i % 6) {
    case 0:
      return { ...base, method: { type: 'points' } };
    case 1:
      return { ...base, method: { type: 'yes_no' } };
    case 2:
      return {
        ...base,
        method: {
          type: 'ratio', numerator_vi: 'Số đạt', numerator_en: 'Met', denominator_vi: 'Tổng số', denominator_en: 'All',
          zero_denominator: 'zero',
        },
      };
    case 3:
      return {
        ...base,
        method: { type: 'tiers', unit_vi: 'đơn vị', unit_en: 'units', tiers: [{ min: '10', points: half }, { min: '20', points: max }] },
      };
    case 4:
      return {
        ...base,
        method: {
          type: 'options',
          options: [
            { id: 'full', label_vi: 'Đầy đủ', label_en: 'Full', points: max },
            { id: 'half', label_vi: 'Một phần', label_en: 'Partly', points: half },
            { id: 'none', label_vi: 'Chưa có', label_en: 'None', points: '0' },
          ],
        },
      };
    default:
      return {
        ...base,
        method: {
          type: 'parts',
          parts: [
            { id: 'a', label_vi: 'Điều kiện A', label_en: 'Condition A', points: half },
            { id: 'b', label_vi: 'Điều kiện B', label_en: 'Condition B', points: half },
          ],
        },
      };
  }
}

/** The set: `n` leaves (a multiple of 10 up to 10.000), each worth 1.000 / n points. */
export function largeSet(n = 1000) {
  if (!Number.isInteger(n) || n % MAINS !== 0 || n < MAINS || n > 10_000) throw new Error(`--indicators: a multiple of ${MAINS} up to 10.000`);
  const per = n / MAINS;
  const leafMax = String(1000 / n); // 1 for 1.000 leaves
  const mainMax = String(1000 / MAINS);
  const indicators = Array.from({ length: MAINS }, (_, m) => ({
    code: String(m + 1),
    name_vi: `Chỉ số chính ${m + 1}`,
    name_en: `Main indicator ${m + 1}`,
    max_points: mainMax,
    children: Array.from({ length: per }, (_, i) => leaf(m, i, leafMax)),
  }));
  return {
    id: SET_ID(n),
    province: 'Lào Cai',
    year: 2024,
    title_vi: `Bộ chỉ số thử tải ${n} chỉ số (đo hiệu năng)`,
    title_en: `Load-test set of ${n} indicators (benchmark)`,
    status: 'reference',
    status_note_vi: 'Bộ sinh tự động để đo hiệu năng, không dùng để chấm điểm.',
    status_note_en: 'Generated for benchmarks; not for scoring.',
    references: [],
    groups: [{ id: GROUP, name_vi: 'Nhóm thử', name_en: 'Test group', max_points: '1000' }],
    levels: [
      { id: 'dan_dat', name_vi: 'Dẫn dắt', name_en: 'Leading', above_percent: '75' },
      { id: 'nang_cao', name_vi: 'Nâng cao', name_en: 'Advanced', above_percent: '50' },
      { id: 'hinh_thanh', name_vi: 'Hình thành', name_en: 'Forming', above_percent: '25' },
      { id: 'khoi_dong', name_vi: 'Khởi động', name_en: 'Starting' },
    ],
    indicators,
  };
}

/** A small seeded generator, so every run stores the same drafts. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** An answer fitting leaf `l`'s method. */
function answer(l, r) {
  switch (l.method.type) {
    case 'points': return { kind: 'points', text: r() < 0.5 ? '1' : '0,5' };
    case 'yes_no': return { kind: 'yes_no', value: r() < 0.6 };
    case 'ratio': return { kind: 'ratio', numerator: String(1 + Math.floor(r() * 9)), denominator: '10' };
    case 'tiers': return { kind: 'tier', text: String(Math.floor(r() * 30)) };
    case 'options': return { kind: 'choice', id: ['full', 'half', 'none'][Math.floor(r() * 3)] };
    default: return { kind: 'parts', ids: r() < 0.5 ? ['a'] : ['a', 'b'] };
  }
}

/**
 * The stored workspace (`dti.workspace`, version 2): `count` drafts under the set, each
 * answering about `share` of its leaves (points leaves listed in `keep` are left empty in
 * draft 0, the one the benchmark types into). Draft 0 is the most recent.
 */
export function workspace(set, digest, { count = 50, share = 0.5, keep = [] } = {}) {
  const leaves = set.indicators.flatMap((m) => m.children);
  const drafts = Array.from({ length: count }, (_, id) => {
    const r = rng(id + 1);
    const entries = {};
    for (const l of leaves) {
      if (id === 0 && keep.includes(l.code)) continue;
      if (r() < share) entries[l.code] = { self: answer(l, r) };
    }
    const updated = new Date(Date.UTC(2026, 10, 1) + (count - id) * 60_000).toISOString();
    return {
      id,
      rev: 1,
      sheet: { schema: 1, framework: set.id, group: GROUP, agency: `Cơ quan thử ${id + 1}`, entries, framework_digest: digest },
      updated,
    };
  });
  return { version: 2, drafts };
}

/** Codes of the points leaves, spread over the set (the benchmark types into these). */
export function pointsCodes(set, k = 20) {
  const codes = set.indicators.flatMap((m) => m.children).filter((l) => l.method.type === 'points').map((l) => l.code);
  const step = Math.max(1, Math.floor(codes.length / k));
  return codes.filter((_, i) => i % step === 0).slice(0, k);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const i = args.indexOf('--indicators');
  const n = i >= 0 ? Number.parseInt(args[i + 1], 10) : 1000;
  if (!dir || !Number.isInteger(n)) {
    console.error('usage: node scripts/gen-large-set.mjs DIR [--indicators 1000]');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${SET_ID(n)}.json`);
  writeFileSync(file, JSON.stringify(largeSet(n), null, 1));
  console.log(file);
}
