import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustedProxies, resolveClientAddress, UNKNOWN_ADDRESS } from "./request";

const NONE = parseTrustedProxies(undefined);
const PROXIES = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, fd00::/8");

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["2001:db8::1", "2001:db8::1"],
  ])("spells %j as %j", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe("parseTrustedProxies (TRUSTED_PROXIES)", () => {
  it("trusts nobody by default", () => {
    expect(resolveClientAddress({ peer: "10.0.0.1", forwardedFor: "203.0.113.7", trusted: parseTrustedProxies("") })).toBe("10.0.0.1");
  });

  it.each(["10.0.0.0/33", "proxy.internal", "10.0.0.1/8/1", "fd00::/129", "10.0.0.0/x"])("refuses %j, naming it", (entry) => {
    expect(() => parseTrustedProxies(`127.0.0.1, ${entry}`)).toThrow(entry);
  });
});

describe("resolveClientAddress: X-Forwarded-For only from trusted proxies (issue 14)", () => {
  it("without trusted proxies, the socket peer is the client whatever X-Forwarded-For claims", () => {
    for (const claimed of ["198.51.100.1", "198.51.100.2, 198.51.100.3", "garbage", null]) {
      expect(resolveClientAddress({ peer: "203.0.113.7", forwardedFor: claimed, trusted: NONE })).toBe("203.0.113.7");
    }
  });

  it("an unknown peer (not stamped by this process) is never replaced by a claimed address", () => {
    expect(resolveClientAddress({ peer: null, forwardedFor: "198.51.100.1", trusted: PROXIES })).toBe(UNKNOWN_ADDRESS);
  });

  it("behind trusted proxies, reads X-Forwarded-For from the right and stops at the first untrusted hop", () => {
    // client claims 198.51.100.66; the edge proxy 10.0.0.2 saw 203.0.113.7; the inner proxy 10.0.0.1 saw 10.0.0.2.
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "198.51.100.66, 203.0.113.7, 10.0.0.2", trusted: PROXIES })).toBe("203.0.113.7");
    expect(resolveClientAddress({ peer: "::ffff:10.0.0.1", forwardedFor: "203.0.113.7", trusted: PROXIES })).toBe("203.0.113.7");
    expect(resolveClientAddress({ peer: "fd00::5", forwardedFor: "[2001:db8::9]:1234", trusted: PROXIES })).toBe("2001:db8::9");
  });

  it("a peer that is not a trusted proxy is the client even when it forwards", () => {
    expect(resolveClientAddress({ peer: "192.0.2.10", forwardedFor: "203.0.113.7", trusted: PROXIES })).toBe("192.0.2.10");
  });

  it("when every hop is a trusted proxy, the leftmost is the client", () => {
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "10.0.0.3, 10.0.0.2", trusted: PROXIES })).toBe("10.0.0.3");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: null, trusted: PROXIES })).toBe("127.0.0.1");
  });
});
