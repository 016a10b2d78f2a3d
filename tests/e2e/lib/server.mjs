// A tiny static server for dist/ (node:http only): 127.0.0.1, ephemeral port, correct
// MIME types (the wasm must be application/wasm for streaming instantiation).

import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { prepareFixtureDist } from './fixture-dist.mjs';

/** What the tests serve: the release build with the fixture sets in sets/ (fixture-dist.mjs). */
export const DIST = prepareFixtureDist();

/**
 * The Content-Security-Policy of deploy/nginx-dti.conf, exactly as deployed: every
 * `add_header Content-Security-Policy` line there must be the same one.
 */
export const CSP = (() => {
  const conf = readFileSync(fileURLToPath(new URL('../../../deploy/nginx-dti.conf', import.meta.url)), 'utf8');
  const lines = [...conf.matchAll(/^\s*add_header\s+Content-Security-Policy\s+"([^"]+)"\s+always;/gm)].map((m) => m[1]);
  if (lines.length === 0 || new Set(lines).size !== 1) {
    throw new Error(`deploy/nginx-dti.conf must set one Content-Security-Policy (found ${JSON.stringify(lines)})`);
  }
  return lines[0];
})();

/** The policy with more sources allowed to frame the app (a test portal on another port). */
const cspFor = (frameAncestors = []) =>
  frameAncestors.length ? CSP.replace(/frame-ancestors ([^;]*)/, (_, v) => `frame-ancestors ${v} ${frameAncestors.join(' ')}`) : CSP;

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

async function handle(root, req, res, csp = CSP) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
      'content-security-policy': csp,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  }
}

/**
 * Starts serving `root` (default dist/) with the deployed Content-Security-Policy.
 * Resolves to { url, close, requests, allowFrameAncestors(origins) }: `url` ends with '/',
 * `requests` lists every path asked for, `allowFrameAncestors` adds test portals' origins
 * to frame-ancestors (the one directive each deployment sets for its portals).
 */
export async function startServer(root = DIST) {
  const base = await checkedRoot(root);
  let csp = CSP;
  const requests = [];
  const server = await listen((req, res) => {
    requests.push(req.url);
    return handle(base, req, res, csp);
  });
  server.requests = requests;
  const framers = [];
  server.allowFrameAncestors = (origins) => {
    framers.push(...origins);
    csp = cspFor(framers);
  };
  return server;
}

/**
 * Like startServer, but the folder can be switched while serving (a new deployment):
 * resolves to { url, close, setRoot(folder) }.
 */
export async function startSwitchableServer(root = DIST) {
  let base = await checkedRoot(root);
  const server = await listen((req, res) => handle(base, req, res));
  server.setRoot = async (folder) => {
    base = await checkedRoot(folder);
  };
  return server;
}

/**
 * Serves fixed pages: `pages` maps a path ('/parent.html') to { body, type? } or to an
 * HTML string. Resolves to { url, port, close }.
 */
export async function startPageServer(pages, host = '127.0.0.1') {
  return listen(async (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    const page = pages[path];
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const { body, type = 'text/html; charset=utf-8' } = typeof page === 'string' ? { body: page } : page;
    const bytes = Buffer.from(body);
    res.writeHead(200, { 'content-type': type, 'content-length': bytes.length, 'cache-control': 'no-store' });
    res.end(bytes);
  }, host);
}

async function checkedRoot(root) {
  const base = resolve(root);
  try {
    await stat(join(base, 'index.html'));
  } catch {
    throw new Error(`${base}/index.html is missing: run \`trunk build --release\` first`);
  }
  return base;
}

/** Listens on 127.0.0.1 (ephemeral port); `url` names `host` ('127.0.0.1' or 'localhost'). */
async function listen(handler, host = '127.0.0.1') {
  const server = createServer((req, res) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  let closed = null;
  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      (closed ??= new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      })),
  };
}
