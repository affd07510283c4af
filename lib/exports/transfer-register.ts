import { z } from "zod";
import { iterateTransferRegister, summarizeTransfersByDestination, type CoveringAgreement, type TransferRegisterRow } from "@/db/queries/exports";
import { DOJ_EXEMPTIONS, SEVERITIES, type TransferMechanism } from "@/db/schema/enums";
import { enumLabel } from "@/lib/labels";
import { dataCategoryName, dataCategoryNames } from "./category-names";
import type { ExportColumn, ReportDefinition, ReportLanguage } from "./report";
import { colon, count, country, countryWithCode, day, labelList, ruleTitle, words } from "./words";

/*
 * GDPR Art. 44-49 (Chapter V): one row per transfer: exporter, importer, destination, mechanism, agreement
 * and dates, TIA date, encryption, categories, volume, open flags (DOMAIN.md §5), in English or in French.
 * A person reads labels (lib/labels), dates as the catalogue writes them and data categories by name; countries
 * are ISO 3166-1 alpha-2 codes with the destination's name beside them. The JSON record keeps the codes, keys and
 * ISO dates, with labels beside them. Multiple agreements are listed "; "-separated, in the same order in every
 * agreement column. The PIPL separate consent and PIPIA date of an export from China (PIPL Art. 39, 55-56), and
 * the US DOJ exemption claimed with its section, are written in words.
 */

/** The transfer register has one layout; the manifest names it so. */
export const TRANSFERS_TEMPLATE = "chapter-v";

