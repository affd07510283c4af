import type { Locale } from "@/lib/i18n/locales";

/*
 * EDPB Recommendations 01/2020, step 3: what the law and practice of the destination allow public authorities
 * to do with the transferred data. Kept as data, with each law's citation and official (or authoritative
 * translation) source and the date the profile was last checked, in English and French. A country without a
 * profile here shows "no profile yet": the assessor then documents the law from their own sources.
 *
 * Re-check a profile against its sources before relying on it and move its `asOf` forward when you do.
 */

/** A text in both of the product's languages. */
export type Bilingual = Readonly<Record<Locale, string>>;

export interface ProfileLaw {
  /** The law's name ("National Intelligence Law of the People's Republic of China (2017, amended 2018)"). */
  name: Bilingual;
  /** The provisions that matter here ("Art. 7, Art. 14"). */
  citation: string;
  /** What it allows or requires, for data held by an importer in that country. */
  allows: Bilingual;
  /** The official text, or an authoritative translation where the official text is not in English or French. */
  sourceUrl: string;
}

export interface CountryProfile {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** YYYY-MM-DD the profile was last checked against its sources. */
  asOf: string;
  /** One paragraph: what it means for a transfer there. */
  summary: Bilingual;
  laws: readonly ProfileLaw[];
  /** Practice: how the laws are applied, what is known of access requests, redress. */
  practice: readonly Bilingual[];
}

