// Helpers for the offline / install / embed / deployment specs: a persistent Chromium
// profile (service workers need one), waiting for the service worker, builds made on the
// fly (sub-path build, "build 2" for upgrades) and a private nginx with the shipped config.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS } from './harness.mjs';
import { Calculator } from './calculator.mjs';
import { poll } from './expect.mjs';
import { startServer } from './server.mjs';
import { storedText } from './stored.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const SUBPATH = '/chuyen-doi-so/dti/';
const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A fresh temporary folder under the OS temp dir. */
export const tempDir = (prefix) => mkdtemp(join(tmpdir(), `dti-e2e-${prefix}-`));

/** Removes a temporary folder (never fails). */
export const removeDir = (dir) => (dir ? rm(dir, { recursive: true, force: true }).catch(() => {}) : undefined);


/**
 * Registers before/after hooks for the file: a static server for `root` (the fixture build
 * when omitted) and a persistent Chromium (launchPersistent), both closed when the file
 * ends. The tests read `env.server` and `env.browser`.
 */
export function usePersistent(root) {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await startServer(root);
    env.browser = await launchPersistent();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
/**
 * Chromium with a persistent profile in a temporary folder (service workers and their
 * caches need one). Returns { context, page, close }; `page` is the context's first page.
 */
export async function launchPersistent({ viewport = { width: 1280, height: 900 }, initScript } = {}) {
  const profile = await tempDir('profile');
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      headless: true,
      viewport,
      locale: 'vi-VN',
    });
  } catch (e) {
    await removeDir(profile);
    throw e;
  }
  if (initScript) await context.addInitScript(initScript);
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = null;
  return {
    context,
    page,
    close: () =>
      (closed ??= (async () => {
        await context.close().catch(() => {});
        await removeDir(profile);
      })()),
  };
}

/** Asserts that no uncaught page error was collected by `app` (a Calculator). */
export function assertNoPageErrors(app, extra = []) {
  const errors = [...app.pageErrors.map((e) => `${e.name}: ${e.message}\n${e.stack ?? ''}`), ...extra];
  assert.deepEqual(errors, [], `uncaught page errors:\n${errors.join('\n')}`);
}

/**
 * Waits until a service worker is active and controls the page; reloads once if the
 * first load is not controlled. Returns the registration's scope.
 */
export async function waitForController(app, timeout = 15_000) {
  const state = () =>
    app.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { active: !!reg?.active && reg.active.state === 'activated', controlled: !!navigator.serviceWorker.controller, scope: reg?.scope ?? null };
    });
  await app.page.evaluate((ms) => Promise.race([navigator.serviceWorker.ready, new Promise((_, no) => setTimeout(() => no(new Error('serviceWorker.ready timed out')), ms))]), timeout);
  let s = await poll(state, (v) => v.active && v.controlled, 3_000);
  if (!s.controlled) {
    await app.reload();
    s = await poll(state, (v) => v.active && v.controlled, 5_000);
  }
  assert.ok(s.controlled, `the service worker should control the page: ${JSON.stringify(s)}`);
  return s.scope;
}

/** Waits until the stored drafts contain `needle` (saving follows input). */
export async function waitSaved(page, needle) {
  const raw = await poll(
    () => storedText(page),
    (v) => typeof v === 'string' && v.includes(needle),
  );
  assert.ok(raw?.includes(needle), `the stored drafts should contain ${needle}; got ${raw}`);
}

/** A Calculator page object whose locators look inside `frame` (a Playwright Frame). */
export function calculatorInFrame(frame) {
  const app = Object.create(Calculator.prototype);
  app.page = frame;
  app.pageErrors = [];
  return app;
}

/**
 * Init script (runs in every frame): records uncaught errors and rejections in
 * window.__dtiErrors, so errors inside (cross-origin or sandboxed) frames can be read.
 */