const TEXT = {
  en: {
    title: "Chapter V transfer register",
    sheet: "Transfer register",
    headers: {
      id: "Transfer ID",
      status: "Transfer status",
      exporter: "Exporter",
      exporterCountry: "Exporter country",
      importer: "Importer",
      importerLegalName: "Importer legal name",
      importerCountry: "Importer country",
      importerStatus: "Importer status",
      activity: "Processing activity",
      originCountry: "Origin country",
      destinationCountry: "Destination country",
      destination: "Destination",
      accessType: "Access type",
      mechanism: "Transfer mechanism",
      agreements: "Agreements",
      agreementSigned: "Agreement signed",
      agreementEffective: "Agreement effective",
      agreementExpiry: "Agreement expiry",
      agreementDocument: "Agreement document",
      tiaDate: "TIA date",
      piplConsent: "PIPL separate consent",
      pipiaDate: "PIPIA date",
      dojExemption: "DOJ exemption",
      encryptionInTransit: "Encryption in transit",
      encryptionAtRest: "Encryption at rest",
      categories: "Data categories",
      volume: "Volume (per 12 months)",
      volumeUnit: "Volume unit",
      startDate: "Start date",
      endDate: "End date",
      openFlags: "Open flags",
      worstSeverity: "Worst open severity",
      openFlagRules: "Open flag rules",
    },
    pdf: {
      activity: "Activity",
      access: "Access",
      mechanism: "Mechanism",
      agreements: "Agreements (expiry)",
      tia: "TIA",
      encryption: "Encryption (transit / rest)",
      lawFacts: "PIPL consent / PIPIA; DOJ exemption",
      volume: "Volume / 12 months",
    },
    obtained: "Obtained",
    noneClaimed: "None claimed",
    piplFacts: (consent: string, pipia: string) => `PIPL consent: ${consent}; PIPIA: ${pipia}`,
    dojExempt: (label: string) => `DOJ exempt: ${label}`,
    expiry: (date: string) => `exp. ${date}`,
    expiryOf: (dates: string) => `expiry ${dates}`,
    worst: (severity: string) => `worst ${severity}`,
    transfer: "transfer",
    importer: "importer",
    summary: {
      title: "Transfers by destination country",
      destination: "Destination",
      transfers: "Transfers",
      importers: "Importers",
      mechanisms: "Mechanisms",
      openFlags: "Open flags on these transfers",
    },
  },
  fr: {
    title: "Registre des transferts (chapitre V du RGPD)",
    sheet: "Registre des transferts",
    headers: {
      id: "Identifiant du transfert",
      status: "Statut du transfert",
      exporter: "Exportateur",
      exporterCountry: "Pays de l'exportateur",
      importer: "Importateur",
      importerLegalName: "Raison sociale de l'importateur",
      importerCountry: "Pays de l'importateur",
      importerStatus: "Statut de l'importateur",
      activity: "Activité de traitement",
      originCountry: "Pays d'origine",
      destinationCountry: "Pays de destination (code)",
      destination: "Destination",
      accessType: "Type d'accès",
      mechanism: "Mécanisme de transfert",
      agreements: "Accords",
      agreementSigned: "Signature de l'accord",
      agreementEffective: "Prise d'effet de l'accord",
      agreementExpiry: "Expiration de l'accord",
      agreementDocument: "Référence de l'accord",
      tiaDate: "Date de l'AITD",
      piplConsent: "Consentement distinct (PIPL)",
      pipiaDate: "Date de la PIPIA",
      dojExemption: "Exemption DOJ",
      encryptionInTransit: "Chiffrement en transit",
      encryptionAtRest: "Chiffrement au repos",
      categories: "Catégories de données",
      volume: "Volume (sur 12 mois)",
      volumeUnit: "Unité de volume",
      startDate: "Date de début",
      endDate: "Date de fin",
      openFlags: "Alertes ouvertes",
      worstSeverity: "Gravité maximale des alertes ouvertes",
      openFlagRules: "Règles des alertes ouvertes",
    },
    pdf: {
      activity: "Activité",
      access: "Accès",
      mechanism: "Mécanisme",
      agreements: "Accords (expiration)",
      tia: "AITD",
      encryption: "Chiffrement (transit / repos)",
      lawFacts: "Consentement PIPL / PIPIA ; exemption DOJ",
      volume: "Volume sur 12 mois",
    },
    obtained: "Recueilli",
    noneClaimed: "Aucune invoquée",
    piplFacts: (consent: string, pipia: string) => `Consentement PIPL : ${consent} ; PIPIA : ${pipia}`,
    dojExempt: (label: string) => `Exemption DOJ : ${label}`,
    expiry: (date: string) => `exp. ${date}`,
    expiryOf: (dates: string) => `expiration ${dates}`,
    worst: (severity: string) => `gravité maximale ${severity}`,
    transfer: "transfert",
    importer: "importateur",
    summary: {
      title: "Transferts par pays de destination",
      destination: "Destination",
      transfers: "Transferts",
      importers: "Importateurs",
      mechanisms: "Mécanismes",
      openFlags: "Alertes ouvertes sur ces transferts",
    },
  },
} as const satisfies Record<ReportLanguage, unknown>;

export const TRANSFER_REGISTER_TITLE = TEXT.en.title;
export const TRANSFER_REGISTER_SHEET = TEXT.en.sheet;

const lower = (text: string, language: ReportLanguage) => text.toLocaleLowerCase(language);

/** "Standard contractual clauses (SCCs) — Module 2 (C2P)": the type, and its SCC module when it has one. */
export function agreementLabel(agreement: Pick<CoveringAgreement, "type" | "sccModule">, language: ReportLanguage): string {
  const type = enumLabel("agreementType", agreement.type, language);
  return agreement.sccModule ? `${type} — ${enumLabel("sccModule", agreement.sccModule, language)}` : type;
}

/** One agreement column: the n-th item of each describes the same agreement; a missing date is an em dash. */
function agreementList(row: TransferRegisterRow, item: (agreement: CoveringAgreement) => string | null): string | null {
  return row.agreements.length ? row.agreements.map((agreement) => item(agreement) ?? "—").join("; ") : null;
}

/**
 * PIPL Art. 39: separate consent matters for personal information exported from mainland China; elsewhere the
 * cell says so rather than "not recorded", which would read as a gap.
 */
