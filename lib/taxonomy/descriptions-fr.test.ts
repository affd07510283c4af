import { describe, expect, it } from "vitest";
import { DATA_CATEGORY_TAXONOMY } from "./data-categories";
import { CATEGORY_DESCRIPTIONS_FR, categoryDescriptionIn } from "./descriptions-fr";

/*
 * The French descriptions of the taxonomy: every category has one, it is not the English copied, and it names
 * other categories by their French names, never by a key or a snake_case code.
 */

describe("the taxonomy's French descriptions", () => {
  const french = CATEGORY_DESCRIPTIONS_FR as Readonly<Record<string, string>>;

  it("describe every category of the taxonomy, and no key the taxonomy lacks", () => {
    expect(Object.keys(french).sort()).toEqual(DATA_CATEGORY_TAXONOMY.map((category) => category.key).sort());
  });

  it("are French: not empty, not the English description, no key, no snake_case code, no English '(own key)'", () => {
    for (const category of DATA_CATEGORY_TAXONOMY) {
      const text = french[category.key]!;
      expect(text.trim(), category.key).not.toBe("");
      expect(text, category.key).not.toBe(category.description);
      expect(text, category.key).not.toMatch(/\buser\.|[a-z0-9]_[a-z0-9]|own key|\bthe\b/);
      // The taxonomy's "(own key)" mark is kept, in French.
      expect(text.startsWith("(clé propre"), category.key).toBe(category.description.startsWith("(own key"));
    }
  });

  it("show the French on a French page, unmarked; the recorded English of a key the taxonomy lacks, marked", () => {
    expect(categoryDescriptionIn({ key: "user.contact.email", description: "Email address of the user." }, "fr")).toEqual({
      text: "Adresse électronique de l'utilisateur.",
      lang: undefined,
    });
    expect(categoryDescriptionIn({ key: "user.custom.loyalty", description: "Loyalty tier." }, "fr")).toEqual({ text: "Loyalty tier.", lang: "en" });
    expect(categoryDescriptionIn({ key: "user.contact.email", description: "Email address of the user." }, "en")).toEqual({
      text: "Email address of the user.",
      lang: undefined,
    });
    expect(categoryDescriptionIn({ key: "user.contact.email", description: null }, "fr")).toEqual({ text: null, lang: undefined });
  });
});
