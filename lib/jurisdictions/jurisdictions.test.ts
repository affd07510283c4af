import { describe, expect, it } from "vitest";
import { adequacyFor, EU_ADEQUACY, UK_ADEQUACY } from "./adequacy";
import { isValidCountryCode } from "./countries";
import { DOJ_COUNTRIES_OF_CONCERN, isCountryOfConcern, isMainlandChina } from "./countries-of-concern";
import { DOJ_BULK_THRESHOLDS, exceedsDojThreshold, lowestDojThreshold } from "./doj-thresholds";
import { EEA_MEMBERS, EU_MEMBER_STATES, EU_TERRITORIES_WITH_OWN_CODE, isEea } from "./eea";
import { FACTS_AS_OF } from "./fact";
import { acceptedPiplMechanisms, GBA_STANDARD_CONTRACT, PIPIA_VALIDITY, PIPL_EXPORT_THRESHOLDS, requiredPiplMechanism } from "./pipl";

describe("the lists", () => {
  it("carry a source and the as-of month, and only valid codes", () => {
    for (const list of [EU_MEMBER_STATES, EEA_MEMBERS, EU_TERRITORIES_WITH_OWN_CODE, DOJ_COUNTRIES_OF_CONCERN]) {
      expect(list.source).not.toBe("");
      expect(list.asOf).toBe(FACTS_AS_OF);
      for (const code of list.codes) expect(isValidCountryCode(code), code).toBe(true);
    }
    for (const list of [EU_ADEQUACY, UK_ADEQUACY]) {
      expect(list.asOf).toBe("2026-11");
      for (const d of list.decisions) {
        expect(isValidCountryCode(d.country), d.country).toBe(true);
        expect(d.source).not.toBe("");
      }
    }
    expect(PIPL_EXPORT_THRESHOLDS.asOf).toBe("2026-11");
    for (const fact of [PIPIA_VALIDITY, GBA_STANDARD_CONTRACT]) {
      expect(fact.asOf).toBe(FACTS_AS_OF);
      expect(fact.source).not.toBe("");
    }
  });
});

describe("EEA", () => {
  it("is the EU 27 plus Iceland, Liechtenstein and Norway", () => {
    expect(EU_MEMBER_STATES.codes).toHaveLength(27);
    expect(EEA_MEMBERS.codes).toHaveLength(30);
    for (const code of ["FR", "DE", "IE", "GR", "IS", "LI", "NO", "RE", "ax"]) expect(isEea(code), code).toBe(true);
    for (const code of ["GB", "CH", "US", "CN", "SJ"]) expect(isEea(code), code).toBe(false);
  });
});

describe("countries of concern (28 CFR 202.601)", () => {
  it("include China with Hong Kong and Macau", () => {
    for (const code of ["CN", "HK", "MO", "CU", "IR", "KP", "RU", "VE"]) expect(isCountryOfConcern(code), code).toBe(true);
    for (const code of ["TW", "US", "SG"]) expect(isCountryOfConcern(code), code).toBe(false);
  });

  it("mainland China for PIPL is CN only", () => {
    expect(isMainlandChina("CN")).toBe(true);
    expect(isMainlandChina("HK")).toBe(false);
    expect(isMainlandChina("MO")).toBe(false);
  });
});

describe("adequacyFor", () => {
  const eu = (destination: string, processorDpfValid = false, today?: string) =>
    adequacyFor({ subjectRegion: "EU", destination, processorDpfValid, today });
  const uk = (destination: string, processorDpfValid = false) =>
    adequacyFor({ subjectRegion: "UK", destination, processorDpfValid });

  it("needs no mechanism inside the EEA or to an adequate country", () => {
    expect(eu("FR")).toMatchObject({ adequate: true, basis: "eea" });
    for (const code of ["AD", "AR", "BR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY"]) {
      expect(eu(code).adequate, code).toBe(true);
    }
  });

  it("has no adequacy for mainland China, Hong Kong or India", () => {
    for (const code of ["CN", "HK", "IN"]) expect(eu(code)).toMatchObject({ adequate: false, basis: "none" });
  });

  it("treats the US as adequate only with a valid DPF certification", () => {
    expect(eu("US", true)).toMatchObject({ adequate: true, basis: "dpf" });
    expect(eu("US", false).adequate).toBe(false);
    expect(uk("US", true)).toMatchObject({ adequate: true, basis: "dpf" });
    expect(uk("US", false).adequate).toBe(false);
  });

  it("applies validity windows when today is given (Brazil from 2026-01, UK to 2031-12)", () => {
    expect(eu("BR", false, "2025-12-31").adequate).toBe(false);
    expect(eu("BR", false, "2026-11-15").adequate).toBe(true);
    expect(eu("GB", false, "2031-12-27").adequate).toBe(true);
    expect(eu("GB", false, "2032-01-01").adequate).toBe(false);
  });

  it("follows the UK's own list for UK subjects", () => {
    expect(uk("GB")).toMatchObject({ adequate: true, basis: "domestic" });
    expect(uk("DE").adequate).toBe(true);
    expect(uk("GI").adequate).toBe(true);
    expect(uk("KR").adequate).toBe(true);
    expect(uk("BR").adequate).toBe(false);
    expect(uk("CN").adequate).toBe(false);
    expect(eu("GI").adequate).toBe(false);
  });
});