function piplConsent(row: TransferRegisterRow, language: ReportLanguage): string {
  if (row.piplSeparateConsent) return TEXT[language].obtained;
  return row.originCountry === "CN" ? words(language).notRecorded : words(language).notApplicable;
}

/** 28 CFR 202.501-202.511, by its label and section: "Corporate group transaction (28 CFR 202.506)". */
function dojExemption(row: TransferRegisterRow, language: ReportLanguage): string {
  return row.dojExemption ? enumLabel("dojExemption", row.dojExemption, language) : TEXT[language].noneClaimed;
}

/** The PDF's one cell for the three: the PIPL facts of an export from China, and an exemption when claimed. */
function lawFacts(row: TransferRegisterRow, language: ReportLanguage): string {
  const text = TEXT[language];
  const parts = [
    row.originCountry === "CN" || row.piplSeparateConsent || row.pipiaDate
      ? text.piplFacts(lower(piplConsent(row, language), language), day(row.pipiaDate, language) ?? words(language).noneLower)
      : null,
    row.dojExemption ? text.dojExempt(enumLabel("dojExemption", row.dojExemption, language)) : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join("; ") : "—";
}

function agreementsWithExpiry(row: TransferRegisterRow, language: ReportLanguage): string {
  if (!row.agreements.length) return words(language).noneLower;
  return row.agreements
    .map((agreement) => `${agreementLabel(agreement, language)} (${TEXT[language].expiry(day(agreement.expiryDate, language) ?? "—")})`)
    .join("; ");
}

const ruleTitles = (row: TransferRegisterRow, language: ReportLanguage) => labelList(row.openFlagRuleIds, (id) => ruleTitle(id, language));

function openFlagsText(row: TransferRegisterRow, language: ReportLanguage): string {
  if (row.openFlagCount === 0) return words(language).noneLower;
  const worst = row.worstOpenSeverity ? ` (${TEXT[language].worst(lower(enumLabel("severity", row.worstOpenSeverity, language), language))})` : "";
  return `${row.openFlagCount}${worst}${colon(language)}${ruleTitles(row, language)}`;
}

export function transferRegisterColumns(language: ReportLanguage): ExportColumn<TransferRegisterRow>[] {
  const h = TEXT[language].headers;
  return [
    { header: h.id, width: 38, value: (r) => r.id },
    { header: h.status, width: 12, value: (r) => enumLabel("transferStatus", r.status, language) },
    { header: h.exporter, width: 28, value: (r) => r.exporterName },
    { header: h.exporterCountry, width: 10, value: (r) => r.exporterCountry },
    { header: h.importer, width: 30, value: (r) => r.importerName },
    { header: h.importerLegalName, width: 30, value: (r) => r.importerLegalName },
    { header: h.importerCountry, width: 10, value: (r) => r.importerCountry },
    { header: h.importerStatus, width: 12, value: (r) => enumLabel("recordStatus", r.importerStatus, language) },
    { header: h.activity, width: 30, value: (r) => r.activityName },
    { header: h.originCountry, width: 10, value: (r) => r.originCountry },
    { header: h.destinationCountry, width: 12, value: (r) => r.destinationCountry },
    { header: h.destination, width: 22, value: (r) => country(r.destinationCountry, language) },
    { header: h.accessType, width: 14, value: (r) => enumLabel("accessType", r.accessType, language) },
    { header: h.mechanism, width: 22, value: (r) => enumLabel("transferMechanism", r.mechanism, language) },
    { header: h.agreements, width: 28, value: (r) => agreementList(r, (a) => agreementLabel(a, language)) },
    { header: h.agreementSigned, width: 14, value: (r) => agreementList(r, (a) => day(a.signedDate, language)) },
    { header: h.agreementEffective, width: 14, value: (r) => agreementList(r, (a) => day(a.effectiveDate, language)) },
    { header: h.agreementExpiry, width: 14, value: (r) => agreementList(r, (a) => day(a.expiryDate, language)) },
    { header: h.agreementDocument, width: 24, value: (r) => agreementList(r, (a) => a.documentRef) },
    { header: h.tiaDate, width: 12, value: (r) => day(r.tiaDate, language) },
    { header: h.piplConsent, width: 14, value: (r) => piplConsent(r, language) },
    { header: h.pipiaDate, width: 12, value: (r) => day(r.pipiaDate, language) },
    { header: h.dojExemption, width: 30, value: (r) => dojExemption(r, language) },
    { header: h.encryptionInTransit, width: 14, value: (r) => enumLabel("encryptionInTransit", r.encryptionInTransit, language) },
    { header: h.encryptionAtRest, width: 14, value: (r) => enumLabel("encryptionAtRest", r.encryptionAtRest, language) },
    { header: h.categories, width: 40, value: (r) => dataCategoryNames(r.categoryKeys, language) },
    { header: h.volume, width: 14, value: (r) => r.estimatedSubjects },
    { header: h.volumeUnit, width: 10, value: (r) => enumLabel("volumeUnit", r.volumeUnit, language) },
    { header: h.startDate, width: 12, value: (r) => day(r.startDate, language) },
    { header: h.endDate, width: 12, value: (r) => day(r.endDate, language) },
    { header: h.openFlags, width: 10, value: (r) => r.openFlagCount },
    { header: h.worstSeverity, width: 12, value: (r) => (r.worstOpenSeverity ? enumLabel("severity", r.worstOpenSeverity, language) : null) },
    { header: h.openFlagRules, width: 40, value: (r) => ruleTitles(r, language) },
  ];
}

/** Thirty columns do not fit a page: the PDF keeps what a reader of Chapter V needs, a few merged. */
function transferRegisterPdfColumns(language: ReportLanguage): ExportColumn<TransferRegisterRow>[] {
  const { headers: h, pdf: p } = TEXT[language];
  return [
    { header: h.exporter, width: 8, value: (r) => `${r.exporterName} (${r.exporterCountry})` },
    { header: h.importer, width: 12, value: (r) => (r.importerLegalName && r.importerLegalName !== r.importerName ? `${r.importerName} — ${r.importerLegalName}` : r.importerName) },
    { header: h.destination, width: 7, value: (r) => countryWithCode(r.destinationCountry, language) },
    { header: p.activity, width: 9, value: (r) => r.activityName },
    { header: p.access, width: 6, value: (r) => enumLabel("accessType", r.accessType, language) },
    { header: p.mechanism, width: 8, value: (r) => enumLabel("transferMechanism", r.mechanism, language) },
    { header: p.agreements, width: 12, value: (r) => agreementsWithExpiry(r, language) },
    { header: p.tia, width: 6, value: (r) => day(r.tiaDate, language) ?? words(language).noneLower },
    {
      header: p.encryption,
      width: 8,
      value: (r) => `${enumLabel("encryptionInTransit", r.encryptionInTransit, language)} / ${enumLabel("encryptionAtRest", r.encryptionAtRest, language)}`,
    },
    { header: h.categories, width: 11, value: (r) => dataCategoryNames(r.categoryKeys, language) },
    { header: p.lawFacts, width: 9, value: (r) => lawFacts(r, language) },
    { header: p.volume, width: 6, value: (r) => `${count(r.estimatedSubjects, language)} ${lower(enumLabel("volumeUnit", r.volumeUnit, language), language)}` },
    { header: h.openFlags, width: 12, value: (r) => openFlagsText(r, language) },
  ];
}

function pendingMark(row: TransferRegisterRow, language: ReportLanguage): string | null {
  const text = TEXT[language];
  const parts = [
    row.status !== "approved" ? `${text.transfer} ${lower(enumLabel("transferStatus", row.status, language), language)}` : null,
    row.importerStatus !== "approved" ? `${text.importer} ${lower(enumLabel("recordStatus", row.importerStatus, language), language)}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join("; ") : null;
}

const isoDay = z.string().describe("YYYY-MM-DD");
const split = (value: string | null) => (value ? value.split("; ") : []);

/** The JSON export's record of one transfer (schema: transferRecordSchema). */
export const transferRecordSchema = z
  .object({
    id: z.string().describe("Transfer id (UUID)"),
    status: z.string().describe("draft | submitted | approved | rejected | ended"),
    statusLabel: z.string().describe("The status in the export's language"),
    pending: z.string().nullable().describe("What is unapproved about the row (transfer or importer status); null when it is of record"),
    exporter: z.object({ name: z.string(), country: z.string().describe("ISO 3166-1 alpha-2") }),
    importer: z.object({ name: z.string(), legalName: z.string().nullable(), country: z.string(), status: z.string(), statusLabel: z.string() }),
    activity: z.string().describe("The processing activity the transfer serves"),
    originCountry: z.string(),
    destinationCountry: z.string(),
    destinationName: z.string().nullable().describe("The destination's name in the export's language"),
    accessType: z.string().describe("storage | remote_access"),
    accessTypeLabel: z.string(),
    mechanism: z.string().describe("GDPR Chapter V / PIPL / PDPO transfer mechanism (DOMAIN.md §2)"),
    mechanismLabel: z.string(),
    agreements: z
      .array(
        z.object({
          type: z.string(),
          sccModule: z.string().nullable(),
          label: z.string().describe("The agreement's type (and SCC module) in the export's language"),
          signedDate: isoDay.nullable(),
          effectiveDate: isoDay.nullable(),
          expiryDate: isoDay.nullable(),
          documentRef: z.string().nullable(),
        }),
      )
      .describe("The processor's agreements covering this transfer (all its transfers, or this one listed)"),
    tiaDate: isoDay.nullable(),
    pipl: z
      .object({
        separateConsent: z.boolean().describe("PIPL Art. 39: the individuals gave separate consent to the export"),
        pipiaDate: isoDay.nullable().describe("PIPL Art. 55-56: date of the personal-information protection impact assessment"),
      })
      .describe("PIPL facts; they apply to personal information exported from mainland China (originCountry CN)"),
    dojExemption: z
      .object({
        exemption: z.enum(DOJ_EXEMPTIONS),
        label: z.string().describe("What it exempts, with its section: \"Corporate group transaction (28 CFR 202.506)\""),
      })
      .nullable()
      .describe("The US DOJ exemption claimed (28 CFR 202.501-202.511); null when none"),
    encryption: z.object({ inTransit: z.string(), inTransitLabel: z.string(), atRest: z.string(), atRestLabel: z.string() }),
    dataCategories: z.array(z.string()).describe("Data category keys (fideslang where one exists)"),
    dataCategoryNames: z.array(z.string()).describe("The same categories by name, in the same order"),
    volume: z.object({ estimatedPer12Months: z.number().int(), unit: z.string().describe("people | devices"), unitLabel: z.string() }),
    startDate: isoDay.nullable(),
    endDate: isoDay.nullable(),
    openFlags: z.object({
      count: z.number().int(),
      worstSeverity: z.enum(SEVERITIES).nullable(),
      worstSeverityLabel: z.string().nullable(),
      ruleIds: z.array(z.string()),
      ruleTitles: z.array(z.string()).describe("The rules' titles, in the order of ruleIds"),
    }),
  })
  .describe("One transfer of the Chapter V register");

export function transferJsonRecord(row: TransferRegisterRow, language: ReportLanguage = "en"): z.input<typeof transferRecordSchema> {
  const ruleIds = split(row.openFlagRuleIds);
  const categories = split(row.categoryKeys);
  return {
    id: row.id,
    status: row.status,
    statusLabel: enumLabel("transferStatus", row.status, language),
    pending: pendingMark(row, language),
    exporter: { name: row.exporterName, country: row.exporterCountry },
    importer: {
      name: row.importerName,
      legalName: row.importerLegalName,
      country: row.importerCountry,
      status: row.importerStatus,
      statusLabel: enumLabel("recordStatus", row.importerStatus, language),
    },
    activity: row.activityName,
    originCountry: row.originCountry,
    destinationCountry: row.destinationCountry,
    destinationName: country(row.destinationCountry, language),
    accessType: row.accessType,
    accessTypeLabel: enumLabel("accessType", row.accessType, language),
    mechanism: row.mechanism,
    mechanismLabel: enumLabel("transferMechanism", row.mechanism, language),
    agreements: row.agreements.map((agreement) => ({ ...agreement, label: agreementLabel(agreement, language) })),
    tiaDate: row.tiaDate,
    pipl: { separateConsent: row.piplSeparateConsent, pipiaDate: row.pipiaDate },
    dojExemption: row.dojExemption ? { exemption: row.dojExemption, label: enumLabel("dojExemption", row.dojExemption, language) } : null,
    encryption: {
      inTransit: row.encryptionInTransit,
      inTransitLabel: enumLabel("encryptionInTransit", row.encryptionInTransit, language),
      atRest: row.encryptionAtRest,
      atRestLabel: enumLabel("encryptionAtRest", row.encryptionAtRest, language),
    },
    dataCategories: categories,
    dataCategoryNames: categories.map((key) => dataCategoryName(key, language)),
    volume: { estimatedPer12Months: row.estimatedSubjects, unit: row.volumeUnit, unitLabel: enumLabel("volumeUnit", row.volumeUnit, language) },
    startDate: row.startDate,
    endDate: row.endDate,
    openFlags: {
      count: row.openFlagCount,
      worstSeverity: row.worstOpenSeverity,
      worstSeverityLabel: row.worstOpenSeverity ? enumLabel("severity", row.worstOpenSeverity, language) : null,
      ruleIds,
      ruleTitles: ruleIds.map((id) => ruleTitle(id, language)),
    },
  };
}

function transferRegisterDefinition(language: ReportLanguage): ReportDefinition<TransferRegisterRow> {
  const text = TEXT[language];
  return {
    report: "transfers",
    template: TRANSFERS_TEMPLATE,
    title: text.title,
    language,
    sheetName: text.sheet,
    fileName: "transfer-register",
    columns: transferRegisterColumns(language),
    pdfColumns: transferRegisterPdfColumns(language),
    rows: ({ db, includePending }) => iterateTransferRegister({ db, includePending }),
    pendingMark: (row) => pendingMark(row, language),
    jsonRecord: (row) => transferJsonRecord(row, language),
    jsonSchema: transferRecordSchema,
    async summary({ db, includePending }) {
      const rows = await summarizeTransfersByDestination({ db, includePending });
      const s = text.summary;
      return {
        title: s.title,
        columns: [
          { header: s.destination, width: 20 },
          { header: s.transfers, width: 8 },
          { header: s.importers, width: 8 },
          { header: s.mechanisms, width: 40 },
          { header: s.openFlags, width: 12 },
        ],
        rows: rows.map((row) => [
          countryWithCode(row.destinationCountry, language),
          row.transfers,
          row.importers,
          labelList(row.mechanisms, (mechanism) => enumLabel("transferMechanism", mechanism as TransferMechanism, language)),
          row.openFlags,
        ]),
      };
    },
  };
}

const DEFINITIONS: Readonly<Record<ReportLanguage, ReportDefinition<TransferRegisterRow>>> = {
  en: transferRegisterDefinition("en"),
  fr: transferRegisterDefinition("fr"),
};

export function transferRegisterReport(language: ReportLanguage = "en"): ReportDefinition<TransferRegisterRow> {
  return DEFINITIONS[language];
}

/** The English register (the default of the API and of the earlier writers). */
export const TRANSFER_REGISTER_REPORT = DEFINITIONS.en;
export const TRANSFER_REGISTER_COLUMNS: readonly ExportColumn<TransferRegisterRow>[] = DEFINITIONS.en.columns;
