import type { DataCategoryKey } from "./data-categories";

/*
 * The French description of every category of the taxonomy (lib/taxonomy/data-categories.ts), beside the French
 * names (names-fr.ts) and for the same reason: a French page shows the description in French rather than the
 * English one marked lang="en". Keyed by DataCategoryKey, so that a category added without its French description
 * does not compile. Where the English names another category by its key, the French names it by its French name
 * (« … »): a French reader meets no code. "(clé propre)" is the English "(own key)": a key of ours, not fideslang's.
 */

export const CATEGORY_DESCRIPTIONS_FR: Readonly<Record<DataCategoryKey, string>> = {
  "user": "Données relatives à l'utilisateur d'un produit ou d'un service, fournies par lui ou tirées de son utilisation.",
  "user.account": "Informations de création ou d'inscription d'un compte.",
  "user.account.username": "Nom d'utilisateur du compte, dans notre application ou sur une plateforme tierce (par exemple le nom d'utilisateur Amazon de l'acheteur).",
  "user.account.third_party_profile":
    "(clé propre) Identifiant de compte et nom affiché chez un fournisseur de connexion tiers, avec le profil qu'il communique sur autorisation de l'utilisateur (présentation personnelle comprise). Les champs du profil qui ont leur propre catégorie (genre, date de naissance, âge, ville, photo, téléphone, adresse électronique) sont enregistrés sous celle-ci.",
  "user.authorization": "Identifiants et droits d'accès à un système.",
  "user.authorization.password": "Mot de passe du compte (ou son empreinte).",
  "user.behavior": "Données de comportement de l'utilisateur, observées lors de son utilisation d'un produit.",
  "user.behavior.usage_log":
    "(clé propre) Journaux d'opérations de l'application et de l'appareil\u00a0: heures d'inscription, de connexion et de sortie, appareils ajoutés, visionnage de vidéos, enregistrements, photos, interphone, mise en sourdine, minuteries, demandes de code de vérification, téléchargements\u00a0; fonctions utilisées, leurs résultats, heure, fréquence et durée.",
  "user.behavior.crash_log": "(clé propre) Rapports de plantage et d'erreur de l'application ou du micrologiciel de l'appareil (trace d'exécution, version de l'application et du système, heure).",
  "user.behavior.purchase_history": "Produits achetés et historique des commandes (numéro de commande, produit, date), y compris les commandes passées sur une place de marché tierce comme Amazon.",
  "user.biometric": "Caractéristiques physiques ou comportementales encodées servant à reconnaître une personne (le projet fideslang 3.2 renomme cette clé).",
  "user.biometric.face":
    "(clé propre) Images de visages enregistrées pour la reconnaissance (par exemple les «\u00a0visages familiers\u00a0» d'une caméra) et gabarits faciaux calculés à partir de ces images, des utilisateurs et des personnes de leur foyer.",
  "user.biometric.voice": "Caractéristiques de la voix servant à reconnaître une personne qui parle (une empreinte vocale). La parole enregistrée relève des «\u00a0Enregistrements vocaux\u00a0».",
  "user.biometric.fingerprint": "Images ou gabarits d'empreintes digitales.",
  "user.childrens":
    "Données relatives à des enfants\u00a0: à indiquer à côté des catégories propres des données lorsque les personnes concernées comptent des enfants (moins de 14 ans en Chine, moins de 16 ans pour le consentement préalable du CCPA, moins de 13 ans pour la COPPA).",
  "user.contact": "Coordonnées de l'utilisateur.",
  "user.contact.email": "Adresse électronique de l'utilisateur.",
  "user.contact.phone_number": "Numéro de téléphone mobile ou fixe.",
  "user.contact.address": "Adresse postale complète (livraison, domicile, adresse de contact du service après-vente).",
  "user.contact.address.city": "Ville de résidence ou ville actuelle (par exemple celle d'un profil de connexion tiers).",
  "user.contact.address.country": "Pays ou région de l'utilisateur, par exemple la région choisie à l'inscription.",
  "user.contact.address.postal_code": "Code postal.",
  "user.content": "Contenus créés par l'utilisateur ou le concernant.",
  "user.content.private":
    "Contenus que l'utilisateur crée ou envoie sans les rendre publics\u00a0: messages, avis et demandes d'assistance avec leurs pièces jointes, notes. Les images de caméra et les enregistrements vocaux ont leurs propres catégories (données des capteurs).",
  "user.content.self_image": "Photographie sur laquelle l'utilisateur est reconnaissable\u00a0: avatar, photo de profil d'un fournisseur de connexion.",
  "user.demographic": "Données démographiques relatives à l'utilisateur.",
  "user.demographic.gender": "Genre ou sexe de l'utilisateur.",
  "user.demographic.date_of_birth": "Date de naissance.",
  "user.demographic.age_range": "Âge ou tranche d'âge, sans la date de naissance.",
  "user.demographic.race_ethnicity": "Origine raciale ou ethnique.",
  "user.demographic.religious_belief": "Religion ou convictions religieuses (RGPD, art. 9(1), avec les convictions philosophiques, qui ont leur propre clé).",
  "user.demographic.sexual_orientation": "Orientation sexuelle (RGPD, art. 9(1), avec la vie sexuelle, qui a sa propre clé).",
  "user.demographic.sex_life": "(clé propre) Données concernant la vie sexuelle d'une personne (RGPD, art. 9(1)).",
  "user.demographic.political_opinion": "Opinions ou convictions politiques, appartenance à un parti ou à un mouvement (RGPD, art. 9(1)).",
  "user.demographic.philosophical_belief": "(clé propre\u00a0; le projet fideslang 3.2 ajoute la même clé) Convictions philosophiques ou morales (RGPD, art. 9(1)).",
  "user.demographic.union_membership": "(clé propre\u00a0; le projet fideslang 3.2 ajoute la même clé) Appartenance syndicale (RGPD, art. 9(1)).",
  "user.device": "Données relatives au téléphone ou à l'appareil connecté de l'utilisateur, à sa configuration et à ses identifiants.",
  "user.device.device_id": "Identifiant unique du téléphone ou de l'appareil connecté (numéro de série, identifiant attribué par le fabricant).",
  "user.device.imei": "(clé propre) Identité internationale d'équipement mobile (IMEI) du téléphone ou d'un appareil cellulaire.",
  "user.device.mac_address": "(clé propre) Adresse matérielle d'une interface réseau (Wi-Fi, Bluetooth, Ethernet).",
  "user.device.ip_address": "Adresse IP de la connexion.",
  "user.device.cookie": "Données relatives à l'utilisateur stockées dans un cookie ou un stockage similaire du navigateur (par exemple un cookie de détection des robots ou de préférences).",
  "user.device.cookie_id": "Identifiant stocké dans un cookie ou un stockage similaire du navigateur.",
  "user.device.advertising_id": "(clé propre) Identifiant publicitaire mobile\u00a0: identifiant publicitaire Google, IDFA d'Apple.",
  "user.device.push_token":
    "(clé propre) Jeton de notification push d'une installation de l'application sur un appareil (jeton d'enregistrement FCM, jeton d'appareil APNs)\u00a0: le «\u00a0code push de l'appareil\u00a0» de la politique de confidentialité.",
  "user.device.attributes": "(clé propre) Modèle et marque, version du système d'exploitation, taille de l'écran, type de navigateur, opérateur, langue du système, fuseau horaire.",
  "user.device.installed_apps": "(clé propre) Liste des applications installées sur le téléphone et numéros uniques des applications.",
  "user.financial": "Comptes et historique financiers de l'utilisateur.",
  "user.financial.bank_account": "Numéro de compte bancaire et identifiants d'accès.",
  "user.financial.credit_card": "Numéro de carte de crédit ou de débit avec sa date d'expiration et son cryptogramme.",
  "user.payment": "Montant, date et moyen de paiement d'une commande (sans numéro de carte ni de compte), par exemple transmis par une place de marché ou un prestataire de paiement.",
  "user.government_id": "Données d'identification délivrées par l'État.",
  "user.government_id.national_identification_number": "Numéro d'identification national ou numéro de sécurité sociale.",
  "user.government_id.passport_number": "Numéro de passeport.",
  "user.government_related":
    "(clé propre) Données liées au gouvernement des États-Unis au sens du 28 CFR 202.222, couvertes par la règle du DOJ quel que soit leur volume\u00a0: géolocalisation précise dans une zone figurant sur la liste des données de localisation liées au gouvernement (202.1401\u00a0: sites de travail fédéraux, installations militaires), ou données personnelles sensibles présentées comme liées à des employés ou prestataires actuels ou récents du gouvernement des États-Unis (armée et communauté du renseignement comprises). À indiquer à côté des catégories propres des données.",
  "user.health_and_medical": "Dossiers de santé ou informations médicales personnelles (le projet fideslang 3.2 renomme cette clé). Les données génétiques et les autres données «\u00a0omiques\u00a0» ont leurs propres clés ci-dessous.",
  "user.health_and_medical.genetic":
    "Données relatives aux caractéristiques génétiques d'une personne\u00a0: séquences d'ADN, génomes complets ou partiels, résultats d'un test génétique (28 CFR 202.224(a)(1)\u00a0; RGPD, art. 4(13)).",
  "user.health_and_medical.omic":
    "(clé propre) Données épigénomiques, protéomiques ou transcriptomiques humaines issues d'une analyse à l'échelle des systèmes biologiques (28 CFR 202.224(a)(2)-(4))\u00a0; les mesures cliniques courantes faites pour soigner un patient sont de simples données de santé.",
  "user.criminal_history":
    "Casier judiciaire ou informations relatives aux infractions, aux condamnations et aux mesures de sûreté connexes. Données de l'art. 10 du RGPD, et non une catégorie particulière de l'art. 9\u00a0: traitées seulement sous le contrôle de l'autorité publique ou si le droit de l'Union ou d'un État membre l'autorise.",
  "user.job_title": "Intitulé du poste ou fonction professionnelle (le projet fideslang 3.2 déplace cette clé).",
  "user.location": "Relevés de la localisation de l'utilisateur ou de son appareil.",
  "user.location.precise": "Localisation à environ 500 m près (fideslang)\u00a0; en droit, à 1\u00a0850 pieds près (CCPA) ou à 1\u00a0000 m près (DOJ des États-Unis).",
  "user.location.precise.gps": "(clé propre) Position satellitaire (GPS) du téléphone ou de l'appareil.",
  "user.location.precise.wifi": "(clé propre) Position déduite des points d'accès Wi-Fi, y compris le nom (SSID) et l'adresse matérielle (BSSID) du réseau domestique lus par l'application.",
  "user.location.precise.bluetooth": "(clé propre) Position déduite des appareils ou balises Bluetooth à proximité.",
  "user.location.imprecise": "Localisation moins précise qu'environ 500 m, par exemple déduite de l'adresse IP (le projet fideslang 3.2 renomme cette clé).",
  "user.name": "Nom réel de l'utilisateur (prénom et nom).",
  "user.sensor": "Données captées par les capteurs d'un appareil sur l'environnement de l'utilisateur (le projet fideslang 3.2 déplace cette clé).",
  "user.sensor.camera_footage":
    "(clé propre) Images et vidéos d'une caméra domestique ou d'un robot\u00a0: agencement intérieur, objets au sol, membres du foyer, visiteurs et animaux, visages compris, lorsqu'aucune reconnaissance faciale n'est appliquée.",
  "user.sensor.home_map": "(clé propre) Plan du logement établi par un robot\u00a0: pièces, agencement, obstacles et position des objets au sol.",
  "user.sensor.audio":
    "(clé propre) Parole enregistrée\u00a0: conversations à distance (interphone) avec les personnes de l'autre côté, et commandes vocales. Une empreinte vocale servant à reconnaître la personne qui parle relève de l'«\u00a0Empreinte vocale\u00a0».",
  "user.telemetry":
    "Mesures qu'un appareil transmet sur son propre fonctionnement, liées à l'appareil de l'utilisateur\u00a0: batterie, relevés des moteurs et des capteurs, état du micrologiciel, connectivité et compteurs d'erreurs (le projet fideslang 3.2 déplace cette clé).",
  "user.unique_id": "Identifiant que le service attribue au compte de l'utilisateur (numéro interne d'utilisateur ou de client).",
  "user.unique_id.pseudonymous":
    "Identifiant pseudonyme ou probabiliste généré à partir des données de l'utilisateur ou de l'appareil, par exemple l'identifiant d'instance d'application ou l'identifiant client d'un SDK de mesure d'audience.",
};

/**
 * A category's description in French, and the language it is in: the taxonomy's French description, else (a key
 * the taxonomy does not know) the description as recorded, in English, for the page to mark lang="en".
 */
export function categoryDescriptionFr(category: { key: string; description: string }): { text: string; lang: "fr" | "en" } {
  const french = (CATEGORY_DESCRIPTIONS_FR as Readonly<Record<string, string>>)[category.key];
  return french === undefined ? { text: category.description, lang: "en" } : { text: french, lang: "fr" };
}

/**
 * A category's description as a page in `locale` shows it, with the lang attribute it needs: the French description
 * on a French page (unmarked), else the recorded one, marked lang="en" where the page is not English.
 */
export function categoryDescriptionIn(
  category: { key: string; description: string | null },
  locale: "en" | "fr",
): { text: string | null; lang: "en" | undefined } {
  if (category.description === null || locale === "en") return { text: category.description, lang: undefined };
  const { text, lang } = categoryDescriptionFr({ key: category.key, description: category.description });
  return { text, lang: lang === "fr" ? undefined : "en" };
}
