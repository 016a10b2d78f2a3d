// Retrying assertions on top of node:assert (playwright-core has no `expect`): poll the
// page until the value matches or the time is up, then assert on the last value seen so
// a failure prints exactly what the page showed.

import assert from 'node:assert/strict';

const TIMEOUT = 5_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Whitespace-normalised rendered text (innerText) ('' when absent; null when the element is
 * missing). Indicator rows off screen are not rendered (`content-visibility: auto`; they stay
 * in the accessibility tree), so their innerText is empty until they come into view: such an
 * element is scrolled into view first, as a reader would, and its text read once rendered.
 */
export async function textOf(locator) {
  if ((await locator.count()) === 0) return null;
  const t = await locator.first().evaluate(async (el) => {
    if (el.checkVisibility() && !el.checkVisibility({ contentVisibilityAuto: true })) {
      el.scrollIntoView({ block: 'nearest' });
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }
    return el.innerText;
  });
  return t === null ? null : t.replace(/\s+/g, ' ').trim();
}

/** Polls `read()` until `ok(value)`; returns the last value read. */
export async function poll(read, ok, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await sleep(25);
    value = await read();
  }
  return value;
}

export async function expectText(locator, expected, message) {
  const got = await poll(() => textOf(locator), (v) => v === expected);
  assert.equal(got, expected, message ?? `text of ${locator}`);
}

export async function expectTextContains(locator, part, message) {
  const got = await poll(() => textOf(locator), (v) => v !== null && v.includes(part));
  assert.ok(got !== null && got.includes(part), message ?? `text of ${locator} should contain ${JSON.stringify(part)}; got ${JSON.stringify(got)}`);
}

export async function expectAttr(locator, name, expected, message) {
  const read = async () => ((await locator.count()) ? locator.first().getAttribute(name) : undefined);
  const got = await poll(read, (v) => v === expected);
  assert.equal(got, expected, message ?? `${name} of ${locator}`);
}

export async function expectValue(locator, expected, message) {
  const got = await poll(() => locator.inputValue(), (v) => v === expected);
  assert.equal(got, expected, message ?? `value of ${locator}`);
}

export async function expectCount(locator, expected, message) {
  const got = await poll(() => locator.count(), (v) => v === expected);
  assert.equal(got, expected, message ?? `count of ${locator}`);
}

export async function expectChecked(locator, expected, message) {
  const got = await poll(() => locator.isChecked(), (v) => v === expected);
  assert.equal(got, expected, message ?? `checked state of ${locator}`);
}

/** Summary figures all at once: { total, percent, level, next } (next null when absent). */
export async function expectSummary(app, expected, message) {
  const got = await poll(
    () => app.summary(),
    (v) => Object.entries(expected).every(([k, e]) => v[k] === e),
  );
  const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, got[k]]));
  assert.deepEqual(picked, expected, message ?? 'summary');
}