export function recordFrameErrors() {
  window.__dtiErrors = [];
  window.addEventListener('error', (e) => window.__dtiErrors.push(`error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => window.__dtiErrors.push(`unhandled rejection: ${e.reason && (e.reason.stack || e.reason.message || e.reason)}`));
  // The deployed Content-Security-Policy must be enough: any violation is an error.
  document.addEventListener('securitypolicyviolation', (e) => window.__dtiErrors.push(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
}

/**
 * Opens a portal page at `url` in `context` whose iframe `#dti` holds the calculator, and
 * waits until it has rendered. Returns { page, frame, app, assertNoErrors() }: the
 * last checks page errors of the portal and of the frame.
 */
export async function openFramedApp(context, url) {
  await context.addInitScript(recordFrameErrors);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  await page.goto(url);
  assert.match(url, /^http:\/\/localhost:\d+\/$/);
  const frame = await (await page.locator('#dti').elementHandle()).contentFrame();
  const app = calculatorInFrame(frame);
  await app.ready();
  return {
    page,
    frame,
    app,
    assertNoErrors: async () => assertNoPageErrors({ pageErrors }, await frame.evaluate(() => window.__dtiErrors)),
  };
}

/** Runs a command; rejects with its output when it fails or outlives `timeout`. */
function run(cmd, args, { env, timeout = 240_000, cwd = ROOT } = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) ok(out);
      else fail(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code}):\n${out.slice(-4000)}`));
    });
  });
}

const BUILD_PATH = `${join(ROOT, 'node_modules/.bin')}:${join(process.env.HOME ?? '/root', '.cargo/bin')}:${process.env.PATH}`;

/** The release build (scripts/build-release.sh) for the portal sub-path into `dist` (the post_build hook included). */
export async function buildSubpath(dist) {
  await run(join(ROOT, 'scripts/build-release.sh'), ['--public-url', SUBPATH, '--dist', dist], {
    env: { PATH: BUILD_PATH },
  });
  return dist;
}

/** A copy of the default release build (relative asset URLs: it serves under any path). */
export async function copyDefaultBuild(to) {
  const { DIST } = await import('./server.mjs');
  await cp(DIST, to, { recursive: true });
  return to;
}

/**
 * "Build 2": a copy of `from` with a visible marker in its page, and its service worker
 * regenerated exactly as the post_build hook does (so it gets a new version).
 */
export async function makeBuild2(from, to) {
  await cp(from, to, { recursive: true });
  const index = join(to, 'index.html');
  const html = await readFile(index, 'utf8');
  assert.ok(html.includes('</body>'), 'index.html has a </body>');
  await writeFile(index, html.replace('</body>', '<p id="build-marker">Bản dựng 2</p>\n</body>'));
  await cp(join(ROOT, 'web/sw.js'), join(to, 'sw.js'));
  await run('node', [join(ROOT, 'scripts/sw-manifest.mjs')], { env: { TRUNK_STAGING_DIR: to } });
  return to;
}

/** The `VERSION` baked into a build's sw.js. */
export async function swVersion(dist) {
  const m = /const VERSION = "([^"]+)"/.exec(await readFile(join(dist, 'sw.js'), 'utf8'));
  return m?.[1] ?? null;
}

/**
 * nginx's workers run as another user when the tests run as root: make the folders we
 * created under the temp dir (mkdtemp makes them 0700) readable and searchable.
 */
async function openToWorkers(dist) {
  const base = resolve(tmpdir());
  let dir = resolve(dist);
  const rel = relative(base, dir);
  if (rel.startsWith('..') || rel === '' || !rel.split(sep)[0].startsWith('dti-e2e-')) return;
  for (let i = 0; i < 20 && dir !== base; i++, dir = dirname(dir)) {
    const mode = (await stat(dir)).mode & 0o777;
    await chmod(dir, mode | 0o055);
  }
}

/** A free loopback port (asked from the OS, then released). */
async function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

function portOpen(port) {
  return new Promise((ok) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      ok(true);
    });
    s.once('error', () => ok(false));
  });
}

/**
 * A private nginx serving `dist` at SUBPATH with deploy/nginx-dti.conf as written (only
 * the build folder replaced), from deploy/nginx-test.conf.template. `extra` is appended
 * to the server block (test-only locations). Resolves to { url, origin, port, stop, close }:
 * `url` is the app's address; `stop()` ends nginx (the network "goes away"), `close()`
 * also removes its folder.
 */
export async function startNginx(dist, { extra = '' } = {}) {
  await openToWorkers(dist);
  const prefix = await tempDir('nginx');
  await mkdir(join(prefix, 'tmp'));
  const port = await freePort();
  const template = await readFile(join(ROOT, 'deploy/nginx-test.conf.template'), 'utf8');
  const dti = await readFile(join(ROOT, 'deploy/nginx-dti.conf'), 'utf8');
  assert.ok(dti.includes('/srv/dti/dist/'), 'deploy/nginx-dti.conf names /srv/dti/dist/');
  await writeFile(join(prefix, 'nginx.conf'), template.replaceAll('@PREFIX@', prefix).replaceAll('@PORT@', String(port)));
  await writeFile(join(prefix, 'dti.conf'), dti.replaceAll('/srv/dti/dist/', resolve(dist) + '/') + '\n' + extra);

  let log = '';
  const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise((ok) => child.once('exit', ok));
  let running = true;
  exited.then(() => (running = false));
  child.on('error', (e) => (log += String(e)));

  const stop = async () => {
    if (running) {
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
      if (!done) {
        child.kill('SIGKILL');
        await Promise.race([exited, sleep(2_000)]);
      }
    }
  };
  const end = Date.now() + 10_000;
  while (!(await portOpen(port))) {
    if (!running || Date.now() > end) {
      await stop();
      const errorLog = await readFile(join(prefix, 'error.log'), 'utf8').catch(() => '');
      await removeDir(prefix);
      throw new Error(`nginx did not start on port ${port}:\n${log}\n${errorLog}`);
    }
    await sleep(50);
  }
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + SUBPATH,
    origin,
    port,
    prefix,
    stop,
    close: async () => {
      await stop();
      await removeDir(prefix);
    },
  };
}
