import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { categoryChoices, sensitivityText } from "@/components/forms/category-choices";
import en from "@/lib/i18n/messages/en/forms.json";
import fr from "@/lib/i18n/messages/fr/forms.json";
import { sensitivityReasons } from "@/lib/registration/queries";

/*
 * Issue 16: a form's data categories say why each is sensitive in the reader's language, worded from the codes
 * the registration queries return (sensitivityReasons: { regime, dojCategory? }), never from English text.
 */

const translators = {
  en: createTranslator({ locale: "en", messages: en }) as unknown as (key: string, values?: Record<string, string>) => string,
  fr: createTranslator({ locale: "fr", messages: fr }) as unknown as (key: string, values?: Record<string, string>) => string,
};

const FACE = { key: "user.biometric.face", name: "Face geometry", gdprSpecial: true, ccpaSensitive: true, piplSensitive: true, dojCategory: "biometric", dojIdentifierKind: null } as const;
const DEVICE_ID = { key: "user.device.device_id", name: "Device ID", gdprSpecial: false, ccpaSensitive: false, piplSensitive: false, dojCategory: "covered_identifier", dojIdentifierKind: "device" } as const;
const EMAIL = { key: "user.contact.email", name: "Email address", gdprSpecial: false, ccpaSensitive: false, piplSensitive: false, dojCategory: "none", dojIdentifierKind: null } as const;

describe("the sensitivity of a form's categories", () => {
  it("words each regime's reason in the reader's language, a DOJ category by its label", () => {
    expect(sensitivityText(sensitivityReasons(FACE), translators.en, "en")).toEqual([
      "GDPR Art. 9 special category",
      "CCPA sensitive personal information",
      "PIPL Art. 28 sensitive personal information",
      "US DOJ biometric identifier (28 CFR 202.249)",
    ]);
    const french = sensitivityText(sensitivityReasons(FACE), translators.fr, "fr");
    expect(french[0]).toBe("Catégorie particulière de données (RGPD, art. 9)");
    expect(french[3]).toMatch(/^DOJ américain\s?: identifiant biométrique \(28 CFR 202\.249\)$/);
    expect(sensitivityText(sensitivityReasons(DEVICE_ID), translators.fr, "fr")).toEqual([fr.sensitivity.dojIdentifier]);
  });

  it("offers each category under its name in the reader's language, marked sensitive only when it is", () => {
    const offered = [FACE, EMAIL].map((category) => ({ key: category.key, label: category.name, sensitivity: sensitivityReasons(category) }));
    const [face, email] = categoryChoices(offered, [FACE, EMAIL], translators.fr, "fr");
    expect(face!.label).not.toBe("Face geometry");
    expect(face!.sensitive?.split("; ")).toHaveLength(4);
    expect(face!.sensitive).not.toMatch(/special category|biometric identifier/);
    expect(email).toMatchObject({ key: "user.contact.email", sensitive: undefined });
    // A key the taxonomy rows do not hold keeps the offered name.
    expect(categoryChoices([{ key: "custom.thing", label: "Custom thing", sensitivity: [{ regime: "gdpr" }] }], [], translators.en, "en")).toEqual([
      { key: "custom.thing", label: "Custom thing", sensitive: "GDPR Art. 9 special category" },
    ]);
  });
});
