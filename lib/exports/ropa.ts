import { z } from "zod";
import { iterateRopa, listRopaSections, type RopaRow } from "@/db/queries/exports-ropa";
import { countryName } from "@/lib/jurisdictions/countries";
import { CNIL_CATEGORY_GROUPS, cnilCategoriesText, groupByCnilCategory, shortLabel } from "./cnil-categories";
import type { CellValue } from "./neutralize";
import type { ExportColumn, ReportDefinition } from "./report";

/** Written where the record has no value: Art. 30(1)(f) and (g) are "where possible", so a gap shows. */
export const MISSING = "MISSING — not recorded";
/** Written where nothing applies (no joint controller, no third-country transfer). */
export const NONE = "None";
/** The same marks in the CNIL register's French. */
export const MISSING_FR = "MANQUANT — non renseigné";
export const NONE_FR = "Aucun";

/** The words of the marks, and of the few phrases the record composes, in the template's language. */
const WORDS = {
  en: { missing: MISSING, none: NONE, mechanisms: "mechanisms", agreements: "agreements", inTransit: "encryption in transit", atRest: "encryption at rest", eu: "EU", uk: "UK" },
  fr: { missing: MISSING_FR, none: NONE_FR, mechanisms: "mécanismes", agreements: "accords", inTransit: "chiffrement en transit", atRest: "chiffrement au repos", eu: "UE", uk: "Royaume-Uni" },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];
const EN: Words = WORDS.en;
const FR: Words = WORDS.fr;

export const ROPA_TEMPLATES = ["generic", "ico", "cnil"] as const;
export type RopaTemplate = (typeof ROPA_TEMPLATES)[number];

const orMissing = (value: string | null | undefined, words: Words = EN) => (value && value.trim() ? value : words.missing);
const orNone = (value: string | null | undefined, words: Words = EN) => (value && value.trim() ? value : words.none);
const join = (...parts: (string | null | undefined)[]) => parts.filter((part) => part && part.trim()).join("; ");

function countryNames(codes: string | null): string | null {
  if (!codes) return null;
  return codes
    .split(",")
    .map((code) => countryName(code) ?? code)
    .join("; ");
}

/** Art. 30(1)(a): the controller (its entity record), its country, address and telephone. */
function controller(row: RopaRow): string {
  const name = row.controllerLegalName && row.controllerLegalName !== row.controllerName ? `${row.controllerName} (${row.controllerLegalName})` : row.controllerName;
  return join(name, countryName(row.controllerCountry) ?? row.controllerCountry, row.controllerAddress, row.controllerPhone);
}

/**
 * Art. 30(1)(a): the controller's representatives (GDPR Art. 27 in the Union, UK GDPR Art. 27 in the United
 * Kingdom). The EU representative alone reads as it always has; a UK one is named as such.
 */
function representatives(row: RopaRow, words: Words = EN): string {
  const uk = row.ukRepresentativeContact?.trim() ? row.ukRepresentativeContact : null;
  const eu = row.representativeContact?.trim() ? row.representativeContact : null;
  if (!uk) return orNone(eu, words);
  return join(eu ? `${words.eu}: ${eu}` : null, `${words.uk}: ${uk}`);
}

/** Art. 30(1)(e): the mechanisms of the third-country transfers and the agreements covering them. */
function safeguards(row: RopaRow, words: Words = EN): string {
  if (!row.thirdCountryCodes) return words.none;
  const text = join(
    row.thirdCountryMechanisms ? `${words.mechanisms}: ${row.thirdCountryMechanisms}` : null,
    row.thirdCountryAgreementTypes ? `${words.agreements}: ${row.thirdCountryAgreementTypes}` : null,
  );
  return orMissing(text, words);
}

/** Art. 30(1)(g): the recorded measures, then the encryption seen on the activity's transfers. */
function security(row: RopaRow, words: Words = EN): string {
  return join(
    orMissing(row.securityMeasures, words),
    row.encryptionInTransit ? `${words.inTransit}: ${row.encryptionInTransit}` : null,
    row.encryptionAtRest ? `${words.atRest}: ${row.encryptionAtRest}` : null,
  );
}

/** With no transfer in scope the categories of data are unknown to the register, not "none". */
const personalData = (row: RopaRow) => orMissing(row.dataCategoryNames);

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

