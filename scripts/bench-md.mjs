// Writes one section of BENCHMARKS.md ("## Title" up to the next "## "), leaving the
// others as they are; the file is created with that section when absent. Shared by the
// benchmark scripts (each owns its sections), with the machine line they all print.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';

/** "2 CPUs (nproc), Intel(R) Xeon(R) Processor, load 1,2, 2026-11-29 18:20 UTC". */
export function machine() {
  const model = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const when = new Date().toISOString().replace('T', ' ').slice(0, 16);
  // The load says how much of the machine the measured pages had (times scale with it).
  const load = loadavg()[0].toFixed(1);
  return `${availableParallelism()} CPUs (nproc), ${model}, load average ${load} when written, ${when} UTC`;
}

export function writeSection(file, title, body) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  const section = [`## ${title}`, '', ...body.trimEnd().split('\n'), ''];
  if (start < 0) {
    const out = text.trimEnd() + '\n\n' + section.join('\n');
    writeFileSync(file, out.endsWith('\n') ? out : out + '\n');
    return;
  }
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  const out = [...lines.slice(0, start), ...section, ...lines.slice(end)].join('\n');
  writeFileSync(file, out.endsWith('\n') ? out : out + '\n');
}
