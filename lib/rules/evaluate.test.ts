import { describe, expect, it } from "vitest";
import { RULE_CATALOG, getRule } from "./catalog";
import { evaluateAgreement, evaluateProcessor, evaluateTransfer } from "./evaluate";
import {
  CATEGORIES,
  makeAgreementContext,
  makeProcessorContext,
  makeTransferContext,
} from "./test-factories";
import { RULE_IDS } from "./types";

describe("catalog", () => {
  it("holds every rule of DOMAIN.md §4 exactly once, in order", () => {
    expect(RULE_CATALOG.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  it("gives every rule a title, citation where the law has one, and a remediation", () => {
    for (const rule of RULE_CATALOG) {
      expect(rule.title).not.toBe("");
      expect(rule.citation).not.toBe("");
      expect(rule.remediation).not.toBe("");
      expect(rule.id.startsWith(`${rule.subject}.`)).toBe(true);
    }
    expect(getRule("processor.no-owner").subject).toBe("processor");
  });
});

describe("evaluate", () => {
  it("the compliant defaults raise nothing", () => {
    expect(evaluateTransfer(makeTransferContext())).toEqual([]);
    expect(evaluateProcessor(makeProcessorContext())).toEqual([]);
    expect(evaluateAgreement(makeAgreementContext())).toEqual([]);
  });

  it("collects every finding of a transfer, each with citation and remediation", () => {
    const findings = evaluateTransfer(
      makeTransferContext({
        transfer: {
          destinationCountry: "CN",
          mechanism: "none",
          encryptionInTransit: "none",
          estimatedSubjects: 1_240,
        },
        processor: { country: "CN", dpfCertified: false, dpfExpiry: null },
        activity: { retentionPeriod: null },
        categories: [CATEGORIES.face],
        agreements: [],
      }),
    );
    expect(findings.map((f) => f.ruleId)).toEqual([
      "transfer.no-encryption-in-transit",
      "transfer.no-contract",
      "transfer.no-mechanism",
      "transfer.doj-bulk-restricted",
      "transfer.special-category-no-condition",
      "transfer.retention-missing",
    ]);
    for (const finding of findings) {
      expect(finding.citation).toBe(getRule(finding.ruleId).citation);
      expect(finding.remediation).not.toBe("");
    }
    expect(findings.find((f) => f.ruleId === "transfer.doj-bulk-restricted")?.message).toBe(
      "Biometric identifiers to CN: 1,240 people in 12 months > 1,000; CISA requirements not met",
    );
  });

  it("skips rejected and ended transfers", () => {
    const broken = { encryptionInTransit: "none" } as const;
    expect(evaluateTransfer(makeTransferContext({ transfer: { ...broken, status: "rejected" } }))).toEqual([]);
    expect(evaluateTransfer(makeTransferContext({ transfer: { ...broken, status: "ended" } }))).toEqual([]);
    expect(evaluateTransfer(makeTransferContext({ transfer: { ...broken, endDate: "2026-11-14" } }))).toEqual([]);
    expect(evaluateTransfer(makeTransferContext({ transfer: { ...broken, status: "draft" } }))).toHaveLength(1);
  });

  it("refuses a today that is not an ISO date", () => {
    expect(() => evaluateTransfer(makeTransferContext({ today: "2026-11-15T10:00:00Z" }))).toThrow(RangeError);
  });
});