/** GDPR Art. 30(1)(a)-(g), in the order of the article. */
export const ROPA_GENERIC_COLUMNS: readonly ExportColumn<RopaRow>[] = [
  { header: "Activity ID", width: 38, value: (r) => r.id },
  { header: "Processing activity", width: 30, value: (r) => r.name },
  { header: "Controller", width: 40, value: controller },
  { header: "Joint controller", width: 24, value: (r) => orNone(r.jointController) },
  { header: "Representative (Art. 27)", width: 24, value: (r) => representatives(r) },
  { header: "Data protection officer", width: 24, value: (r) => orNone(r.dpoContact) },
  { header: "Purposes", width: 40, value: (r) => orMissing(r.purpose) },
  { header: "Categories of data subjects", width: 30, value: (r) => orMissing(r.dataSubjectCategories) },
  { header: "Categories of personal data", width: 40, value: personalData },
  { header: "Data category keys", width: 40, value: (r) => orMissing(r.dataCategoryKeys) },
  { header: "Special categories (Art. 9)", width: 30, value: (r) => orNone(r.specialCategoryNames) },
  { header: "Categories of recipients", width: 30, value: (r) => orNone(r.recipientKinds) },
  { header: "Recipients", width: 40, value: (r) => orNone(r.recipientNames) },
  { header: "Recipients in third countries", width: 30, value: (r) => orNone(r.thirdCountryRecipientKinds) },
  { header: "Third countries", width: 30, value: (r) => orNone(countryNames(r.thirdCountryCodes)) },
  { header: "Safeguards", width: 40, value: safeguards },
  { header: "Erasure time limits", width: 24, value: (r) => orMissing(r.retentionPeriod) },
  { header: "Security measures", width: 50, value: (r) => security(r) },
];

/** The UK ICO controller template, in its column order (DOMAIN.md §5); our own identifiers follow it. */
export const ROPA_ICO_COLUMNS: readonly ExportColumn<RopaRow>[] = [
  { header: "Business function", width: 20, value: (r) => orMissing(r.businessFunction) },
  { header: "Purpose of processing", width: 40, value: (r) => orMissing(r.purpose) },
  { header: "Name and contact details of joint controller (if applicable)", width: 24, value: (r) => orNone(r.jointController) },
  { header: "Categories of individuals", width: 30, value: (r) => orMissing(r.dataSubjectCategories) },
  { header: "Categories of personal data", width: 40, value: personalData },
  { header: "Categories of recipients", width: 30, value: (r) => orNone(r.recipientKinds) },
  // We hold the agreements' document references, not links: those are what the contract column can carry.
  { header: "Link to contract with processor", width: 30, value: (r) => (r.transferCount > 0 ? orMissing(r.agreementDocumentRefs) : NONE) },
  { header: "Names of third countries or international organisations that personal data are transferred to (if applicable)", width: 30, value: (r) => orNone(countryNames(r.thirdCountryCodes)) },
  { header: "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)", width: 40, value: safeguards },
  { header: "Retention schedule (if possible)", width: 24, value: (r) => orMissing(r.retentionPeriod) },
  { header: "General description of technical and organisational security measures (if possible)", width: 50, value: (r) => security(r) },
  { header: "Article 6 lawful basis for processing personal data", width: 20, value: (r) => r.legalBasis },
  { header: "Article 9 basis for processing special category data", width: 24, value: (r) => r.art9Condition ?? (r.specialCategoryNames ? MISSING : NONE) },
  { header: "Legitimate interests for the processing (if applicable)", width: 30, value: (r) => (r.legalBasis === "legitimate_interests" ? orMissing(r.legitimateInterest) : orNone(r.legitimateInterest)) },
  { header: "Rights available to individuals", width: 40, value: rightsAvailable },
  { header: "Existence of automated decision-making, including profiling (if applicable)", width: 12, value: (r) => (r.automatedDecisionMaking ? "Yes" : "No") },
  { header: "The source of the personal data (if applicable)", width: 24, value: (r) => orMissing(r.source) },
  { header: "Location of personal data", width: 30, value: (r) => orMissing(countryNames(r.locationCodes)) },
  { header: "Data Protection Impact Assessment required?", width: 12, value: (r) => (r.dpiaRequired ? "Yes" : "No") },
  { header: "Data Protection Impact Assessment progress", width: 20, value: (r) => (r.dpiaRequired ? (r.dpiaReference ? "Recorded" : MISSING) : "Not required") },
  { header: "Link to the Data Protection Impact Assessment", width: 24, value: (r) => (r.dpiaRequired ? orMissing(r.dpiaReference) : orNone(r.dpiaReference)) },
  { header: "Processing activity", width: 30, value: (r) => r.name },
  { header: "Activity ID", width: 38, value: (r) => r.id },
];

