import type { CcpaCategory, DojCategory, DojIdentifierKind } from "@/db/schema/enums";

/*
 * The data-category taxonomy, loaded into data_categories at every start-up (db/seed/reference.ts).
 *
 * Keys: the fideslang key wherever fideslang has the category (https://github.com/ethyca/fideslang,
 * src/fideslang/default_taxonomy/data_categories.py, unchanged from 3.0 through the 3.1.x releases; the list
 * is in lib/taxonomy/fideslang.ts), so that records exchanged with Fides-based tools keep their meaning. An
 * unreleased fideslang 3.2 draft renames some of them (user.biometric -> user.biometrics, user.childrens ->
 * user.children, user.location.imprecise -> user.location.coarse, user.sensor -> user.device.sensor, ...) and
 * keeps the old keys as deprecated with a `replaced_by`: we keep the released keys (the ones DOMAIN.md uses);
 * an importer of 3.2 data maps the new keys back. Our own keys hang under the nearest fideslang parent and
 * are marked "(own key)" in the description; where the 3.2 draft adds the same key, the description says so.
 *
 * Classification of each category under each regime, as of 2026-11:
 * - gdprSpecial: GDPR Art. 9(1) special category. Art. 10 data (criminal convictions and offences) is not one:
 *   Art. 10 is a rule of its own (official authority or Union / Member State law, no Art. 9(2) conditions), so
 *   user.criminal_history carries gdprSpecial false, says "GDPR Art. 10" in its description, and is still
 *   "sensitive" for the rules through its PIPL classification (GB/T 35273-2020 Table B.2 lists undisclosed
 *   criminal records, 未公开的违法犯罪记录, as sensitive).
 * - ccpaCategory: Cal. Civ. Code 1798.140(v)(1) letter A-L. The letters overlap (a phone number is in both A's
 *   spirit and B's list); we record the one the statute names the item in, and say so where it is not obvious.
 *   user.childrens is a qualifier with no letter of its own (see below).
 * - ccpaSensitive: 1798.140(ae) sensitive personal information.
 * - piplSensitive: PIPL Art. 28 sensitive personal information, read with the national standard
 *   GB/T 35273-2020 Annex B (the list regulators and courts use to apply Art. 28). Where neither names an Art. 9
 *   category, Art. 28's general test (harm to dignity, discrimination) decides, and the comment says so.
 * - dojCategory: 28 CFR 202.249 kind of sensitive personal data (202.224: human genomic data apart from the
 *   other human 'omic data; 202.222: government-related data); dojIdentifierKind: 202.234(a)-(h) kind of
 *   listed identifier. A listed identifier is a covered personal identifier (202.212) only when linked to
 *   another listed identifier or to other sensitive personal data, and not when 202.212(b) excludes the link
 *   (demographic or contact data linked only to the same; network, account-authentication or call-detail data
 *   linked only to each other for a network service): it carries dojCategory "covered_identifier" and its kind,
 *   and the rules engine decides the linking per transfer (lib/rules/doj.ts).
 *
 * Grouping nodes (user, user.device, ...) gather children whose classifications differ; they carry none and
 * data should be tagged with a leaf. A parent whose children all share one classification (user.biometric,
 * user.location.precise) carries it, and so do user.contact.address, which stands for a full postal address,
 * and user.health_and_medical, which stands for health records (its genetic and 'omic children differ only
 * in their DOJ category). Two qualifiers are tagged next to the data's own categories: user.childrens (the
 * data is about children: PIPL Art. 28, 31) and user.government_related (28 CFR 202.222).
 *
 * Order: every parent comes before its children (the seed inserts in one statement, the tests check it).
 */

export interface DataCategorySeed {
  key: string;
  parentKey: string | null;
  name: string;
  description: string;
  gdprSpecial: boolean;
  ccpaCategory: CcpaCategory | null;
  ccpaSensitive: boolean;
  piplSensitive: boolean;
  dojCategory: DojCategory;
  dojIdentifierKind: DojIdentifierKind | null;
}

/** Grouping nodes: mixed children, no classification of their own. */
const GROUPING = {
  gdprSpecial: false,
  ccpaCategory: null,
  ccpaSensitive: false,
  piplSensitive: false,
  dojCategory: "none",
  dojIdentifierKind: null,
} as const;

/** 202.234 listed identifier, CCPA A (an identifier the statute names, or a "unique personal identifier"). */
function listedIdentifier(kind: DojIdentifierKind) {
  return {
    gdprSpecial: false,
    ccpaCategory: "A",
    ccpaSensitive: false,
    piplSensitive: false,
    dojCategory: "covered_identifier",
    dojIdentifierKind: kind,
  } as const;
}

/**
 * Biometric data used to recognise a person: GDPR Art. 4(14) and 9(1) ("for the purpose of uniquely
 * identifying a natural person"); CCPA E (1798.140(c)) and sensitive when processed to identify
 * (1798.140(ae)(2)(A)); PIPL Art. 28 生物识别; DOJ biometric identifiers (202.204: facial images, voice
 * prints, fingerprints enrolled in a biometric system, and their templates).
 */
