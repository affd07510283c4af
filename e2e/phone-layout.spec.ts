import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { OTHER_PAGES, recordPages, REGISTER_PAGES, type NamedPage } from "./pages/every-page";

/**
 * A phone (390 × 844, an iPhone 12 to 15): no page of the DPO scrolls sideways — wide tables scroll inside
 * their own box — every form field and button is on the screen, and the main navigation is a menu button that
 * opens and closes it. In both languages, French words being the longer.
 */

const PHONE = { width: 390, height: 844 };

test.use({ viewport: PHONE });

interface Overflow {
  scrollWidth: number;
  /** The outermost elements that stick out of the screen on the right, outside any scrolling box of their own. */
  offenders: string[];
}

/** How wide the page is, and what makes it wider than the screen (for the failure message). */
async function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    // Inside a box that clips or scrolls sideways; an absolutely positioned element only by a box that
    // contains it (its offset parent or above): it escapes the boxes in between and can widen the page.
    const clipped = (element: Element) => {
      const escapes = ["absolute", "fixed"].includes(getComputedStyle(element).position);
      const start = escapes ? (element as HTMLElement).offsetParent : element.parentElement;
      for (let parent = start; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    const sticking = new Set<Element>();
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > screen + 0.5 && !clipped(element)) sticking.add(element);
    }
    const offenders = [...sticking]
      .filter((element) => !element.parentElement || !sticking.has(element.parentElement))
      .slice(0, 6)
      .map((element) => {
        const testId = element.getAttribute("data-testid");
        const classes = typeof element.className === "string" ? element.className.slice(0, 80) : "";
        return `<${element.tagName.toLowerCase()}${testId ? ` data-testid=${testId}` : ""} class="${classes}"> right=${Math.round(element.getBoundingClientRect().right)}`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, offenders };
  });
}

/** Form fields narrower than a thumb can use, or not wholly on the screen (outside a scrolling table). */
async function unusableFields(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    const inScroller = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    const fields = document.querySelectorAll<HTMLElement>(
      "main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main select, main textarea, main button",
    );
    return [...fields]
      .filter((field) => field.getClientRects().length > 0 && !inScroller(field))
      .filter((field) => {
        const box = field.getBoundingClientRect();
        // Narrower than a fingertip's target (WCAG 2.5.5, 44 px) is not usable.
        const tooNarrow = box.width < 44;
        return tooNarrow || box.left < -0.5 || box.right > screen + 0.5;
      })
      .map((field) => `${field.tagName.toLowerCase()}#${field.id || field.getAttribute("name") || field.textContent?.trim().slice(0, 30)} (${Math.round(field.getBoundingClientRect().width)} px)`);
  });
}

async function expectEveryPageFits(page: Page, pages: readonly NamedPage[]) {
  const problems: string[] = [];
  for (const [name, path] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), `${path} answers`).toBeLessThan(400);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const { scrollWidth, offenders } = await measureOverflow(page);
    if (scrollWidth > PHONE.width) problems.push(`${name} (${path}): the page is ${scrollWidth} px wide\n    ${offenders.join("\n    ")}`);
    const fields = await unusableFields(page);
    if (fields.length > 0) problems.push(`${name} (${path}): fields off the screen or too narrow: ${fields.join(", ")}`);
  }
  expect(problems, `pages that do not fit a ${PHONE.width} px phone:\n${problems.join("\n")}`).toEqual([]);
}

async function readInFrench(context: BrowserContext, baseURL: string) {
  // The page's language for this browser only (the locale cookie), not the demo DPO's stored choice.
  await context.addCookies([{ name: "locale", value: "fr", url: baseURL }]);
}

test("the sign-in page fits a phone", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.locator("#email")).toBeVisible();
  expect((await measureOverflow(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
  expect(await unusableFields(page)).toEqual([]);
});

for (const language of ["en", "fr"] as const) {
  test.describe(`every page of the DPO on a phone, ${language === "en" ? "in English" : "in French"}`, () => {
    test.beforeEach(async ({ signInAs, context, baseURL }) => {
      await signInAs("dpo");
      if (language === "fr") await readInFrench(context, baseURL!);
    });

    test("the registers and the dashboard: no sideways scrolling of the page", async ({ page }) => {
      test.setTimeout(180_000);
      await expectEveryPageFits(page, REGISTER_PAGES);
    });

    test("the records and their forms: no sideways scrolling, every field on the screen", async ({ page }) => {
      test.setTimeout(180_000);
      await expectEveryPageFits(page, await recordPages(page));
    });

    test("the other pages: no sideways scrolling", async ({ page }) => {
      test.setTimeout(180_000);
      await expectEveryPageFits(page, OTHER_PAGES);
    });
  });
}

test("the phone's menu button opens and closes the main navigation", async ({ page, signInAs }) => {
  await signInAs("dpo");
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  // Closed: the button says so and no navigation is on the screen (the sidebar's is hidden on a phone).
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toHaveCount(0);

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  await expect(page.locator(`#${await menu.getAttribute("aria-controls")}`)).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  const box = (await nav.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);

  // Escape closes it and gives the focus back to the button.
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toHaveCount(0);
  await expect(menu).toBeFocused();

  // Following a link closes it on the new page.
  await menu.click();
  await nav.getByRole("link", { name: "Transfers" }).click();
  await page.waitForURL((url) => url.pathname === "/transfers");
  await expect(page.getByRole("heading", { level: 1, name: "Transfers" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toHaveCount(0);

  // And the button closes it as it opened it.
  await menu.click();
  await expect(nav).toBeVisible();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toHaveCount(0);
});
