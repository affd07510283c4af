import { expect, type Locator, type Page } from "@playwright/test";

/*
 * A record's page (/processors/<id>, /transfers/<id>, …: its facts, its flags, an edit link, a delete
 * control) and its create and edit forms (validated in the browser, with the flags the change would
 * open or resolve predicted before it is saved).
 */

export type RecordArea = "processors" | "transfers" | "agreements" | "activities";

/** The address of one record of `area`. */
export const recordUrl = (area: RecordArea) => new RegExp(`/${area}/[0-9a-f-]{36}$`);

export class RecordPage {
  readonly heading: Locator;
  readonly editLink: Locator;
  readonly flagItems: Locator;
  readonly deleteButton: Locator;
  readonly deleteConfirmation: Locator;
  readonly history: Locator;

  constructor(
    readonly page: Page,
    readonly area: RecordArea,
  ) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.editLink = page.getByTestId("edit-link");
    this.flagItems = page.getByTestId("flag-item");
    this.deleteButton = page.getByTestId("delete-record");
    this.deleteConfirmation = page.getByTestId("delete-confirmation");
    this.history = page.getByTestId("record-history");
  }

  async goto(id: string) {
    await this.page.goto(`/${this.area}/${id}`);
  }

  /** The id in the page's address. */
  id(): string {
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }

  async waitForRecord() {
    await this.page.waitForURL(recordUrl(this.area));
  }

  /** The open flags of `ruleId` on this page. */
  openFlag(ruleId: string): Locator {
    return this.page.locator('[data-testid="flag-item"][data-flag-status="open"]').filter({ hasText: ruleId });
  }

  /** Asks to delete; `confirm` answers the one question. */
  async delete({ confirm }: { confirm: string | false }) {
    await this.deleteButton.click();
    if (confirm === false) {
      await this.deleteConfirmation.getByRole("button", { name: "Cancel" }).click();
    } else {
      await this.page.getByRole("button", { name: confirm }).click();
    }
  }
}

/** A create or edit form of a record, by its container (a test id or an accessible form name). */
export class RecordForm {
  readonly formError: Locator;
  readonly predictedOpen: Locator;
  readonly predictedResolved: Locator;
  readonly reloadLatest: Locator;

  constructor(
    readonly page: Page,
    readonly form: Locator,
  ) {
    this.formError = form.getByTestId("form-error");
    this.predictedOpen = page.getByTestId("predicted-open");
    this.predictedResolved = page.getByTestId("predicted-resolved");
    this.reloadLatest = form.getByRole("button", { name: /Reload the latest version/ });
  }

  static processor(page: Page) {
    return new RecordForm(page, page.getByTestId("processor-form"));
  }

  static agreement(page: Page) {
    return new RecordForm(page, page.getByTestId("agreement-form"));
  }

  static activity(page: Page) {
    return new RecordForm(page, page.getByTestId("activity-form"));
  }

  /** The transfer form has no test id: its accessible name says whether it creates or edits. */
  static newTransfer(page: Page) {
    return new RecordForm(page, page.getByRole("form", { name: "New transfer" }));
  }

  static editTransfer(page: Page) {
    return new RecordForm(page, page.getByRole("form", { name: "Edit transfer" }));
  }

  field(label: string | RegExp, options: { exact?: boolean } = {}): Locator {
    return this.form.getByLabel(label, options);
  }

  async fill(label: string, value: string) {
    await this.field(label).fill(value);
  }

  async submit(name: string | RegExp) {
    await this.form.getByRole("button", { name }).click();
  }

  /** A flag the change would leave (or make) open, by rule; `isNew` only the ones it would raise. */
  predictedOpenRule(ruleId: string, { isNew }: { isNew?: boolean } = {}): Locator {
    return this.predictedOpen.locator(`[data-rule-id="${ruleId}"]${isNew ? '[data-new="true"]' : ""}`);
  }

  predictedResolvedRule(ruleId: string): Locator {
    return this.predictedResolved.locator(`[data-rule-id="${ruleId}"]`);
  }

  async expectFieldInvalid(label: string, options: { exact?: boolean } = {}) {
    await expect(this.field(label, options)).toHaveAttribute("aria-invalid", "true");
  }
}