const CHINA: CountryProfile = {
  country: "CN",
  asOf: "2026-11-15",
  summary: {
    en: "Mainland China has no EU adequacy decision. Several laws oblige organisations and individuals to support and cooperate with state intelligence and security work, with no independent court authorisation and no redress open to EU data subjects: SCCs alone are unlikely to be enough where the importer or its staff can read the data in clear.",
    fr: "La Chine continentale ne bénéficie d'aucune décision d'adéquation de l'UE. Plusieurs lois obligent les organisations et les personnes à soutenir le travail de renseignement et de sécurité de l'État et à y coopérer, sans autorisation préalable d'un juge indépendant ni voie de recours ouverte aux personnes concernées de l'UE : les CCT seules suffisent difficilement lorsque l'importateur ou son personnel peut lire les données en clair.",
  },
  laws: [
    {
      name: { en: "National Intelligence Law (2017, amended 2018)", fr: "Loi sur le renseignement national (2017, modifiée en 2018)" },
      citation: "Art. 7, Art. 14, Art. 17",
      allows: {
        en: "Any organisation or citizen must support, assist and cooperate with national intelligence work (Art. 7); intelligence agencies may require the bodies and persons concerned to provide such support (Art. 14) and may access relevant premises, records and materials (Art. 17).",
        fr: "Toute organisation et tout citoyen doivent soutenir et assister le travail de renseignement national et y coopérer (art. 7) ; les services de renseignement peuvent exiger ce soutien des organismes et personnes concernés (art. 14) et accéder aux lieux, dossiers et documents utiles (art. 17).",
      },
      sourceUrl: "https://www.chinalawtranslate.com/en/national-intelligence-law-of-the-p-r-c-2017/",
    },
    {
      name: { en: "Data Security Law (2021)", fr: "Loi sur la sécurité des données (2021)" },
      citation: "Art. 35, Art. 36",
      allows: {
        en: "Public security and state security organs may obtain data for national security or criminal investigations and organisations must cooperate (Art. 35); data stored in China may not be provided to foreign judicial or law-enforcement bodies without the approval of the competent Chinese authority (Art. 36).",
        fr: "Les organes de sécurité publique et de sécurité de l'État peuvent obtenir des données pour la sécurité nationale ou des enquêtes pénales, et les organisations doivent coopérer (art. 35) ; les données stockées en Chine ne peuvent être communiquées à des autorités judiciaires ou répressives étrangères sans l'approbation de l'autorité chinoise compétente (art. 36).",
      },
      sourceUrl: "https://www.chinalawtranslate.com/en/datasecuritylaw/",
    },
    {
      name: { en: "Counter-Espionage Law (revised 2023, in force 1 July 2023)", fr: "Loi contre l'espionnage (révisée en 2023, en vigueur le 1er juillet 2023)" },
      citation: "Art. 4, Art. 25, Art. 26",
      allows: {
        en: "Extends espionage to documents, data, materials and items related to national security and interests (Art. 4); state security organs may inspect electronic equipment and access or seize data, and may require organisations and individuals to provide information (Art. 25-26).",
        fr: "Étend l'espionnage aux documents, données, informations et objets liés à la sécurité et aux intérêts nationaux (art. 4) ; les organes de sécurité de l'État peuvent inspecter les équipements électroniques, accéder aux données ou les saisir, et exiger des organisations et des personnes qu'elles fournissent des informations (art. 25-26).",
      },
      sourceUrl: "https://www.chinalawtranslate.com/en/counter-espionage-law-2023/",
    },
    {
      name: { en: "Personal Information Protection Law (2021)", fr: "Loi sur la protection des informations personnelles (2021)" },
      citation: "Art. 38-41",
      allows: {
        en: "Sets the conditions for exporting personal information (security assessment, certification or standard contract, Art. 38-40) and forbids providing personal information stored in China to foreign judicial or law-enforcement bodies without approval (Art. 41): the importer may be unable to answer a request from an EU authority, and Chinese authorities keep their own access.",
        fr: "Fixe les conditions d'exportation des informations personnelles (évaluation de sécurité, certification ou contrat type, art. 38-40) et interdit de communiquer à des autorités judiciaires ou répressives étrangères les informations stockées en Chine sans autorisation (art. 41) : l'importateur peut ne pas pouvoir répondre à une autorité de l'UE, tandis que les autorités chinoises conservent leur propre accès.",
      },
      sourceUrl: "https://www.chinalawtranslate.com/en/personal-information-protection-law/",
    },
    {
      name: { en: "Cybersecurity Law (2017)", fr: "Loi sur la cybersécurité (2017)" },
      citation: "Art. 28",
      allows: {
        en: "Network operators must provide technical support and assistance to public security and state security organs safeguarding national security and investigating crime.",
        fr: "Les opérateurs de réseaux doivent fournir un appui technique et une assistance aux organes de sécurité publique et de sécurité de l'État qui protègent la sécurité nationale et enquêtent sur les infractions.",
      },
      sourceUrl: "https://www.chinalawtranslate.com/en/cybersecuritylaw/",
    },
  ],
  practice: [
    {
      en: "No independent prior authorisation of access requests and no judicial redress open to foreign individuals; requests are generally not published and the recipient may be forbidden to disclose them.",
      fr: "Aucune autorisation préalable indépendante des demandes d'accès ni recours juridictionnel ouvert aux étrangers ; les demandes ne sont en général pas publiées et le destinataire peut avoir interdiction de les révéler.",
    },
    {
      en: "Supervisory authorities in the EU have treated access to EU data from China as high risk (e.g. the Irish DPC's 2025 decision on transfers to China, with a EUR 530 million fine).",
      fr: "Les autorités de contrôle de l'UE considèrent l'accès depuis la Chine aux données de l'UE comme un risque élevé (par exemple la décision de la DPC irlandaise de 2025 sur des transferts vers la Chine, avec une amende de 530 millions d'euros).",
    },
  ],
};

