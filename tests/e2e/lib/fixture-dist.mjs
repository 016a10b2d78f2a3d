// The build the end-to-end tests serve: a copy of the release build (dist/) whose sets/
// holds the fixture sets of tests/fixtures/sets/, indexed with `dti sets index` as a
// deployer would. The tests then depend on the fixtures' indicator codes, never on the
// reference sets in data/, which may change. Prepared once per build (a key of both
// contents), reused by every test file.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
/** The release build written by `trunk build --release` (DTI_E2E_DIST names another build folder). */
export const BUILD = process.env.DTI_E2E_DIST ? resolve(process.env.DTI_E2E_DIST) : join(ROOT, 'dist');
export const FIXTURE_SETS = join(ROOT, 'tests/fixtures/sets');
/** The build with the fixture sets, what the tests serve. */
export const FIXTURE_DIST = join(ROOT, 'target/e2e-dist');

const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));

/** `dti sets index [--gzip] DIR` through cargo (the same build as the Trunk hook's). */
export function indexSets(dir, { gzip = false, groups = false } = {}) {
  const args = ['run', '--quiet', '--locked', '-p', 'dti-engine', '--bin', 'dti', '--', 'sets', 'index'];
  if (gzip) args.push('--gzip');
  if (groups) args.push('--groups');
  args.push(dir);
  const path = `${join(process.env.HOME ?? '/root', '.cargo/bin')}:${process.env.PATH}`;
  return execFileSync('cargo', args, { cwd: ROOT, env: { ...process.env, PATH: path }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Copies the fixture sets (JSON and CSV) into `dir`. */
export function copyFixtureSets(dir) {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(FIXTURE_SETS).filter((n) => /\.(json|csv)$/.test(n))) {
    cpSync(join(FIXTURE_SETS, name), join(dir, name));
  }
}

function key() {
  const hash = createHash('sha256');
  for (const base of [BUILD, FIXTURE_SETS]) {
    for (const file of walk(base).sort()) {
      const rel = relative(base, file);
      if (base === BUILD && rel.startsWith('sets')) continue;
      hash.update(rel);
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex');
}

export function prepareFixtureDist() {
  if (!existsSync(join(BUILD, 'index.html'))) {
    throw new Error(`${BUILD}/index.html is missing: run \`trunk build --release\` first`);
  }
  const wanted = key();
  const marker = join(FIXTURE_DIST, '.fixture-key');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return FIXTURE_DIST;
  const tmp = `${FIXTURE_DIST}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  cpSync(BUILD, tmp, { recursive: true });
  rmSync(join(tmp, 'sets'), { recursive: true, force: true });
  copyFixtureSets(join(tmp, 'sets'));
  // As the build does (scripts/post-build.sh): each group also as a file of its own.
  indexSets(join(tmp, 'sets'), { gzip: true, groups: true });
  writeFileSync(join(tmp, '.fixture-key'), wanted);
  rmSync(FIXTURE_DIST, { recursive: true, force: true });
  renameSync(tmp, FIXTURE_DIST);
  return FIXTURE_DIST;
}
