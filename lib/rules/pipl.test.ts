import { describe, expect, it } from "vitest";
import { countsTowardPiplTotals, isMainlandExport, piplKinds, piplTiers, piplTotalsByExporter, piplYearStart, samePiplTiers } from "./pipl";
import { buildProcessorContext, buildTransferContext, evaluateRegister, type RegisterSnapshot } from "./snapshot";
import { isDpfValid } from "./predicates";
import { CATEGORIES, TODAY, makeActivity, makeEntity, makeProcessor, makeTransfer } from "./test-factories";
import type { TransferRecord } from "./types";

const YEAR_START = piplYearStart(TODAY);

describe("which transfers count toward the exporter's PIPL totals (2024 Provisions Art. 4, 5, 7, 8)", () => {
  const exportFromChina = makeTransfer({ originCountry: "CN", destinationCountry: "US" });

  it("counts from 1 January of today's year", () => {
    expect(YEAR_START).toBe("2026-01-01");
  });

  it("counts a mainland export, to Hong Kong too, and a flow ended on 1 January", () => {
    expect(countsTowardPiplTotals(exportFromChina, YEAR_START)).toBe(true);
    expect(countsTowardPiplTotals({ ...exportFromChina, destinationCountry: "HK" }, YEAR_START)).toBe(true);
    expect(countsTowardPiplTotals({ ...exportFromChina, status: "ended", endDate: "2026-01-01" }, YEAR_START)).toBe(true);
    // Marked ended without a date: nothing proves it stopped before the year began.
    expect(countsTowardPiplTotals({ ...exportFromChina, status: "ended", endDate: null }, YEAR_START)).toBe(true);
  });

  it("does not count a flow ended on 31 December, a rejected one, a re-export, an Art. 5 exempt flow, or data not leaving the mainland", () => {
    expect(countsTowardPiplTotals({ ...exportFromChina, status: "ended", endDate: "2025-12-31" }, YEAR_START)).toBe(false);
    expect(countsTowardPiplTotals({ ...exportFromChina, status: "rejected" }, YEAR_START)).toBe(false);
    expect(countsTowardPiplTotals({ ...exportFromChina, reExportOfForeignData: true }, YEAR_START)).toBe(false);
    expect(countsTowardPiplTotals({ ...exportFromChina, piplExemption: "contract_with_individual" }, YEAR_START)).toBe(false);
    expect(countsTowardPiplTotals({ ...exportFromChina, destinationCountry: "CN" }, YEAR_START)).toBe(false);
    expect(countsTowardPiplTotals({ ...exportFromChina, originCountry: "HK" }, YEAR_START)).toBe(false);
    expect(isMainlandExport({ originCountry: "cn ", destinationCountry: "MO" })).toBe(true);
  });

  it("adds a flow's people to the tiers it carries; a flow without categories is non-sensitive", () => {
    expect(piplKinds([CATEGORIES.face])).toEqual({ sensitive: true, nonSensitive: false });
    expect(piplKinds([CATEGORIES.face, CATEGORIES.usage])).toEqual({ sensitive: true, nonSensitive: true });
    expect(piplKinds([])).toEqual({ sensitive: false, nonSensitive: true });
  });

  it("sums per exporter over every recipient, sensitive and non-sensitive apart", () => {
    const totals = piplTotalsByExporter(
      [
        { transfer: { ...exportFromChina, processorId: "p1", estimatedSubjects: 9_999 }, categories: [CATEGORIES.face] },
        { transfer: { ...exportFromChina, processorId: "p2", estimatedSubjects: 1 }, categories: [CATEGORIES.face, CATEGORIES.usage] },
        { transfer: { ...exportFromChina, processorId: "p2", estimatedSubjects: 500, piplExemption: "emergency" as const }, categories: [CATEGORIES.usage] },
        { transfer: { ...exportFromChina, exporterEntityId: "other", estimatedSubjects: 7 }, categories: [] },
      ],
      TODAY,
    );
    expect(totals.get("ent-us")).toEqual({ since: "2026-01-01", sensitiveCount: 10_000, nonSensitiveCount: 1, transferCount: 2, recipientCount: 2 });
    expect(totals.get("other")).toMatchObject({ sensitiveCount: 0, nonSensitiveCount: 7, transferCount: 1 });
  });
});

describe("piplTiers: where the counts stand against the thresholds (以上 includes the number)", () => {
  it.each([
    [0, "none"],
    [1, "under_10000"],
    [9_999, "under_10000"],
    [10_000, "10000_or_more"],
  ] as const)("%d people's sensitive information -> %s", (sensitiveCount, tier) => {
    expect(piplTiers({ sensitiveCount, nonSensitiveCount: 0 }).sensitive).toBe(tier);
  });

  it.each([
    [99_999, "under_100000"],
    [100_000, "100000_to_999999"],
    [999_999, "100000_to_999999"],
    [1_000_000, "1000000_or_more"],
  ] as const)("%d people's other information -> %s", (nonSensitiveCount, tier) => {
    expect(piplTiers({ sensitiveCount: 0, nonSensitiveCount }).nonSensitive).toBe(tier);
  });

  it("a change inside a tier keeps the tiers; one across a threshold does not", () => {
    const at = (sensitiveCount: number) => piplTiers({ sensitiveCount, nonSensitiveCount: 5 });
    expect(samePiplTiers(at(9_000), at(9_999))).toBe(true);
    expect(samePiplTiers(at(9_999), at(10_000))).toBe(false);
  });
});

