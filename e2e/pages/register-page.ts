import { expect, type Locator, type Page } from "@playwright/test";

/*
 * The registers (transfers, processors, agreements, processing activities, data categories, flags) share a
 * shape: a heading, a "Filter …" search form whose Apply puts the filters in the URL, a table of rows,
 * sortable column headers, a column chooser and a pager.
 */

interface RegisterShape {
  path: string;
  heading: string;
  /** The accessible name of the filter form (role search). */
  filterName: string;
  rowTestId: string;
  tableTestId: string;
}

export class RegisterPage {
  readonly heading: Locator;
  readonly filters: Locator;
  readonly rows: Locator;
  readonly table: Locator;
  readonly paginationSummary: Locator;
  readonly pagination: Locator;
  readonly columnChooser: Locator;

  constructor(
    readonly page: Page,
    readonly shape: RegisterShape,
  ) {
    this.heading = page.getByRole("heading", { level: 1, name: shape.heading });
    this.filters = page.getByRole("search", { name: shape.filterName });
    this.rows = page.getByTestId(shape.rowTestId);
    this.table = page.getByTestId(shape.tableTestId);
    this.paginationSummary = page.getByTestId("pagination-summary");
    this.pagination = page.getByRole("navigation", { name: "Pagination" });
    this.columnChooser = page.getByTestId("column-chooser");
  }

  static transfers(page: Page) {
    return new RegisterPage(page, { path: "/transfers", heading: "Transfers", filterName: "Filter transfers", rowTestId: "transfer-row", tableTestId: "transfers-table" });
  }

  static processors(page: Page) {
    return new RegisterPage(page, { path: "/processors", heading: "Processors", filterName: "Filter processors", rowTestId: "processor-row", tableTestId: "processors-table" });
  }

  static agreements(page: Page) {
    return new RegisterPage(page, { path: "/agreements", heading: "Agreements", filterName: "Filter agreements", rowTestId: "agreement-row", tableTestId: "agreements-register" });
  }

  static activities(page: Page) {
    return new RegisterPage(page, {
      path: "/activities",
      heading: "Processing activities",
      filterName: "Filter processing activities",
      rowTestId: "activity-row",
      tableTestId: "activities-register",
    });
  }

  static dataCategories(page: Page) {
    return new RegisterPage(page, {
      path: "/data-categories",
      heading: "Data categories",
      filterName: "Filter data categories",
      rowTestId: "category-row",
      tableTestId: "categories-register",
    });
  }

  /** The register, with `query` (e.g. "destination=HK&pageSize=100") as its URL's search. */
  async goto(query = "") {
    await this.page.goto(query ? `${this.shape.path}?${query}` : this.shape.path);
  }

  /** A filter field of the search form, by its label. */
  filter(label: string): Locator {
    return this.filters.getByLabel(label);
  }

  async applyFilters() {
    await this.filters.getByRole("button", { name: "Apply" }).click();
  }

  /** The rows' text without layout whitespace (innerText depends on whether the stylesheet has applied yet). */
  async rowTexts(): Promise<string[]> {
    await this.rows.first().waitFor();
    return (await this.rows.allTextContents()).map((text) => text.replace(/\s+/g, ""));
  }

  /** The record links of the rows: ids, unlike the rows' text, cannot repeat from one page to the next. */
  async rowLinks(): Promise<(string | null)[]> {
    await this.rows.first().waitFor();
    return this.rows.locator(`a[href^="${this.shape.path}/"]`).evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  }

  /** The row whose text contains `text`. */
  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** Opens the record of the first row, or of the row containing `text`. */
  async openRecord(text?: string | RegExp) {
    const row = text === undefined ? this.rows.first() : this.row(text).first();
    await row.getByRole("link").first().click();
  }

  columnHeader(name: string | RegExp): Locator {
    return this.table.getByRole("columnheader", { name });
  }

  /** Clicks the sort link of a column header. */
  async sortBy(name: string | RegExp) {
    await this.columnHeader(name).getByRole("link").click();
  }

  async nextPage() {
    await this.pagination.getByRole("link", { name: "Next" }).click();
  }

  /** Opens the "Columns" disclosure and sets one column's checkbox; waits for the URL to say so. */
  async chooseColumn(column: string, shown: boolean) {
    if ((await this.columnChooser.getAttribute("open")) === null) await this.columnChooser.locator("summary").click();
    const box = this.columnChooser.getByRole("checkbox", { name: column, exact: true });
    const before = this.page.url();
    await box.setChecked(shown);
    await expect(this.page).not.toHaveURL(before);
    await expect(this.page).toHaveURL(/[?&]cols=/);
  }
}

export type FlagStatusTab = "Open" | "Accepted" | "Resolved (history)";

/** The flag register: the same shape, plus status tabs, a risk acceptance per row and a bulk acceptance. */
export class FlagsRegisterPage extends RegisterPage {
  readonly statusTabs: Locator;
  readonly bulkAcceptForm: Locator;
  readonly bulkAcceptMessage: Locator;

  constructor(page: Page) {
    super(page, { path: "/flags", heading: "Flags", filterName: "Filter flags", rowTestId: "flag-row", tableTestId: "flags-table" });
    this.statusTabs = page.getByTestId("flag-status-tabs");
    this.bulkAcceptForm = page.getByTestId("bulk-accept-form");
    this.bulkAcceptMessage = page.getByTestId("bulk-accept-message");
  }

  tab(name: FlagStatusTab): Locator {
    return this.statusTabs.getByRole("link", { name });
  }

  /** The row of one flag, by its id. */
  flagRow(flagId: string): Locator {
    return this.page.locator(`[data-testid="flag-row"][data-flag-id="${flagId}"]`);
  }

  /** The rows of one rule. */
  ruleRows(ruleId: string): Locator {
    return this.page.locator(`[data-testid="flag-row"][data-rule-id="${ruleId}"]`);
  }

  /** Opens a row's "Accept risk" form, fills it and confirms; returns the form. */
  async acceptRisk(row: Locator, { justification, until }: { justification: string; until: string }): Promise<Locator> {
    const form = await this.openAcceptRisk(row);
    await form.getByLabel("Justification").fill(justification);
    await form.getByLabel("Accepted until").fill(until);
    await form.getByRole("button", { name: "Confirm acceptance" }).click();
    return form;
  }

  async openAcceptRisk(row: Locator): Promise<Locator> {
    await row.getByRole("button", { name: "Accept risk" }).click();
    const form = row.getByTestId("accept-risk-form");
    await expect(form).toBeVisible();
    return form;
  }
}
