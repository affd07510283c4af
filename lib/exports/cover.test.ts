import { describe, expect, it } from "vitest";
import { coverFacts } from "./cover";
import type { ExportMeta } from "./report";

/* The cover's dates read as the register's cells do, in the report's language; the manifest and JSON keep ISO. */

const META: ExportMeta = {
  generatedAt: new Date("2026-12-03T10:05:42.123Z"),
  asOf: "2026-12-03",
  includePending: false,
  flagsEvaluatedAt: "2026-12-02T23:59:00.000Z",
};

const factsOf = (meta: ExportMeta, language: "en" | "fr") => new Map(coverFacts({ meta, language }));

describe("the cover's facts", () => {
  it("dates the export, the register and the last evaluation in English", () => {
    const facts = factsOf(META, "en");
    expect(facts.get("Generated at")).toBe("3 Dec 2026 10:05 UTC");
    expect(facts.get("As of")).toBe("3 Dec 2026");
    expect(facts.get("Flags last fully evaluated")).toBe("2 Dec 2026 23:59 UTC");
  });

  it("and in French", () => {
    const facts = factsOf(META, "fr");
    expect(facts.get("Généré le")).toBe("3 déc. 2026 10:05 UTC");
    expect(facts.get("Situation au")).toBe("3 déc. 2026");
    expect(facts.get("Dernière évaluation complète des alertes")).toBe("2 déc. 2026 23:59 UTC");
  });

  it("says which day a point-in-time register stands at, and 'never' for flags never evaluated", () => {
    const facts = factsOf({ ...META, asOf: "2026-11-30", pointInTime: true, flagsEvaluatedAt: null }, "fr");
    expect(facts.get("Situation au")).toMatch(/^30 nov\. 2026 \(registre reconstitué/);
    expect(facts.get("Dernière évaluation complète des alertes")).toBe("jamais");
  });

  it("prints no ISO date or timestamp", () => {
    for (const language of ["en", "fr"] as const) {
      for (const [label, value] of coverFacts({ meta: META, language })) expect(String(value), label).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });
});
