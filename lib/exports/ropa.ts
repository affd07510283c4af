import type { RopaRow } from "@/db/queries/exports-ropa";
import { countryName } from "@/lib/jurisdictions/countries";
import type { ExportColumn } from "./transfer-register";

/** Written where the record has no value: Art. 30(1)(f) and (g) are "where possible", so a gap shows. */
export const MISSING = "MISSING — not recorded";
/** Written where nothing applies (no joint controller, no third-country transfer). */
export const NONE = "None";

export const ROPA_TEMPLATES = ["generic", "ico", "cnil"] as const;
export type RopaTemplate = (typeof ROPA_TEMPLATES)[number];

const orMissing = (value: string | null | undefined) => (value && value.trim() ? value : MISSING);
const orNone = (value: string | null | undefined) => (value && value.trim() ? value : NONE);
const join = (...parts: (string | null | undefined)[]) => parts.filter((part) => part && part.trim()).join("; ");

function countryNames(codes: string | null): string | null {
  if (!codes) return null;
  return codes
    .split(",")
    .map((code) => countryName(code) ?? code)
    .join("; ");
}

/** Art. 30(1)(a): the controller, its country and address. */
function controller(row: RopaRow): string {
  const name = row.controllerLegalName && row.controllerLegalName !== row.controllerName ? `${row.controllerName} (${row.controllerLegalName})` : row.controllerName;
  return join(name, countryName(row.controllerCountry) ?? row.controllerCountry, row.controllerAddress);
}

/** Art. 30(1)(e): the mechanisms of the third-country transfers and the agreements covering them. */
function safeguards(row: RopaRow): string {
  if (!row.thirdCountryCodes) return NONE;
  const text = join(
    row.thirdCountryMechanisms ? `mechanisms: ${row.thirdCountryMechanisms}` : null,
    row.thirdCountryAgreementTypes ? `agreements: ${row.thirdCountryAgreementTypes}` : null,
  );
  return orMissing(text);
}

/** Art. 30(1)(g): the recorded measures, then the encryption seen on the activity's transfers. */
function security(row: RopaRow, labels = { inTransit: "encryption in transit", atRest: "encryption at rest" }): string {
  return join(
    orMissing(row.securityMeasures),
    row.encryptionInTransit ? `${labels.inTransit}: ${row.encryptionInTransit}` : null,
    row.encryptionAtRest ? `${labels.atRest}: ${row.encryptionAtRest}` : null,
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
  { header: "Representative (Art. 27)", width: 24, value: (r) => orNone(r.representativeContact) },
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
  { header: "Responsable conjoint", width: 24, value: (r) => orNone(r.jointController) },
  { header: "Représentant", width: 24, value: (r) => orNone(r.representativeContact) },
  { header: "Délégué à la protection des données", width: 24, value: (r) => orNone(r.dpoContact) },
  { header: "Finalités", width: 40, value: (r) => orMissing(r.purpose) },
  { header: "Catégories de personnes concernées", width: 30, value: (r) => orMissing(r.dataSubjectCategories) },
  { header: "Catégories de données", width: 40, value: personalData },
  { header: "Données sensibles", width: 30, value: (r) => orNone(r.specialCategoryNames) },
  { header: "Durées de conservation", width: 24, value: (r) => orMissing(r.retentionPeriod) },
  { header: "Destinataires internes", width: 30, value: (r) => orNone(r.internalRecipientNames) },
  { header: "Destinataires — organismes externes", width: 30, value: (r) => orNone(r.externalRecipientNames) },
  { header: "Destinataires — sous-traitants", width: 30, value: (r) => orNone(r.processorRecipientNames) },
  { header: "Transferts hors UE — pays", width: 30, value: (r) => orNone(countryNames(r.thirdCountryCodes)) },
  { header: "Transferts hors UE — garanties", width: 40, value: safeguards },
  {
    header: "Mesures de sécurité",
    width: 50,
    value: (r) =>
      join(
        security(r, { inTransit: "chiffrement en transit", atRest: "chiffrement au repos" }),
        r.agreementDocumentRefs ? `contrôle des sous-traitants : ${r.agreementDocumentRefs}` : null,
      ),
  },
];

export const ROPA_REPORTS: Readonly<Record<RopaTemplate, { title: string; sheetName: string; fileName: string; columns: readonly ExportColumn<RopaRow>[] }>> = {
  generic: { title: "Record of processing activities (GDPR Art. 30(1))", sheetName: "Record", fileName: "ropa", columns: ROPA_GENERIC_COLUMNS },
  ico: { title: "Record of processing activities (UK ICO controller template)", sheetName: "Controller", fileName: "ropa-ico", columns: ROPA_ICO_COLUMNS },
  cnil: { title: "Registre des activités de traitement (CNIL)", sheetName: "Registre", fileName: "ropa-cnil", columns: ROPA_CNIL_COLUMNS },
};

/** The structured record of the JSON export: Art. 30(1) items as fields, lists as arrays, gaps as null. */
export function ropaJsonRecord(row: RopaRow) {
  const split = (value: string | null, separator = "; ") => (value ? value.split(separator) : []);
  return {
    id: row.id,
    name: row.name,
    controller: { name: row.controllerName, legalName: row.controllerLegalName, country: row.controllerCountry, address: row.controllerAddress },
    jointController: row.jointController,
    representativeContact: row.representativeContact,
    dpoContact: row.dpoContact,
    businessFunction: row.businessFunction,
    purpose: row.purpose,
    legalBasis: row.legalBasis,
    legitimateInterest: row.legitimateInterest,
    art9Condition: row.art9Condition,
    dataSubjectCategories: split(row.dataSubjectCategories),
    dataCategories: { names: split(row.dataCategoryNames), keys: split(row.dataCategoryKeys), special: split(row.specialCategoryNames) },
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
  };
}
