import type { Page } from "@playwright/test";
import * as enums from "../db/schema/enums";
import { expect, test } from "./fixtures";
import { OTHER_PAGES, recordPages, REGISTER_PAGES, type NamedPage } from "./pages/every-page";

/*
 * Issue 16's promise: no raw code in front of a person. Every page of the demo, in English and in French, is
 * read as a person sees it (the visible text nodes) and must hold no snake_case token and no element whose whole
 * text is an enum code (`contract`, `tls1_3`, `module_2`): those are labels the catalogue (lib/labels) names.
 * Identifiers a person may need to copy (a data category's key, an id) are shown in <code> and are exempt.
 */

/** Every value of every enum of the model, except one-letter codes (the CCPA categories A-L are labels' prefixes). */
const ENUM_CODES: ReadonlySet<string> = new Set(
  Object.values(enums as Record<string, unknown>)
    .filter((value): value is readonly string[] => Array.isArray(value))
    .flat()
    .filter((code) => code.length > 1),
);

const SNAKE_CASE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;

/** What a person reads on the page: the visible text of each leaf element, identifiers and scripts left out. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const exempt = "code, kbd, pre, script, style, template, noscript, next-route-announcer, [aria-hidden='true']";
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node as HTMLElement;
      // Options are read below: a closed select's options are not "visible" but are what a person picks from.
      if (element instanceof HTMLOptionElement || element.closest(exempt)) continue;
      if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      // The element's own text (its text nodes), so that a leaf's whole text can be compared with a code.
      const own = Array.from(element.childNodes)
        .filter((child) => child.nodeType === Node.TEXT_NODE)
        .map((child) => child.textContent ?? "")
        .join("")
        .trim();
      if (own) texts.push(own);
    }
    for (const option of Array.from(document.querySelectorAll("option"))) texts.push(option.text.trim());
    return texts.filter(Boolean);
  });
}

function rawCodesIn(texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    if (ENUM_CODES.has(text)) found.add(`"${text}" (an enum code)`);
    for (const match of text.matchAll(SNAKE_CASE)) found.add(`"${match[0]}" in "${text.slice(0, 80)}"`);
  }
  return [...found];
}

async function expectNoRawCodes(page: Page, pages: readonly NamedPage[]) {
  for (const [name, path] of pages) {
    await test.step(`${name} (${path})`, async () => {
      const response = await page.goto(path);
      expect(response?.status(), `${path} answers`).toBeLessThan(400);
      await page.waitForLoadState("networkidle");
      expect(rawCodesIn(await visibleTexts(page)), `raw codes on ${name} (${page.url()})`).toEqual([]);
    });
  }
}

test("the scan finds a bare code and a snake_case token a person would see, and not an identifier or a hidden text", async ({ page }) => {
  await page.setContent(`
    <main>
      <table><tr><td>contract</td><td>Contract</td><td>Sent over tls1_3</td></tr></table>
      <select><option>explicit_consent</option><option>Explicit consent</option></select>
      <p>Key: <code>user.device.unique_id</code></p>
      <p hidden>module_2</p>
    </main>`);
  expect(rawCodesIn(await visibleTexts(page)).sort()).toEqual(['"contract" (an enum code)', '"explicit_consent" (an enum code)', '"explicit_consent" in "explicit_consent"', '"tls1_3" in "Sent over tls1_3"'].sort());
});

for (const locale of ["en", "fr"] as const) {
  test.describe(`in ${locale === "en" ? "English" : "French"}`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
    });

    test("the sign-in page shows no raw code", async ({ page }) => {
      await expectNoRawCodes(page, [["sign-in", "/sign-in"]]);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
    });

    test("no register page of the DPO shows a raw code", async ({ page, signInAs }) => {
      test.setTimeout(180_000);
      await signInAs("dpo");
      await expectNoRawCodes(page, REGISTER_PAGES);
    });

    test("no record page or form of the DPO shows a raw code", async ({ page, signInAs }) => {
      test.setTimeout(180_000);
      await signInAs("dpo");
      await expectNoRawCodes(page, await recordPages(page));
    });

    test("no other page of the DPO shows a raw code", async ({ page, signInAs }) => {
      test.setTimeout(180_000);
      await signInAs("dpo");
      await expectNoRawCodes(page, OTHER_PAGES);
    });
  });
}
