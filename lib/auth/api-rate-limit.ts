import { AppError } from "@/lib/errors";

/*
 * A rate limit per API token (issue 14): a leaked or runaway token must not be able to keep the server busy.
 * A token bucket per token: API_RATE_LIMIT requests a minute on average (default 600, ten a second, far
 * above what a script that reads the register needs), with bursts up to the same number. Over it, the
 * request is answered 429 with Retry-After, before any work is done.
 *
 * Kept in this process's memory, so with N instances behind a load balancer a token gets up to N times the
 * limit: acceptable for a limit meant against runaway clients, and it costs no database write per API call.
 * (The sign-in limit, which guards passwords, is in the database and shared: lib/auth/rate-limit.ts.) Only
 * tokens that exist get a bucket, so the map stays as small as the token table.
 */

export const DEFAULT_API_RATE_LIMIT = 600;
const WINDOW_SECONDS = 60;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Requests per minute for one API token: API_RATE_LIMIT, a positive whole number, or the default. */
export function apiRateLimitPerMinute(env: Record<string, string | undefined> = process.env): number {
  const raw = env.API_RATE_LIMIT?.trim();
  if (!raw) return DEFAULT_API_RATE_LIMIT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`API_RATE_LIMIT must be a positive whole number of requests per minute, not "${raw}"`);
  return value;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /**
   * Takes one request from `key`'s bucket at `now` (ms). Returns 0 when allowed, else the seconds until the
   * bucket holds a request again.
   */
  take(key: string, perMinute: number, now: number = Date.now()): number {
    const refillPerMs = perMinute / (WINDOW_SECONDS * 1000);
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, updatedAt: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
  }

  /** Forgets every bucket (tests). */
  clear(): void {
    this.buckets.clear();
  }
}

// On globalThis, so that every route bundle of the process shares the same buckets.
const LIMITER_KEY = Symbol.for("transfer-governance.api-rate-limit");
const shared = globalThis as unknown as Record<symbol, TokenBucketLimiter | undefined>;
export const apiTokenLimiter: TokenBucketLimiter = (shared[LIMITER_KEY] ??= new TokenBucketLimiter());

/** Throws 429 (with Retry-After) when the API token `tokenId` has used up its rate. */
export function assertApiTokenRate(tokenId: string, now: number = Date.now()): void {
  const perMinute = apiRateLimitPerMinute();
  const retryAfterSeconds = apiTokenLimiter.take(tokenId, perMinute, now);
  if (retryAfterSeconds > 0) {
    throw new AppError("rate_limited", `This API token made more than ${perMinute} requests in a minute. Try again in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
      limitPerMinute: perMinute,
    });
  }
}