const HONG_KONG: CountryProfile = {
  country: "HK",
  asOf: "2026-11-15",
  summary: {
    en: "Hong Kong has no EU adequacy decision. The National Security Law and its Implementation Rules give the police powers to require information, intercept communications and order service providers to assist, under authorisation of the Chief Executive rather than a court in several cases; the Safeguarding National Security Ordinance 2024 adds offences and powers. PDPO s.33 (transfer restriction) is not in force.",
    fr: "Hong Kong ne bénéficie d'aucune décision d'adéquation de l'UE. La loi sur la sécurité nationale et ses règles d'application permettent à la police d'exiger des informations, d'intercepter des communications et d'ordonner l'assistance des prestataires, dans plusieurs cas sur autorisation du chef de l'exécutif plutôt que d'un juge ; l'ordonnance de 2024 sur la sauvegarde de la sécurité nationale ajoute des infractions et des pouvoirs. L'article 33 de la PDPO (restriction des transferts) n'est pas en vigueur.",
  },
  laws: [
    {
      name: {
        en: "Law on Safeguarding National Security in the Hong Kong SAR (2020)",
        fr: "Loi sur la sauvegarde de la sécurité nationale dans la RAS de Hong Kong (2020)",
      },
      citation: "Art. 43",
      allows: {
        en: "The police national security department may search premises and electronic devices, require information from foreign and Taiwan political organisations and agents, intercept communications and conduct covert surveillance with approval of the Chief Executive, and require persons to answer questions and produce materials.",
        fr: "Le service de sécurité nationale de la police peut perquisitionner des lieux et des appareils électroniques, exiger des informations des organisations politiques étrangères ou taïwanaises et de leurs agents, intercepter des communications et mener une surveillance secrète avec l'approbation du chef de l'exécutif, et exiger de toute personne qu'elle réponde aux questions et produise des documents.",
      },
      sourceUrl: "https://www.elegislation.gov.hk/hk/A406",
    },
    {
      name: { en: "Implementation Rules for Article 43 (2020)", fr: "Règles d'application de l'article 43 (2020)" },
      citation: "Schedules 1, 4, 6 and 7",
      allows: {
        en: "Search warrants and searches without warrant in urgency (Sch. 1); orders to platform, hosting and network service providers to remove content and to provide identification records or decryption assistance (Sch. 4); interception and covert surveillance authorised by the Chief Executive (Sch. 6); orders to furnish information and produce materials (Sch. 7).",
        fr: "Mandats de perquisition et perquisitions sans mandat en cas d'urgence (annexe 1) ; injonctions aux plateformes, hébergeurs et fournisseurs de réseau de retirer des contenus et de fournir des données d'identification ou une aide au déchiffrement (annexe 4) ; interception et surveillance secrète autorisées par le chef de l'exécutif (annexe 6) ; injonctions de fournir des informations et de produire des documents (annexe 7).",
      },
      sourceUrl: "https://www.elegislation.gov.hk/hk/A406A",
    },
    {
      name: { en: "Safeguarding National Security Ordinance (Cap. 613, 2024)", fr: "Ordonnance sur la sauvegarde de la sécurité nationale (chap. 613, 2024)" },
      citation: "Parts 3-7 (in force 23 March 2024)",
      allows: {
        en: "Creates offences of theft of state secrets, espionage and external interference, with a broad definition of state secrets covering economic, social and technological information; extends police investigation powers and restrictions on persons suspected of national security offences.",
        fr: "Crée les infractions de vol de secrets d'État, d'espionnage et d'ingérence extérieure, avec une définition large des secrets d'État englobant les informations économiques, sociales et technologiques ; étend les pouvoirs d'enquête de la police et les restrictions imposées aux personnes soupçonnées d'atteintes à la sécurité nationale.",
      },
      sourceUrl: "https://www.elegislation.gov.hk/hk/cap613",
    },
    {
      name: { en: "Interception of Communications and Surveillance Ordinance (Cap. 589)", fr: "Ordonnance sur l'interception des communications et la surveillance (chap. 589)" },
      citation: "Parts 2-3",
      allows: {
        en: "Interception and covert surveillance by law-enforcement agencies on a panel judge's or an authorising officer's authorisation, overseen by a Commissioner; it does not govern the national security powers of the Implementation Rules.",
        fr: "Interception et surveillance secrète par les services répressifs sur autorisation d'un juge désigné ou d'un officier habilité, sous le contrôle d'un commissaire ; elle ne régit pas les pouvoirs de sécurité nationale des règles d'application.",
      },
      sourceUrl: "https://www.elegislation.gov.hk/hk/cap589",
    },
    {
      name: { en: "Personal Data (Privacy) Ordinance (Cap. 486)", fr: "Ordonnance sur les données personnelles (vie privée) (chap. 486)" },
      citation: "s.33 (not in force), s.57, s.58",
      allows: {
        en: "Exempts from the use limitation personal data held for safeguarding security or defence (s.57) and for the prevention or detection of crime (s.58); the transfer restriction of s.33 has never been brought into force.",
        fr: "Exempte de la limitation d'usage les données détenues pour la sauvegarde de la sécurité ou de la défense (s.57) et pour la prévention ou la détection des infractions (s.58) ; la restriction des transferts de l'article 33 n'est jamais entrée en vigueur.",
      },
      sourceUrl: "https://www.elegislation.gov.hk/hk/cap486",
    },
  ],
  practice: [
    {
      en: "Orders under the Implementation Rules may be made without prior court approval and the recipient may be unable to disclose them; the PCPD's 2022 model contractual clauses are recommended for outbound transfers but do not bind the authorities.",
      fr: "Les injonctions prises en vertu des règles d'application peuvent l'être sans contrôle préalable d'un juge et le destinataire peut ne pas pouvoir les révéler ; les clauses contractuelles types du PCPD de 2022 sont recommandées pour les transferts sortants mais ne lient pas les autorités.",
    },
    {
      en: "For the US DOJ rule (28 CFR 202.208), Hong Kong counts as China: bulk US personal data there is a restricted or prohibited transaction in its own right.",
      fr: "Pour la règle du DOJ américain (28 CFR 202.208), Hong Kong compte comme la Chine : des données personnelles américaines en volume y constituent en elles-mêmes une transaction restreinte ou interdite.",
    },
  ],
};

