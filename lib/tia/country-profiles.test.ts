import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { isValidCountryCode } from "@/lib/jurisdictions/countries";
import { COUNTRY_PROFILES, countryProfile } from "./country-profiles";

describe("country profiles", () => {
  it("keeps China, Hong Kong and the United States, and no profile for other countries", () => {
    expect(Object.keys(COUNTRY_PROFILES).sort()).toEqual(["CN", "HK", "US"]);
    expect(countryProfile("cn ")?.country).toBe("CN");
    expect(countryProfile("JP")).toBeUndefined();
    expect(countryProfile(null)).toBeUndefined();
  });

  it("gives every text in English and French, every law a citation and an https source, and an as-of date", () => {
    for (const profile of Object.values(COUNTRY_PROFILES)) {
      expect(isValidCountryCode(profile.country)).toBe(true);
      expect(profile.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(profile.laws.length).toBeGreaterThanOrEqual(3);
      const texts = [profile.summary, ...profile.practice, ...profile.laws.flatMap((law) => [law.name, law.allows])];
      for (const text of texts) {
        for (const locale of LOCALES) expect(text[locale].trim().length, `${profile.country} ${locale}: ${text.en}`).toBeGreaterThan(10);
        // A French text that is the English one is untranslated (a name of a statute may stay as it is).
        if (text !== profile.laws.find((law) => law.name === text)?.name) expect(text.fr).not.toBe(text.en);
      }
      for (const law of profile.laws) {
        expect(law.citation.trim()).not.toBe("");
        expect(new URL(law.sourceUrl).protocol).toBe("https:");
      }
    }
  });

  it("cites the laws the brief names", () => {
    const citations = (code: string) => COUNTRY_PROFILES[code]!.laws.map((law) => `${law.name.en} ${law.citation}`).join(" | ");
    expect(citations("CN")).toMatch(/National Intelligence Law.*Art\. 7/);
    expect(citations("CN")).toMatch(/Data Security Law.*Art\. 36/);
    expect(citations("CN")).toMatch(/Counter-Espionage Law/);
    expect(citations("CN")).toMatch(/Personal Information Protection Law.*Art\. 38-41/);
    expect(citations("HK")).toMatch(/National Security.*Art\. 43/);
    expect(citations("HK")).toMatch(/Implementation Rules/);
    expect(citations("HK")).toMatch(/Safeguarding National Security Ordinance/);
    expect(citations("US")).toMatch(/section 702.*50 U\.S\.C\. 1881a/);
    expect(citations("US")).toMatch(/12333/);
    expect(citations("US")).toMatch(/14086/);
    expect(citations("US")).toMatch(/Data Protection Review Court/);
    expect(citations("US")).toMatch(/2023\/1795/);
  });
});
