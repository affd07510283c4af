import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { ExportedTransfers } from "@/components/entities/exported-transfers";
import type { Locale } from "@/lib/i18n/locales";
import { renderInLocale } from "./render-in-locale";

/*
 * Issue 16: the entity page lists the transfers an entity exports by recipient and route, the countries named
 * in the reader's language, not as their ISO codes.
 */

const TRANSFERS = [
  { id: "11111111-1111-4111-8111-111111111111", processorName: "Acme Cloud", originCountry: "DE", destinationCountry: "US" },
  { id: "22222222-2222-4222-8222-222222222222", processorName: "Tokyo Labs", originCountry: "FR", destinationCountry: "JP" },
];

async function render(locale: Locale, transfers = TRANSFERS): Promise<string> {
  return renderInLocale(locale, createElement(ExportedTransfers, { transfers }));
}

describe("the transfers an entity exports", () => {
  it("names the route's countries in English", async () => {
    const html = await render("en");
    expect(html).toContain("Acme Cloud: Germany → United States of America");
    expect(html).toContain("Tokyo Labs: France → Japan");
    expect(html).toContain('href="/transfers/11111111-1111-4111-8111-111111111111"');
  });

  it("names them in French, with French punctuation", async () => {
    const html = await render("fr");
    expect(html).toContain("Acme Cloud : Allemagne → États-Unis");
    expect(html).toContain("Tokyo Labs : France → Japon");
  });

  it("never shows a country code as the route", async () => {
    for (const locale of ["en", "fr"] as const) expect(await render(locale)).not.toMatch(/\b(DE|FR) →|→ (US|JP)\b/);
  });

  it("says none when the entity exports nothing", async () => {
    expect(await render("en", [])).toContain("None.");
    expect(await render("fr", [])).toContain("Aucun.");
  });
});
