import { describe, expect, it } from "vitest";
import { addDays, addMonths, assertIsoDate, compareIsoDates, daysBetween, isIsoDate, toIsoDate } from "./iso-date";

describe("iso-date", () => {
  it("validates calendar dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-01")).toBe(false);
    expect(isIsoDate("2026-11-15T00:00:00Z")).toBe(false);
    expect(() => assertIsoDate("15/11/2026", "today")).toThrow(/today must be an ISO date/);
  });

  it("adds days across month, year and DST boundaries", () => {
    expect(addDays("2026-11-15", 60)).toBe("2027-01-14");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("adds months, clamping to the end of the month", () => {
    expect(addMonths("2026-11-15", -12)).toBe("2025-11-15");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2024-02-29", -12)).toBe("2023-02-28");
    expect(addMonths("2026-12-31", 2)).toBe("2027-02-28");
  });

  it("compares and measures", () => {
    expect(compareIsoDates("2026-11-14", "2026-11-15")).toBeLessThan(0);
    expect(daysBetween("2026-11-15", "2027-01-14")).toBe(60);
    expect(() => compareIsoDates("2026-11-15", "nope")).toThrow(RangeError);
  });

  it("takes the UTC date of a Date or timestamp", () => {
    expect(toIsoDate(new Date(Date.UTC(2026, 10, 15, 23, 59)))).toBe("2026-11-15");
    expect(toIsoDate("2026-11-15T23:30:00-02:00")).toBe("2026-11-16");
  });
});
