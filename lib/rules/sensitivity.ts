import { type DojCategoryOptions, effectiveDojCategories } from "./doj";
import type { CategoryFacts } from "./types";

/*
 * DOMAIN.md §4: "sensitive" is any category that is GDPR special (Art. 9), CCPA sensitive (1798.140(ae)),
 * PIPL sensitive (Art. 28) or DOJ-covered. A lone DOJ listed identifier (an email, an IMEI) is not
 * sensitive personal data under 28 CFR 202.212; it becomes a covered personal identifier, and sensitive,
 * when the same transfer links it to another listed identifier or to other sensitive data, outside the
 * 202.212(b) exclusions (contact data linked only to contact data; network, authentication or call-detail data
 * linked only to each other for a network service). The linking is decided once, by effectiveDojCategories.
 */

export function isSensitiveCategory(category: CategoryFacts, identifiersLinked = false): boolean {
  if (category.gdprSpecial || category.ccpaSensitive || category.piplSensitive) return true;
  if (category.dojIdentifierKind !== null) return identifiersLinked;
  return category.dojCategory !== "none";
}

/**
 * Keys of the sensitive categories a transfer carries, judged together (identifiers may link). Pass the
 * recipient's service (`{ networkService: providesNetworkService(processor.service) }`) for the 202.212(b)(2)
 * exclusion; without it the exclusion is not applied, which can only make more categories sensitive.
 */
export function sensitiveCategoryKeys(categories: readonly CategoryFacts[], options: DojCategoryOptions = {}): string[] {
  const linked = effectiveDojCategories(categories, options).includes("covered_identifier");
  return categories.filter((c) => isSensitiveCategory(c, linked)).map((c) => c.key);
}
