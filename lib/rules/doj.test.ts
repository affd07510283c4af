import { describe, expect, it } from "vitest";
import { assessDojBulk, countsTowardDojWindow, effectiveDojCategories } from "./doj";
import { CATEGORIES, makeAggregateTransfer, makeTransferContext } from "./test-factories";
import { dojBulkRestricted } from "./doj-rules";
import type { TransferContextOverrides } from "./test-factories";

/** A recipient in China receiving camera-derived face data: the demo company's riskiest flow. */
function toChina(overrides: TransferContextOverrides = {}) {
  return makeTransferContext({
    ...overrides,
    processor: { country: "CN", name: "Shenzhen R&D", ...overrides.processor },
    transfer: { destinationCountry: "CN", mechanism: "scc", ...overrides.transfer },
  });
}

describe("effectiveDojCategories (28 CFR 202.212, 202.234)", () => {
  it("a listed identifier alone is not a covered personal identifier", () => {
    expect(effectiveDojCategories([CATEGORIES.imei])).toEqual([]);
    expect(effectiveDojCategories([CATEGORIES.imei, CATEGORIES.usage])).toEqual([]);
  });

  it("two linked listed identifiers are", () => {
    expect(effectiveDojCategories([CATEGORIES.imei, CATEGORIES.mac])).toEqual(["covered_identifier"]);
  });

  it("a listed identifier linked to other sensitive data is, and makes a combined set", () => {
    expect(effectiveDojCategories([CATEGORIES.imei, CATEGORIES.face])).toEqual(["biometric", "covered_identifier"]);
  });
});

describe("countsTowardDojWindow", () => {
  it("excludes rejected transfers and transfers ended before the 12-month window", () => {
    const windowStart = "2025-11-15";
    expect(countsTowardDojWindow({ status: "rejected", endDate: null }, windowStart)).toBe(false);
    expect(countsTowardDojWindow({ status: "ended", endDate: "2025-11-14" }, windowStart)).toBe(false);
    expect(countsTowardDojWindow({ status: "ended", endDate: "2025-11-15" }, windowStart)).toBe(true);
    expect(countsTowardDojWindow({ status: "draft", endDate: null }, windowStart)).toBe(true);
  });
});

