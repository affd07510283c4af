import { z } from "zod";
import type { ControllerContact } from "@/db/queries/export-common";
import { iterateRopa, listRopaSections, type RopaAgreementKind, type RopaCategory, type RopaRecipientKind, type RopaRow } from "@/db/queries/exports-ropa";
import type { Art9Condition, SecurityMeasure } from "@/db/schema/enums";
import { countryName, enumLabel, formatDate } from "@/lib/labels";
import { categoryNameFr } from "@/lib/taxonomy/names-fr";
import { CNIL_CATEGORY_GROUPS, cnilCategoriesText, groupByCnilCategory, shortLabel } from "./cnil-categories";
import type { CellValue } from "./neutralize";
import type { ExportColumn, ExportMeta, ReportDefinition, ReportLanguage } from "./report";

/*
 * The GDPR Art. 30(1) record in three layouts: the article's own order (generic, in the export's language),
 * the UK ICO's controller template (English) and the CNIL's model register (French). Every value a person
 * reads is a label from the catalogue (lib/labels) or a word of the layout's language below; the codes the
 * register stores stay in the JSON record only. Text the organisation typed (purposes, retention, names,
 * contacts) is written as typed: those are its own words.
 */

/** Written where the record has no value: Art. 30(1)(f) and (g) are "where possible", so a gap shows. */
export const MISSING = "MISSING — not recorded";
/** Written where nothing applies (no joint controller, no third-country transfer). */
export const NONE = "None";
/** Written in a column the template asks "if applicable", where it does not apply. */
export const NOT_APPLICABLE = "Not applicable";
/** The same marks in French (the CNIL register, and the generic layout asked in French). */
export const MISSING_FR = "MANQUANT — non renseigné";
export const NONE_FR = "Aucun";
export const NOT_APPLICABLE_FR = "Sans objet";

/** The words the record composes around its values, in the layout's language. */
const WORDS = {
  en: {
    missing: MISSING,
    none: NONE,
    notApplicable: NOT_APPLICABLE,
    yes: "Yes",
    no: "No",
    /** Between the items of a list, and between a label and its value. */
    list: "; ",
    /** Between the values of one labelled item ("encryption in transit: TLS 1.2, TLS 1.3"). */
    values: ", ",
    colon: ": ",
    mechanisms: "mechanisms",
    agreements: "agreements",
    inTransit: "encryption in transit",
    atRest: "encryption at rest",
    eu: "EU",
    uk: "UK",
    activity: "activity",
    processor: "vendor",
    transfer: "transfer",
    // The English wording of the pending mark is read by the reports' tests and by people used to it.
    unapprovedTransfers: (count: number) => `${count} unapproved transfer(s) included`,
  },
  fr: {
    missing: MISSING_FR,
    none: NONE_FR,
    notApplicable: NOT_APPLICABLE_FR,
    yes: "Oui",
    no: "Non",
    // French typography: a space before the semicolon and the colon.
    list: " ; ",
    values: ", ",
    colon: " : ",
    mechanisms: "outils de transfert",
    agreements: "contrats",
    inTransit: "chiffrement en transit",
    atRest: "chiffrement au repos",
    eu: "UE",
    uk: "Royaume-Uni",
    activity: "activité",
    processor: "prestataire",
    transfer: "transfert",
    unapprovedTransfers: (count: number) => (count === 1 ? "1 transfert non validé inclus" : `${count} transferts non validés inclus`),
  },
} as const satisfies Record<ReportLanguage, unknown>;

export const ROPA_TEMPLATES = ["generic", "ico", "cnil"] as const;
export type RopaTemplate = (typeof ROPA_TEMPLATES)[number];

const present = (value: string | null | undefined): value is string => typeof value === "string" && value.trim() !== "";
const orMissing = (value: string | null | undefined, language: ReportLanguage) => (present(value) ? value : WORDS[language].missing);
const orNone = (value: string | null | undefined, language: ReportLanguage) => (present(value) ? value : WORDS[language].none);
const orNotApplicable = (value: string | null | undefined, language: ReportLanguage) => (present(value) ? value : WORDS[language].notApplicable);
const yesNo = (value: boolean, language: ReportLanguage) => (value ? WORDS[language].yes : WORDS[language].no);
const join = (language: ReportLanguage, ...parts: (string | null | undefined)[]) => parts.filter(present).join(WORDS[language].list);
/** "label: value" in the language's typography; nothing when there is no value. */
const labelled = (label: string, value: string | null, language: ReportLanguage) => (present(value) ? `${label}${WORDS[language].colon}${value}` : null);
const listOf = (values: readonly string[], language: ReportLanguage) => (values.length ? values.join(WORDS[language].list) : null);
/** The values of one labelled item, apart from the list the item is in. */
const valuesOf = (values: readonly string[], language: ReportLanguage) => (values.length ? values.join(WORDS[language].values) : null);

/** A country's name in the language; the code itself only if the country package does not know it. */
const country = (code: string, language: ReportLanguage) => countryName(code, language);

function countryNames(codes: string | null, language: ReportLanguage): string | null {
  if (!codes) return null;
  return codes
    .split(",")
    .map((code) => country(code, language))
    .join(WORDS[language].list);
}

/** A category's name: as recorded (the taxonomy's English), or its French name. */
const categoryName = (category: RopaCategory, language: ReportLanguage) => (language === "fr" ? categoryNameFr(category) : category.name);

function categoryNames(row: RopaRow, language: ReportLanguage, special?: boolean): string | null {
  const names = (row.dataCategoryList ?? []).filter((category) => special === undefined || category.special === special).map((category) => categoryName(category, language));
  return listOf(names.sort((a, b) => a.localeCompare(b, language)), language);
}

/** Art. 30(1)(a): the controller (its entity record), its country, address and telephone. */
function controller(row: RopaRow, language: ReportLanguage): string {
  const name = row.controllerLegalName && row.controllerLegalName !== row.controllerName ? `${row.controllerName} (${row.controllerLegalName})` : row.controllerName;
  return join(language, name, country(row.controllerCountry, language), row.controllerAddress, row.controllerPhone);
}

