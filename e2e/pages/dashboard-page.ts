import type { Locator, Page } from "@playwright/test";

export type Severity = "critical" | "high" | "medium" | "low";

/** The dashboard (/): open-flag counts by severity, the transfer flow table and the jurisdiction × category matrix. */
export class DashboardPage {
  readonly heading: Locator;
  readonly flowTable: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Dashboard" });
    this.flowTable = page.getByTestId("transfer-flow-table");
  }

  async goto() {
    await this.page.goto("/");
  }

  /** The card counting open flags of `severity`; a click opens them in the flag register. */
  openFlagsCard(severity: Severity): Locator {
    return this.page.getByTestId(`open-flags-${severity}`);
  }

  /** The number the card of `severity` shows. */
  async openFlagCount(severity: Severity): Promise<number> {
    return Number((await this.openFlagCountText(severity).textContent())!.replace(/\D/g, ""));
  }

  openFlagCountText(severity: Severity): Locator {
    return this.openFlagsCard(severity).locator("span").first();
  }

  /** The flow table's links to the transfers towards `destination` (one per origin; each carries the population). */
  flowLink(destination: string): Locator {
    return this.flowTable.locator(`a[href^="/transfers?"][href*="destination=${destination}&"]`);
  }

  /** The matrix cell of `destination` × `category`; without a category, every cell of the destination. */
  matrixCell(destination: string, category?: string): Locator {
    return category === undefined
      ? this.page.locator(`[data-testid^="matrix-${destination}-"]`)
      : this.page.getByTestId(`matrix-${destination}-${category}`);
  }
}
