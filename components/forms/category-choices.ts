import type { DataCategory } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { enumLabel } from "@/lib/labels";
import { categoryName } from "@/components/registers/category-name";
import type { CategoryOption } from "./category-multi-select";

type Classified = Pick<DataCategory, "key" | "name" | "gdprSpecial" | "ccpaSensitive" | "piplSensitive" | "dojCategory" | "dojIdentifierKind">;

/** The `forms` namespace's translator, as the server pages hold it (getTranslations("forms")). */
type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * Why a category counts as sensitive (DOMAIN.md §4), one short phrase per regime, in the reader's language: the
 * same reasons as lib/registration/queries.ts sensitivityReasons, whose English they keep (forms.sensitivity.*).
 */
export function sensitivityReasons(category: Classified, t: Translate, locale: Locale): string[] {
  const reasons: string[] = [];
  if (category.gdprSpecial) reasons.push(t("sensitivity.gdpr"));
  if (category.ccpaSensitive) reasons.push(t("sensitivity.ccpa"));
  if (category.piplSensitive) reasons.push(t("sensitivity.pipl"));
  // 28 CFR 202.212: a listed identifier is covered only when linked to another one.
  if (category.dojIdentifierKind !== null) reasons.push(t("sensitivity.dojIdentifier"));
  else if (category.dojCategory !== "none") reasons.push(t("sensitivity.dojCategory", { category: enumLabel("dojCategory", category.dojCategory, locale).toLowerCase() }));
  return reasons;
}

/**
 * The categories a form offers (`offered`, in their order: the choice of which to offer is the registration
 * queries'), named and explained in the reader's language from the taxonomy's rows.
 */
export function categoryChoices(offered: readonly { key: string; label: string }[], taxonomy: readonly Classified[], t: Translate, locale: Locale): CategoryOption[] {
  const byKey = new Map(taxonomy.map((category) => [category.key, category]));
  return offered.map((option) => {
    const category = byKey.get(option.key);
    if (!category) return { key: option.key, label: option.label };
    const reasons = sensitivityReasons(category, t, locale);
    return { key: option.key, label: categoryName(category, locale), sensitive: reasons.length > 0 ? reasons.join("; ") : undefined };
  });
}
