import { describe, expect, it } from "vitest";
import { assessDojBulk, effectiveDojCategories, includesUsPersons } from "./doj";
import { dojBrokerageProhibited, dojBulkRestricted, dojGovernmentRelated } from "./doj-rules";
import { sensitiveCategoryKeys } from "./sensitivity";
import {
  CATEGORIES,
  DOJ_TEST_CATEGORIES as DOJ,
  makeAggregateTransfer,
  makeTransferContext,
  type TransferContextOverrides,
} from "./test-factories";

/*
 * Issue #15, the US DOJ part: each case at the boundary the law draws, with the sibling on the other side.
 */

/** A recipient in mainland China (an analytics vendor unless said otherwise). */
function toChina(overrides: TransferContextOverrides = {}) {
  return makeTransferContext({
    ...overrides,
    processor: { country: "CN", name: "Shenzhen Analytics", service: "analytics", ...overrides.processor },
    transfer: { destinationCountry: "CN", mechanism: "scc", ...overrides.transfer },
  });
}

describe("U.S. persons only (28 CFR 202.256, 202.205)", () => {
  it("reads the subject regions: US or a US state, or none recorded", () => {
    expect(includesUsPersons(["US"])).toBe(true);
    expect(includesUsPersons(["EU", "us-ca"])).toBe(true);
    expect(includesUsPersons([])).toBe(true);
    expect(includesUsPersons(["EU"])).toBe(false);
    expect(includesUsPersons(["CN", "UK"])).toBe(false);
    expect(includesUsPersons(["USA-ish"])).toBe(false);
  });

  it("EU-only 5,000 people's biometric data to CN: no DOJ flag; the same for US subjects: flagged", () => {
    const at = (subjectRegions: string[]) =>
      dojBulkRestricted.evaluate(toChina({ transfer: { estimatedSubjects: 5_000, subjectRegions }, categories: [CATEGORIES.face] }));
    expect(at(["EU"])).toBeNull();
    expect(at(["CN"])).toBeNull();
    expect(at(["US"])).toMatchObject({ facts: { count: 5_000, threshold: 1_000 } });
    expect(at([])).not.toBeNull();
  });

  it("an EU-only or China-only transfer to the same recipient does not add to the count; a US one does", () => {
    const subject = { estimatedSubjects: 600, subjectRegions: ["US"] };
    const withOther = (subjectRegions: string[]) =>
      toChina({
        transfer: subject,
        categories: [CATEGORIES.face],
        dojAggregate: [makeAggregateTransfer({ id: "tr-2", estimatedSubjects: 600, subjectRegions, categories: [CATEGORIES.face] })],
      });
    expect(dojBulkRestricted.evaluate(withOther(["EU"]))).toBeNull();
    expect(dojBulkRestricted.evaluate(withOther(["CN"]))).toBeNull();
    expect(assessDojBulk(withOther(["EU"])).counts[0]).toMatchObject({ count: 600, leftOut: [{ transferId: "tr-2", reason: "no-us-persons" }] });
    expect(dojBulkRestricted.evaluate(withOther(["UK", "US-NY"]))).toMatchObject({ facts: { count: 1_200, transferIds: ["tr-1", "tr-2"] } });
  });
});

describe("covered personal identifiers and the 202.212(b) exclusions", () => {
  it("contact data linked only to contact data is not a covered personal identifier (b)(1)", () => {
    expect(effectiveDojCategories([CATEGORIES.email, DOJ.phone, DOJ.name])).toEqual([]);
    expect(effectiveDojCategories([CATEGORIES.email, DOJ.advertisingId])).toEqual(["covered_identifier"]);
  });

  it("email + phone for 200,000 people to CN: no DOJ flag; email + advertising id: flagged", () => {
    const at = (categories: (typeof CATEGORIES.email)[]) =>
      dojBulkRestricted.evaluate(toChina({ transfer: { estimatedSubjects: 200_000 }, categories }));
    expect(at([CATEGORIES.email, DOJ.phone])).toBeNull();
    expect(at([CATEGORIES.email, DOJ.advertisingId])).toMatchObject({
      facts: { categories: ["covered_identifier"], count: 200_000, threshold: 100_000 },
    });
  });

  it("contact data linked to other sensitive data still counts, and makes a combined data set", () => {
    expect(effectiveDojCategories([CATEGORIES.email, CATEGORIES.face])).toEqual(["biometric", "covered_identifier"]);
    expect(effectiveDojCategories([CATEGORIES.email, DOJ.phone, CATEGORIES.imei])).toEqual(["covered_identifier"]);
  });

  it("network, authentication and call-detail data linked only to each other are excluded for a network service only (b)(2)", () => {
    const set = [DOJ.ipAddress, DOJ.username];
    expect(effectiveDojCategories(set, { networkService: true })).toEqual([]);
    expect(effectiveDojCategories(set, { networkService: false })).toEqual(["covered_identifier"]);
    // Linked to another kind, they are covered whatever the service.
    expect(effectiveDojCategories([...set, CATEGORIES.imei], { networkService: true })).toEqual(["covered_identifier"]);

    const at = (service: "hosting" | "analytics") =>
      dojBulkRestricted.evaluate(toChina({ processor: { service }, transfer: { estimatedSubjects: 200_000 }, categories: set }));
    expect(at("hosting")).toBeNull();
    expect(at("analytics")).not.toBeNull();
  });

  it("sensitivity agrees: an excluded set is not sensitive, a covered one is", () => {
    expect(sensitiveCategoryKeys([CATEGORIES.email, DOJ.phone])).toEqual([]);
    expect(sensitiveCategoryKeys([CATEGORIES.email, DOJ.advertisingId])).toEqual(["user.contact.email", "user.device.advertising_id"]);
    expect(sensitiveCategoryKeys([DOJ.ipAddress, DOJ.username], { networkService: true })).toEqual([]);
    expect(sensitiveCategoryKeys([DOJ.ipAddress, DOJ.username])).toEqual(["user.device.ip_address", "user.account.username"]);
  });
});

