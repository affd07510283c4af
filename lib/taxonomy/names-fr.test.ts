import { describe, expect, it } from "vitest";
import { DATA_CATEGORY_TAXONOMY } from "./data-categories";
import { CATEGORY_NAMES_FR, categoryNameFr } from "./names-fr";

/*
 * The French names of the taxonomy: every category has one (the French UI and the CNIL register show no English
 * name), it is French rather than the English name copied, and it reads as words, not as a key.
 */

describe("the taxonomy's French names", () => {
  const french = CATEGORY_NAMES_FR as Readonly<Record<string, string>>;

  it("name every category of the taxonomy, and no key the taxonomy lacks", () => {
    expect(Object.keys(french).sort()).toEqual(DATA_CATEGORY_TAXONOMY.map((category) => category.key).sort());
  });

  it("are French: not empty, not the English name, not a key or a snake_case code", () => {
    for (const category of DATA_CATEGORY_TAXONOMY) {
      const name = french[category.key]!;
      expect(name.trim(), category.key).not.toBe("");
      expect(name, category.key).not.toBe(category.name);
      expect(name, category.key).not.toMatch(/\buser\.|[a-z0-9]_[a-z0-9]/);
    }
  });

  it("tell the categories apart: no two categories share a French name", () => {
    const names = Object.values(french);
    const repeated = names.filter((name, index) => names.indexOf(name) !== index);
    expect(repeated).toEqual([]);
  });

  it("name a known key in French, and keep the recorded name of a key the taxonomy does not know", () => {
    expect(categoryNameFr({ key: "user.contact.email", name: "Email address" })).toBe("Adresse électronique");
    expect(categoryNameFr({ key: "user.location.precise.gps", name: "Precise geolocation (GPS)" })).toBe("Localisation GPS");
    expect(categoryNameFr({ key: "user.custom.loyalty_tier", name: "Loyalty tier" })).toBe("Loyalty tier");
  });
});
