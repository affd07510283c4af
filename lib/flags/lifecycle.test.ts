import { describe, expect, it } from "vitest";
import type { Finding } from "@/lib/rules/types";
import { englishOnlyFingerprint, factsWorsened, findingFingerprint, legacyFingerprint, planFlagChanges, type StoredFlag } from "./lifecycle";

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  ruleId: "transfer.no-encryption-in-transit",
  subjectType: "transfer",
  subjectId: "t1",
  severity: "high",
  message: "Data sent without encryption in transit",
  messageFr: "Données envoyées sans chiffrement en transit",
  facts: { sensitiveCategories: [] },
  citation: "GDPR 32(1)(a)",
  remediation: "Use TLS 1.2 or later",
  ...overrides,
});

const stored = (overrides: Partial<StoredFlag> = {}, from: Finding = finding()): StoredFlag => ({
  id: "f1",
  ruleId: from.ruleId,
  subjectType: from.subjectType,
  subjectId: from.subjectId,
  fingerprint: findingFingerprint(from),
  status: "open",
  acceptedUntil: null,
  acceptedSeverity: null,
  acceptedFacts: null,
  ...overrides,
});

const TODAY = "2026-11-24";

describe("planFlagChanges", () => {
  it("inserts a new finding", () => {
    expect(planFlagChanges({ stored: [], findings: [finding()], today: TODAY }).insert).toHaveLength(1);
  });

  it("leaves an unchanged open flag alone", () => {
    const plan = planFlagChanges({ stored: [stored()], findings: [finding()], today: TODAY });
    expect(plan).toEqual({ insert: [], refresh: [], reopen: [], resolve: [], refingerprint: [] });
  });

  it("rewrites only the fingerprint (and the French wording) of an unchanged flag stored with the legacy hash, and refreshes a changed one", () => {
    const unchanged = planFlagChanges({ stored: [stored({ fingerprint: legacyFingerprint(finding()) })], findings: [finding()], today: TODAY });
    expect(unchanged).toEqual({
      insert: [],
      refresh: [],
      reopen: [],
      resolve: [],
      refingerprint: [{ id: "f1", fingerprint: findingFingerprint(finding()), messageFr: finding().messageFr }],
    });
    const changed = finding({ message: "Still sent without encryption in transit" });
    const plan = planFlagChanges({ stored: [stored({ fingerprint: legacyFingerprint(finding()) })], findings: [changed], today: TODAY });
    expect(plan.refresh).toEqual([{ id: "f1", finding: changed }]);
    expect(plan.refingerprint).toEqual([]);
  });

  it("gives a flag stored before findings were worded in French its French wording without a new version", () => {
    const plan = planFlagChanges({ stored: [stored({ fingerprint: englishOnlyFingerprint(finding()) })], findings: [finding()], today: TODAY });
    expect(plan.refresh).toEqual([]);
    expect(plan.refingerprint).toEqual([{ id: "f1", fingerprint: findingFingerprint(finding()), messageFr: "Données envoyées sans chiffrement en transit" }]);
    // The French wording is part of the fingerprint: a finding worded anew in French is a change.
    expect(findingFingerprint(finding({ messageFr: "Autre formulation" }))).not.toBe(findingFingerprint(finding()));
  });

  it("plans one insert for a finding reported twice, and matches a flag by rule and subject type as well as subject", () => {
    const other = finding({ ruleId: "transfer.tia-missing" });
    const plan = planFlagChanges({ stored: [stored()], findings: [finding(), other, other, finding()], today: TODAY });
    expect(plan.insert).toEqual([other]);
    expect(plan.refresh).toEqual([]);
  });

  it("refreshes a flag whose facts changed", () => {
    const before = finding({ facts: { a: 1, b: 2 } });
    expect(planFlagChanges({ stored: [stored({}, before)], findings: [finding({ facts: { a: 1, b: 2 } })], today: TODAY }).refresh).toHaveLength(0);
    const changed = finding({ facts: { a: 1, b: 3 } });
    expect(planFlagChanges({ stored: [stored({}, before)], findings: [changed], today: TODAY }).refresh).toHaveLength(1);
  });

  it("resolves an open or accepted flag whose cause is gone, and keeps resolved ones as they are", () => {
    const plan = planFlagChanges({
      stored: [stored({ id: "open" }), stored({ id: "accepted", subjectId: "t2", status: "accepted" }), stored({ id: "done", subjectId: "t3", status: "resolved" })],
      findings: [],
      today: TODAY,
    });
    expect(plan.resolve.sort()).toEqual(["accepted", "open"]);
  });

  it("reopens a resolved flag when the cause returns: never a duplicate row", () => {
    const plan = planFlagChanges({ stored: [stored({ status: "resolved" })], findings: [finding()], today: TODAY });
    expect(plan.insert).toHaveLength(0);
    expect(plan.reopen).toEqual([expect.objectContaining({ id: "f1", reason: "cause-returned" })]);
  });

  it("keeps an accepted flag accepted up to and including its end date, and reopens it the day after", () => {
    const accepted = stored({ status: "accepted", acceptedUntil: TODAY, acceptedSeverity: "high", acceptedFacts: { sensitiveCategories: [] } });
    expect(planFlagChanges({ stored: [accepted], findings: [finding()], today: TODAY }).reopen).toHaveLength(0);
    expect(planFlagChanges({ stored: [accepted], findings: [finding()], today: "2026-11-25" }).reopen).toEqual([
      expect.objectContaining({ reason: "acceptance-ended" }),
    ]);
  });

  it("reopens an accepted flag when its facts get worse", () => {
    const accepted = stored({ status: "accepted", acceptedUntil: "2027-01-01", acceptedSeverity: "high", acceptedFacts: { sensitiveCategories: [] } });
    const worse = finding({ severity: "critical", facts: { sensitiveCategories: ["user.location.precise"] } });
    expect(planFlagChanges({ stored: [accepted], findings: [worse], today: TODAY }).reopen).toEqual([
      expect.objectContaining({ reason: "facts-worse" }),
    ]);
  });
});

describe("factsWorsened", () => {
  it("is true for a higher severity, a new category or destination, or a larger count", () => {
    expect(factsWorsened({ severity: "medium", facts: {} }, { severity: "high", facts: {} })).toBe(true);
    expect(factsWorsened({ severity: "high", facts: { categories: ["a"] } }, { severity: "high", facts: { categories: ["a", "b"] } })).toBe(true);
    expect(factsWorsened({ severity: "high", facts: { destinations: ["CN"] } }, { severity: "high", facts: { destinations: ["CN", "HK"] } })).toBe(true);
    expect(factsWorsened({ severity: "high", facts: { count: 1200 } }, { severity: "high", facts: { count: 1500 } })).toBe(true);
  });

  it("is false for the same or better facts, and for facts that only age", () => {
    expect(factsWorsened({ severity: "high", facts: { categories: ["a", "b"], count: 1500 } }, { severity: "high", facts: { categories: ["a"], count: 1200 } })).toBe(false);
    expect(factsWorsened({ severity: "high", facts: { tiaAgeDays: 400 } }, { severity: "high", facts: { tiaAgeDays: 420 } })).toBe(false);
    expect(factsWorsened({ severity: "critical", facts: {} }, { severity: "high", facts: {} })).toBe(false);
  });
});