/** The CNIL register's headings (DOMAIN.md §5), one row per activity. */
export const ROPA_CNIL_COLUMNS: readonly ExportColumn<RopaRow>[] = [
  { header: "Identifiant", width: 38, value: (r) => r.id },
  { header: "Activité de traitement", width: 30, value: (r) => r.name },
  { header: "Responsable du traitement", width: 40, value: controller },
  { header: "Responsable conjoint", width: 24, value: (r) => orNone(r.jointController, FR) },
  { header: "Représentant", width: 24, value: (r) => representatives(r, FR) },
  { header: "Délégué à la protection des données", width: 24, value: (r) => orNone(r.dpoContact, FR) },
  { header: "Finalités", width: 40, value: (r) => orMissing(r.purpose, FR) },
  { header: "Catégories de personnes concernées", width: 30, value: (r) => orMissing(r.dataSubjectCategories, FR) },
  // Grouped as in the CNIL model register (lib/exports/cnil-categories.ts).
  { header: "Catégories de données", width: 50, value: (r) => orMissing(cnilCategoriesText(r.dataCategoryList), FR) },
  { header: "Données sensibles", width: 30, value: (r) => orNone(r.specialCategoryNames, FR) },
  { header: "Durées de conservation", width: 24, value: (r) => orMissing(r.retentionPeriod, FR) },
  { header: "Destinataires internes", width: 30, value: (r) => orNone(r.internalRecipientNames, FR) },
  { header: "Destinataires — organismes externes", width: 30, value: (r) => orNone(r.externalRecipientNames, FR) },
  { header: "Destinataires — sous-traitants", width: 30, value: (r) => orNone(r.processorRecipientNames, FR) },
  { header: "Transferts hors UE — pays", width: 30, value: (r) => orNone(countryNames(r.thirdCountryCodes), FR) },
  { header: "Transferts hors UE — garanties", width: 40, value: (r) => safeguards(r, FR) },
  {
    header: "Mesures de sécurité",
    width: 50,
    value: (r) => join(security(r, FR), r.agreementDocumentRefs ? `contrôle des sous-traitants : ${r.agreementDocumentRefs}` : null),
  },
];

const list = z.array(z.string());

/** The JSON export's record of one processing activity (GDPR Art. 30(1)); documented in lib/exports/schemas.ts. */
export const ropaRecordSchema = z
  .object({
    id: z.string().describe("Processing activity id (UUID)"),
    name: z.string(),
    status: z.string().describe("The activity's review status: approved, or (with pending records included) submitted or rejected"),
    controller: z
      .object({ name: z.string(), legalName: z.string().nullable(), country: z.string(), address: z.string().nullable(), phone: z.string().nullable() })
      .describe("Art. 30(1)(a): the controller"),
    jointController: z.string().nullable(),
    representativeContact: z.string().nullable().describe("GDPR Art. 27 representative in the Union"),
    ukRepresentativeContact: z.string().nullable().describe("UK GDPR Art. 27 representative in the United Kingdom"),
    dpoContact: z.string().nullable(),
    businessFunction: z.string().nullable(),
    purpose: z.string().describe("Art. 30(1)(b)"),
    legalBasis: z.string().describe("Art. 6(1) basis"),
    legitimateInterest: z.string().nullable(),
    art9Condition: z.string().nullable().describe("Art. 9(2) condition"),
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
      .describe("Art. 30(1)(d): categories of recipients, including those in third countries"),
    thirdCountries: list.describe("Art. 30(1)(e): ISO 3166-1 alpha-2 codes"),
    safeguards: z.object({ mechanisms: list, agreements: list }).describe("Art. 30(1)(e): the documentation of suitable safeguards"),
    agreementDocumentRefs: list,
    retentionPeriod: z.string().nullable().describe("Art. 30(1)(f), where possible: null is reported in `warnings`"),
    securityMeasures: z.string().nullable().describe("Art. 30(1)(g), where possible: null is reported in `warnings`"),
    encryption: z.object({ inTransit: list, atRest: list }),
    source: z.string().nullable(),
    automatedDecisionMaking: z.boolean(),
    dpia: z.object({ required: z.boolean(), reference: z.string().nullable() }),
    warnings: list.describe("Art. 30(1) items that are missing (\"where possible\" items: warnings, not errors)"),
    pending: z.string().nullable().describe("With pending records included: the activity's own review status when not approved, and the unapproved transfers behind the aggregates"),
  })
  .describe("One processing activity of the GDPR Art. 30(1) record");

