import type { DataCategory } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { enumLabel } from "@/lib/labels";
import type { SensitivityReason } from "@/lib/registration/queries";
import { categoryName } from "@/components/registers/category-name";
import type { CategoryOption } from "./category-multi-select";

/** A category as lib/registration/queries.ts listRegistrationChoices offers it: key, stored name, why it is sensitive (codes). */
export interface OfferedCategory {
  key: string;
  label: string;
  sensitivity: readonly SensitivityReason[];
}

/** The `forms` namespace's translator, as the server pages hold it: getTranslations("forms"). */
type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * Why a category counts as sensitive (DOMAIN.md §4), one short phrase per regime, in the reader's language: the
 * reasons lib/registration/queries.ts sensitivityReasons returns as data ({ regime, dojCategory? }), worded by
 * the forms messages (forms.sensitivity.<regime>), a DOJ category by the catalogue's label.
 */
export function sensitivityText(reasons: readonly SensitivityReason[], t: Translate, locale: Locale): string[] {
  return reasons.map((reason) => {
    switch (reason.regime) {
      case "gdpr":
        return t("sensitivity.gdpr");
      case "ccpa":
        return t("sensitivity.ccpa");
      case "pipl":
        return t("sensitivity.pipl");
      case "dojIdentifier":
        return t("sensitivity.dojIdentifier");
      case "dojCategory":
        return t("sensitivity.dojCategory", { category: enumLabel("dojCategory", reason.dojCategory, locale).toLocaleLowerCase(locale) });
    }
  });
}

/**
 * The categories a form offers (`offered`, in their order: which to offer, and why each is sensitive, is the
 * registration queries' choice), named and explained in the reader's language: the name from the taxonomy's
 * row (the French names are keyed by it), the stored name when the taxonomy has no row for the key.
 */
export function categoryChoices(offered: readonly OfferedCategory[], taxonomy: readonly Pick<DataCategory, "key" | "name">[], t: Translate, locale: Locale): CategoryOption[] {
  const byKey = new Map(taxonomy.map((category) => [category.key, category]));
  return offered.map((option) => {
    const reasons = sensitivityText(option.sensitivity, t, locale);
    return {
      key: option.key,
      label: categoryName(byKey.get(option.key) ?? { key: option.key, name: option.label }, locale),
      sensitive: reasons.length > 0 ? reasons.join("; ") : undefined,
    };
  });
}
