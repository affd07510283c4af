import { describe, expect, it } from "vitest";
import type { DisclosureRow } from "@/db/queries/notices";
import { citedSectionsOf, disclosureMarkdownDocument, generateDisclosure } from "./generate";

function row(overrides: Partial<DisclosureRow> = {}): DisclosureRow {
  return {
    transferId: "t-1",
    processorId: "p-1",
    processorName: "CrashTrace",
    processorLegalName: "CrashTrace Inc.",
    processorWebsite: "https://crashtrace.example",
    processorService: "analytics",
    processorCountry: "US",
    exporterName: "GNCC Shenzhen R&D",
    exporterCountry: "CN",
    originCountry: "CN",
    destinationCountry: "US",
    accessType: "storage",
    mechanism: "pipl_standard_contract",
    activityName: "Beta test programme",
    activityPurpose: "Crash analysis of the beta app",
    disclosureType: "business_purpose",
    categoryKeys: ["user.behavior.crash_log"],
    ccpaCategories: ["F"],
    ...overrides,
  };
}

const TEXT = ["Intro", "", "How we transfer", "", "We send data to Mainland China.", "", "Your rights", "", "You may ask."].join("\n");

describe("the generated disclosure", () => {
  it("writes the recipients, CCPA, transfers and PIPL sections in the language asked, and diffs them against the cited section", () => {
    const disclosure = generateDisclosure({
      rows: [row(), row({ transferId: "t-2", processorId: "p-2", processorName: "Réclame", processorService: "advertising", exporterCountry: "US", originCountry: "US", destinationCountry: "FR", mechanism: "scc", categoryKeys: ["user.contact.email"], ccpaCategories: ["B"] })],
      notice: { id: "n-1", title: "Policy", versionLabel: "1", sha256: null, text: TEXT },
      sectionNames: ["How we transfer"],
      language: "en",
      today: "2026-12-04",
    });
    expect(disclosure.sections.map((section) => section.id)).toEqual(["recipients", "ccpa", "transfers", "pipl"]);
    const markdown = disclosure.markdown;
    expect(markdown).toContain("**Advertising** (Réclame)");
    expect(markdown).toMatch(/\*\*Sold\*\*: None/);
    expect(markdown).toContain("**France**: recipients Réclame");
    expect(markdown).toContain("CrashTrace (CrashTrace Inc.)");
    expect(markdown).toContain("contact: https://crashtrace.example");
    expect(markdown).toContain("purposes: Crash analysis of the beta app");
    expect(markdown).not.toMatch(/user\.|[a-z]+_[a-z]+/);
    expect(disclosure.compared).toBe("How we transfer\n\nWe send data to Mainland China.\n");
    expect(disclosure.removed).toBe(2);
    expect(disclosure.added).toBeGreaterThan(5);
    expect(disclosureMarkdownDocument(disclosure)).toContain("- We send data to Mainland China.");
  });

  it("says so in French, and that nothing goes abroad when nothing does", () => {
    const disclosure = generateDisclosure({ rows: [row({ exporterCountry: "US", originCountry: "US", destinationCountry: "US" })], notice: null, sectionNames: [], language: "fr", today: "2026-12-04" });
    expect(disclosure.sections.map((section) => section.title)).toEqual([
      "Destinataires de vos informations personnelles",
      "Catégories communiquées au cours des 12 derniers mois (Californie)",
      "Transferts internationaux",
    ]);
    expect(disclosure.markdown).toContain("Nous ne transférons pas");
    expect(disclosure.diff.every((part) => part.kind === "added")).toBe(true);
  });

  it("compares with the whole text when no cited heading is found", () => {
    expect(citedSectionsOf(TEXT, ["Nowhere"])).toBe(TEXT);
  });
});