/**
 * Art. 30(1)(a): the controller's representatives (GDPR Art. 27 in the Union, UK GDPR Art. 27 in the United
 * Kingdom). The EU representative alone reads as it always has; a UK one is named as such.
 */
function representatives(row: RopaRow, language: ReportLanguage): string {
  const words = WORDS[language];
  const uk = present(row.ukRepresentativeContact) ? row.ukRepresentativeContact : null;
  const eu = present(row.representativeContact) ? row.representativeContact : null;
  if (!uk) return orNone(eu, language);
  return join(language, eu ? labelled(words.eu, eu, language) : null, labelled(words.uk, uk, language));
}

/** "Technical support (Processor)": a kind of recipient, by its service and role. */
function recipientKinds(kinds: readonly RopaRecipientKind[], language: ReportLanguage): string | null {
  return listOf(
    kinds.map((kind) => `${enumLabel("processorService", kind.service, language)} (${enumLabel("processorRole", kind.role, language)})`),
    language,
  );
}

function agreementKind(kind: RopaAgreementKind, language: ReportLanguage): string {
  const type = enumLabel("agreementType", kind.type, language);
  return kind.sccModule ? `${type} — ${enumLabel("sccModule", kind.sccModule, language)}` : type;
}

/** Art. 30(1)(e): the mechanisms of the third-country transfers and the agreements covering them. */
function safeguards(row: RopaRow, language: ReportLanguage): string {
  const words = WORDS[language];
  if (!row.thirdCountryCodes) return words.none;
  const text = join(
    language,
    labelled(words.mechanisms, valuesOf(row.thirdCountryMechanisms.map((mechanism) => enumLabel("transferMechanism", mechanism, language)), language), language),
    labelled(words.agreements, valuesOf(row.thirdCountryAgreements.map((kind) => agreementKind(kind, language)), language), language),
  );
  return orMissing(text, language);
}

function encryption(row: RopaRow, language: ReportLanguage): { inTransit: string | null; atRest: string | null } {
  return {
    inTransit: valuesOf(row.encryptionInTransit.map((value) => enumLabel("encryptionInTransit", value, language)), language),
    atRest: valuesOf(row.encryptionAtRest.map((value) => enumLabel("encryptionAtRest", value, language)), language),
  };
}

const measureLabel = (measure: SecurityMeasure, language: ReportLanguage) => enumLabel("securityMeasure", measure, language);

/**
 * Art. 30(1)(g): the checklist's measures (for the CNIL in its model register's words), the free text, then
 * the encryption seen on the activity's transfers; the agreements' references evidence the control of the
 * processors. Nothing recorded at all is the missing mark.
 */
function security(row: RopaRow, language: ReportLanguage): string {
  const words = WORDS[language];
  const processorControl = measureLabel("subprocessor_control", language);
  const measures = row.securityChecklist
    .filter((measure) => measure !== "subprocessor_control")
    .map((measure) => measureLabel(measure, language));
  const recorded = measures.length > 0 || row.securityChecklist.includes("subprocessor_control") || present(row.securityMeasures);
  const { inTransit, atRest } = encryption(row, language);
  return join(
    language,
    recorded ? null : words.missing,
    ...measures,
    row.securityMeasures,
    labelled(words.inTransit, inTransit, language),
    labelled(words.atRest, atRest, language),
    row.securityChecklist.includes("subprocessor_control") || present(row.agreementDocumentRefs)
      ? (labelled(processorControl, row.agreementDocumentRefs, language) ?? processorControl)
      : null,
  );
}

const legalBasis = (row: RopaRow, language: ReportLanguage) => enumLabel("legalBasis", row.legalBasis, language);

/** The Art. 9(2) condition; without one, the gap shows where special categories are processed. */
function art9(row: RopaRow, language: ReportLanguage): string {
  if (row.art9Condition) return enumLabel("art9Condition", row.art9Condition, language);
  return row.specialCategoryNames ? WORDS[language].missing : WORDS[language].notApplicable;
}

/** With no transfer in scope the categories of data are unknown to the register, not "none". */
const personalData = (row: RopaRow, language: ReportLanguage) => orMissing(categoryNames(row, language), language);

/*
 * Rights by lawful basis (GDPR Arts 13(2)(b), 15-22): access, rectification and restriction always; erasure
 * not under a legal obligation or public task (Art. 17(3)(b)); portability under consent or contract
 * (Art. 20(1)(a)); objection under legitimate interests or public task (Art. 21(1)); withdrawal of consent (Art. 7(3)).
 */
function rightsAvailable(row: RopaRow): string {
  const rights = ["access", "rectification", "restriction"];
  if (row.legalBasis !== "legal_obligation" && row.legalBasis !== "public_task") rights.push("erasure");
  if (row.legalBasis === "consent" || row.legalBasis === "contract") rights.push("portability");
  if (row.legalBasis === "legitimate_interests" || row.legalBasis === "public_task") rights.push("objection");
  if (row.legalBasis === "consent") rights.push("withdrawal of consent");
  if (row.automatedDecisionMaking) rights.push("not to be subject to automated decision-making (Art. 22)");
  return rights.join("; ");
}

