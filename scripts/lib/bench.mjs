// What the benchmark scripts share: the repository root, their command-line options, the
// app build they measure by default, Chromium as the tests run it, and the slow phone's CPU.

import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export { launchBrowser } from '../../tests/e2e/lib/chromium.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const args = process.argv.slice(2);

/** The value after `--name`, or `dflt` when the option or its value is missing. */
export const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};

/** The absolute path given after `--name`, or null when the option is absent. */
export const optPath = (name) => (args.includes(name) ? resolve(opt(name)) : null);

/** --dist DIR, else target/bench/app-dist (built by scripts/bench-size.sh), else dist/. */
export const appDist = () =>
  resolve(opt('--dist', existsSync(join(ROOT, 'target/bench/app-dist/index.html')) ? join(ROOT, 'target/bench/app-dist') : join(ROOT, 'dist')));

/**
 * The file under `base` (an absolute folder) that a request's URL names, index.html for a
 * folder; else the status to answer: 403 outside `base`, 404 when there is no such file.
 */
export async function fileFor(base, url) {
  let path = decodeURIComponent(new URL(url, 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(base, path));
  if (!file.startsWith(base + sep)) return 403;
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? file : 404;
}

/** How much slower than this machine the CPU runs (CDP Emulation.setCPUThrottlingRate). */
export const CPU_RATE = 4;

/** Slows the CPU of the page behind `cdp` (a CDP session) by CPU_RATE. */
export const slowCpu = (cdp) => cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
