import { describe, expect, it } from "vitest";
import { countryName, formatDate, formatDateTime, formatDayMonth, formatNumber, listCountries } from "./index";

describe("one date format per locale", () => {
  it("writes a calendar date as '17 Mar 2026' in English and '17 mars 2026' in French", () => {
    expect(formatDate("2026-03-17")).toBe("17 Mar 2026");
    expect(formatDate("2026-03-17", "en")).toBe("17 Mar 2026");
    expect(formatDate("2026-03-17", "fr")).toBe("17 mars 2026");
  });

  it("spells September 'Sep' in English (not en-GB's 'Sept') and keeps French's abbreviation point", () => {
    expect(formatDate("2026-09-02", "en")).toBe("2 Sep 2026");
    expect(formatDate("2026-09-02", "fr")).toBe("2 sept. 2026");
  });

  it("reads a timestamp on its UTC day, whatever the machine's time zone", () => {
    expect(formatDate(new Date("2026-03-17T23:30:00Z"), "en")).toBe("17 Mar 2026");
    expect(formatDate("2026-03-17T00:10:00+02:00", "fr")).toBe("16 mars 2026");
    expect(formatDateTime("2026-03-17T14:05:09Z", "en")).toBe("17 Mar 2026 14:05 UTC");
    expect(formatDateTime("2026-03-17T14:05:09Z", "fr")).toBe("17 mars 2026 14:05 UTC");
    expect(formatDayMonth("2026-03-17", "fr")).toBe("17 mars");
  });

  it("returns text that is not a date as it is, never half-formatted", () => {
    expect(formatDate("not recorded", "en")).toBe("not recorded");
    expect(formatDate("2026-13-45", "fr")).toBe("2026-13-45");
  });
});

describe("one number format per locale", () => {
  it("groups thousands with a comma in English and a no-break space in French", () => {
    expect(formatNumber(12345)).toBe("12,345");
    expect(formatNumber(12345, "fr")).toBe("12\u00a0345");
    // The narrow no-break space of some ICU versions would be missing from PDF fonts: never emitted.
    expect(formatNumber(1234567.5, "fr")).not.toMatch(/\u202f/);
    expect(formatNumber(999, "fr")).toBe("999");
  });
});

describe("country names", () => {
  it("names a country in the reader's language through i18n-iso-countries", () => {
    expect(countryName("CN", "fr")).toBe("Chine");
    expect(countryName("DE", "fr")).toBe("Allemagne");
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("gb", "fr")).toBe("Royaume-Uni");
  });

  it("shows an unknown code as it is", () => {
    expect(countryName("ZZ", "fr")).toBe("ZZ");
  });

  it("sorts the French list in French collation", () => {
    const names = listCountries("fr").map((country) => country.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "fr")));
    // "Égypte" sorts among the E, not after "Zimbabwe".
    expect(names.indexOf("Égypte")).toBeLessThan(names.indexOf("Espagne"));
    expect(listCountries("en")[0]!.name).toBe("Afghanistan");
  });
});
