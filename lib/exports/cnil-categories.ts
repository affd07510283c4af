import type { RopaCategory } from "@/db/queries/exports-ropa";
import { categoryNameFr } from "@/lib/taxonomy/names-fr";

/*
 * The categories of personal data of the CNIL's model register ("Modèle de registre", CNIL, 2018; fiche
 * "Catégories de données personnelles concernées"), as DOMAIN.md §5 lists them. Special categories
 * (GDPR Art. 9) are not grouped here: the model has its own "Données sensibles" heading for them.
 *
 * Our taxonomy's keys (lib/taxonomy/data-categories.ts, fideslang) are grouped by prefix, most specific
 * first; a key no prefix claims lands in "Autres données", so that nothing is silently dropped.
 */

export const CNIL_CATEGORY_GROUPS = [
  { id: "etat_civil", label: "État civil, identité, données d'identification, images" },
  { id: "vie_personnelle", label: "Vie personnelle (habitudes de vie, situation familiale, etc.)" },
  { id: "vie_professionnelle", label: "Vie professionnelle (CV, scolarité, formation professionnelle, distinctions, etc.)" },
  { id: "economique", label: "Informations d'ordre économique et financier (revenus, situation financière, données bancaires, etc.)" },
  { id: "connexion", label: "Données de connexion (adresse IP, logs, identifiants des terminaux, identifiants de connexion, etc.)" },
  { id: "localisation", label: "Données de localisation (déplacements, données GPS, GSM, etc.)" },
  { id: "internet", label: "Internet (cookies, traceurs, données de navigation, mesures d'audience, etc.)" },
  { id: "autres", label: "Autres données" },
] as const;

export type CnilCategoryGroup = (typeof CNIL_CATEGORY_GROUPS)[number]["id"];

/** Longest prefix wins: "user.device.cookie_id" is Internet although "user.device" is connection data. */
const PREFIXES: readonly [prefix: string, group: CnilCategoryGroup][] = [
  ["user.device.cookie_id", "internet"],
  ["user.device.advertising_id", "internet"],
  ["user.behavior.browsing", "internet"],
  ["user.device", "connexion"],
  ["user.behavior.usage_log", "connexion"],
  ["user.behavior.crash_log", "connexion"],
  ["user.authorization", "connexion"],
  ["user.behavior.purchase_history", "economique"],
  ["user.financial", "economique"],
  ["user.payment", "economique"],
  ["user.location", "localisation"],
  ["user.job_title", "vie_professionnelle"],
  ["user.employment", "vie_professionnelle"],
  ["user.education", "vie_professionnelle"],
  ["user.sensor", "vie_personnelle"],
  ["user.demographic", "vie_personnelle"],
  ["user.behavior", "vie_personnelle"],
  ["user.name", "etat_civil"],
  ["user.account", "etat_civil"],
  ["user.contact", "etat_civil"],
  ["user.government_id", "etat_civil"],
  ["user.content.self_image", "etat_civil"],
  // Date of birth and gender are civil status, not lifestyle: more specific than "user.demographic".
  ["user.demographic.date_of_birth", "etat_civil"],
  ["user.demographic.gender", "etat_civil"],
  ["user.demographic.age_range", "etat_civil"],
];

const SORTED_PREFIXES = [...PREFIXES].sort((a, b) => b[0].length - a[0].length);

export function cnilGroupOf(key: string): CnilCategoryGroup {
  for (const [prefix, group] of SORTED_PREFIXES) {
    if (key === prefix || key.startsWith(`${prefix}.`)) return group;
  }
  return "autres";
}

// The French names live with the taxonomy (lib/taxonomy/names-fr.ts, one source for the UI and every export): import
// them from there. Re-exported only while lib/exports/category-names.ts still reads it from here.
export { categoryNameFr };

/**
 * The activity's non-special categories by CNIL group, names sorted; groups without data are absent. Names
 * as recorded (English in the database), or in French with `categoryNameFr`.
 */
export function groupByCnilCategory(
  categories: readonly RopaCategory[] | null,
  nameOf: (category: RopaCategory) => string = (category) => category.name,
): Map<CnilCategoryGroup, string[]> {
  const groups = new Map<CnilCategoryGroup, string[]>();
  for (const category of categories ?? []) {
    if (category.special) continue;
    const group = cnilGroupOf(category.key);
    const names = groups.get(group) ?? [];
    names.push(nameOf(category));
    groups.set(group, names);
  }
  for (const names of groups.values()) names.sort((a, b) => a.localeCompare(b, "fr"));
  return groups;
}

/** "État civil, identité… : Adresse électronique, Nom et prénom ; Données de connexion… : Adresse IP" (the CNIL CSV cell, in French). */
export function cnilCategoriesText(categories: readonly RopaCategory[] | null): string | null {
  const groups = groupByCnilCategory(categories, categoryNameFr);
  if (groups.size === 0) return null;
  return CNIL_CATEGORY_GROUPS.filter((group) => groups.has(group.id))
    .map((group) => `${shortLabel(group.label)} : ${groups.get(group.id)!.join(", ")}`)
    .join(" ; ");
}

/** The label without its examples in parentheses. */
export function shortLabel(label: string): string {
  return label.replace(/\s*\(.*\)$/, "");
}