/**
 * Pending records included: the activity itself is not approved (an engineer's proposal awaiting the DPO, or
 * one the DPO rejected), or its aggregates rest on transfers or recipients not yet approved.
 */
function pendingMark(row: RopaRow): string | null {
  const marks = [
    row.activityStatus !== "approved" ? `activity ${row.activityStatus}` : null,
    row.pendingTransferCount > 0 ? `${row.pendingTransferCount} unapproved transfer(s) included: ${row.pendingRecipientNames ?? ""}`.trim() : null,
  ].filter((mark): mark is string => mark !== null);
  return marks.length ? marks.join("; ") : null;
}

/** The structured record of the JSON export: Art. 30(1) items as fields, lists as arrays, gaps as null. */
export function ropaJsonRecord(row: RopaRow): z.input<typeof ropaRecordSchema> {
  const split = (value: string | null, separator = "; ") => (value ? value.split(separator) : []);
  const groups = groupByCnilCategory(row.dataCategoryList);
  return {
    id: row.id,
    name: row.name,
    status: row.activityStatus,
    controller: { name: row.controllerName, legalName: row.controllerLegalName, country: row.controllerCountry, address: row.controllerAddress, phone: row.controllerPhone },
    jointController: row.jointController,
    representativeContact: row.representativeContact,
    ukRepresentativeContact: row.ukRepresentativeContact,
    dpoContact: row.dpoContact,
    businessFunction: row.businessFunction,
    purpose: row.purpose,
    legalBasis: row.legalBasis,
    legitimateInterest: row.legitimateInterest,
    art9Condition: row.art9Condition,
    dataSubjectCategories: split(row.dataSubjectCategories),
    dataCategories: {
      names: split(row.dataCategoryNames),
      keys: split(row.dataCategoryKeys),
      special: split(row.specialCategoryNames),
      cnilGroups: CNIL_CATEGORY_GROUPS.filter((group) => groups.has(group.id)).map((group) => ({ group: group.label, names: groups.get(group.id)! })),
    },
    recipients: {
      categories: split(row.recipientKinds),
      names: split(row.recipientNames),
      inThirdCountries: split(row.thirdCountryRecipientKinds),
    },
    thirdCountries: split(row.thirdCountryCodes, ","),
    safeguards: { mechanisms: split(row.thirdCountryMechanisms), agreements: split(row.thirdCountryAgreementTypes) },
    agreementDocumentRefs: split(row.agreementDocumentRefs),
    retentionPeriod: row.retentionPeriod,
    securityMeasures: row.securityMeasures,
    encryption: { inTransit: split(row.encryptionInTransit), atRest: split(row.encryptionAtRest) },
    source: row.source,
    automatedDecisionMaking: row.automatedDecisionMaking,
    dpia: { required: row.dpiaRequired, reference: row.dpiaReference },
    // Art. 30(1)(f), (g) are "where possible": the gap is named, not hidden.
    warnings: [
      ...(row.retentionPeriod ? [] : ["retentionPeriod: " + MISSING]),
      ...(row.securityMeasures ? [] : ["securityMeasures: " + MISSING]),
    ],
    pending: pendingMark(row),
  };
}

/**
 * The CNIL model register's "fiche de registre" of one activity: every heading of DOMAIN.md §5, the
 * categories of data one line per CNIL group ("Oui : …" or "Non"), so that an absent category is visible.
 */
