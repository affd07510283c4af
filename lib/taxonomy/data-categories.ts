import type { CcpaCategory, DojCategory, DojIdentifierKind } from "@/db/schema/enums";

/*
 * The data-category taxonomy, loaded into data_categories at every start-up (db/seed/reference.ts).
 *
 * Keys: the fideslang v3.0 key wherever fideslang has the category (https://github.com/ethyca/fideslang,
 * src/fideslang/default_taxonomy/data_categories.py), so that records exchanged with Fides-based tools
 * keep their meaning. fideslang 3.2 renamed some of them and kept the old key as deprecated with a
 * `replaced_by`: user.biometric -> user.biometrics, user.location.imprecise -> user.location.coarse,
 * user.sensor -> user.device.sensor. We keep the 3.0 keys (still valid, and the ones DOMAIN.md uses); an
 * importer of 3.2 data maps the new keys back. Our own keys hang under the nearest fideslang parent and
 * are marked "(own key)" in the description.
 *
 * Classification of each category under each regime, as of 2026-11:
 * - gdprSpecial: GDPR Art. 9(1) special category.
 * - ccpaCategory: Cal. Civ. Code 1798.140(v)(1) letter A-L. The letters overlap (a phone number is in both A's
 *   spirit and B's list); we record the one the statute names the item in, and say so where it is not obvious.
 * - ccpaSensitive: 1798.140(ae) sensitive personal information.
 * - piplSensitive: PIPL Art. 28 sensitive personal information, read with the national standard
 *   GB/T 35273-2020 Annex B (the list regulators and courts use to apply Art. 28).
 * - dojCategory: 28 CFR 202.249 kind of sensitive personal data; dojIdentifierKind: 202.234 kind of listed
 *   identifier. A listed identifier is a covered personal identifier (202.212) only when linked to another
 *   listed identifier or to other sensitive personal data, so it carries dojCategory "covered_identifier"
 *   and the flag; the rules engine decides the linking per transfer (lib/rules/doj.ts).
 *
 * Grouping nodes (user, user.device, ...) gather children whose classifications differ; they carry none and
 * data should be tagged with a leaf. A parent whose children all share one classification (user.biometric,
 * user.location.precise) carries it, and so does user.contact.address, which stands for a full postal address.
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
    // CCPA A "online identifier ... account name"; 202.234(d) "similar public account identifiers".
    ...listedIdentifier("account_authentication"),
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
    description: "Encoded physical or behavioural characteristics used to recognise a person (fideslang 3.2: user.biometrics).",
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
    name: "Religious or philosophical beliefs",
    description: "Religion, religious or philosophical beliefs.",
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
    description: "Sexual orientation or sex life.",
    gdprSpecial: true,
    ccpaCategory: "C",
    // 1798.140(ae)(2)(C); GB/T 35273 B.2 性取向.
    ccpaSensitive: true,
    piplSensitive: true,
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
    key: "user.device.cookie_id",
    parentKey: "user.device",
    name: "Cookie ID",
    description: "Identifier stored in a cookie or similar browser storage.",
    // 202.234(g) names "cookie data".
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
    // A platform-issued token bound to one app on one device: treated as a 202.234(c) device-based
    // identifier, the cautious reading; CCPA A "unique personal identifier".
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
    // 202.241 personal financial data. The number is also a 202.234(b) listed identifier, but marking it
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
    // 202.241: "data about an individual's credit, charge, or debit card ... including purchases or payment
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

  // --- Health --------------------------------------------------------------------------------------
  {
    key: "user.health_and_medical",
    parentKey: "user",
    name: "Health data",
    description: "Health records or personal medical information (fideslang 3.2: user.health).",
    gdprSpecial: true,
    // 1798.80(e) names medical information (B); sensitive under 1798.140(ae)(2)(B).
    ccpaCategory: "B",
    ccpaSensitive: true,
    // PIPL Art. 28 医疗健康; 28 CFR 202.241 personal health data.
    piplSensitive: true,
    dojCategory: "health",
    dojIdentifierKind: null,
  },

  // --- Professional --------------------------------------------------------------------------------
  {
    key: "user.job_title",
    parentKey: "user",
    name: "Job title",
    description: "Job title or professional role (fideslang 3.2: user.professional_information.job_title).",
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
    description: "Location coarser than about 500 m, e.g. derived from the IP address (fideslang 3.2: user.location.coarse).",
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
    description: "Data captured by a device's sensors about the user's environment (fideslang 3.2: user.device.sensor).",
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
] as const satisfies readonly DataCategorySeed[];

/** Every key of the taxonomy, for compile-time checked references (the demo seed, tests). */
export type DataCategoryKey = (typeof TAXONOMY)[number]["key"];

export const DATA_CATEGORY_TAXONOMY: readonly DataCategorySeed[] = TAXONOMY;