/** The generic layout's headings: GDPR Art. 30(1)(a)-(g) in the article's order, in the export's language. */
const GENERIC_HEADERS = {
  en: {
    id: "Activity ID",
    name: "Processing activity",
    controller: "Controller",
    jointController: "Joint controller",
    representative: "Representative (Art. 27)",
    dpo: "Data protection officer",
    purposes: "Purposes",
    legalBasis: "Lawful basis (Art. 6(1))",
    subjects: "Categories of data subjects",
    personalData: "Categories of personal data",
    special: "Special categories (Art. 9)",
    art9: "Art. 9(2) condition",
    recipientKinds: "Categories of recipients",
    recipients: "Recipients",
    thirdCountryRecipients: "Recipients in third countries",
    thirdCountries: "Third countries",
    safeguards: "Safeguards",
    erasure: "Erasure time limits",
    security: "Security measures",
  },
  fr: {
    id: "Identifiant",
    name: "Activité de traitement",
    controller: "Responsable du traitement",
    jointController: "Responsable conjoint",
    representative: "Représentant (art. 27)",
    dpo: "Délégué à la protection des données",
    purposes: "Finalités",
    legalBasis: "Base légale (art. 6, paragraphe 1)",
    subjects: "Catégories de personnes concernées",
    personalData: "Catégories de données à caractère personnel",
    special: "Catégories particulières de données (art. 9)",
    art9: "Condition de l'art. 9, paragraphe 2",
    recipientKinds: "Catégories de destinataires",
    recipients: "Destinataires",
    thirdCountryRecipients: "Destinataires dans des pays tiers",
    thirdCountries: "Pays tiers",
    safeguards: "Garanties appropriées",
    erasure: "Délais d'effacement",
    security: "Mesures de sécurité",
  },
} as const satisfies Record<ReportLanguage, unknown>;

/**
 * GDPR Art. 30(1)(a)-(g), in the order of the article, with the lawful basis and the Art. 9 condition beside
 * the categories they justify. Category keys are identifiers, not prose: the JSON record carries them.
 */
function genericColumns(language: ReportLanguage): readonly ExportColumn<RopaRow>[] {
  const h = GENERIC_HEADERS[language];
  return [
    { header: h.id, width: 38, value: (r) => r.id },
    { header: h.name, width: 30, value: (r) => r.name },
    { header: h.controller, width: 40, value: (r) => controller(r, language) },
    { header: h.jointController, width: 24, value: (r) => orNone(r.jointController, language) },
    { header: h.representative, width: 24, value: (r) => representatives(r, language) },
    { header: h.dpo, width: 24, value: (r) => orNone(r.dpoContact, language) },
    { header: h.purposes, width: 40, value: (r) => orMissing(r.purpose, language) },
    { header: h.legalBasis, width: 20, value: (r) => legalBasis(r, language) },
    { header: h.subjects, width: 30, value: (r) => orMissing(r.dataSubjectCategories, language) },
    { header: h.personalData, width: 40, value: (r) => personalData(r, language) },
    { header: h.special, width: 30, value: (r) => orNone(categoryNames(r, language, true), language) },
    { header: h.art9, width: 30, value: (r) => art9(r, language) },
    { header: h.recipientKinds, width: 30, value: (r) => orNone(recipientKinds(r.recipientKinds, language), language) },
    { header: h.recipients, width: 40, value: (r) => orNone(r.recipientNames, language) },
    { header: h.thirdCountryRecipients, width: 30, value: (r) => orNone(recipientKinds(r.thirdCountryRecipientKinds, language), language) },
    { header: h.thirdCountries, width: 30, value: (r) => orNone(countryNames(r.thirdCountryCodes, language), language) },
    { header: h.safeguards, width: 40, value: (r) => safeguards(r, language) },
    { header: h.erasure, width: 24, value: (r) => orMissing(r.retentionPeriod, language) },
    { header: h.security, width: 50, value: (r) => security(r, language) },
  ];
}

export const ROPA_GENERIC_COLUMNS: readonly ExportColumn<RopaRow>[] = genericColumns("en");
const ROPA_GENERIC_COLUMNS_FR: readonly ExportColumn<RopaRow>[] = genericColumns("fr");

/**
 * Art. 9(2) conditions that need a condition of DPA 2018 Schedule 1 as well: (b), (h), (i), (j) one of
 * Part 1, (g) one of Part 2 (DPA 2018 s. 10(1)-(3)). Criminal offence data (UK GDPR Art. 10) needs one of
 * Schedule 1 too (s. 10(5)).
 */
const SCHEDULE_1_CONDITIONS: ReadonlySet<Art9Condition> = new Set([
  "employment_social_security",
  "substantial_public_interest",
  "health_or_social_care",
  "public_health",
  "archiving_research_statistics",
]);
const CRIMINAL_OFFENCE_DATA = "user.criminal_history";

/** Whether the ICO template's DPA 2018 Schedule 1 block applies to the activity (or was filled in anyway). */
function schedule1Applies(row: RopaRow): boolean {
  const offences = (row.dataCategoryList ?? []).some((category) => category.key === CRIMINAL_OFFENCE_DATA || category.key.startsWith(`${CRIMINAL_OFFENCE_DATA}.`));
  return (row.art9Condition !== null && SCHEDULE_1_CONDITIONS.has(row.art9Condition)) || offences || present(row.schedule1Condition);
}

/** Where the template asks for a link only in some cases: required there (or the gap shows), else "Not applicable". */
const linkWhere = (required: boolean, value: string | null) => (required ? orMissing(value, "en") : orNotApplicable(value, "en"));

/**
 * The UK ICO's "Documentation template for controllers" (ico.org.uk, UK GDPR guidance, Accountability and
 * governance > Documentation; an .xlsx): its 30 column headings, word for word and in order (columns A to AD
 * of its "Template" sheet, under the organisation's contact rows). The ICO's file itself is not in our search
 * index: the headings were read from two independent public transcriptions of it, a research note quoting
 * the sheet's row 9 verbatim and a form reproducing the template field by field, which agree on every heading
 * ("Schedule 1" is missing from the form's 26th, a slip the note does not make). Our own identifiers (activity
 * name and id) are not ICO columns: the JSON record carries them, and the PDF titles each activity's section.
 */
