import { describe, expect, it } from "vitest";
import { buildAgreementContext, buildProcessorContext, buildTransferContext, evaluateRegister } from "./snapshot";
import type { RegisterSnapshot } from "./snapshot";
import {
  CATEGORIES,
  TODAY,
  makeActivity,
  makeAgreement,
  makeEntity,
  makeProcessor,
  makeTransfer,
} from "./test-factories";

function register(): RegisterSnapshot {
  const face = CATEGORIES.face;
  return {
    today: TODAY,
    entities: [makeEntity()],
    activities: [makeActivity({ art9Condition: "explicit_consent" })],
    processors: [
      makeProcessor({ id: "proc-cn", name: "Shenzhen R&D", country: "CN", dpfCertified: false, dpfExpiry: null }),
      makeProcessor({ id: "proc-sub", name: "Push Sub", parentProcessorId: "proc-cn", ownerUserId: null }),
    ],
    agreements: [
      makeAgreement({ id: "agr-cn", processorId: "proc-cn", type: "scc", flowDown: false, expiryDate: "2026-12-01" }),
    ],
    categories: [face, CATEGORIES.usage],
    transfers: [
      { ...makeTransfer({ id: "tr-a", processorId: "proc-cn", destinationCountry: "CN", mechanism: "scc", estimatedSubjects: 600, tiaDate: null }), categoryIds: [face.id] },
      { ...makeTransfer({ id: "tr-b", processorId: "proc-cn", destinationCountry: "HK", mechanism: "scc", estimatedSubjects: 600 }), categoryIds: [face.id] },
      { ...makeTransfer({ id: "tr-c", processorId: "proc-sub", mechanism: "dpf" }), categoryIds: [CATEGORIES.usage.id] },
    ],
  };
}

describe("snapshot", () => {
  it("builds the DOJ aggregate from the other transfers to the same recipient", () => {
    const ctx = buildTransferContext(register(), "tr-a");
    expect(ctx.dojAggregate.map((t) => t.id)).toEqual(["tr-b"]);
    expect(ctx.categories).toEqual([CATEGORIES.face]);
  });

  it("gives a sub-processor's transfer its parent chain and the parent's agreements", () => {
    const ctx = buildTransferContext(register(), "tr-c");
    expect(ctx.processorChain.map((p) => p.id)).toEqual(["proc-cn"]);
    expect(ctx.agreements.map((a) => a.id)).toEqual(["agr-cn"]);
  });

  it("derives the processor and agreement flags' inputs", () => {
    const sub = buildProcessorContext(register(), "proc-sub");
    expect(sub).toMatchObject({ hasActiveTransfers: true, transfersRelyOnDpf: true, parent: { processor: { id: "proc-cn" } } });
    expect(buildAgreementContext(register(), "agr-cn")).toMatchObject({ coversActiveTransfer: true, processorName: "Shenzhen R&D" });
  });

  it("evaluates the whole register", () => {
    const byRule = evaluateRegister(register()).map((f) => `${f.ruleId}@${f.subjectId}`);
    expect(byRule).toEqual(
      expect.arrayContaining([
        "transfer.doj-bulk-restricted@tr-a",
        "transfer.doj-bulk-restricted@tr-b",
        "transfer.tia-missing@tr-a",
        "transfer.no-contract@tr-c",
        "agreement.expiring-soon@agr-cn",
        "processor.onward-uncovered@proc-sub",
        "processor.no-owner@proc-sub",
      ]),
    );
    expect(byRule).not.toContain("transfer.no-contract@tr-a");
  });

  it("throws on a dangling reference", () => {
    const snapshot = register();
    expect(() => buildTransferContext({ ...snapshot, activities: [] }, "tr-a")).toThrow(/activity act-1 not found/);
  });
});

describe("evaluateRegister with a processor scope", () => {
  it("evaluates only the subjects of the processors in scope, reading the others as context", () => {
    const findings = evaluateRegister(register(), { processorIds: new Set(["proc-sub"]) });
    expect(findings.map((f) => `${f.ruleId}@${f.subjectId}`).sort()).toEqual([
      "processor.no-owner@proc-sub",
      "processor.onward-uncovered@proc-sub",
      "transfer.no-contract@tr-c",
    ]);
  });

  it("an empty scope evaluates nothing", () => {
    expect(evaluateRegister(register(), { processorIds: [] })).toEqual([]);
  });
});