describe("human genomic and other 'omic data (202.205(a), 202.303)", () => {
  const bulk = (categories: (typeof CATEGORIES.email)[], estimatedSubjects: number, cisaRequirementsMet = false) =>
    dojBulkRestricted.evaluate(toChina({ transfer: { estimatedSubjects, cisaRequirementsMet }, categories }));

  it("genomic data: 100 people is not bulk, 101 is, and prohibited even with the CISA requirements met", () => {
    expect(bulk([DOJ.genomic], 100, true)).toBeNull();
    const finding = bulk([DOJ.genomic], 101, true);
    expect(finding).toMatchObject({ facts: { categories: ["genomic"], count: 101, threshold: 100, prohibited: true } });
    expect(finding?.message).toBe(
      "Human genomic data to CN: 101 people in 12 months > 100; bulk human 'omic data is prohibited (202.303) even with the CISA requirements met",
    );
  });

  it("other 'omic data: 1,000 people is not bulk, 1,001 is, and prohibited", () => {
    expect(bulk([DOJ.proteomic], 1_000, true)).toBeNull();
    expect(bulk([DOJ.proteomic], 1_001, true)).toMatchObject({ facts: { categories: ["omic"], threshold: 1_000, prohibited: true } });
    expect(bulk([DOJ.proteomic], 1_001)?.message).toContain("bulk human 'omic data is prohibited (202.303)");
  });

  it("genomic and other 'omic data share 202.205(a): together they are not a combined set", () => {
    const finding = bulk([DOJ.genomic, DOJ.proteomic], 500);
    expect(finding?.facts).toMatchObject({ categories: ["genomic"], combined: false, "threshold.genomic": 100 });
    expect(finding?.facts).not.toHaveProperty("threshold.omic");
  });

  it("combined with another category, the lowest threshold (genomic, 100) applies to it (202.205(g))", () => {
    expect(bulk([CATEGORIES.face], 500)).toBeNull();
    const finding = bulk([CATEGORIES.face, DOJ.genomic], 500);
    expect(finding?.facts).toMatchObject({ combined: true, "threshold.biometric": 100, "count.biometric": 500 });
  });
});

describe("transfer.doj-government-related (202.222)", () => {
  it("fires at any volume: one person's government-related data to a country of concern", () => {
    const finding = dojGovernmentRelated.evaluate(toChina({ transfer: { estimatedSubjects: 1 }, categories: [DOJ.governmentLocation] }));
    expect(finding).toMatchObject({ severity: "critical", facts: { count: 1, categoryKeys: ["user.location.government_site"] } });
    expect(finding?.message).toBe(
      "Government-related data (user.location.government_site) to Shenzhen Analytics (processor country CN and destination CN): 1 person, covered at any volume; CISA requirements not met",
    );
  });

  it("fires for a covered person whatever the subjects' regions: 202.222 is not limited to U.S. persons", () => {
    const ctx = makeTransferContext({
      processor: { coveredPerson: true },
      transfer: { estimatedSubjects: 3, subjectRegions: ["EU"] },
      categories: [DOJ.governmentLocation],
    });
    expect(dojGovernmentRelated.evaluate(ctx)?.facts.recipientReasons).toEqual(["covered person"]);
  });

  it("does not fire without government-related data, to a recipient not of concern, with none in the flow, or with CISA met", () => {
    expect(dojGovernmentRelated.evaluate(toChina({ categories: [CATEGORIES.face] }))).toBeNull();
    expect(dojGovernmentRelated.evaluate(makeTransferContext({ categories: [DOJ.governmentLocation] }))).toBeNull();
    expect(dojGovernmentRelated.evaluate(toChina({ transfer: { estimatedSubjects: 0 }, categories: [DOJ.governmentLocation] }))).toBeNull();
    expect(
      dojGovernmentRelated.evaluate(toChina({ transfer: { cisaRequirementsMet: true }, categories: [DOJ.governmentLocation] })),
    ).toBeNull();
  });

  it("is no bulk category: it neither lowers the others' threshold nor fires the bulk rule", () => {
    const ctx = toChina({ transfer: { estimatedSubjects: 500 }, categories: [CATEGORIES.face, DOJ.governmentLocation] });
    expect(dojBulkRestricted.evaluate(ctx)).toBeNull();
    const assessment = assessDojBulk(ctx);
    expect(assessment.combined).toBe(false);
    expect(assessment.counts.map((c) => [c.category, c.threshold, c.exceeds])).toEqual([
      ["biometric", 1_000, false],
      ["government_related", 0, true],
    ]);
  });
});

