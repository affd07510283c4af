import { describe, expect, it } from "vitest";
import { DOJ_EXEMPTIONS } from "@/db/schema/enums";
import {
  DOJ_EXEMPTION_FACTS,
  DOJ_EXEMPTION_LABELS,
  dojExemptionCitation,
  dojExemptionCoversBrokerage,
  dojExemptionHeading,
} from "./doj-exemptions";

describe("28 CFR part 202 subpart E exemptions", () => {
  it("maps every exemption, in the enum's order, to one section of 202.501-202.511", () => {
    expect(DOJ_EXEMPTIONS.map((e) => DOJ_EXEMPTION_FACTS[e].section)).toEqual(
      Array.from({ length: 11 }, (_, i) => `202.${501 + i}`),
    );
  });

  it("gives a person a label with the section, and a report the CFR heading", () => {
    expect(DOJ_EXEMPTION_LABELS.corporate_group).toBe("Corporate group transaction (28 CFR 202.506)");
    expect(dojExemptionHeading("corporate_group")).toBe("28 CFR 202.506 Corporate group transactions");
    expect(dojExemptionCitation("travel")).toBe("28 CFR 202.503");
    for (const exemption of DOJ_EXEMPTIONS) expect(DOJ_EXEMPTION_LABELS[exemption]).not.toContain("_");
  });

  it("only the telecommunications exemption leaves data brokerage out (202.509)", () => {
    expect(DOJ_EXEMPTIONS.filter((e) => !dojExemptionCoversBrokerage(e))).toEqual(["telecommunications"]);
  });

  it("202.501-202.503 set the whole part aside; the others subparts C, D, J and K", () => {
    expect(DOJ_EXEMPTIONS.filter((e) => DOJ_EXEMPTION_FACTS[e].scope === "whole-part")).toEqual([
      "personal_communications",
      "information_materials",
      "travel",
    ]);
  });
});
