import type { Locator, Page } from "@playwright/test";

/** The guided vendor registration (/register/new): five steps, a draft saved from step 2 on, a summary with predicted flags. */
export class RegistrationWizardPage {
  readonly wizard: Locator;
  readonly currentStep: Locator;
  readonly nextButton: Locator;
  readonly summary: Locator;
  readonly predictedFlags: Locator;

  constructor(private readonly page: Page) {
    this.wizard = page.getByTestId("registration-wizard");
    this.currentStep = this.wizard.getByTestId("wizard-steps").locator('[aria-current="step"]');
    this.nextButton = this.wizard.getByRole("button", { name: "Next", exact: true });
    this.summary = this.wizard.getByTestId("wizard-summary");
    this.predictedFlags = this.wizard.getByTestId("predicted-flag");
  }

  async next() {
    await this.nextButton.click();
  }

  field(label: string | RegExp): Locator {
    return this.wizard.getByLabel(label);
  }

  /** The flag the summary predicts for `ruleId`. */
  predictedFlag(ruleId: string): Locator {
    return this.wizard.locator(`[data-testid="predicted-flag"][data-rule-id="${ruleId}"]`);
  }

  async submitForReview() {
    await this.wizard.getByRole("button", { name: "Submit for review" }).click();
  }
}

/** My vendors (/register): the engineer's registrations with their status, and "Register a vendor". */
export class MyVendorsPage {
  readonly submittedMessage: Locator;

  constructor(private readonly page: Page) {
    this.submittedMessage = page.getByTestId("submitted-message");
  }

  async goto() {
    await this.page.goto("/register");
  }

  async startRegistration() {
    await this.page.getByRole("link", { name: "Register a vendor", exact: true }).click();
  }

  row(name: string): Locator {
    return this.page.getByTestId("my-vendors").getByRole("row").filter({ hasText: name });
  }

  continueDraft(name: string): Locator {
    return this.row(name).getByTestId("continue-draft");
  }
}
