import type { DataCategoryKey } from "./data-categories";

/*
 * The French name of every category of the taxonomy (lib/taxonomy/data-categories.ts): the one source for the
 * French UI (registers, category pages, the activity form) and for every French export (the CNIL register is
 * written entirely in French). The taxonomy names its categories in English; the names are kept beside it, keyed
 * by DataCategoryKey, so that a category added to the taxonomy without its French name does not compile.
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
 * A category's name in French: the taxonomy's French name, else the name as recorded (a key the taxonomy does
 * not know, from an older import, is named in its own words rather than left blank).
 */
export function categoryNameFr(category: { key: string; name: string }): string {
  return (CATEGORY_NAMES_FR as Readonly<Record<string, string>>)[category.key] ?? category.name;
}