describe("transfer.doj-bulk-restricted", () => {
  it("fires at 1,001 devices of precise geolocation, not at exactly 1,000", () => {
    const at = (n: number) =>
      dojBulkRestricted.evaluate(
        toChina({ transfer: { estimatedSubjects: n, volumeUnit: "devices" }, categories: [CATEGORIES.preciseLocation] }),
      );
    expect(at(1_000)).toBeNull();
    const finding = at(1_001);
    expect(finding).toMatchObject({ severity: "critical", facts: { count: 1_001, threshold: 1_000 } });
    expect(finding?.message).toBe(
      "Precise geolocation data to CN: 1,001 devices in 12 months > 1,000; CISA requirements not met",
    );
  });

  it("sums two 600-person biometric transfers to the same recipient past 1,000", () => {
    const finding = dojBulkRestricted.evaluate(
      toChina({
        transfer: { estimatedSubjects: 600 },
        categories: [CATEGORIES.face],
        dojAggregate: [
          makeAggregateTransfer({ id: "tr-2", estimatedSubjects: 600, destinationCountry: "HK", categories: [CATEGORIES.face] }),
        ],
      }),
    );
    expect(finding?.message).toBe("Biometric identifiers to CN and HK: 1,200 people in 12 months > 1,000; CISA requirements not met");
    expect(finding?.facts).toMatchObject({
      categories: ["biometric"],
      destinations: ["CN", "HK"],
      count: 1_200,
      threshold: 1_000,
      transferIds: ["tr-1", "tr-2"],
    });
  });

  it("does not sum the same two transfers when they go to different recipients (or come from another exporter)", () => {
    const ctx = toChina({
      transfer: { estimatedSubjects: 600 },
      categories: [CATEGORIES.face],
      dojAggregate: [
        makeAggregateTransfer({ id: "tr-2", processorId: "proc-2", estimatedSubjects: 600, categories: [CATEGORIES.face] }),
        makeAggregateTransfer({ id: "tr-3", exporterEntityId: "ent-hk", estimatedSubjects: 600, categories: [CATEGORIES.face] }),
      ],
    });
    expect(dojBulkRestricted.evaluate(ctx)).toBeNull();
    expect(assessDojBulk(ctx).counts[0]?.count).toBe(600);
  });

  it("leaves out transfers rejected or ended before the 12-month window", () => {
    const ctx = toChina({
      transfer: { estimatedSubjects: 600 },
      categories: [CATEGORIES.face],
      dojAggregate: [
        makeAggregateTransfer({ id: "tr-2", status: "rejected", estimatedSubjects: 600, categories: [CATEGORIES.face] }),
        makeAggregateTransfer({
          id: "tr-3",
          status: "ended",
          endDate: "2025-11-01",
          estimatedSubjects: 600,
          categories: [CATEGORIES.face],
        }),
      ],
    });
    expect(dojBulkRestricted.evaluate(ctx)).toBeNull();
  });

  it("fires for an HK destination even with a US processor", () => {
    const ctx = makeTransferContext({
      transfer: { destinationCountry: "HK", estimatedSubjects: 5_000, mechanism: "scc" },
      categories: [CATEGORIES.face],
    });
    expect(dojBulkRestricted.evaluate(ctx)?.facts.recipientReasons).toEqual(["destination HK"]);
  });

  it("fires for a covered person outside the countries of concern", () => {
    const ctx = makeTransferContext({
      processor: { coveredPerson: true },
      transfer: { estimatedSubjects: 5_000 },
      categories: [CATEGORIES.face],
    });
    expect(dojBulkRestricted.evaluate(ctx)).not.toBeNull();
  });

  it("does not fire for a US recipient that is not a covered person", () => {
    expect(
      dojBulkRestricted.evaluate(makeTransferContext({ transfer: { estimatedSubjects: 50_000 }, categories: [CATEGORIES.face] })),
    ).toBeNull();
  });

  it("encryption does not take the data out of scope (202.206)", () => {
    const ctx = toChina({
      transfer: { estimatedSubjects: 5_000, encryptionInTransit: "end_to_end", encryptionAtRest: "customer_keys" },
      categories: [CATEGORIES.face],
    });
    expect(dojBulkRestricted.evaluate(ctx)).not.toBeNull();
  });

  it("does not fire when the CISA requirements are met", () => {
    const ctx = toChina({ transfer: { estimatedSubjects: 5_000, cisaRequirementsMet: true }, categories: [CATEGORIES.face] });
    expect(dojBulkRestricted.evaluate(ctx)).toBeNull();
  });

  it("human 'omic data above the threshold fires even with CISA met (prohibited, 202.303)", () => {
    const finding = dojBulkRestricted.evaluate(
      toChina({ transfer: { estimatedSubjects: 1_500, cisaRequirementsMet: true }, categories: [CATEGORIES.genome] }),
    );
    expect(finding?.facts.prohibited).toBe(true);
    expect(finding?.message).toContain("prohibited (202.303)");
  });

  it("a listed identifier alone does not count; linked to another it does", () => {
    const alone = toChina({ transfer: { estimatedSubjects: 150_000 }, categories: [CATEGORIES.imei] });
    const linked = toChina({ transfer: { estimatedSubjects: 150_000 }, categories: [CATEGORIES.imei, CATEGORIES.mac] });
    expect(dojBulkRestricted.evaluate(alone)).toBeNull();
    expect(dojBulkRestricted.evaluate(linked)).toMatchObject({
      facts: { categories: ["covered_identifier"], count: 150_000, threshold: 100_000 },
    });
  });

  it("a combined data set takes the lowest threshold (202.205(g))", () => {
    // 5,000 people's financial data: under 10,000 alone, but linked to biometric data the threshold is 1,000.
    const alone = toChina({ transfer: { estimatedSubjects: 5_000 }, categories: [CATEGORIES.financial] });
    const combined = toChina({
      transfer: { estimatedSubjects: 5_000 },
      categories: [CATEGORIES.financial, CATEGORIES.face],
    });
    expect(dojBulkRestricted.evaluate(alone)).toBeNull();
    const finding = dojBulkRestricted.evaluate(combined);
    expect(finding?.facts).toMatchObject({ combined: true, "threshold.financial": 1_000, "count.financial": 5_000 });
    expect(finding?.message).toContain("Personal financial data to CN: 5,000 people in 12 months > 1,000 (combined data set, lowest threshold)");
  });

  it("does not fire for a transfer without DOJ categories, whatever the others carry", () => {
    const ctx = toChina({
      transfer: { estimatedSubjects: 5_000 },
      categories: [CATEGORIES.usage],
      dojAggregate: [makeAggregateTransfer({ estimatedSubjects: 5_000, categories: [CATEGORIES.face] })],
    });
    expect(dojBulkRestricted.evaluate(ctx)).toBeNull();
  });
});