export const ICO_TEMPLATE_HEADERS = [
  "Business function",
  "Purpose of processing",
  "Name and contact details of joint controller (if applicable)",
  "Categories of individuals",
  "Categories of personal data",
  "Categories of recipients",
  "Link to contract with processor",
  "Names of third countries or international organisations that personal data are transferred to (if applicable)",
  "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
  "Retention schedule (if possible)",
  "General description of technical and organisational security measures (if possible)",
  "Article 6 lawful basis for processing personal data",
  "Article 9 condition for processing special category data",
  "Legitimate interests for the processing (if applicable)",
  "Link to record of legitimate interests assessment (if applicable)",
  "Rights available to individuals",
  "Existence of automated decision-making, including profiling (if applicable)",
  "The source of the personal data (if applicable)",
  "Link to record of consent",
  "Location of personal data",
  "Data Protection Impact Assessment required?",
  "Data Protection Impact Assessment progress",
  "Link to Data Protection Impact Assessment",
  "Has a personal data breach occurred?",
  "Link to record of personal data breach",
  "Data Protection Act 2018 Schedule 1 Condition for processing",
  "GDPR Article 6 lawful basis for processing",
  "Link to retention and erasure policy document",
  "Is personal data retained and erased in accordance with the policy document?",
  "Reasons for not adhering to policy document (if applicable)",
] as const;

type IcoHeader = (typeof ICO_TEMPLATE_HEADERS)[number];

/** Each ICO column's value, keyed by its heading (the order is the template's, above). */
const ICO_VALUES: Readonly<Record<IcoHeader, { width: number; value: (row: RopaRow) => CellValue }>> = {
  "Business function": { width: 20, value: (r) => orMissing(r.businessFunction, "en") },
  "Purpose of processing": { width: 40, value: (r) => orMissing(r.purpose, "en") },
  "Name and contact details of joint controller (if applicable)": { width: 24, value: (r) => orNone(r.jointController, "en") },
  "Categories of individuals": { width: 30, value: (r) => orMissing(r.dataSubjectCategories, "en") },
  "Categories of personal data": { width: 40, value: (r) => personalData(r, "en") },
  "Categories of recipients": { width: 30, value: (r) => orNone(recipientKinds(r.recipientKinds, "en"), "en") },
  // We hold the agreements' document references, not links: those are what the contract column can carry.
  "Link to contract with processor": { width: 30, value: (r) => (r.transferCount > 0 ? orMissing(r.agreementDocumentRefs, "en") : NONE) },
  "Names of third countries or international organisations that personal data are transferred to (if applicable)": {
    width: 30,
    value: (r) => orNone(countryNames(r.thirdCountryCodes, "en"), "en"),
  },
  "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)": { width: 40, value: (r) => safeguards(r, "en") },
  "Retention schedule (if possible)": { width: 24, value: (r) => orMissing(r.retentionPeriod, "en") },
  "General description of technical and organisational security measures (if possible)": { width: 50, value: (r) => security(r, "en") },
  "Article 6 lawful basis for processing personal data": { width: 20, value: (r) => legalBasis(r, "en") },
  "Article 9 condition for processing special category data": { width: 24, value: (r) => art9(r, "en") },
  "Legitimate interests for the processing (if applicable)": {
    width: 30,
    value: (r) => (r.legalBasis === "legitimate_interests" ? orMissing(r.legitimateInterest, "en") : orNotApplicable(r.legitimateInterest, "en")),
  },
  "Link to record of legitimate interests assessment (if applicable)": { width: 24, value: (r) => linkWhere(r.legalBasis === "legitimate_interests", r.liaReference) },
  "Rights available to individuals": { width: 40, value: rightsAvailable },
  "Existence of automated decision-making, including profiling (if applicable)": { width: 12, value: (r) => yesNo(r.automatedDecisionMaking, "en") },
  "The source of the personal data (if applicable)": { width: 24, value: (r) => orMissing(r.source, "en") },
  // Consent is recorded where it is the lawful basis or the Art. 9 condition (GDPR Art. 7(1)).
  "Link to record of consent": { width: 24, value: (r) => linkWhere(r.legalBasis === "consent" || r.art9Condition === "explicit_consent", r.consentRecordReference) },
  "Location of personal data": { width: 30, value: (r) => orMissing(countryNames(r.locationCodes, "en"), "en") },
  "Data Protection Impact Assessment required?": { width: 12, value: (r) => yesNo(r.dpiaRequired, "en") },
  "Data Protection Impact Assessment progress": { width: 20, value: (r) => (r.dpiaRequired ? (r.dpiaReference ? "Recorded" : MISSING) : "Not required") },
  "Link to Data Protection Impact Assessment": { width: 24, value: (r) => linkWhere(r.dpiaRequired, r.dpiaReference) },
  "Has a personal data breach occurred?": { width: 12, value: (r) => yesNo(r.breachOccurred, "en") },
  "Link to record of personal data breach": { width: 24, value: (r) => linkWhere(r.breachOccurred, r.breachRecordReference) },
  "Data Protection Act 2018 Schedule 1 Condition for processing": { width: 30, value: (r) => linkWhere(schedule1Applies(r), r.schedule1Condition) },
  "GDPR Article 6 lawful basis for processing": { width: 20, value: (r) => (schedule1Applies(r) ? legalBasis(r, "en") : NOT_APPLICABLE) },
  "Link to retention and erasure policy document": { width: 24, value: (r) => linkWhere(schedule1Applies(r), r.policyDocumentReference) },
  "Is personal data retained and erased in accordance with the policy document?": {
    width: 16,
    value: (r) => (r.retainedPerPolicy === null ? (schedule1Applies(r) ? MISSING : NOT_APPLICABLE) : yesNo(r.retainedPerPolicy, "en")),
  },
  "Reasons for not adhering to policy document (if applicable)": { width: 30, value: (r) => linkWhere(r.retainedPerPolicy === false, r.policyDeviationReason) },
};

/** The UK ICO controller template's 30 columns, in its order and words (ICO_TEMPLATE_HEADERS). */
export const ROPA_ICO_COLUMNS: readonly ExportColumn<RopaRow>[] = ICO_TEMPLATE_HEADERS.map((header) => ({ header, ...ICO_VALUES[header] }));

