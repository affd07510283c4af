import { describe, expect, it } from "vitest";
import { agreementExpired, agreementExpiringSoon } from "./agreement-rules";
import { makeAgreementContext } from "./test-factories";

describe("agreement.expired", () => {
  it("fires when the expiry date has passed and the agreement still covers an active transfer", () => {
    const finding = agreementExpired.evaluate(makeAgreementContext({ agreement: { expiryDate: "2026-11-14" } }));
    expect(finding).toMatchObject({ severity: "high", subjectType: "agreement", subjectId: "agr-1" });
    expect(finding?.message).toBe("DPA with Acme Cloud expired on 2026-11-14 (1 day ago) but still covers an active transfer");
  });

  it("does not fire for an agreement expiring today", () => {
    expect(agreementExpired.evaluate(makeAgreementContext({ agreement: { expiryDate: "2026-11-15" } }))).toBeNull();
  });

  it("does not fire once it covers no active transfer", () => {
    expect(
      agreementExpired.evaluate(makeAgreementContext({ agreement: { expiryDate: "2026-01-01" }, coversActiveTransfer: false })),
    ).toBeNull();
  });
});

describe("agreement.expiring-soon", () => {
  it("fires for an agreement expiring today (not expired)", () => {
    const finding = agreementExpiringSoon.evaluate(makeAgreementContext({ agreement: { expiryDate: "2026-11-15" } }));
    expect(finding).toMatchObject({ severity: "low", facts: { daysUntilExpiry: 0 } });
    expect(finding?.message).toBe("DPA with Acme Cloud expires on 2026-11-15 (today)");
  });

  it("fires 60 days ahead, not 61", () => {
    expect(agreementExpiringSoon.evaluate(makeAgreementContext({ agreement: { expiryDate: "2027-01-14" } }))).not.toBeNull();
    expect(agreementExpiringSoon.evaluate(makeAgreementContext({ agreement: { expiryDate: "2027-01-15" } }))).toBeNull();
  });

  it("does not fire for an expired or open-ended agreement", () => {
    expect(agreementExpiringSoon.evaluate(makeAgreementContext({ agreement: { expiryDate: "2026-11-14" } }))).toBeNull();
    expect(agreementExpiringSoon.evaluate(makeAgreementContext())).toBeNull();
  });
});
