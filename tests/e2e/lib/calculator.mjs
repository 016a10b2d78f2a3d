// Page object for the calculator. Locators go by role and label where the page names
// things (Vietnamese by default); by id where the id is the contract (ids contain dots,
// so they are written as [id="…"], never #f-1.5-value).

import { watchPageErrors } from './page-errors.mjs';

/** CSS selector for an element id (safe with dots). */
export const byId = (id) => `[id="${id.replace(/["\\]/g, '\\$&')}"]`;

/** Input id of an indicator's field: suffix 'value', 'a' (numerator) or 'b' (denominator). */
export const fieldId = (code, suffix = 'value') => `f-${code}-${suffix}`;

export class Calculator {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    /** Uncaught exceptions and CSP violations in the page. */
    this.pageErrors = watchPageErrors(page);
  }

  /** Opens the app in `context` and waits until the wasm has rendered the summary. */
  static async open(context, url) {
    const app = new Calculator(await context.newPage());
    await app.page.goto(url);
    await app.ready();
    return app;
  }

  async ready() {
    await this.total.waitFor({ state: 'visible', timeout: 15_000 });
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  // --- summary -------------------------------------------------------------------
  get total() { return this.page.getByTestId('total'); }
  get percent() { return this.page.getByTestId('percent'); }
  get level() { return this.page.getByTestId('level'); }
  get next() { return this.page.getByTestId('next'); }
  get position() { return this.page.getByTestId('position'); }
  get unanswered() { return this.page.getByTestId('unanswered'); }
  get invalidCount() { return this.page.getByTestId('invalid'); }
  /** The paragraph "Tổng điểm <total> / <max>". */
  get totalLine() { return this.page.locator('p.total'); }
  get errorSummary() { return this.page.getByTestId('error-summary'); }
  get storageNotice() { return this.page.getByTestId('storage-notice'); }

  /** Normalised text of the summary figures, for one-shot comparisons. */
  async summary() {
    const text = async (l) => ((await l.count()) ? (await l.textContent()).trim() : null);
    return {
      total: await text(this.total),
      percent: await text(this.percent),
      level: await text(this.level),
      next: await text(this.next),
    };
  }

  // --- set, group, agency, language ---------------------------------------------
  /** Group radio by its full label, e.g. "Nhóm … không có thủ tục hành chính (750 điểm)". */
  groupRadio(label) { return this.page.getByRole('radio', { name: label, exact: true }); }
  async selectGroup(label) { await this.groupRadio(label).check(); }
  get setSelect() { return this.page.getByLabel('Bộ chỉ số (năm)', { exact: true }); }
  get agency() { return this.page.getByLabel('Tên cơ quan, đơn vị, địa phương', { exact: true }); }
  /** The language toggle: named "English" while the page is Vietnamese. */
  langToggle(name = 'English') { return this.page.getByRole('button', { name, exact: true }); }

  // --- indicator rows ------------------------------------------------------------
  row(code) { return this.page.locator(byId(`row-${code}`)); }
  /** "12,50" — the figure in the row's earned text ("—" when not scored). */
  earned(code) { return this.row(code).locator('.earned strong'); }
  /** The whole earned paragraph, e.g. "Điểm đạt: 12,50 / 20". */
  earnedLine(code) { return this.row(code).locator('.earned'); }
  band(code) { return this.row(code).locator('.band'); }
  field(code, suffix = 'value') { return this.page.locator(byId(fieldId(code, suffix))); }
  fieldError(code, suffix = 'value') { return this.page.locator(byId(`${fieldId(code, suffix)}-error`)); }
  fieldHint(code, suffix = 'value') { return this.fieldHintById(fieldId(code, suffix)); }
  fieldHintById(id) { return this.page.locator(byId(`${id}-hint`)); }

  /** The self-assessed points input of a `points` indicator, found by its label. */
  pointsInput(max, scope = this.page) {
    return scope.getByLabel(`Điểm tự đánh giá (0–${max})`, { exact: true });
  }
  async setPoints(code, text) { await this.field(code).fill(text); }
  async setRatio(code, a, b) {
    if (a !== undefined) await this.field(code, 'a').fill(a);
    if (b !== undefined) await this.field(code, 'b').fill(b);
  }
  async setTier(code, text) { await this.field(code).fill(text); }
  async setYesNo(code, yes) {
    await this.row(code).getByRole('radio', { name: yes ? 'Có' : 'Không', exact: true }).check();
  }
  /** Options radio by its label text (the label ends with " (points)"). */
  option(code, label) { return this.row(code).getByRole('radio', { name: label }); }
  part(code, label) { return this.row(code).getByRole('checkbox', { name: label }); }

  // --- appraised (thẩm định) values ------------------------------------------------
  get appraisedToggle() {
    return this.page.getByRole('checkbox', { name: 'Nhập điểm thẩm định của Hội đồng (so sánh, tính chênh lệch)', exact: true });
  }
  /** The council's input of an indicator (ids `t-<code>-<suffix>`). */
  appraisedField(code, suffix = 'value') { return this.page.locator(byId(`t-${code}-${suffix}`)); }
  /** Chênh lệch (self − appraised) of one indicator. */
  difference(code) { return this.row(code).getByTestId('difference'); }
  get appraisedTotal() { return this.page.getByTestId('appraised-total'); }
  get withoutEvidence() { return this.page.getByTestId('without-evidence'); }

  // --- evidence and status ---------------------------------------------------------
  evidenceBox(code) { return this.row(code).locator('details.evidence-box'); }
  /** Unfolds an indicator's evidence box (no-op when open). */
  async openEvidence(code) {
    const box = this.evidenceBox(code);
    if ((await box.getAttribute('open')) === null) await box.locator('summary').click();
  }
  /** Evidence input: key 'number', 'date', 'summary', 'link', 'note' or 'status' (a select). */
  evidenceField(code, key) { return this.page.locator(byId(`ev-${code}-${key}`)); }

  // --- drafts ------------------------------------------------------------------------
  get draftsSection() { return this.page.locator('section.drafts'); }
  /** Body rows of the drafts table. */
  get draftRows() { return this.draftsSection.locator('tbody tr'); }
  /** The row whose header cell (the agency name) is exactly `name`. */
  draftRow(name) {
    return this.draftRows.filter({ has: this.page.locator('th', { hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) }) });
  }
  /** Cells of each draft row: [{ agency, year, group, total, level, updated, actions }]. */
  async draftList() {
    return this.draftRows.evaluateAll((rows) =>
      rows.map((r) => {
        const t = [...r.children].map((c) => c.innerText.replace(/\s+/g, ' ').trim());
        return { agency: t[0], year: t[1], group: t[2], total: t[3], level: t[4], updated: t[5], actions: t[6] };
      }),
    );
  }
  openDraftButton(name) { return this.page.getByRole('button', { name: `Mở phiếu ${name}`, exact: true }); }
  duplicateDraftButton(name) { return this.page.getByRole('button', { name: `Nhân bản phiếu ${name}`, exact: true }); }
  deleteDraftButton(name) { return this.page.getByRole('button', { name: `Xóa phiếu ${name}`, exact: true }); }
  get confirmDelete() { return this.draftsSection.getByRole('group', { name: 'Xác nhận xóa', exact: true }); }
  get newDraftButton() { return this.page.getByRole('button', { name: 'Tạo phiếu mới', exact: true }); }
  get undoNotice() { return this.draftsSection.locator('.notice-undo'); }

  // --- sheet files -------------------------------------------------------------------
  get downloadJsonButton() { return this.page.getByRole('button', { name: 'Tải phiếu về máy (JSON)', exact: true }); }
  get downloadCsvButton() { return this.page.getByRole('button', { name: 'Tải CSV cho Excel', exact: true }); }
  get openSheetInput() { return this.page.locator('#open-sheet'); }
  get fileMessage() { return this.page.getByTestId('file-message'); }
  /** Clicks `button` and resolves to the Playwright Download it starts. */
  async download(button) {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 10_000 }), button.click()]);
    return download;
  }

  // --- quick check -----------------------------------------------------------------
  get quickGroup() { return this.page.locator('#quick-group'); }
  get quickTotal() { return this.page.locator('#quick-total'); }
  get quickError() { return this.page.locator(byId('quick-total-error')); }
  get quickResult() { return this.page.getByTestId('quick-result'); }
  async quickCheck(group, text) {
    await this.quickGroup.selectOption(group);
    await this.quickTotal.fill(text);
  }
}

/** Labels of the 2022 groups as the radios show them (Vietnamese). */
export const GROUPS_2022 = {
  co_tthc: 'Nhóm các cơ quan, đơn vị có thủ tục hành chính (1.000 điểm)',
  khong_tthc: 'Nhóm các cơ quan, đơn vị không có thủ tục hành chính (750 điểm)',
  huyen: 'Nhóm các huyện, thị xã, thành phố (1.000 điểm)',
};

/** `s` with the RegExp special characters escaped. */
export const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
