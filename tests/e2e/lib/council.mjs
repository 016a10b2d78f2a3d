// Page object for the council page (hoi-dong.html): import, tables, problems, checker.
// The council tests serve the release build as built (dist/, the reference sets of data/),
// since the 49 seed sheets of tests/fixtures/council/ are answered under those sets.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { poll } from './expect.mjs';
import { watchPageErrors } from './page-errors.mjs';

export const COUNCIL_FIXTURES = fileURLToPath(new URL('../../fixtures/council/', import.meta.url));
/** The 49 sheets of the 2022 appendix (one per published row). */
export const SEED_SHEETS = readdirSync(COUNCIL_FIXTURES).filter((n) => /^\d\d-.*\.json$/.test(n)).sort().map((n) => join(COUNCIL_FIXTURES, n));
/** One CSV line's fields (double-quoted fields may hold commas and "" quotes). */
function splitCsv(line) {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]));
}

/** The published appendix as data: group,rank,name,total,level,group_average. */
export const PUBLISHED = readFileSync(fileURLToPath(new URL('../../../data/published/laocai-2022.csv', import.meta.url)), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [group, rank, name, total, level, average] = splitCsv(line);
    return { group, rank, name: name.normalize('NFC'), total, level: level.normalize('NFC'), average };
  });
/** "625.30" → "625,30" (the page's Vietnamese figures). */
export const vn = (dot) => dot.replace('.', ',');

export class Council {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.pageErrors = watchPageErrors(page);
  }

  static async open(context, baseUrl) {
    const c = new Council(await context.newPage());
    await c.page.goto(new URL('hoi-dong.html', baseUrl).href);
    await c.ready();
    return c;
  }

  /** The import view is up and the sets are loaded (the set picker lists them). */
  async ready() {
    await this.fileInput.waitFor({ state: 'attached', timeout: 20_000 });
    await poll(() => this.page.locator('#council-set option[value="laocai-2022"]').count(), (n) => n > 0, 15_000);
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  get fileInput() { return this.page.locator('#council-files'); }
  get problems() { return this.page.getByTestId('problems'); }
  get tables() { return this.page.getByTestId('ranked-tables'); }
  get checker() { return this.page.getByTestId('checker'); }

  /** Imports files through the (multiple) file input and waits for the import to end. */
  async importFiles(files) {
    await this.fileInput.setInputFiles(files);
    await this.idle();
  }

  /** Waits until no import is running and at least `entries` agencies are listed. */
  async idle(timeout = 60_000) {
    await poll(() => this.page.getByTestId('import-progress').count(), (n) => n === 0, timeout);
  }

  /** The ranked rows of one group's table: [{ rank, name, total, level, basis }] and its average. */
  async table(group) {
    return this.page.evaluate((g) => {
      const t = document.querySelector(`[data-testid="ranked-tables"] table[data-group="${g}"]`);
      if (!t) return null;
      const rows = [...t.querySelectorAll('tbody tr[data-basis]')].map((tr) => {
        const td = [...tr.querySelectorAll('td')].map((c) => c.textContent.trim().normalize('NFC'));
        return { rank: td[0], name: td[1], total: td[2], level: td[3], basis: tr.dataset.basis };
      });
      const average = t.querySelector('tfoot td.num')?.textContent.trim();
      return { rows, average };
    }, group);
  }

  /** The kinds of the problems listed (data-kind), in order, with their texts. */
  async problemList() {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="problems"] li')].map((li) => ({ kind: li.dataset.kind, text: li.textContent.normalize('NFC') })),
    );
  }
}
