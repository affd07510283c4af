import { describe, expect, it } from "vitest";
import { countryName, isValidCountryCode, listCountries, normalizeCountryCode } from "./countries";

describe("countries", () => {
  it("lists every ISO 3166-1 alpha-2 country from the package, sorted by English name", () => {
    const list = listCountries();
    expect(list.length).toBeGreaterThanOrEqual(249);
    expect(new Set(list.map((c) => c.code)).size).toBe(list.length);
    const names = list.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    expect(list[0]?.name).toBe("Afghanistan");
  });

  it("validates stored codes strictly", () => {
    expect(isValidCountryCode("CN")).toBe(true);
    expect(isValidCountryCode("HK")).toBe(true);
    expect(isValidCountryCode("cn")).toBe(false);
    expect(isValidCountryCode("ZZ")).toBe(false);
    expect(isValidCountryCode("CHN")).toBe(false);
    expect(isValidCountryCode(normalizeCountryCode(" fr "))).toBe(true);
  });

  it("names countries in English", () => {
    expect(countryName("HK")).toBe("Hong Kong");
    expect(countryName("de")).toBe("Germany");
    expect(countryName("ZZ")).toBeUndefined();
  });
});
