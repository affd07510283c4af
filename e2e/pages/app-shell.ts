import type { Locator, Page } from "@playwright/test";

/** What every signed-in page has: the main navigation, the current user and "Sign out". */
export class AppShell {
  readonly currentUser: Locator;

  constructor(private readonly page: Page) {
    this.currentUser = page.getByTestId("current-user");
  }

  /** The main navigation (the first one: a narrow screen renders a second, hidden, copy). */
  get nav(): Locator {
    return this.page.getByRole("navigation", { name: "Main" }).first();
  }

  navLink(name: string): Locator {
    return this.nav.getByRole("link", { name });
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await this.page.waitForURL(/\/sign-in/);
  }
}
