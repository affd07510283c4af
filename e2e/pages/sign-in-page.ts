import { expect, type Page } from "@playwright/test";

/**
 * The sign-in page, in either language of the UI (issue 16: a browser asking for French gets it in French). The
 * fields are found by their ids and the button by its name in both languages, so that any journey can sign in
 * whatever the browser's language.
 */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/sign-in");
  }

  async signIn(email: string, password: string) {
    await this.page.locator("#email").fill(email);
    await this.page.locator("#password").fill(password);
    await this.page.getByRole("button", { name: /^(Sign in|Se connecter)$/ }).click();
  }

  async expectError() {
    await expect(this.page.getByTestId("sign-in-error")).toBeVisible();
  }
}
