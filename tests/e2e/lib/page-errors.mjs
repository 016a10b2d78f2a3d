// What the page objects count as a page error, shared by the calculator's and the council's.

/**
 * Collects `page`'s uncaught exceptions (`pageerror`) as they happen. A Content-Security-Policy
 * violation (Chromium reports each on the console) counts too: the suite runs under the
 * deployed policy and must not need more.
 * @param {import('playwright-core').Page} page
 * @returns {Array<Error | { name: string, message: string }>} filled as errors arrive
 */
export function watchPageErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) errors.push({ name: 'CSP violation', message: m.text() });
  });
  return errors;
}
