import type { Locator, Page } from "@playwright/test";

/** The DPO's review queue (/review): submitted vendors with the flags they would raise, to approve or reject. */
export class ReviewQueuePage {
  readonly items: Locator;

  constructor(private readonly page: Page) {
    this.items = page.getByTestId("review-item");
  }

  async goto() {
    await this.page.goto("/review");
  }

  item(name: string): Locator {
    return this.items.filter({ hasText: name });
  }

  async approve(name: string) {
    await this.item(name).getByRole("button", { name: "Approve" }).click();
  }
}
