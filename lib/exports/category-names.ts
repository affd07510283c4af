import { DATA_CATEGORY_TAXONOMY } from "@/lib/taxonomy/data-categories";
import { categoryNameFr } from "./cnil-categories";
import type { ReportLanguage } from "./report";

/*
 * Data categories by name, as a person reads them ("Precise geolocation (GPS)"), instead of the taxonomy's keys
 * ("user.location.precise.gps"), which stay in the JSON exports. The register's categories are the taxonomy's
 * (lib/taxonomy/data-categories.ts: the seed inserts them, and no service creates or renames one: the DPO only
 * reclassifies), so the names are read from it, not per export from the database.
 */

const NAMES: ReadonlyMap<string, string> = new Map(DATA_CATEGORY_TAXONOMY.map((category) => [category.key, category.name]));

/** A category's name; a key the taxonomy does not know keeps its key, the only name it has. */
export function dataCategoryName(key: string, language: ReportLanguage): string {
  const name = NAMES.get(key) ?? key;
  // The taxonomy names its categories in English; the CNIL register's French names serve every French report.
  return language === "fr" ? categoryNameFr({ key, name }) : name;
}

/** A "; "-separated list of keys (the export queries' aggregates) as names, in the same order. */
export function dataCategoryNames(keys: string | null, language: ReportLanguage): string | null {
  return keys ? keys.split("; ").map((key) => dataCategoryName(key, language)).join("; ") : null;
}
