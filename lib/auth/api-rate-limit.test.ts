import { describe, expect, it } from "vitest";
import { apiRateLimitPerMinute, DEFAULT_API_RATE_LIMIT, TokenBucketLimiter } from "./api-rate-limit";

describe("TokenBucketLimiter: the per-token API rate (issue 14)", () => {
  it("allows the rate, then answers how many seconds until the next request", () => {
    const limiter = new TokenBucketLimiter();
    const start = 1_000_000;
    expect([0, 1, 2].map((i) => limiter.take("token-a", 3, start + i))).toEqual([0, 0, 0]);
    // 3 a minute: one request back every 20 s.
    expect(limiter.take("token-a", 3, start + 3)).toBe(20);
    expect(limiter.take("token-a", 3, start + 10_000)).toBe(10);
    expect(limiter.take("token-a", 3, start + 20_003)).toBe(0);
    expect(limiter.take("token-a", 3, start + 20_004)).toBeGreaterThan(0);
  });

  it("keeps each token's bucket apart, and refills to the rate, not beyond", () => {
    const limiter = new TokenBucketLimiter();
    for (let i = 0; i < 3; i++) limiter.take("busy", 3, 0);
    expect(limiter.take("busy", 3, 1)).toBeGreaterThan(0);
    expect(limiter.take("quiet", 3, 1)).toBe(0);
    // An hour idle gives back 3 requests, not 180.
    const later = 3_600_000;
    expect([0, 1, 2].map((i) => limiter.take("busy", 3, later + i))).toEqual([0, 0, 0]);
    expect(limiter.take("busy", 3, later + 3)).toBeGreaterThan(0);
  });
});

describe("apiRateLimitPerMinute (API_RATE_LIMIT)", () => {
  it("defaults to a generous rate and reads a whole number", () => {
    expect(apiRateLimitPerMinute({})).toBe(DEFAULT_API_RATE_LIMIT);
    expect(apiRateLimitPerMinute({ API_RATE_LIMIT: " 120 " })).toBe(120);
  });

  it.each(["0", "-5", "1.5", "lots"])("refuses %j, naming it", (value) => {
    expect(() => apiRateLimitPerMinute({ API_RATE_LIMIT: value })).toThrow(value);
  });
});