/** The CNIL register's French, for the per-activity fiche and its summary sheet. */
const FR: ReportLanguage = "fr";

function cnilSpecialCategories(row: RopaRow): string | null {
  return categoryNames(row, FR, true);
}

/** "Oui" or "Non", for a measure of the model's checklist, with what the register knows of it. */
function cnilMeasure(row: RopaRow, measure: SecurityMeasure): string {
  const words = WORDS.fr;
  const ticked = row.securityChecklist.includes(measure);
  const { inTransit, atRest } = encryption(row, FR);
  const facts =
    measure === "encryption"
      ? join(FR, labelled("en transit", inTransit, FR), labelled("au repos", atRest, FR))
      : measure === "subprocessor_control" && present(row.agreementDocumentRefs)
        ? labelled("contrats", row.agreementDocumentRefs, FR)
        : "";
  return present(facts) ? `${yesNo(ticked, FR)}${ticked ? words.colon : " — "}${facts}` : yesNo(ticked, FR);
}

/** The model register's checklist: its six measures, then "Autres mesures" (our two more, the free text). */
const CNIL_CHECKLIST: readonly SecurityMeasure[] = ["access_control", "traceability", "software_protection", "backup", "encryption", "subprocessor_control"];

function cnilOtherMeasures(row: RopaRow): string {
  const others = row.securityChecklist.filter((measure) => !CNIL_CHECKLIST.includes(measure)).map((measure) => measureLabel(measure, FR));
  const text = join(FR, ...others, row.securityMeasures);
  if (present(text)) return text;
  // Art. 30(1)(g): nothing recorded at all is a gap; a ticked checklist without more is "none other".
  return row.securityChecklist.length ? NONE_FR : MISSING_FR;
}

function dpia(row: RopaRow): string {
  return row.dpiaRequired ? `Requise${WORDS.fr.colon}${row.dpiaReference ?? MISSING_FR}` : "Non requise";
}

/** The CNIL register's headings (DOMAIN.md §5, the model register's fiche), one row per activity. */
export const ROPA_CNIL_COLUMNS: readonly ExportColumn<RopaRow>[] = [
  { header: "Identifiant", width: 38, value: (r) => r.id },
  { header: "Activité de traitement", width: 30, value: (r) => r.name },
  { header: "Date de création de la fiche", width: 16, value: (r) => formatDate(r.createdAt, FR) },
  { header: "Date de dernière mise à jour de la fiche", width: 16, value: (r) => formatDate(r.updatedAt, FR) },
  { header: "Responsable du traitement", width: 40, value: (r) => controller(r, FR) },
  { header: "Responsable conjoint", width: 24, value: (r) => orNone(r.jointController, FR) },
  { header: "Représentant", width: 24, value: (r) => representatives(r, FR) },
  { header: "Délégué à la protection des données", width: 24, value: (r) => orNone(r.dpoContact, FR) },
  { header: "Logiciels et applications", width: 24, value: (r) => orNotApplicable(r.applications, FR) },
  { header: "Finalités", width: 40, value: (r) => orMissing(r.purpose, FR) },
  { header: "Base légale (art. 6 RGPD)", width: 24, value: (r) => legalBasis(r, FR) },
  { header: "Catégories de personnes concernées", width: 30, value: (r) => orMissing(r.dataSubjectCategories, FR) },
  // Grouped as in the CNIL model register (lib/exports/cnil-categories.ts), named in French.
  { header: "Catégories de données", width: 50, value: (r) => orMissing(cnilCategoriesText(r.dataCategoryList), FR) },
  { header: "Données sensibles", width: 30, value: (r) => orNone(cnilSpecialCategories(r), FR) },
  { header: "Condition de l'art. 9 RGPD", width: 30, value: (r) => art9(r, FR) },
  { header: "Durées de conservation", width: 24, value: (r) => orMissing(r.retentionPeriod, FR) },
  { header: "Destinataires internes", width: 30, value: (r) => orNone(r.internalRecipientNames, FR) },
  { header: "Destinataires — organismes externes", width: 30, value: (r) => orNone(r.externalRecipientNames, FR) },
  { header: "Destinataires — sous-traitants", width: 30, value: (r) => orNone(r.processorRecipientNames, FR) },
  { header: "Transferts hors UE — pays", width: 30, value: (r) => orNone(countryNames(r.thirdCountryCodes, FR), FR) },
  { header: "Transferts hors UE — garanties", width: 40, value: (r) => safeguards(r, FR) },
  { header: "Mesures de sécurité", width: 50, value: (r) => security(r, FR) },
  { header: "Analyse d'impact (AIPD)", width: 24, value: dpia },
];

const list = z.array(z.string());

