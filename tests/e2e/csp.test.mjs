// The strict Content-Security-Policy of deploy/nginx-dti.conf: the page is served with it,
// the build has no inline script left, and the policy is enforced (an injected inline
// script does not run, and the harness sees the violation it reports). Every other spec
// runs under the same policy and fails on any violation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { useApp } from './lib/harness.mjs';
import { CSP, DIST } from './lib/server.mjs';
import { poll } from './lib/expect.mjs';

const app = useApp();

test('the deployed policy is strict, served, enough for the app, and enforced', async () => {
  assert.match(CSP, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self'; frame-ancestors /);
  assert.ok(!CSP.includes('unsafe-inline'), 'never unsafe-inline');
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>\s*\S/, 'no inline script in the build');
  assert.doesNotMatch(html, /\sstyle\s*=/, 'no inline style attribute in the build');
  assert.match(html, /<script type="module" src="\.\/loader-[0-9a-f]{16}\.js"><\/script>/, 'the loader is a hashed file');

  const res = await fetch(app.url);
  assert.equal(res.headers.get('content-security-policy'), CSP);

  const a = await app.open();
  await a.field('1.5').fill('12,5');
  assert.deepEqual(a.pageErrors, [], 'the app runs under the policy without a violation');
  // Enforced: an inline script added to the page does not run, and is reported.
  const ran = await a.page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.head.appendChild(s);
    return window.__inlineRan === true;
  });
  assert.equal(ran, false, 'an inline script is refused');
  const seen = await poll(() => a.pageErrors.map((e) => e.name), (v) => v.includes('CSP violation'));
  assert.ok(seen.includes('CSP violation'), 'the violation reaches the harness');
  a.pageErrors.length = 0;
  await a.done();
});