describe("subpart E exemptions (202.501-202.511)", () => {
  it("an exempt transfer is flagged by neither the bulk nor the government-related rule", () => {
    const exempt = { estimatedSubjects: 5_000, dojExemption: "corporate_group" } as const;
    expect(dojBulkRestricted.evaluate(toChina({ transfer: exempt, categories: [CATEGORIES.face] }))).toBeNull();
    expect(dojGovernmentRelated.evaluate(toChina({ transfer: exempt, categories: [DOJ.governmentLocation] }))).toBeNull();
    expect(dojBulkRestricted.evaluate(toChina({ transfer: { estimatedSubjects: 5_000 }, categories: [CATEGORIES.face] }))).not.toBeNull();
  });

  it("an exempt transfer does not add to another transfer's count", () => {
    const withOther = (dojExemption: "travel" | null) =>
      toChina({
        transfer: { estimatedSubjects: 600 },
        categories: [CATEGORIES.face],
        dojAggregate: [makeAggregateTransfer({ estimatedSubjects: 600, dojExemption, categories: [CATEGORIES.face] })],
      });
    expect(dojBulkRestricted.evaluate(withOther("travel"))).toBeNull();
    expect(assessDojBulk(withOther("travel")).counts[0]?.leftOut).toEqual([{ transferId: "tr-2", reason: "exempt" }]);
    expect(dojBulkRestricted.evaluate(withOther(null))).not.toBeNull();
  });
});

describe("transfer.doj-brokerage-prohibited: PADFA and 28 CFR 202.301", () => {
  const selling = (overrides: TransferContextOverrides) =>
    toChina({ ...overrides, activity: { disclosureType: "data_brokerage", name: "Audience data sales", ...overrides.activity } });

  it("a subpart E exemption does not lift PADFA: brokerage to China is still flagged, and the message says why", () => {
    const finding = dojBrokerageProhibited.evaluate(
      selling({ transfer: { dojExemption: "corporate_group", estimatedSubjects: 50 }, categories: [CATEGORIES.email] }),
    );
    expect(finding).toMatchObject({ facts: { padfa: true, cfr202301: false, dojExemption: "corporate_group" } });
    expect(finding?.message).toBe(
      'Activity "Audience data sales" discloses data by data brokerage to Shenzhen Analytics (processor country CN and destination CN), which is prohibited (PADFA); the exemption claimed (Corporate group transaction (28 CFR 202.506)) lifts 28 CFR 202.301 but not PADFA',
    );
  });

  it("EU-only data is neither PADFA's nor part 202's concern", () => {
    expect(dojBrokerageProhibited.evaluate(selling({ transfer: { subjectRegions: ["EU"] } }))).toBeNull();
    expect(dojBrokerageProhibited.evaluate(selling({ transfer: { subjectRegions: ["US"] } }))).not.toBeNull();
  });

  it("Venezuela is a country of concern but no PADFA foreign adversary: only bulk or government-related data is prohibited there", () => {
    const toVenezuela = (estimatedSubjects: number, dojExemption: "corporate_group" | "telecommunications" | null = null) =>
      dojBrokerageProhibited.evaluate(
        selling({
          processor: { country: "VE", name: "Caracas Data" },
          transfer: { destinationCountry: "VE", estimatedSubjects, dojExemption },
          categories: [CATEGORIES.face],
        }),
      );
    expect(toVenezuela(500)).toBeNull();
    expect(toVenezuela(5_000)).toMatchObject({ facts: { padfa: false, cfr202301: true } });
    // 202.506 lifts 202.301; 202.509 excludes data brokerage from its exemption.
    expect(toVenezuela(5_000, "corporate_group")).toBeNull();
    expect(toVenezuela(5_000, "telecommunications")?.message).toContain("does not extend to data brokerage");
  });
});