/** The JSON export's record of one processing activity (GDPR Art. 30(1)); documented in lib/exports/schemas.ts. */
export const ropaRecordSchema = z
  .object({
    id: z.string().describe("Processing activity id (UUID)"),
    name: z.string(),
    status: z.string().describe("The activity's review status: approved, or (with pending records included) submitted or rejected"),
    createdAt: z.string().describe("When the activity's record was created (ISO 8601, UTC)"),
    updatedAt: z.string().describe("When the activity's record last changed (ISO 8601, UTC)"),
    controller: z
      .object({ name: z.string(), legalName: z.string().nullable(), country: z.string(), address: z.string().nullable(), phone: z.string().nullable() })
      .describe("Art. 30(1)(a): the controller"),
    jointController: z.string().nullable(),
    representativeContact: z.string().nullable().describe("GDPR Art. 27 representative in the Union"),
    ukRepresentativeContact: z.string().nullable().describe("UK GDPR Art. 27 representative in the United Kingdom"),
    dpoContact: z.string().nullable(),
    businessFunction: z.string().nullable(),
    applications: z.string().nullable().describe("The software or applications used (CNIL model register)"),
    purpose: z.string().describe("Art. 30(1)(b)"),
    legalBasis: z.string().describe("Art. 6(1) basis (code)"),
    legalBasisLabel: z.string().describe("The basis as a person reads it, in the export's language"),
    legitimateInterest: z.string().nullable(),
    liaReference: z.string().nullable().describe("Link to the record of the legitimate interests assessment"),
    consentRecordReference: z.string().nullable().describe("Link to the record of consent"),
    art9Condition: z.string().nullable().describe("Art. 9(2) condition (code)"),
    art9ConditionLabel: z.string().nullable().describe("The condition as a person reads it, in the export's language"),
    dataSubjectCategories: list.describe("Art. 30(1)(c)"),
    dataCategories: z
      .object({
        names: list,
        keys: list,
        special: list.describe("Art. 9(1) special categories"),
        cnilGroups: z.array(z.object({ group: z.string(), names: list })).describe("Grouped as in the CNIL model register"),
      })
      .describe("Art. 30(1)(c), from the activity's transfers"),
    recipients: z
      .object({ categories: list, names: list, inThirdCountries: list })
      .describe("Art. 30(1)(d): categories of recipients (\"service (role)\" codes), including those in third countries"),
    thirdCountries: list.describe("Art. 30(1)(e): ISO 3166-1 alpha-2 codes"),
    safeguards: z.object({ mechanisms: list, agreements: list }).describe("Art. 30(1)(e): the documentation of suitable safeguards (codes)"),
    agreementDocumentRefs: list,
    retentionPeriod: z.string().nullable().describe("Art. 30(1)(f), where possible: null is reported in `warnings`"),
    securityMeasures: z.string().nullable().describe("Art. 30(1)(g), where possible: the free text; with an empty checklist, null is reported in `warnings`"),
    securityChecklist: list.describe("The CNIL model register's checklist of security measures (codes)"),
    encryption: z.object({ inTransit: list, atRest: list }),
    source: z.string().nullable(),
    automatedDecisionMaking: z.boolean(),
    dpia: z.object({ required: z.boolean(), reference: z.string().nullable() }),
    breach: z.object({ occurred: z.boolean(), reference: z.string().nullable() }).describe("Whether a personal data breach occurred, and the link to its record"),
    dpa2018Schedule1: z
      .object({
        condition: z.string().nullable(),
        policyDocumentReference: z.string().nullable(),
        retainedPerPolicy: z.boolean().nullable().describe("Retained and erased as the policy document says; null: not assessed"),
        deviationReason: z.string().nullable(),
      })
      .describe("UK DPA 2018 Schedule 1 condition for special category or criminal offence data, with its appropriate policy document"),
    warnings: list.describe("Art. 30(1) items that are missing (\"where possible\" items: warnings, not errors)"),
    pending: z.string().nullable().describe("With pending records included: the activity's own review status when not approved, and the unapproved transfers behind the aggregates"),
  })
  .describe("One processing activity of the GDPR Art. 30(1) record");

/**
 * Pending records included: the activity itself is not approved (an engineer's proposal awaiting the DPO, or
 * one the DPO rejected), or its aggregates rest on transfers or recipients not yet approved.
 */
function pendingMark(row: RopaRow, language: ReportLanguage): string | null {
  const words = WORDS[language];
  const recipients = listOf(
    row.pendingRecipients.map(
      (recipient) =>
        `${recipient.name} (${labelled(words.processor, enumLabel("recordStatus", recipient.processorStatus, language), language)}, ${labelled(words.transfer, enumLabel("transferStatus", recipient.transferStatus, language), language)})`,
    ),
    language,
  );
  const marks = [
    row.activityStatus !== "approved" ? labelled(words.activity, enumLabel("recordStatus", row.activityStatus, language), language) : null,
    row.pendingTransferCount > 0 ? (labelled(words.unapprovedTransfers(row.pendingTransferCount), recipients, language) ?? words.unapprovedTransfers(row.pendingTransferCount)) : null,
  ].filter(present);
  return marks.length ? marks.join(words.list) : null;
}

/** The structured record of the JSON export: Art. 30(1) items as fields, codes as codes, lists as arrays, gaps as null. */
export function ropaJsonRecord(row: RopaRow, language: ReportLanguage = "en"): z.input<typeof ropaRecordSchema> {
  const split = (value: string | null, separator = "; ") => (value ? value.split(separator) : []);
  const groups = groupByCnilCategory(row.dataCategoryList);
  const kind = (recipient: RopaRecipientKind) => `${recipient.service} (${recipient.role})`;
  const securityRecorded = row.securityMeasures !== null || row.securityChecklist.length > 0;
  return {
    id: row.id,
    name: row.name,
    status: row.activityStatus,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    controller: { name: row.controllerName, legalName: row.controllerLegalName, country: row.controllerCountry, address: row.controllerAddress, phone: row.controllerPhone },
    jointController: row.jointController,
    representativeContact: row.representativeContact,
    ukRepresentativeContact: row.ukRepresentativeContact,
    dpoContact: row.dpoContact,
    businessFunction: row.businessFunction,
    applications: row.applications,
    purpose: row.purpose,
    legalBasis: row.legalBasis,
    legalBasisLabel: legalBasis(row, language),
    legitimateInterest: row.legitimateInterest,
    liaReference: row.liaReference,
    consentRecordReference: row.consentRecordReference,
    art9Condition: row.art9Condition,
    art9ConditionLabel: row.art9Condition ? enumLabel("art9Condition", row.art9Condition, language) : null,
    dataSubjectCategories: split(row.dataSubjectCategories),
    dataCategories: {
      names: split(row.dataCategoryNames),
      keys: split(row.dataCategoryKeys),
      special: split(row.specialCategoryNames),
      cnilGroups: CNIL_CATEGORY_GROUPS.filter((group) => groups.has(group.id)).map((group) => ({ group: group.label, names: groups.get(group.id)! })),
    },
    recipients: {
      categories: row.recipientKinds.map(kind),
      names: split(row.recipientNames),
      inThirdCountries: row.thirdCountryRecipientKinds.map(kind),
    },
    thirdCountries: split(row.thirdCountryCodes, ","),
    safeguards: {
      mechanisms: [...row.thirdCountryMechanisms],
      agreements: row.thirdCountryAgreements.map((agreement) => (agreement.sccModule ? `${agreement.type} ${agreement.sccModule}` : agreement.type)),
    },
    agreementDocumentRefs: split(row.agreementDocumentRefs),
    retentionPeriod: row.retentionPeriod,
    securityMeasures: row.securityMeasures,
    securityChecklist: [...row.securityChecklist],
    encryption: { inTransit: [...row.encryptionInTransit], atRest: [...row.encryptionAtRest] },
    source: row.source,
    automatedDecisionMaking: row.automatedDecisionMaking,
    dpia: { required: row.dpiaRequired, reference: row.dpiaReference },
    breach: { occurred: row.breachOccurred, reference: row.breachRecordReference },
    dpa2018Schedule1: {
      condition: row.schedule1Condition,
      policyDocumentReference: row.policyDocumentReference,
      retainedPerPolicy: row.retainedPerPolicy,
      deviationReason: row.policyDeviationReason,
    },
    // Art. 30(1)(f), (g) are "where possible": the gap is named, not hidden.
    warnings: [...(row.retentionPeriod ? [] : ["retentionPeriod: " + MISSING]), ...(securityRecorded ? [] : ["securityMeasures: " + MISSING])],
    pending: pendingMark(row, language),
  };
}

