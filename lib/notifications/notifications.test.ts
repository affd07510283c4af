import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptAfterFailure } from "./delivery-schedule";
import { expiryThreshold } from "./expiry-thresholds";
import { defaultPreferences, effectivePreferences, wantsEmail } from "./preferences";
import { signWebhook, verifyWebhookSignature } from "./signature";

describe("webhook signature", () => {
  const now = new Date("2026-12-04T10:00:00Z");
  const timestamp = Math.floor(now.getTime() / 1000);
  const body = '{"event":"critical_flag"}';

  it("is the hex HMAC-SHA256 of '<timestamp>.<body>' with the secret", () => {
    expect(signWebhook({ secret: "s3cret", timestamp: 1733306400, body })).toBe(
      "sha256=" + crypto.createHmac("sha256", "s3cret").update('1733306400.{"event":"critical_flag"}').digest("hex"),
    );
  });

  it("verifies the right secret and body within five minutes, and nothing else", () => {
    const signature = signWebhook({ secret: "s3cret", timestamp, body });
    expect(verifyWebhookSignature({ secret: "s3cret", timestamp, body, signature, now })).toBe(true);
    expect(verifyWebhookSignature({ secret: "other", timestamp, body, signature, now })).toBe(false);
    expect(verifyWebhookSignature({ secret: "s3cret", timestamp, body: body + " ", signature, now })).toBe(false);
    expect(verifyWebhookSignature({ secret: "s3cret", timestamp, body, signature, now: new Date(now.getTime() + 301_000) })).toBe(false);
    expect(verifyWebhookSignature({ secret: "s3cret", timestamp: "x", body, signature, now })).toBe(false);
  });
});

describe("retries", () => {
  it("waits 1 min, 5 min, 30 min, 2 h and 6 h, then gives up", () => {
    const now = new Date("2026-12-04T10:00:00Z");
    const delays = [1, 2, 3, 4, 5].map((attempt) => (nextAttemptAfterFailure(attempt, now)!.getTime() - now.getTime()) / 60_000);
    expect(delays).toEqual([1, 5, 30, 120, 360]);
    expect(nextAttemptAfterFailure(MAX_ATTEMPTS, now)).toBeNull();
  });
});

describe("agreement expiry thresholds", () => {
  it("takes the narrowest of 60, 30 and 7 days", () => {
    expect([61, 60, 31, 30, 8, 7, 0, -1].map(expiryThreshold)).toEqual([null, 60, 60, 30, 30, 7, 7, null]);
  });
});

describe("who wants an e-mail", () => {
  it("the DPO's defaults cover the triage notices; everyone's cover a flag assigned to them", () => {
    const dpo = defaultPreferences("dpo");
    const engineer = defaultPreferences("engineer");
    expect(wantsEmail(dpo, { event: "critical_flag", recipientUserId: null }, "u1")).toBe(true);
    expect(wantsEmail(engineer, { event: "critical_flag", recipientUserId: null }, "u2")).toBe(false);
    expect(wantsEmail(engineer, { event: "flag_assigned", recipientUserId: "u2" }, "u2")).toBe(true);
    // Addressed to someone else: never.
    expect(wantsEmail(dpo, { event: "flag_assigned", recipientUserId: "u2" }, "u1")).toBe(false);
  });

  it("a saved choice replaces the defaults; e-mail off silences everything", () => {
    const chosen = effectivePreferences("engineer", { emailEnabled: true, dailyDigest: true, events: ["flag_overdue"] });
    expect(wantsEmail(chosen, { event: "flag_overdue", recipientUserId: null }, "u2")).toBe(true);
    expect(wantsEmail(chosen, { event: "daily_digest", recipientUserId: "u2" }, "u2")).toBe(true);
    const off = effectivePreferences("dpo", { emailEnabled: false, dailyDigest: true, events: ["critical_flag"] });
    expect(wantsEmail(off, { event: "critical_flag", recipientUserId: null }, "u1")).toBe(false);
  });
});
