// Per test file: one static server and one Chromium, both closed when the file ends.
// Per test: a fresh browser context, with page errors collected.

import { after, before } from 'node:test';
import assert from 'node:assert/strict';

import { CHROMIUM_ARGS, launchBrowser } from './chromium.mjs';
import { startServer } from './server.mjs';
import { Calculator } from './calculator.mjs';

export { CHROMIUM_ARGS, launchBrowser };

/**
 * Registers before/after hooks for the file and returns an object whose `open()` gives a
 * ready Calculator in a fresh context. Call `app.done()` at the end of each test: it
 * closes the context and asserts no page error occurred.
 */
export function useApp() {
  const env = { server: null, browser: null, contexts: new Set() };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    for (const c of env.contexts) await c.close().catch(() => {});
    await env.browser?.close();
    await env.server?.close();
  });
  return {
    get url() {
      return env.server.url;
    },
    /** A fresh context (no storage), the page loaded and the app rendered. */
    async open({ initScript, viewport = { width: 1280, height: 900 } } = {}) {
      const context = await env.browser.newContext({ viewport, locale: 'vi-VN' });
      env.contexts.add(context);
      if (initScript) await context.addInitScript(initScript);
      const app = await Calculator.open(context, env.server.url);
      app.close = async () => {
        env.contexts.delete(context);
        await context.close();
      };
      /** Closes the context and fails the test on any uncaught page error. */
      app.done = async () => {
        const errors = app.pageErrors.map((e) => `${e.name}: ${e.message}\n${e.stack ?? ''}`);
        await app.close();
        assert.deepEqual(errors, [], `uncaught page errors:\n${errors.join('\n')}`);
      };
      return app;
    },
  };
}

/** Runs before any page script: every access to window.localStorage throws. */
export function refuseStorage() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('denied', 'SecurityError');
    },
  });
}

/** Runs `fn` with a fresh context of `browser` (Vietnamese locale), closed afterwards. */
export async function withBrowserContext(browser, fn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  try {
    await fn(context);
  } finally {
    await context.close();
  }
}