/**
 * The CNIL model register's "fiche de registre" of one activity, in its order: the activity and its dates,
 * the organisation's contacts, purposes and basis, the categories of data one line per CNIL group ("Oui : …"
 * or "Non", so that an absent category is visible), recipients, transfers, then the model's checklist of
 * security measures one line per measure.
 */
export function cnilFicheFields(row: RopaRow): [string, CellValue][] {
  const groups = groupByCnilCategory(row.dataCategoryList, categoryNameFr);
  const value = (header: string) => ROPA_CNIL_COLUMNS.find((column) => column.header === header)!.value(row);
  const categoriesKnown = row.dataCategoryList !== null && row.dataCategoryList.length > 0;
  const special = cnilSpecialCategories(row);
  return [
    ["Activité de traitement", row.name],
    ["Identifiant", row.id],
    ["Date de création de la fiche", value("Date de création de la fiche")],
    ["Date de dernière mise à jour de la fiche", value("Date de dernière mise à jour de la fiche")],
    ["Responsable du traitement", value("Responsable du traitement")],
    ["Délégué à la protection des données", value("Délégué à la protection des données")],
    ["Représentant", value("Représentant")],
    ["Responsable conjoint", value("Responsable conjoint")],
    ["Logiciels et applications", value("Logiciels et applications")],
    ["Finalités", value("Finalités")],
    ["Base légale (art. 6 RGPD)", value("Base légale (art. 6 RGPD)")],
    ["Catégories de personnes concernées", value("Catégories de personnes concernées")],
    ...CNIL_CATEGORY_GROUPS.map((group): [string, CellValue] => [
      `Catégories de données — ${shortLabel(group.label)}`,
      groups.has(group.id) ? `Oui${WORDS.fr.colon}${groups.get(group.id)!.join(", ")}` : categoriesKnown ? "Non" : MISSING_FR,
    ]),
    ["Données sensibles", special ? `Oui${WORDS.fr.colon}${special}` : "Non"],
    ["Condition de l'art. 9 RGPD", value("Condition de l'art. 9 RGPD")],
    ["Durées de conservation", value("Durées de conservation")],
    ["Destinataires internes", value("Destinataires internes")],
    ["Destinataires — organismes externes", value("Destinataires — organismes externes")],
    ["Destinataires — sous-traitants", value("Destinataires — sous-traitants")],
    ["Transferts hors UE — pays", value("Transferts hors UE — pays")],
    ["Transferts hors UE — garanties", value("Transferts hors UE — garanties")],
    ...CNIL_CHECKLIST.map((measure): [string, CellValue] => [`Mesures de sécurité — ${measureLabel(measure, FR)}`, cnilMeasure(row, measure)]),
    ["Mesures de sécurité — Autres mesures", cnilOtherMeasures(row)],
    ["Analyse d'impact (AIPD)", value("Analyse d'impact (AIPD)")],
  ];
}

/*
 * The organisation's block above the register (Art. 30(1)(a)): each controller with its DPO and
 * representative, a row each, as the ICO template's first rows and the CNIL model register's first page
 * ("Coordonnées du responsable de l'organisme", "Délégué à la protection des données") hold them. Contacts
 * are typed as one text; an e-mail address in it goes to the e-mail column, the rest to the name.
 */

const EMAIL = /[^\s,;:<>()[\]]+@[^\s,;:<>()[\]]+\.[^\s,;:<>()[\]]+/;

function splitContact(contact: string | null): { name: string; email: string } | null {
  if (!present(contact)) return null;
  const email = contact.match(EMAIL)?.[0] ?? "";
  const name = (email ? contact.replace(email, " ") : contact).replace(/[\s,;:<>()[\]]+$/u, "").replace(/^[\s,;:<>()[\]]+/u, "").replace(/\s{2,}/g, " ");
  return { name, email };
}

const ORGANISATION = {
  en: {
    heading: ["Name and contact details", "Name", "Address", "Email", "Telephone"],
    controller: "Controller",
    dpo: "Data Protection Officer",
    representative: "Representative",
  },
  fr: {
    heading: ["Coordonnées", "Nom", "Adresse", "Pays", "Adresse de messagerie", "Téléphone"],
    controller: "Responsable du traitement",
    dpo: "Délégué à la protection des données",
    representative: "Représentant dans l'Union (art. 27)",
  },
} as const;