describe("requiredPiplMechanism (2024 Provisions; 以上 includes the number)", () => {
  it.each([
    [1_000_000, 0, "cac_assessment"],
    [999_999, 0, "standard_contract_or_certification"],
    [100_000, 0, "standard_contract_or_certification"],
    [99_999, 0, "exempt"],
    [0, 10_000, "cac_assessment"],
    [0, 9_999, "standard_contract_or_certification"],
    [0, 1, "standard_contract_or_certification"],
    [50_000, 1, "standard_contract_or_certification"],
    [0, 0, "exempt"],
  ] as const)("%d non-sensitive, %d sensitive -> %s", (nonSensitiveCount, sensitiveCount, expected) => {
    expect(requiredPiplMechanism({ nonSensitiveCount, sensitiveCount })).toBe(expected);
  });

  it("always requires a CAC assessment for a CIIO or important data", () => {
    expect(requiredPiplMechanism({ nonSensitiveCount: 10, sensitiveCount: 0, isCiio: true })).toBe("cac_assessment");
    expect(requiredPiplMechanism({ nonSensitiveCount: 10, sensitiveCount: 0, importantData: true })).toBe("cac_assessment");
  });

  it("rejects negative counts", () => {
    expect(() => requiredPiplMechanism({ nonSensitiveCount: -1, sensitiveCount: 0 })).toThrow(RangeError);
  });
});

describe("acceptedPiplMechanisms: the GBA standard contract", () => {
  it("stands in for the national standard contract on a Greater Bay Area flow", () => {
    expect(acceptedPiplMechanisms("standard_contract_or_certification", { gbaFlow: true })).toContain("gba_standard_contract");
    expect(acceptedPiplMechanisms("standard_contract_or_certification", { gbaFlow: false })).not.toContain("gba_standard_contract");
  });

  it("never where a CAC assessment is required, and any mechanism will do when the flow is exempt", () => {
    expect(acceptedPiplMechanisms("cac_assessment", { gbaFlow: true })).toEqual(["cac_assessment"]);
    expect(acceptedPiplMechanisms("exempt", { gbaFlow: true })).toBeNull();
  });
});

describe("adequacyFor with the UK Extension", () => {
  it("UK subjects to the US are adequate only when the caller found the UK Extension valid", () => {
    // The caller (lib/rules/predicates.ts, isDpfValid by region) answers for the UK with the UK Extension.
    expect(adequacyFor({ subjectRegion: "UK", destination: "US", processorDpfValid: false })).toMatchObject({ adequate: false });
    expect(adequacyFor({ subjectRegion: "UK", destination: "US", processorDpfValid: true }).scope).toContain("UK Extension");
  });
});

describe("DOJ bulk thresholds (28 CFR 202.205)", () => {
  it("hold the thresholds of 202.205, precise geolocation in devices", () => {
    expect(DOJ_BULK_THRESHOLDS).toMatchObject({
      omic: { threshold: 1_000 },
      biometric: { threshold: 1_000 },
      precise_geolocation: { threshold: 1_000, unit: "devices" },
      health: { threshold: 10_000 },
      financial: { threshold: 10_000 },
      covered_identifier: { threshold: 100_000 },
    });
  });

  it("'exceeds' is strictly greater", () => {
    expect(exceedsDojThreshold("precise_geolocation", 1_000)).toBe(false);
    expect(exceedsDojThreshold("precise_geolocation", 1_001)).toBe(true);
  });

  it("a combined set takes the lowest threshold", () => {
    expect(lowestDojThreshold(["financial", "covered_identifier"])).toBe(10_000);
    expect(lowestDojThreshold(["biometric", "health"])).toBe(1_000);
    expect(lowestDojThreshold([])).toBeUndefined();
  });
});
