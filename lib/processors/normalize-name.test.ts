import { describe, expect, it } from "vitest";
import { normalizeProcessorName } from "./normalize-name";

describe("normalizeProcessorName", () => {
  it("folds case, punctuation and the legal form", () => {
    expect(normalizeProcessorName("Amazon Web Services, Inc.")).toBe("amazon web services");
    expect(normalizeProcessorName("  amazon   web services ")).toBe("amazon web services");
    expect(normalizeProcessorName("Google LLC")).toBe("google");
  });

  it("removes stacked legal forms, dotted or not", () => {
    expect(normalizeProcessorName("Hengtong Technical Services Co., Ltd.")).toBe("hengtong technical services");
    expect(normalizeProcessorName("Acme Pty Ltd")).toBe("acme");
    expect(normalizeProcessorName("Transports Dupont S.A.")).toBe("transports dupont");
    expect(normalizeProcessorName("Beispiel GmbH & Co. KG")).toBe("beispiel");
    expect(normalizeProcessorName("Exemple S.A.R.L.")).toBe("exemple");
  });

  it("keeps a legal-form word that is not at the end, and never empties a name", () => {
    expect(normalizeProcessorName("Limited Brands Inc")).toBe("limited brands");
    expect(normalizeProcessorName("Limited")).toBe("limited");
    expect(normalizeProcessorName("Co.")).toBe("co");
  });

  it("strips accents after NFKD decomposition", () => {
    expect(normalizeProcessorName("Réclame Numérique SAS")).toBe("reclame numerique");
    expect(normalizeProcessorName("RECLAME NUMERIQUE")).toBe("reclame numerique");
    expect(normalizeProcessorName("Société Générale")).toBe("societe generale");
  });

  it("reads & as and, so both spellings collide", () => {
    expect(normalizeProcessorName("Smith & Sons Ltd")).toBe(normalizeProcessorName("Smith and Sons Limited"));
  });

  it("keeps Chinese names and drops their legal form", () => {
    expect(normalizeProcessorName("深圳市恒通技术服务有限公司")).toBe("深圳市恒通技术服务");
    expect(normalizeProcessorName("杭州天宇云客服科技股份有限公司")).toBe("杭州天宇云客服科技");
    expect(normalizeProcessorName("天宇云客服")).toBe("天宇云客服");
    // Full-width brackets fold to ASCII under NFKD, then to spaces.
    expect(normalizeProcessorName("GNCC（香港）有限公司")).toBe("gncc 香港");
    expect(normalizeProcessorName("有限公司")).toBe("有限公司");
  });

  it("is idempotent", () => {
    for (const name of ["Amazon Web Services, Inc.", "Réclame Numérique SAS", "深圳市恒通技术服务有限公司", "R&D Labs S.A."]) {
      const once = normalizeProcessorName(name);
      expect(normalizeProcessorName(once)).toBe(once);
    }
  });
});