const UNITED_STATES: CountryProfile = {
  country: "US",
  asOf: "2026-11-15",
  summary: {
    en: "The United States is adequate only for organisations certified under the EU-US Data Privacy Framework (Decision 2023/1795). For others the SCCs apply, and the assessment can rely on the safeguards of EO 14086 (necessity and proportionality, the Data Protection Review Court), which apply to all transfers to the US whatever the tool. Electronic communication service providers remain subject to FISA s.702.",
    fr: "Les États-Unis ne sont adéquats que pour les organisations certifiées au titre du cadre de protection des données UE-États-Unis (décision 2023/1795). Pour les autres, les CCT s'appliquent, et l'analyse peut s'appuyer sur les garanties du décret présidentiel 14086 (nécessité et proportionnalité, Cour de réexamen de la protection des données), qui valent pour tous les transferts vers les États-Unis quel que soit l'outil. Les fournisseurs de services de communications électroniques restent soumis à la section 702 du FISA.",
  },
  laws: [
    {
      name: { en: "Foreign Intelligence Surveillance Act, section 702", fr: "Foreign Intelligence Surveillance Act, section 702" },
      citation: "50 U.S.C. 1881a",
      allows: {
        en: "Targeting of non-US persons reasonably believed to be abroad to acquire foreign intelligence information, with the compelled assistance of electronic communication service providers, under annual certifications approved by the FISA Court. Reauthorised by the Reforming Intelligence and Securing America Act of 2024 with a sunset in April 2026: check its current status.",
        fr: "Ciblage de personnes non américaines raisonnablement supposées se trouver à l'étranger pour obtenir des renseignements extérieurs, avec l'assistance obligatoire des fournisseurs de services de communications électroniques, sur certifications annuelles approuvées par la FISA Court. Reconduite par le Reforming Intelligence and Securing America Act de 2024 jusqu'en avril 2026 : vérifier son statut actuel.",
      },
      sourceUrl: "https://www.law.cornell.edu/uscode/text/50/1881a",
    },
    {
      name: { en: "Executive Order 12333", fr: "Décret présidentiel 12333" },
      citation: "Parts 1-2",
      allows: {
        en: "Signals intelligence collection outside the United States (including on data in transit) without a statute or court order; now subject to the limits of EO 14086.",
        fr: "Collecte de renseignement d'origine électromagnétique hors des États-Unis (y compris sur les données en transit) sans loi ni décision de justice ; désormais soumise aux limites du décret 14086.",
      },
      sourceUrl: "https://www.archives.gov/federal-register/codification/executive-order/12333.html",
    },
    {
      name: { en: "Executive Order 14086 (2022)", fr: "Décret présidentiel 14086 (2022)" },
      citation: "Sections 2-3",
      allows: {
        en: "Limits signals intelligence to listed legitimate objectives and to what is necessary and proportionate (s.2), and creates a two-level redress mechanism for individuals in qualifying states, including the EU and EEA (s.3).",
        fr: "Limite le renseignement d'origine électromagnétique à des objectifs légitimes énumérés et à ce qui est nécessaire et proportionné (s.2), et crée un mécanisme de recours à deux niveaux pour les personnes des États qualifiés, dont l'UE et l'EEE (s.3).",
      },
      sourceUrl: "https://www.federalregister.gov/documents/2022/10/14/2022-22531/enhancing-safeguards-for-united-states-signals-intelligence-activities",
    },
    {
      name: { en: "Data Protection Review Court", fr: "Cour de réexamen de la protection des données (Data Protection Review Court)" },
      citation: "28 CFR Part 201",
      allows: {
        en: "Reviews, on a complaint forwarded by an EU data protection authority, the decision of the ODNI Civil Liberties Protection Officer, with binding remedial decisions.",
        fr: "Réexamine, sur plainte transmise par une autorité de protection des données de l'UE, la décision de l'officier de protection des libertés civiles de l'ODNI, avec des décisions correctrices contraignantes.",
      },
      sourceUrl: "https://www.ecfr.gov/current/title-28/chapter-I/part-201",
    },
    {
      name: { en: "EU-US Data Privacy Framework adequacy decision", fr: "Décision d'adéquation du cadre de protection des données UE-États-Unis" },
      citation: "Commission Implementing Decision (EU) 2023/1795",
      allows: {
        en: "Adequacy for transfers to organisations on the DPF list; its assessment of US law (EO 14086, the DPRC) supports a TIA for transfers under the SCCs as well. Upheld by the General Court in Latombe v Commission (T-553/23, 3 September 2025).",
        fr: "Adéquation pour les transferts vers les organisations inscrites sur la liste du DPF ; son analyse du droit américain (décret 14086, DPRC) sert aussi l'analyse d'impact des transferts sous CCT. Confirmée par le Tribunal de l'UE dans l'affaire Latombe c. Commission (T-553/23, 3 septembre 2025).",
      },
      sourceUrl: "https://eur-lex.europa.eu/eli/dec_impl/2023/1795/oj",
    },
  ],
  practice: [
    {
      en: "The European Commission reviews the DPF periodically (first review October 2024); a change to EO 14086 or to the Privacy and Civil Liberties Oversight Board's functioning would call this profile into question.",
      fr: "La Commission européenne réexamine périodiquement le DPF (premier réexamen en octobre 2024) ; une modification du décret 14086 ou du fonctionnement du Privacy and Civil Liberties Oversight Board remettrait ce profil en cause.",
    },
    {
      en: "Providers that are not electronic communication service providers (e.g. a company's own affiliate storing data) are less exposed to s.702 directives; the CLOUD Act (18 U.S.C. 2713) reaches data a US provider controls wherever it is stored.",
      fr: "Les prestataires qui ne sont pas fournisseurs de services de communications électroniques (par exemple une filiale qui stocke les données) sont moins exposés aux injonctions de la section 702 ; le CLOUD Act (18 U.S.C. 2713) atteint les données qu'un prestataire américain contrôle, où qu'elles soient stockées.",
    },
  ],
};

export const COUNTRY_PROFILES: Readonly<Record<string, CountryProfile>> = {
  CN: CHINA,
  HK: HONG_KONG,
  US: UNITED_STATES,
};

/** The profile of a country, or undefined when none is kept yet ("no profile yet"). */
export function countryProfile(code: string | null | undefined): CountryProfile | undefined {
  if (!code) return undefined;
  return COUNTRY_PROFILES[code.trim().toUpperCase()];
}