const BIOMETRIC_IDENTIFIER = {
  gdprSpecial: true,
  ccpaCategory: "E",
  ccpaSensitive: true,
  piplSensitive: true,
  dojCategory: "biometric",
  dojIdentifierKind: null,
} as const;

/**
 * Precise location: not an Art. 9 category; CCPA G, sensitive when within a 1,850-foot radius
 * (1798.140(w), (ae)(1)(C)); PIPL Art. 28 行踪轨迹 (GB/T 35273-2020 Annex B: 精准定位信息); DOJ precise
 * geolocation data (202.242: within 1,000 meters).
 */
const PRECISE_LOCATION = {
  gdprSpecial: false,
  ccpaCategory: "G",
  ccpaSensitive: true,
  piplSensitive: true,
  dojCategory: "precise_geolocation",
  dojIdentifierKind: null,
} as const;

/** Personal information with no special status under any regime; only the CCPA letter varies. */
const ordinary = <L extends CcpaCategory>(ccpaCategory: L) =>
  ({
    gdprSpecial: false,
    ccpaCategory,
    ccpaSensitive: false,
    piplSensitive: false,
    dojCategory: "none",
    dojIdentifierKind: null,
  }) as const;

const TAXONOMY = [
  { key: "user", parentKey: null, name: "User data", description: "Data about the user of a product or service, provided by them or derived from their use.", ...GROUPING },

  // --- Account -------------------------------------------------------------------------------------
  { key: "user.account", parentKey: "user", name: "Account information", description: "Account creation or registration information.", ...GROUPING },
  {
    key: "user.account.username",
    parentKey: "user.account",
    name: "Account username",
    description: "Username of the account, in our app or on a third-party platform (e.g. the buyer's Amazon username).",
    // CCPA A "account name"; 28 CFR 202.234(f) account-authentication data ("account username").
    ...listedIdentifier("account_authentication"),
  },
  {
    key: "user.account.third_party_profile",
    parentKey: "user.account",
    name: "Third-party login profile",
    description:
      "(own key) Account id and display name at a third-party login provider, with the profile it shares on the user's authorisation (personal statement included). Profile fields with their own category (gender, birth date, age, city, photo, phone, email) are tagged with it.",
    // CCPA A "online identifier ... account name". 202.234(d) names "similar public account identifiers" next
    // to the email address: an account at a public platform is contact data, not (f) authentication data (no
    // credential of ours), so 202.212(b)(1) applies when it is linked only to other contact data.
    ...listedIdentifier("demographic_contact"),
  },

  // --- Authentication ------------------------------------------------------------------------------
  { key: "user.authorization", parentKey: "user", name: "Authorization information", description: "Credentials and permissions to access a system.", ...GROUPING },
  {
    key: "user.authorization.password",
    parentKey: "user.authorization",
    name: "Password",
    description: "Password (or its hash) of the account.",
    gdprSpecial: false,
    // 1798.140(ae)(1)(B): account log-in in combination with a password is sensitive; it fits no other
    // letter than L itself.
    ccpaCategory: "L",
    ccpaSensitive: true,
    // GB/T 35273-2020 Annex B lists authentication data (口令) as sensitive: its leak harms property safety (Art. 28).
    piplSensitive: true,
    // 202.234(f) account-authentication data ("account password").
    dojCategory: "covered_identifier",
    dojIdentifierKind: "account_authentication",
  },

  // --- Behaviour -----------------------------------------------------------------------------------
  { key: "user.behavior", parentKey: "user", name: "Observed behaviour", description: "Behavioural data about the user, observed through their use of a product.", ...GROUPING },
  {
    key: "user.behavior.usage_log",
    parentKey: "user.behavior",
    name: "Usage and operation logs",
    description:
      "(own key) Operation logs of the app and device: registration, log-in and exit times, devices added, video viewing, recording, photos, intercom, mute, timers, verification-code requests, downloads; used functions, their results, time, frequency and duration.",
    // CCPA F: "information regarding a consumer's interaction with an ... application".
    ...ordinary("F"),
  },
  {
    key: "user.behavior.crash_log",
    parentKey: "user.behavior",
    name: "Crash logs",
    description: "(own key) Crash and error reports of the app or the device firmware (stack trace, app and OS version, time).",
    // CCPA F: the policy's California notice lists "crash information" under network activity.
    ...ordinary("F"),
  },
  {
    key: "user.behavior.purchase_history",
    parentKey: "user.behavior",
    name: "Purchase history and orders",
    description: "Products bought and order records (order number, product, date), including orders placed on a third-party marketplace such as Amazon.",
    gdprSpecial: false,
    // CCPA D "records of ... products or services purchased".
    ccpaCategory: "D",
    ccpaSensitive: false,
    // PIPL Art. 28 names financial accounts, not order records; GB/T 35273 B.2 "交易和消费记录" is applied to
    // the payment data (user.payment), not to the mere fact of buying a camera.
    piplSensitive: false,
    dojCategory: "none",
    dojIdentifierKind: null,
  },

  // --- Biometrics ----------------------------------------------------------------------------------
  {
    key: "user.biometric",
    parentKey: "user",
    name: "Biometric data",
    description: "Encoded physical or behavioural characteristics used to recognise a person (fideslang 3.2 draft: user.biometrics).",
    ...BIOMETRIC_IDENTIFIER,
  },
  {
    key: "user.biometric.face",
    parentKey: "user.biometric",
    name: "Facial recognition data",
    description:
      "(own key) Face images enrolled for recognition (e.g. a camera's 'familiar faces') and the face templates computed from them, of users and of people in their home.",
    // Recital 51: a photograph is biometric data only when processed by specific technical means to
    // identify; these faces are, so they are Art. 9 data. Plain footage is user.sensor.camera_footage.
    ...BIOMETRIC_IDENTIFIER,
  },
  {
    key: "user.biometric.voice",
    parentKey: "user.biometric",
    name: "Voiceprint",
    description: "Voice characteristics used to recognise a speaker (a voiceprint). Recorded speech is user.sensor.audio.",
    // 202.204 names "voice prints"; GB/T 35273 B.2 lists 声纹 under biometrics.
    ...BIOMETRIC_IDENTIFIER,
  },
  {
    key: "user.biometric.fingerprint",
    parentKey: "user.biometric",
    name: "Fingerprint",
    description: "Fingerprint images or templates.",
    ...BIOMETRIC_IDENTIFIER,
  },

  // --- Children ------------------------------------------------------------------------------------
  {
    key: "user.childrens",
    parentKey: "user",
    name: "Children's data",
    description:
      "Data relating to children: tag it next to the data's own categories when the people concerned include children (under 14 in China, under 16 for a CCPA opt-in, under 13 for COPPA).",
    // GDPR: no Art. 9 category (Art. 8 sets conditions for consent, Recital 38 asks for specific protection).
    gdprSpecial: false,
    // CCPA: no letter of its own (1798.120(c)-(d): opt-in before selling or sharing a minor's data under 16);
    // the data keeps the letters of its own categories.
    ccpaCategory: null,
    ccpaSensitive: false,
    // PIPL Art. 28: personal information of minors under 14 is sensitive; Art. 31 requires the guardian's consent.
    piplSensitive: true,
    dojCategory: "none",
    dojIdentifierKind: null,
  },

  // --- Contact -------------------------------------------------------------------------------------
  { key: "user.contact", parentKey: "user", name: "Contact data", description: "Contact data of the user.", ...GROUPING },
  {
    key: "user.contact.email",
    parentKey: "user.contact",
    name: "Email address",
    description: "Email address of the user.",
    // CCPA A "email address"; 202.234(d) contact data.
    ...listedIdentifier("demographic_contact"),
  },
  {
    key: "user.contact.phone_number",
    parentKey: "user.contact",
    name: "Phone number",
    description: "Mobile or landline phone number.",
    gdprSpecial: false,
    // A telephone number is named in 1798.80(e), hence category B (A's list does not name it).
    ccpaCategory: "B",
    ccpaSensitive: false,
    piplSensitive: false,
    // 202.234(d) "phone number".
    dojCategory: "covered_identifier",
    dojIdentifierKind: "demographic_contact",
  },
  {
    key: "user.contact.address",
    parentKey: "user.contact",
    name: "Postal address",
    description: "Full postal or mailing address (delivery, domicile, after-sales contact address).",
    // CCPA A "postal address"; 202.234(d) "residential street or postal address".
    ...listedIdentifier("demographic_contact"),
  },
  {
    key: "user.contact.address.city",
    parentKey: "user.contact.address",
    name: "City",
    description: "City of residence or current city (e.g. from a third-party login profile).",
    // Part of the postal address the policy's California notice lists under A; alone it is neither
    // precise geolocation (1798.140(w)) nor a 202.234(d) item (which names the ZIP code and street address).
    ...ordinary("A"),
  },
  {
    key: "user.contact.address.country",
    parentKey: "user.contact.address",
    name: "Country or region",
    description: "Country or region of the user, e.g. the region chosen at account registration.",
    ...ordinary("A"),
  },
  {
    key: "user.contact.address.postal_code",
    parentKey: "user.contact.address",
    name: "Postal code",
    description: "Postal or ZIP code.",
    // 202.234(d) names the ZIP code.
    ...listedIdentifier("demographic_contact"),
  },

  // --- Content -------------------------------------------------------------------------------------
  { key: "user.content", parentKey: "user", name: "User content", description: "Content created by or about the user.", ...GROUPING },
  {
    key: "user.content.private",
    parentKey: "user.content",
    name: "Private content",
    description:
      "Content the user creates or sends and does not make public: messages, feedback and support requests with their attachments, notes. Camera footage and voice recordings have their own categories (user.sensor.*).",
    gdprSpecial: false,
    // CCPA H "audio, electronic, visual ... or similar information". Sensitive only as the contents of mail,
    // email or texts of which the business is not the intended recipient (1798.140(ae)(1)(E)); a message to us
    // (a support request) is not, and no key here stands for third parties' correspondence.
    ccpaCategory: "H",
    ccpaSensitive: false,
    // GB/T 35273-2020 Table B.2 lists communication records and contents (通信记录和内容) as sensitive.
    piplSensitive: true,
    // Not a 202.249 category; personal communications are excluded from sensitive personal data (202.249(b)(3)).
    dojCategory: "none",
    dojIdentifierKind: null,
  },
  {
    key: "user.content.self_image",
    parentKey: "user.content",
    name: "User photo",
    description: "Photograph in which the user can be recognised: avatar, profile photo from a login provider.",
    gdprSpecial: false,
    // CCPA H "visual information". Not biometric: no face template is computed (Recital 51; 202.204 requires
    // enrolment; GB/T 35273 B.2 lists facial recognition features, not photographs).
    ccpaCategory: "H",
    ccpaSensitive: false,
    piplSensitive: false,
    dojCategory: "none",
    dojIdentifierKind: null,
  },

  // --- Demographic ---------------------------------------------------------------------------------
  { key: "user.demographic", parentKey: "user", name: "Demographic data", description: "Demographic data about the user.", ...GROUPING },
  {
    key: "user.demographic.gender",
    parentKey: "user.demographic",
    name: "Gender",
    description: "Gender or sex of the user.",
    // CCPA C: sex and gender are protected classifications (Cal. Gov. Code 12940). Not an Art. 9 category.
    ...ordinary("C"),
  },
  {
    key: "user.demographic.date_of_birth",
    parentKey: "user.demographic",
    name: "Date of birth",
    description: "Date of birth.",
    gdprSpecial: false,
    // CCPA C: age (40 and over) is a protected classification and a birth date reveals it.
    ccpaCategory: "C",
    ccpaSensitive: false,
    piplSensitive: false,
    // 202.234(d) "birth date".
    dojCategory: "covered_identifier",
    dojIdentifierKind: "demographic_contact",
  },
  {
    key: "user.demographic.age_range",
    parentKey: "user.demographic",
    name: "Age or age range",
    description: "Age or age range, without the birth date.",
    // Age is a protected classification (C). An age showing a child under 14 makes the rest of that
    // child's data PIPL-sensitive (Art. 28, 31): record it on the activity's data subjects.
    ...ordinary("C"),
  },
  {
    key: "user.demographic.race_ethnicity",
    parentKey: "user.demographic",
    name: "Racial or ethnic origin",
    description: "Racial or ethnic origin.",
    gdprSpecial: true,
    ccpaCategory: "C",
    // 1798.140(ae)(1)(D).
    ccpaSensitive: true,
    // Treated as 特定身份 (specific identity) under PIPL Art. 28.
    piplSensitive: true,
    dojCategory: "none",
    dojIdentifierKind: null,
  },
  {
    key: "user.demographic.religious_belief",
    parentKey: "user.demographic",
    name: "Religious beliefs",
    description: "Religion or religious beliefs (GDPR Art. 9(1) with philosophical beliefs, which have their own key).",
    gdprSpecial: true,
    ccpaCategory: "C",
    // 1798.140(ae)(1)(D); PIPL Art. 28 宗教信仰.
    ccpaSensitive: true,
    piplSensitive: true,
    dojCategory: "none",
    dojIdentifierKind: null,
  },
  {
    key: "user.demographic.sexual_orientation",
    parentKey: "user.demographic",
    name: "Sexual orientation",
    description: "Sexual orientation (GDPR Art. 9(1) with sex life, which has its own key).",
    gdprSpecial: true,
    ccpaCategory: "C",
    // 1798.140(ae)(2)(C); GB/T 35273 B.2 性取向.
    ccpaSensitive: true,
    piplSensitive: true,
    dojCategory: "none",
    dojIdentifierKind: null,
  },
  {
    key: "user.demographic.sex_life",
    parentKey: "user.demographic",
    name: "Sex life",
    description: "(own key) Data concerning a person's sex life (GDPR Art. 9(1)).",
    gdprSpecial: true,
    // CCPA C: sex is a protected classification (Cal. Gov. Code 12940); sensitive under 1798.140(ae)(2)(C).
    ccpaCategory: "C",
    ccpaSensitive: true,
    // PIPL Art. 28 general test (dignity): the same reason GB/T 35273 B.2 lists 性取向 and 婚史.
    piplSensitive: true,
    dojCategory: "none",
    dojIdentifierKind: null,
  },
  {
    key: "user.demographic.political_opinion",
    parentKey: "user.demographic",
    name: "Political opinions",
    description: "Political opinions or beliefs, party or movement affiliation (GDPR Art. 9(1)).",
    gdprSpecial: true,
    // CCPA C: political activities and affiliations of employees are protected (Cal. Lab. Code 1101-1102).
    // Not sensitive: 1798.140(ae) does not list political opinions.
    ccpaCategory: "C",
    ccpaSensitive: false,
    // Neither PIPL Art. 28 nor GB/T 35273 B.2 names them; Art. 28's open list ("等") and its test (harm to
    // dignity, discrimination) make them sensitive: the cautious reading.
    piplSensitive: true,
    dojCategory: "none",
    dojIdentifierKind: null,
  },
  {
    key: "user.demographic.philosophical_belief",
    parentKey: "user.demographic",
    name: "Philosophical beliefs",
    description: "(own key; the fideslang 3.2 draft adds the same key) Philosophical or moral convictions (GDPR Art. 9(1)).",
    gdprSpecial: true,
    // CCPA C: sincerely held moral or ethical beliefs count as religious creed (2 CCR 11060(b));
    // 1798.140(ae)(1)(D) names "religious or philosophical beliefs".
    ccpaCategory: "C",
    ccpaSensitive: true,
    // PIPL Art. 28 names 宗教信仰 (religious belief); a philosophical conviction is a belief of the same order.
    piplSensitive: true,
    dojCategory: "none",
    dojIdentifierKind: null,
  },
  {
    key: "user.demographic.union_membership",
    parentKey: "user.demographic",
    name: "Trade-union membership",
    description: "(own key; the fideslang 3.2 draft adds the same key) Membership of a trade union (GDPR Art. 9(1)).",
    gdprSpecial: true,
    // CCPA C: union membership is protected from discrimination under federal law (29 U.S.C. 158(a)(3));
    // sensitive under 1798.140(ae)(1)(D).
    ccpaCategory: "C",
    ccpaSensitive: true,
    // Not sensitive under PIPL: neither Art. 28 nor GB/T 35273 B.2 names it, and membership of a union under
    // the PRC Trade Union Law is ordinary for employees, not a 特定身份 whose disclosure harms dignity.
    piplSensitive: false,
    dojCategory: "none",
    dojIdentifierKind: null,
  },

  // --- Device --------------------------------------------------------------------------------------
  { key: "user.device", parentKey: "user", name: "Device data", description: "Data about the user's phone or smart device, its configuration and identifiers.", ...GROUPING },
  {
    key: "user.device.device_id",
    parentKey: "user.device",
    name: "Device ID",
    description: "Unique identifier of the phone or of the smart device (serial number, vendor device id).",
    // CCPA A "unique personal identifier" (1798.140(aj) names device identifiers); 202.234(c) device-based identifier.
    ...listedIdentifier("device"),
  },
  {
    key: "user.device.imei",
    parentKey: "user.device",
    name: "IMEI",
    description: "(own key) International Mobile Equipment Identity of the phone or of a cellular device.",
    // 202.234(c) names the IMEI.
    ...listedIdentifier("device"),
  },
  {
    key: "user.device.mac_address",
    parentKey: "user.device",
    name: "MAC address",
    description: "(own key) Hardware address of a network interface (Wi-Fi, Bluetooth, Ethernet).",
    // 202.234(c) names the MAC address.
    ...listedIdentifier("device"),
  },
  {
    key: "user.device.ip_address",
    parentKey: "user.device",
    name: "IP address",
    description: "IP address of the connection.",
    // CCPA A names the "Internet Protocol address"; 202.234(g) network-based identifier.
    ...listedIdentifier("network"),
  },
  {
    key: "user.device.cookie",
    parentKey: "user.device",
    name: "Cookie data",
    description: "Data about the user stored in a cookie or similar browser storage (e.g. a bot-management or preference cookie).",
    // CCPA A: 1798.140(aj) counts cookies among persistent identifiers; 202.234(g) names "cookie data".
    ...listedIdentifier("network"),
  },
  {
    key: "user.device.cookie_id",
    parentKey: "user.device",
    name: "Cookie ID",
    description: "Identifier stored in a cookie or similar browser storage.",
    // 202.234(g) names "cookie data": a network-based identifier.
    ...listedIdentifier("network"),
  },
  {
    key: "user.device.advertising_id",
    parentKey: "user.device",
    name: "Advertising ID",
    description: "(own key) Mobile advertising identifier: Google Advertising ID, Apple IDFA.",
    // 202.234(e) advertising identifier.
    ...listedIdentifier("advertising_id"),
  },
  {
    key: "user.device.push_token",
    parentKey: "user.device",
    name: "Push token",
    description: "(own key) Push-notification token of an app installation on a device (FCM registration token, APNs device token): the policy's 'device push code'.",
    // A platform-issued token bound to one app installation on one device (Apple calls it a "device token"):
    // a 202.234(c) device-based identifier rather than a (g) network-based one, since it names the device, not a
    // connection; CCPA A "unique personal identifier" (1798.140(aj)).
    ...listedIdentifier("device"),
  },
  {
    key: "user.device.attributes",
    parentKey: "user.device",
    name: "Device attributes",
    description:
      "(own key) Model and brand, operating-system version, screen size, browser type, carrier, system language, time zone.",
    // CCPA A: the policy's California notice lists these under Identifiers; combined they form a
    // probabilistic identifier (1798.140(aj)). None of them is a 202.234 listed identifier.
    ...ordinary("A"),
  },
  {
    key: "user.device.installed_apps",
    parentKey: "user.device",
    name: "Installed applications",
    description: "(own key) List of applications on the phone and unique application numbers.",
    // CCPA F: the policy's notice lists "information about the mobile applications ... installed or used" there.
    ...ordinary("F"),
  },

  // --- Financial -----------------------------------------------------------------------------------
  { key: "user.financial", parentKey: "user", name: "Financial data", description: "Financial accounts and history of the user.", ...GROUPING },
  {
    key: "user.financial.bank_account",
    parentKey: "user.financial",
    name: "Bank account",
    description: "Bank account number and access credentials.",
    gdprSpecial: false,
    // 1798.80(e) names the bank account number (B); sensitive with its access code (1798.140(ae)(1)(B)).
    ccpaCategory: "B",
    ccpaSensitive: true,
    // PIPL Art. 28 金融账户.
    piplSensitive: true,
    // 202.240 personal financial data. The number is also a 202.234(b) listed identifier, but marking it
    // listed would make it count only when linked, and financial data counts on its own.
    dojCategory: "financial",
    dojIdentifierKind: null,
  },
  {
    key: "user.financial.credit_card",
    parentKey: "user.financial",
    name: "Payment card",
    description: "Credit or debit card number with expiry date and security code.",
    gdprSpecial: false,
    ccpaCategory: "B",
    ccpaSensitive: true,
    piplSensitive: true,
    dojCategory: "financial",
    dojIdentifierKind: null,
  },
  {
    key: "user.payment",
    parentKey: "user",
    name: "Payment record",
    description: "Payment amount, time and method of an order (no card or account number), e.g. from a marketplace or payment provider.",
    gdprSpecial: false,
    // CCPA D: a record of a purchase; not sensitive without an account number and code (1798.140(ae)(1)(B)).
    ccpaCategory: "D",
    ccpaSensitive: false,
    // GB/T 35273-2020 Annex B lists payment and transaction records (支付收款记录, 交易和消费记录) as sensitive.
    piplSensitive: true,
    // 202.240: "data about an individual's credit, charge, or debit card ... including purchases and payment
    // history": read cautiously, a card-paid order's payment record is personal financial data.
    dojCategory: "financial",
    dojIdentifierKind: null,
  },

  // --- Government identifiers ----------------------------------------------------------------------
  { key: "user.government_id", parentKey: "user", name: "Government ID", description: "State-issued identification data.", ...GROUPING },
  {
    key: "user.government_id.national_identification_number",
    parentKey: "user.government_id",
    name: "National identification number",
    description: "National ID or social security number.",
    gdprSpecial: false, // Art. 87 lets Member States set conditions; it is not an Art. 9 category.
    // CCPA A "social security number"; sensitive (1798.140(ae)(1)(A)).
    ccpaCategory: "A",
    ccpaSensitive: true,
    // GB/T 35273 B.2 lists identity-card numbers as sensitive.
    piplSensitive: true,
    // 202.234(a) government identification number.
    dojCategory: "covered_identifier",
    dojIdentifierKind: "government_id",
  },
  {
    key: "user.government_id.passport_number",
    parentKey: "user.government_id",
    name: "Passport number",
    description: "Passport number.",
    gdprSpecial: false,
    ccpaCategory: "A",
    ccpaSensitive: true,
    piplSensitive: true,
    dojCategory: "covered_identifier",
    dojIdentifierKind: "government_id",
  },
  {
    key: "user.government_related",
    parentKey: "user",
    name: "US government-related data",
    description:
      "(own key) 28 CFR 202.222 government-related data, covered by the DOJ rule at any volume: precise geolocation within an area on the Government-Related Location Data List (202.1401: federal worksites, military installations), or sensitive personal data marketed as linked to current or recent former US government employees or contractors (military and intelligence community included). Tag it next to the data's own categories.",
    gdprSpecial: false,
    // CCPA I: what it adds to the data's own categories is a person's link to government employment or to a
    // government site; the location or identifiers keep their own letters (and G's sensitivity).
    ccpaCategory: "I",
    ccpaSensitive: false,
    // PIPL Art. 28 names 特定身份 (specific identity): a military or intelligence position is one whose
    // disclosure endangers the person.
    piplSensitive: true,
    dojCategory: "government_related",
    dojIdentifierKind: null,
  },

  // --- Health --------------------------------------------------------------------------------------
  {
    key: "user.health_and_medical",
    parentKey: "user",
    name: "Health data",
    description:
      "Health records or personal medical information (fideslang 3.2 draft: user.health). Genetic and other 'omic data have their own keys below.",
    gdprSpecial: true,
    // 1798.80(e) names medical information (B); sensitive under 1798.140(ae)(2)(B).
    ccpaCategory: "B",
    ccpaSensitive: true,
    // PIPL Art. 28 医疗健康; 28 CFR 202.241 personal health data.
    piplSensitive: true,
    dojCategory: "health",
    dojIdentifierKind: null,
  },
  {
    key: "user.health_and_medical.genetic",
    parentKey: "user.health_and_medical",
    name: "Human genomic data",
    description:
      "Data about a person's genetic make-up: DNA sequences, whole or partial genomes, the results of a genetic test (28 CFR 202.224(a)(1); GDPR Art. 4(13)).",
    // GDPR Art. 9(1) genetic data.
    gdprSpecial: true,
    // CCPA E: biometric information includes DNA (1798.140(c)); sensitive as genetic data (1798.140(ae)(1)(F)).
    ccpaCategory: "E",
    ccpaSensitive: true,
    // GB/T 35273-2020 Table B.2 lists 个人基因 among biometric information.
    piplSensitive: true,
    // 202.224(a)(1) human genomic data: bulk above 100 U.S. persons (202.205(a)).
    dojCategory: "genomic",
    dojIdentifierKind: null,
  },
  {
    key: "user.health_and_medical.omic",
    parentKey: "user.health_and_medical",
    name: "Other human 'omic data",
    description:
      "(own key) Human epigenomic, proteomic or transcriptomic data from a systems-level analysis (28 CFR 202.224(a)(2)-(4)); routine clinical measurements for a patient's care are plain health data.",
    // GDPR Art. 9(1): acquired genetic characteristics (Art. 4(13)) or data concerning health (Art. 4(15)).
    gdprSpecial: true,
    // CCPA B medical information (1798.80(e)); sensitive as health data (1798.140(ae)(2)(B)).
    ccpaCategory: "B",
    ccpaSensitive: true,
    // PIPL Art. 28 医疗健康 (GB/T 35273 B.2 个人健康生理信息).
    piplSensitive: true,
    // 202.224(a)(2)-(4): bulk above 1,000 U.S. persons (202.205(a)); bulk 'omic data is prohibited (202.303).
    dojCategory: "omic",
    dojIdentifierKind: null,
  },

  // --- Criminal convictions and offences -----------------------------------------------------------
  {
    key: "user.criminal_history",
    parentKey: "user",
    name: "Criminal convictions and offences",
    description:
      "Criminal records or information about offences, convictions and related security measures. GDPR Art. 10 data, not an Art. 9 special category: processed only under official authority or when Union or Member State law authorises it.",
    // Art. 10, not Art. 9(1): see the header.
    gdprSpecial: false,
    // CCPA I: a business receives conviction history through employment background checks (its use is
    // governed by Cal. Gov. Code 12952); no other letter names it. Not in 1798.140(ae).
    ccpaCategory: "I",
    ccpaSensitive: false,
    // GB/T 35273-2020 Table B.2 lists undisclosed criminal records (未公开的违法犯罪记录) as sensitive.
    piplSensitive: true,
    dojCategory: "none",
    dojIdentifierKind: null,
  },

  // --- Professional --------------------------------------------------------------------------------
  {
    key: "user.job_title",
    parentKey: "user",
    name: "Job title",
    description: "Job title or professional role (fideslang 3.2 draft: user.professional_information.job_title).",
    ...ordinary("I"),
  },

  // --- Location ------------------------------------------------------------------------------------
  { key: "user.location", parentKey: "user", name: "Location data", description: "Records of the location of the user or of their device.", ...GROUPING },
  {
    key: "user.location.precise",
    parentKey: "user.location",
    name: "Precise location",
    description: "Location within about 500 m (fideslang); in law, within 1,850 ft (CCPA) or 1,000 m (US DOJ).",
    ...PRECISE_LOCATION,
  },
  {
    key: "user.location.precise.gps",
    parentKey: "user.location.precise",
    name: "GPS location",
    description: "(own key) Satellite (GPS) position of the phone or device.",
    ...PRECISE_LOCATION,
  },
  {
    key: "user.location.precise.wifi",
    parentKey: "user.location.precise",
    name: "Wi-Fi location",
    description:
      "(own key) Position derived from Wi-Fi access points, including the name (SSID) and hardware address (BSSID) of the home network read by the app.",
    ...PRECISE_LOCATION,
  },
  {
    key: "user.location.precise.bluetooth",
    parentKey: "user.location.precise",
    name: "Bluetooth location",
    description: "(own key) Position derived from nearby Bluetooth devices or beacons.",
    ...PRECISE_LOCATION,
  },
  {
    key: "user.location.imprecise",
    parentKey: "user.location",
    name: "Approximate location",
    description: "Location coarser than about 500 m, e.g. derived from the IP address (fideslang 3.2 draft: user.location.coarse).",
    // CCPA G geolocation, but outside the 1,850-ft "precise" radius; not 行踪轨迹; beyond 202.242's 1,000 m.
    ...ordinary("G"),
  },

  // --- Name ----------------------------------------------------------------------------------------
  {
    key: "user.name",
    parentKey: "user",
    name: "Name",
    description: "Real name of the user (first and last name).",
    // CCPA A "real name"; 202.234(d) "first and last name".
    ...listedIdentifier("demographic_contact"),
  },

  // --- Sensors (camera, microphone, mapping) -------------------------------------------------------
  {
    key: "user.sensor",
    parentKey: "user",
    name: "Sensor data",
    description: "Data captured by a device's sensors about the user's environment (fideslang 3.2 draft: user.device.sensor).",
    ...GROUPING,
  },
  {
    key: "user.sensor.camera_footage",
    parentKey: "user.sensor",
    name: "Camera footage of the home",
    description:
      "(own key) Images and video from a home camera or robot: indoor layout, objects on the floor, household members, visitors and pets, faces included, when no face recognition is applied.",
    // GDPR: footage is not biometric data unless processed to identify (Recital 51), so not Art. 9 by itself;
    // it can still reveal Art. 9 data (health aids, religious objects) and calls for a DPIA (Art. 35(3)).
    gdprSpecial: false,
    // CCPA H "visual information"; no 1798.140(ae) item.
    ccpaCategory: "H",
    ccpaSensitive: false,
    // PIPL: treated as sensitive. Footage inside homes routinely shows children under 14, whose personal
    // information Art. 28 lists, and faces (人脸信息), which Chinese courts and the CAC treat as sensitive
    // (SPC Provisions on facial-recognition cases, 2021). The cautious reading for export volumes.
    piplSensitive: true,
    // Not a biometric identifier: 202.204 requires enrolment in a biometric system.
    dojCategory: "none",
    dojIdentifierKind: null,
  },
  {
    key: "user.sensor.home_map",
    parentKey: "user.sensor",
    name: "Home map",
    description: "(own key) Floor plan of the home built by a robot: rooms, layout, obstacles and the position of items on the floor.",
    // CCPA H "electronic ... or similar information".
    ...ordinary("H"),
  },
  {
    key: "user.sensor.audio",
    parentKey: "user.sensor",
    name: "Voice recordings",
    description:
      "(own key) Recorded speech: remote conversations (intercom) with the people on the other side, and voice commands. A voiceprint used to recognise the speaker is user.biometric.voice.",
    // CCPA H "audio ... information". A recording is not a voiceprint: not Art. 9 (Recital 51 by analogy),
    // not 声纹, not a 202.204 biometric identifier.
    ...ordinary("H"),
  },

  // --- Telemetry -----------------------------------------------------------------------------------
  {
    key: "user.telemetry",
    parentKey: "user",
    name: "Device telemetry",
    description:
      "Measurements a device reports about its own operation, linked to the user's device: battery, motor and sensor readings, firmware state, connectivity and error counters (fideslang 3.2 draft: user.device.telemetry).",
    // CCPA F, like the policy's operation logs: information about the consumer's interaction with the product.
    ...ordinary("F"),
  },

  // --- Unique identifiers --------------------------------------------------------------------------
  {
    key: "user.unique_id",
    parentKey: "user",
    name: "User ID",
    description: "Identifier the service assigns to the user's account (internal user or customer number).",
    // CCPA A: 1798.140(aj) names a "customer number, unique pseudonym, or user alias". Not a 202.234 listed
    // identifier: an internal number is neither public contact data (d) nor authentication data (f). It is what
    // links a data set (202.212(a)(2)), which the rules read from the other categories of the same transfer.
    ...ordinary("A"),
  },
  {
    key: "user.unique_id.pseudonymous",
    parentKey: "user.unique_id",
    name: "Pseudonymous ID",
    description:
      "Pseudonymous or probabilistic identifier generated from the user's or the device's data, e.g. an analytics SDK's app-instance id or client id.",
    // CCPA A "unique pseudonym", "probabilistic identifier" (1798.140(aj)). An SDK's installation id is not one of
    // the 202.234 fields either (a cookie's is: user.device.cookie_id).
    ...ordinary("A"),
  },
] as const satisfies readonly DataCategorySeed[];

/** Every key of the taxonomy, for compile-time checked references (the demo seed, tests). */
export type DataCategoryKey = (typeof TAXONOMY)[number]["key"];

export const DATA_CATEGORY_TAXONOMY: readonly DataCategorySeed[] = TAXONOMY;