/** An exporter in Shenzhen sending face images to two recipients abroad under the PIPL standard contract. */
function splitRegister(first: number, second: number): RegisterSnapshot {
  const face = CATEGORIES.face;
  const flow = (id: string, processorId: string, estimatedSubjects: number): TransferRecord => ({
    ...makeTransfer({
      id,
      exporterEntityId: "ent-sz",
      processorId,
      originCountry: "CN",
      destinationCountry: "US",
      subjectRegions: ["CN"],
      mechanism: "pipl_standard_contract",
      estimatedSubjects,
      piplSeparateConsent: true,
      pipiaDate: "2026-02-01",
    }),
    categoryIds: [face.id],
  });
  return {
    today: TODAY,
    entities: [makeEntity({ id: "ent-sz", name: "GNCC Shenzhen", country: "CN" })],
    activities: [makeActivity()],
    processors: [makeProcessor({ id: "proc-a", name: "Vendor A" }), makeProcessor({ id: "proc-b", name: "Vendor B" })],
    agreements: [],
    categories: [face],
    transfers: [flow("tr-a", "proc-a", first), flow("tr-b", "proc-b", second)],
  };
}

const piplExportFlags = (snapshot: RegisterSnapshot, processorIds?: string[]) =>
  evaluateRegister(snapshot, processorIds === undefined ? {} : { processorIds })
    .filter((f) => f.ruleId === "transfer.pipl-export")
    .map((f) => f.subjectId)
    .sort();

describe("cumulative PIPL counts in the snapshot", () => {
  it("9,999 + 1 sensitive across two recipients: a CAC assessment is required on both", () => {
    expect(piplExportFlags(splitRegister(9_999, 1))).toEqual(["tr-a", "tr-b"]);
    const ctx = buildTransferContext(splitRegister(9_999, 1), "tr-b");
    expect(ctx.piplAggregate).toEqual({ since: "2026-01-01", sensitiveCount: 10_000, nonSensitiveCount: 0, transferCount: 2, recipientCount: 2 });
  });

  it("9,998 + 1 stays in the standard-contract tier on both", () => {
    expect(piplExportFlags(splitRegister(9_998, 1))).toEqual([]);
  });

  it("a scoped evaluation counts the other recipient's transfer as context without evaluating it", () => {
    expect(piplExportFlags(splitRegister(9_999, 1), ["proc-b"])).toEqual(["tr-b"]);
  });

  it("gives an exporter with nothing counted zero, not this transfer alone", () => {
    const snapshot = splitRegister(9_999, 1);
    const rejected = { ...snapshot, transfers: snapshot.transfers.map((t) => ({ ...t, status: "rejected" as const })) };
    expect(buildTransferContext(rejected, "tr-a").piplAggregate).toMatchObject({ sensitiveCount: 0, transferCount: 0 });
  });
});

describe("the UK Extension in the snapshot", () => {
  it("marks a processor whose active DPF transfers carry UK subjects' data", () => {
    const snapshot: RegisterSnapshot = {
      today: TODAY,
      entities: [makeEntity()],
      activities: [makeActivity()],
      processors: [makeProcessor({ dpfUkExtension: false })],
      agreements: [],
      categories: [CATEGORIES.usage],
      transfers: [{ ...makeTransfer({ subjectRegions: ["EU"] }), categoryIds: [CATEGORIES.usage.id] }],
    };
    expect(buildProcessorContext(snapshot, "proc-1")).toMatchObject({ transfersRelyOnDpf: true, ukTransfersRelyOnDpf: false });
    const withUk = { ...snapshot, transfers: [{ ...snapshot.transfers[0]!, subjectRegions: ["EU", "UK"] }] };
    expect(buildProcessorContext(withUk, "proc-1")).toMatchObject({ ukTransfersRelyOnDpf: true });
    expect(evaluateRegister(withUk).map((f) => f.ruleId)).toContain("processor.dpf-lapsed");
    expect(evaluateRegister(snapshot).map((f) => f.ruleId)).not.toContain("processor.dpf-lapsed");
  });
});

describe("isDpfValid by region", () => {
  it("needs the UK Extension for UK subjects only", () => {
    const withoutExtension = makeProcessor({ dpfUkExtension: false });
    expect(isDpfValid(withoutExtension, TODAY, "EU")).toBe(true);
    expect(isDpfValid(withoutExtension, TODAY, "UK")).toBe(false);
    expect(isDpfValid(makeProcessor({ dpfUkExtension: true }), TODAY, "UK")).toBe(true);
    expect(isDpfValid(makeProcessor({ dpfUkExtension: true, dpfExpiry: "2026-11-14" }), TODAY, "UK")).toBe(false);
  });
});
