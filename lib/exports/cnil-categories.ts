import type { RopaCategory } from "@/db/queries/exports-ropa";
import type { DataCategoryKey } from "@/lib/taxonomy/data-categories";

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

/**
 * The French name of every category of the taxonomy (lib/taxonomy/data-categories.ts), for the CNIL register,
 * which is written entirely in French. Keyed by DataCategoryKey, so that a category added to the taxonomy
 * without its French name does not compile.
 */
export const CATEGORY_NAMES_FR: Readonly<Record<DataCategoryKey, string>> = {
  "user": "Données de l'utilisateur",
  "user.account": "Informations de compte",
  "user.account.username": "Nom d'utilisateur du compte",
  "user.account.third_party_profile": "Profil de connexion d'un service tiers",
  "user.authorization": "Informations d'authentification",
  "user.authorization.password": "Mot de passe",
  "user.behavior": "Comportement observé",
  "user.behavior.usage_log": "Journaux d'utilisation et d'opérations",
  "user.behavior.crash_log": "Rapports de plantage",
  "user.behavior.purchase_history": "Historique d'achats et commandes",
  "user.biometric": "Données biométriques",
  "user.biometric.face": "Données de reconnaissance faciale",
  "user.biometric.voice": "Empreinte vocale",
  "user.biometric.fingerprint": "Empreinte digitale",
  "user.childrens": "Données relatives aux enfants",
  "user.contact": "Coordonnées",
  "user.contact.email": "Adresse électronique",
  "user.contact.phone_number": "Numéro de téléphone",
  "user.contact.address": "Adresse postale",
  "user.contact.address.city": "Ville",
  "user.contact.address.country": "Pays ou région",
  "user.contact.address.postal_code": "Code postal",
  "user.content": "Contenus de l'utilisateur",
  "user.content.private": "Contenus privés",
  "user.content.self_image": "Photographie de l'utilisateur",
  "user.demographic": "Données démographiques",
  "user.demographic.gender": "Genre",
  "user.demographic.date_of_birth": "Date de naissance",
  "user.demographic.age_range": "Âge ou tranche d'âge",
  "user.demographic.race_ethnicity": "Origine raciale ou ethnique",
  "user.demographic.religious_belief": "Convictions religieuses",
  "user.demographic.sexual_orientation": "Orientation sexuelle",
  "user.demographic.sex_life": "Vie sexuelle",
  "user.demographic.political_opinion": "Opinions politiques",
  "user.demographic.philosophical_belief": "Convictions philosophiques",
  "user.demographic.union_membership": "Appartenance syndicale",
  "user.device": "Données de l'appareil",
  "user.device.device_id": "Identifiant de l'appareil",
  "user.device.imei": "Numéro IMEI",
  "user.device.mac_address": "Adresse MAC",
  "user.device.ip_address": "Adresse IP",
  "user.device.cookie": "Données de cookies",
  "user.device.cookie_id": "Identifiant de cookie",
  "user.device.advertising_id": "Identifiant publicitaire",
  "user.device.push_token": "Jeton de notification push",
  "user.device.attributes": "Caractéristiques de l'appareil",
  "user.device.installed_apps": "Applications installées",
  "user.financial": "Données financières",
  "user.financial.bank_account": "Compte bancaire",
  "user.financial.credit_card": "Carte de paiement",
  "user.payment": "Données de paiement",
  "user.government_id": "Pièce d'identité officielle",
  "user.government_id.national_identification_number": "Numéro d'identification national",
  "user.government_id.passport_number": "Numéro de passeport",
  "user.government_related": "Données liées à l'administration des États-Unis",
  "user.health_and_medical": "Données de santé",
  "user.health_and_medical.genetic": "Données génomiques humaines",
  "user.health_and_medical.omic": "Autres données « omiques » humaines",
  "user.criminal_history": "Condamnations pénales et infractions",
  "user.job_title": "Fonction ou poste",
  "user.location": "Données de localisation",
  "user.location.precise": "Localisation précise",
  "user.location.precise.gps": "Localisation GPS",
  "user.location.precise.wifi": "Localisation par Wi-Fi",
  "user.location.precise.bluetooth": "Localisation par Bluetooth",
  "user.location.imprecise": "Localisation approximative",
  "user.name": "Nom et prénom",
  "user.sensor": "Données de capteurs",
  "user.sensor.camera_footage": "Images de caméra du domicile",
  "user.sensor.home_map": "Plan du domicile",
  "user.sensor.audio": "Enregistrements vocaux",
  "user.telemetry": "Télémétrie de l'appareil",
  "user.unique_id": "Identifiant de l'utilisateur",
  "user.unique_id.pseudonymous": "Identifiant pseudonyme",
};

/**
 * A category's name in French: the taxonomy's French name, else the name as recorded (a category the
 * organisation added itself is named in its own words).
 */
export function categoryNameFr(category: Pick<RopaCategory, "key" | "name">): string {
  return (CATEGORY_NAMES_FR as Readonly<Record<string, string>>)[category.key] ?? category.name;
}

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
