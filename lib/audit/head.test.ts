import { describe, expect, it } from "vitest";
import { auditHeadPayload, headTime, isAuditHeadSignatureValid, signAuditHead, type AuditHead } from "./head";
import { macAuditHash, sameMac } from "./hash";

const KEY = Buffer.from("k".repeat(40));
const HEAD: AuditHead = { lastEventId: 1043, eventCount: 1043, headHash: "a".repeat(64), signedAt: "2026-12-03T10:00:12.345Z" };

describe("signed audit heads", () => {
  it("verify with the key that signed them", () => {
    expect(isAuditHeadSignatureValid(KEY, signAuditHead(KEY, HEAD))).toBe(true);
  });

  it.each([
    ["a lower count", { eventCount: 1040 }],
    ["an earlier last event", { lastEventId: 1040 }],
    ["another hash", { headHash: "b".repeat(64) }],
    ["another time", { signedAt: "2026-12-03T10:00:13.345Z" }],
  ])("do not verify with %s than was signed", (_what, change) => {
    expect(isAuditHeadSignatureValid(KEY, { ...signAuditHead(KEY, HEAD), ...change })).toBe(false);
  });

  it("do not verify with another key", () => {
    expect(isAuditHeadSignatureValid(Buffer.from("o".repeat(40)), signAuditHead(KEY, HEAD))).toBe(false);
  });

  it("sign a versioned text that no event MAC can equal", () => {
    expect(auditHeadPayload(HEAD)).toBe('audit-head:v1:{"eventCount":1043,"headHash":"' + "a".repeat(64) + '","lastEventId":1043,"signedAt":"2026-12-03T10:00:12.345Z"}');
    expect(headTime(HEAD)).toBe("2026-12-03T10:00:12Z");
  });
});

describe("event MACs", () => {
  it("are HMAC-SHA-256 of the hash, and compare equal only to themselves", () => {
    const mac = macAuditHash(KEY, "c".repeat(64));
    expect(mac).toMatch(/^[0-9a-f]{64}$/);
    expect(sameMac(mac, macAuditHash(KEY, "c".repeat(64)))).toBe(true);
    expect(sameMac(mac, macAuditHash(KEY, "d".repeat(64)))).toBe(false);
    expect(sameMac(mac, mac.slice(1))).toBe(false);
  });
});
