import { describe, expect, it } from "vitest";
import { basisOf, materialChanges, reviewReasonOf, volumeBand } from "./basis";

const transfer = { destinationCountry: "CN", accessType: "storage", estimatedSubjects: 5_000, mechanism: "scc", dataCategories: ["user.contact.email", "user.biometric.face"] };

describe("volume bands", () => {
  it("puts each bound in the band it opens (the DOJ and PIPL thresholds)", () => {
    expect(volumeBand(0)).toBe("under_1000");
    expect(volumeBand(999)).toBe("under_1000");
    expect(volumeBand(1_000)).toBe("1000_to_99999");
    expect(volumeBand(99_999)).toBe("1000_to_99999");
    expect(volumeBand(100_000)).toBe("100000_to_999999");
    expect(volumeBand(999_999)).toBe("100000_to_999999");
    expect(volumeBand(1_000_000)).toBe("1000000_or_more");
  });
});

describe("material change detection", () => {
  it("sees no change in a recount within the band nor in the categories' order", () => {
    const assessed = basisOf(transfer);
    expect(materialChanges(assessed, basisOf({ ...transfer, estimatedSubjects: 90_000, dataCategories: ["user.biometric.face", "user.contact.email"] }))).toEqual([]);
    expect(reviewReasonOf([])).toBeNull();
  });

  it("names each material change in words: destination, categories, access type, volume band, mechanism", () => {
    const assessed = basisOf(transfer);
    const now = basisOf({
      destinationCountry: "HK",
      accessType: "remote_access",
      estimatedSubjects: 1_200_000,
      mechanism: "none",
      dataCategories: ["user.contact.email", "user.location.precise"],
    });
    const changes = materialChanges(assessed, now);
    expect(changes).toEqual([
      "destination changed from People's Republic of China to Hong Kong",
      "data categories added: Precise location",
      "data categories removed: Facial recognition data",
      "access type changed from Storage to Remote access",
      "volume changed from 1,000 to 99,999 to 1,000,000 or more people per year",
      "mechanism changed from SCCs to None",
    ]);
    expect(reviewReasonOf(changes)).toMatch(/^Material change since the completed TIA: destination changed .*; mechanism changed .*\.$/);
  });
});