/** The ICO's block (English): the UK representative is the one UK GDPR Art. 27 asks of a controller outside the UK. */
export function icoOrganisationRows(controllers: readonly ControllerContact[]): CellValue[][] {
  const words = ORGANISATION.en;
  const rows: CellValue[][] = [[...words.heading]];
  for (const entity of controllers) {
    const name = entity.legalName && entity.legalName !== entity.name ? `${entity.name} (${entity.legalName})` : entity.name;
    rows.push([words.controller, name, orMissing(entity.address, "en"), "", orMissing(entity.phone, "en")]);
    const dpo = splitContact(entity.dpoContact);
    rows.push([words.dpo, dpo ? dpo.name || dpo.email : NONE, "", dpo?.email ?? "", ""]);
    const representative = splitContact(entity.ukRepresentativeContact);
    rows.push([words.representative, representative ? representative.name || representative.email : NONE, "", representative?.email ?? "", ""]);
  }
  return rows;
}

/** The CNIL's block (French): the representative is the one in the Union (GDPR Art. 27). */
export function cnilOrganisationRows(controllers: readonly ControllerContact[]): CellValue[][] {
  const words = ORGANISATION.fr;
  const rows: CellValue[][] = [[...words.heading]];
  for (const entity of controllers) {
    const name = entity.legalName && entity.legalName !== entity.name ? `${entity.name} (${entity.legalName})` : entity.name;
    rows.push([words.controller, name, orMissing(entity.address, FR), country(entity.country, FR), "", orMissing(entity.phone, FR)]);
    const dpo = splitContact(entity.dpoContact);
    rows.push([words.dpo, dpo ? dpo.name || dpo.email : NONE_FR, "", "", dpo?.email ?? "", ""]);
    const representative = splitContact(entity.representativeContact);
    rows.push([words.representative, representative ? representative.name || representative.email : NONE_FR, "", "", representative?.email ?? "", ""]);
  }
  return rows;
}

const RECORD_FIELDS = (columns: readonly ExportColumn<RopaRow>[]) => (row: RopaRow) =>
  columns.map((column): [string, CellValue] => [column.header, column.value(row)]);

interface RopaLayout {
  title: string;
  sheetName: string;
  fileName: string;
  language: ReportLanguage;
  columns: readonly ExportColumn<RopaRow>[];
  fields: (row: RopaRow) => [string, CellValue][];
  sheetPerRecord: boolean;
  /** The organisation's rows above the register's table, from the export's controllers. */
  preamble?: (controllers: readonly ControllerContact[]) => CellValue[][];
}

const GENERIC: Readonly<Record<ReportLanguage, RopaLayout>> = {
  en: {
    title: "Record of processing activities (GDPR Art. 30(1))",
    sheetName: "Record",
    fileName: "ropa",
    language: "en",
    columns: ROPA_GENERIC_COLUMNS,
    fields: RECORD_FIELDS(ROPA_GENERIC_COLUMNS),
    sheetPerRecord: false,
  },
  fr: {
    title: "Registre des activités de traitement (art. 30, paragraphe 1, RGPD)",
    sheetName: "Registre",
    fileName: "ropa",
    language: "fr",
    columns: ROPA_GENERIC_COLUMNS_FR,
    fields: RECORD_FIELDS(ROPA_GENERIC_COLUMNS_FR),
    sheetPerRecord: false,
  },
};

/** The ICO template is English and the CNIL register French, whatever the export's language; the generic layout follows it. */
function layoutOf(template: RopaTemplate, language: ReportLanguage): RopaLayout {
  switch (template) {
    case "generic":
      return GENERIC[language];
    case "ico":
      return {
        title: "Record of processing activities (UK ICO controller template)",
        sheetName: "Controller",
        fileName: "ropa-ico",
        language: "en",
        columns: ROPA_ICO_COLUMNS,
        fields: RECORD_FIELDS(ROPA_ICO_COLUMNS),
        sheetPerRecord: false,
        preamble: icoOrganisationRows,
      };
    case "cnil":
      return {
        title: "Registre des activités de traitement (CNIL)",
        sheetName: "Registre",
        fileName: "ropa-cnil",
        language: "fr",
        columns: ROPA_CNIL_COLUMNS,
        fields: cnilFicheFields,
        sheetPerRecord: true,
        preamble: cnilOrganisationRows,
      };
  }
}

/**
 * The Art. 30 record's definition, with `preamble`: the rows a writer puts above the register's table (the
 * ICO template's and the CNIL model's organisation block), from the export's controllers.
 */
export type RopaReportDefinition = ReportDefinition<RopaRow> & { preamble?: (meta: Pick<ExportMeta, "controllers">) => CellValue[][] };

/** The Art. 30(1) record in a template: one entry per processing activity (approved ones, unless pending records are included). */
export function ropaReport(template: RopaTemplate, language: ReportLanguage = "en"): RopaReportDefinition {
  const layout = layoutOf(template, language);
  const preamble = layout.preamble;
  return {
    report: "ropa",
    template,
    title: layout.title,
    language: layout.language,
    sheetName: layout.sheetName,
    fileName: layout.fileName,
    columns: layout.columns,
    rows: ({ db, includePending }) => iterateRopa({ db, includePending }),
    pendingMark: (row) => pendingMark(row, layout.language),
    jsonRecord: (row) => ropaJsonRecord(row, layout.language),
    jsonSchema: ropaRecordSchema,
    record: {
      key: (row) => row.id,
      title: (row) => row.name,
      fields: layout.fields,
      sections: ({ db, includePending }) => listRopaSections({ db, includePending }),
      sheetPerRecord: layout.sheetPerRecord,
    },
    ...(preamble ? { preamble: (meta: Pick<ExportMeta, "controllers">) => (meta.controllers?.length ? preamble(meta.controllers) : []) } : {}),
  };
}
