import type { Locator, Page } from "@playwright/test";

/** What every signed-in page has: the main navigation, the language switch, the current user and "Sign out". */
export class AppShell {
  readonly currentUser: Locator;
  readonly languageSwitch: Locator;

  constructor(private readonly page: Page) {
    this.currentUser = page.getByTestId("current-user");
    this.languageSwitch = page.getByTestId("language-switch");
  }

  /** The main navigation (the first one: a narrow screen renders a second, hidden, copy), in either language. */
  get nav(): Locator {
    return this.page.getByRole("navigation", { name: /^(Main|Menu principal)$/ }).first();
  }

  navLink(name: string): Locator {
    // Exact: "Flags" must not also match "My flags".
    return this.nav.getByRole("link", { name, exact: true });
  }

  /** "English" or "Français" in the shell's language switch. */
  language(locale: "en" | "fr"): Locator {
    return this.page.getByTestId(`language-${locale}`);
  }

  /** Chooses a language and waits for the page to render in it (the <html lang> of the new render). */
  async chooseLanguage(locale: "en" | "fr") {
    await this.language(locale).click();
    await this.page.locator(`html[lang="${locale}"]`).waitFor({ state: "attached" });
  }

  async signOut() {
    await this.page.getByRole("button", { name: /^(Sign out|Se déconnecter)$/ }).click();
    await this.page.waitForURL(/\/sign-in/);
  }
}