export function cnilFicheFields(row: RopaRow): [string, CellValue][] {
  const groups = groupByCnilCategory(row.dataCategoryList);
  const value = (header: string) => ROPA_CNIL_COLUMNS.find((column) => column.header === header)!.value(row);
  const categoriesKnown = row.dataCategoryList !== null && row.dataCategoryList.length > 0;
  return [
    ["Activité de traitement", row.name],
    ["Identifiant", row.id],
    ["Responsable du traitement", value("Responsable du traitement")],
    ["Délégué à la protection des données", value("Délégué à la protection des données")],
    ["Représentant", value("Représentant")],
    ["Responsable conjoint", value("Responsable conjoint")],
    ["Finalités", value("Finalités")],
    ["Base légale (art. 6 RGPD)", row.legalBasis],
    ["Catégories de personnes concernées", value("Catégories de personnes concernées")],
    ...CNIL_CATEGORY_GROUPS.map((group): [string, CellValue] => [
      `Catégories de données — ${shortLabel(group.label)}`,
      groups.has(group.id) ? `Oui : ${groups.get(group.id)!.join(", ")}` : categoriesKnown ? "Non" : MISSING_FR,
    ]),
    ["Données sensibles", row.specialCategoryNames ? `Oui : ${row.specialCategoryNames}` : "Non"],
    ["Condition de l'art. 9 RGPD", row.art9Condition ?? (row.specialCategoryNames ? MISSING_FR : NONE_FR)],
    ["Durées de conservation", value("Durées de conservation")],
    ["Destinataires internes", value("Destinataires internes")],
    ["Destinataires — organismes externes", value("Destinataires — organismes externes")],
    ["Destinataires — sous-traitants", value("Destinataires — sous-traitants")],
    ["Transferts hors UE — pays", value("Transferts hors UE — pays")],
    ["Transferts hors UE — garanties", value("Transferts hors UE — garanties")],
    ["Mesures de sécurité", value("Mesures de sécurité")],
    ["Analyse d'impact (AIPD)", row.dpiaRequired ? `Requise : ${row.dpiaReference ?? MISSING_FR}` : "Non requise"],
  ];
}

const RECORD_FIELDS = (columns: readonly ExportColumn<RopaRow>[]) => (row: RopaRow) =>
  columns.map((column): [string, CellValue] => [column.header, column.value(row)]);

const LAYOUTS: Readonly<Record<RopaTemplate, { title: string; sheetName: string; fileName: string; language: "en" | "fr"; columns: readonly ExportColumn<RopaRow>[]; fields: (row: RopaRow) => [string, CellValue][]; sheetPerRecord: boolean }>> = {
  generic: {
    title: "Record of processing activities (GDPR Art. 30(1))",
    sheetName: "Record",
    fileName: "ropa",
    language: "en",
    columns: ROPA_GENERIC_COLUMNS,
    fields: RECORD_FIELDS(ROPA_GENERIC_COLUMNS),
    sheetPerRecord: false,
  },
  ico: {
    title: "Record of processing activities (UK ICO controller template)",
    sheetName: "Controller",
    fileName: "ropa-ico",
    language: "en",
    columns: ROPA_ICO_COLUMNS,
    fields: RECORD_FIELDS(ROPA_ICO_COLUMNS),
    sheetPerRecord: false,
  },
  cnil: {
    title: "Registre des activités de traitement (CNIL)",
    sheetName: "Registre",
    fileName: "ropa-cnil",
    language: "fr",
    columns: ROPA_CNIL_COLUMNS,
    fields: cnilFicheFields,
    sheetPerRecord: true,
  },
};

/** The Art. 30(1) record in a template: one entry per processing activity (approved ones, unless pending records are included). */
export function ropaReport(template: RopaTemplate): ReportDefinition<RopaRow> {
  const layout = LAYOUTS[template];
  return {
    report: "ropa",
    template,
    title: layout.title,
    language: layout.language,
    sheetName: layout.sheetName,
    fileName: layout.fileName,
    columns: layout.columns,
    rows: ({ db, includePending }) => iterateRopa({ db, includePending }),
    pendingMark,
    jsonRecord: ropaJsonRecord,
    jsonSchema: ropaRecordSchema,
    record: {
      key: (row) => row.id,
      title: (row) => row.name,
      fields: layout.fields,
      sections: ({ db, includePending }) => listRopaSections({ db, includePending }),
      sheetPerRecord: layout.sheetPerRecord,
    },
  };
}
