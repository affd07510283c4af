import { describe, expect, it } from "vitest";
import { acquireExportSlot, exportConcurrency, runningExports } from "./concurrency";

describe("export concurrency", () => {
  it("reads EXPORT_CONCURRENCY, 2 by default, and refuses a value that is not a positive whole number", () => {
    expect(exportConcurrency({})).toBe(2);
    expect(exportConcurrency({ EXPORT_CONCURRENCY: "4" })).toBe(4);
    for (const value of ["0", "-1", "1.5", "many"]) expect(() => exportConcurrency({ EXPORT_CONCURRENCY: value })).toThrow(/EXPORT_CONCURRENCY must be a positive whole number/);
  });

  it("refuses beyond the limit with rate_limited and Retry-After, and frees a slot once, however often released", () => {
    const first = acquireExportSlot(1);
    expect(runningExports()).toBe(1);
    expect(() => acquireExportSlot(1)).toThrow(expect.objectContaining({ code: "rate_limited", status: 429, details: { retryAfterSeconds: 5, limit: 1 } }));
    first();
    first();
    expect(runningExports()).toBe(0);
    const second = acquireExportSlot(1);
    second();
  });
});
