import { describe, expect, it } from "vitest";
import { dpfLapsed, noOwner, onwardUncovered } from "./processor-rules";
import { makeAgreement, makeProcessor, makeProcessorContext } from "./test-factories";

describe("processor.dpf-lapsed", () => {
  it("fires when the certification lapsed yesterday while transfers rely on the DPF", () => {
    const finding = dpfLapsed.evaluate(makeProcessorContext({ processor: { dpfExpiry: "2026-11-14" } }));
    expect(finding).toMatchObject({ ruleId: "processor.dpf-lapsed", severity: "high", subjectType: "processor" });
    expect(finding?.message).toBe("Acme Cloud's DPF certification lapsed on 2026-11-14 while transfers rely on the DPF");
  });

  it("does not fire when the certification expires today", () => {
    expect(dpfLapsed.evaluate(makeProcessorContext({ processor: { dpfExpiry: "2026-11-15" } }))).toBeNull();
  });

  it("fires when the recipient is not certified at all", () => {
    const finding = dpfLapsed.evaluate(makeProcessorContext({ processor: { dpfCertified: false, dpfExpiry: null } }));
    expect(finding?.message).toBe("Acme Cloud is not DPF-certified but transfers rely on the DPF");
  });

  it("does not fire when no transfer relies on the DPF, or when certified with no recorded date", () => {
    expect(
      dpfLapsed.evaluate(makeProcessorContext({ processor: { dpfExpiry: "2026-01-01" }, transfersRelyOnDpf: false })),
    ).toBeNull();
    expect(dpfLapsed.evaluate(makeProcessorContext({ processor: { dpfExpiry: null } }))).toBeNull();
  });
});

describe("processor.dpf-lapsed for UK data (UK Extension)", () => {
  it("fires when UK subjects' data relies on a certification without the UK Extension", () => {
    const finding = dpfLapsed.evaluate(
      makeProcessorContext({ processor: { dpfUkExtension: false }, ukTransfersRelyOnDpf: true }),
    );
    expect(finding).toMatchObject({ severity: "high", facts: { dpfUkExtension: false, ukTransfersRelyOnDpf: true } });
    expect(finding?.message).toBe(
      "Transfers of UK subjects' data rely on Acme Cloud's DPF certification, which does not include the UK Extension",
    );
  });

  it("does not fire when only EU subjects' data relies on it, or when the certification has the UK Extension", () => {
    expect(dpfLapsed.evaluate(makeProcessorContext({ processor: { dpfUkExtension: false }, ukTransfersRelyOnDpf: false }))).toBeNull();
    expect(dpfLapsed.evaluate(makeProcessorContext({ processor: { dpfUkExtension: true }, ukTransfersRelyOnDpf: true }))).toBeNull();
  });

  it("names the lapse, not the extension, when the certification itself lapsed", () => {
    const finding = dpfLapsed.evaluate(
      makeProcessorContext({ processor: { dpfUkExtension: false, dpfExpiry: "2026-11-14" }, ukTransfersRelyOnDpf: true }),
    );
    expect(finding?.message).toBe("Acme Cloud's DPF certification lapsed on 2026-11-14 while transfers rely on the DPF");
  });
});

describe("processor.onward-uncovered", () => {
  const parentProcessor = makeProcessor({ id: "proc-parent", name: "Parent Co" });
  const sub = { id: "proc-sub", name: "Push Sub", role: "sub_processor", parentProcessorId: "proc-parent" } as const;

  it("fires for a sub-processor without flow-down in the parent's agreement", () => {
    const finding = onwardUncovered.evaluate(
      makeProcessorContext({
        processor: sub,
        parent: { processor: parentProcessor, agreements: [makeAgreement({ processorId: "proc-parent", flowDown: false })] },
      }),
    );
    expect(finding).toMatchObject({ severity: "medium" });
    expect(finding?.message).toBe(
      "Sub-processor Push Sub receives data but Parent Co's agreement does not permit sub-processing with flow-down",
    );
  });

  it("does not fire when the parent's active agreement permits sub-processing with flow-down", () => {
    const ctx = makeProcessorContext({
      processor: sub,
      parent: { processor: parentProcessor, agreements: [makeAgreement({ processorId: "proc-parent" })] },
    });
    expect(onwardUncovered.evaluate(ctx)).toBeNull();
  });

  it("fires when the parent's flow-down agreement has expired or the parent is unknown", () => {
    const expired = makeProcessorContext({
      processor: sub,
      parent: {
        processor: parentProcessor,
        agreements: [makeAgreement({ processorId: "proc-parent", expiryDate: "2026-01-01" })],
      },
    });
    expect(onwardUncovered.evaluate(expired)?.message).toContain("Parent Co has no active processing agreement");
    expect(onwardUncovered.evaluate(makeProcessorContext({ processor: sub, parent: null }))?.message).toContain(
      "not in the register",
    );
  });

  it("does not fire for a top-level processor or a sub-processor that receives no data", () => {
    expect(onwardUncovered.evaluate(makeProcessorContext())).toBeNull();
    expect(onwardUncovered.evaluate(makeProcessorContext({ processor: sub, hasActiveTransfers: false }))).toBeNull();
  });
});

describe("processor.no-owner", () => {
  it("fires low when no internal owner is set", () => {
    expect(noOwner.evaluate(makeProcessorContext({ processor: { ownerUserId: null } }))?.severity).toBe("low");
  });

  it("does not fire with an owner, or for an offboarded vendor", () => {
    expect(noOwner.evaluate(makeProcessorContext())).toBeNull();
    expect(noOwner.evaluate(makeProcessorContext({ processor: { ownerUserId: null, status: "offboarded" } }))).toBeNull();
  });
});
