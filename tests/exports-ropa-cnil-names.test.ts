import { describe, expect, it } from "vitest";
import { SECURITY_MEASURES } from "@/db/schema/enums";
import { CATEGORY_NAMES_FR, categoryNameFr } from "@/lib/taxonomy/names-fr";
import { enumLabel } from "@/lib/labels";
import { DATA_CATEGORY_TAXONOMY } from "@/lib/taxonomy/data-categories";

describe("the CNIL register's French names", () => {
  it("names every category of the taxonomy in French, not as its English name or a key", () => {
    expect(Object.keys(CATEGORY_NAMES_FR).sort()).toEqual(DATA_CATEGORY_TAXONOMY.map((category) => category.key).sort());
    for (const category of DATA_CATEGORY_TAXONOMY) {
      const french = CATEGORY_NAMES_FR[category.key as keyof typeof CATEGORY_NAMES_FR];
      expect(french.trim(), category.key).not.toBe("");
      expect(french, category.key).not.toBe(category.name);
      expect(french, category.key).not.toMatch(/[a-z]+_[a-z]+|user\./);
    }
  });

  it("a key the taxonomy knows reads in French; one the organisation added keeps its recorded name", () => {
    expect(categoryNameFr({ key: "user.contact.email", name: "Email address" })).toBe("Adresse électronique");
    expect(categoryNameFr({ key: "user.custom.loyalty_tier", name: "Loyalty tier" })).toBe("Loyalty tier");
  });

  it("the catalogue names the checklist's measures in French, the model register's six in its own words", () => {
    for (const measure of SECURITY_MEASURES) expect(enumLabel("securityMeasure", measure, "fr"), measure).not.toBe(enumLabel("securityMeasure", measure, "en"));
    const modelSix = ["access_control", "traceability", "software_protection", "backup", "encryption", "subprocessor_control"] as const;
    expect(modelSix.map((measure) => enumLabel("securityMeasure", measure, "fr"))).toEqual([
      "Contrôle d'accès des utilisateurs",
      "Mesures de traçabilité",
      "Mesures de protection des logiciels",
      "Sauvegarde des données",
      "Chiffrement des données",
      "Contrôle des sous-traitants",
    ]);
  });
});
