import { z } from "zod";
import { iterateSubprocessors, type SubprocessorRow } from "@/db/queries/export-subprocessors";
import { AGREEMENT_TYPES, SCC_MODULES, SEVERITIES, type AgreementType, type SccModule } from "@/db/schema/enums";
import { enumLabel } from "@/lib/labels";
import { dataCategoryName, dataCategoryNames } from "./category-names";
import type { ExportColumn, ReportDefinition, ReportLanguage } from "./report";
import { agreementLabel } from "./transfer-register";
import { colon, country, countryWithCode, day, labelList, ruleTitle, words, yesNo } from "./words";

/*
 * The sub-processor list (GDPR Art. 28(2), 28(4); DOMAIN.md §2 "a sub-processor hangs under the processor
 * that engaged it"): every recipient in engagement order with its chain from the top, and, for a
 * sub-processor, whether its parent's active agreement allows sub-processing with the same obligations
 * flowed down: the fact processor.onward-uncovered checks. In English or in French, values as labels.
 */

const TEXT = {
  en: {
    title: "Sub-processor list (GDPR Art. 28(2), 28(4))",
    sheet: "Sub-processors",
    headers: {
      id: "Processor ID",
      level: "Level",
      chain: "Chain (engaged by › ... › this processor)",
      name: "Name",
      legalName: "Legal name",
      role: "Role",
      service: "Service",
      country: "Country",
      countryName: "Country name",
      status: "Status",
      parent: "Engaged by (parent)",
      onward: "Sub-processing under the parent's agreement",
      dpf: "EU-US DPF certified",
      coveredPerson: "Covered person (28 CFR 202.211)",
      agreements: "Agreements",
      agreementExpiry: "Agreement expiry",
      agreementDocument: "Agreement document",
      transfers: "Transfers",
      destinations: "Destinations",
      categories: "Data categories",
      openFlags: "Open flags",
      worstSeverity: "Worst open severity",
      openFlagRules: "Open flag rules",
    },
    pdf: {
      chain: "Chain",
      roleService: "Role / service",
      onward: "Under the parent's agreement",
      dpf: "DPF",
      coveredPerson: "Covered person",
      agreements: "Agreements (expiry)",
      transfers: "Transfers (destinations)",
    },
    flowedDown: "Permitted, obligations flowed down",
    notFlowedDown: "Permitted, but obligations NOT flowed down (Art. 28(4))",
    notPermitted: "NOT permitted by an active agreement of the parent (Art. 28(2))",
    dpfUntil: (date: string) => `Yes, until ${date}`,
    worst: (severity: string) => `worst ${severity}`,
    processor: "processor",
  },
  fr: {
    title: "Liste des sous-traitants ultérieurs (RGPD art. 28(2), 28(4))",
    sheet: "Sous-traitants",
    headers: {
      id: "Identifiant du sous-traitant",
      level: "Niveau",
      chain: "Chaîne (recruté par › ... › ce sous-traitant)",
      name: "Nom",
      legalName: "Raison sociale",
      role: "Rôle",
      service: "Service",
      country: "Pays (code)",
      countryName: "Pays",
      status: "Statut",
      parent: "Recruté par (sous-traitant de rang supérieur)",
      onward: "Sous-traitance au titre de l'accord du sous-traitant de rang supérieur",
      dpf: "Certifié EU-US DPF",
      coveredPerson: "Personne visée (28 CFR 202.211)",
      agreements: "Accords",
      agreementExpiry: "Expiration de l'accord",
      agreementDocument: "Référence de l'accord",
      transfers: "Transferts",
      destinations: "Destinations",
      categories: "Catégories de données",
      openFlags: "Alertes ouvertes",
      worstSeverity: "Gravité maximale des alertes ouvertes",
      openFlagRules: "Règles des alertes ouvertes",
    },
    pdf: {
      chain: "Chaîne",
      roleService: "Rôle / service",
      onward: "Au titre de l'accord du rang supérieur",
      dpf: "DPF",
      coveredPerson: "Personne visée",
      agreements: "Accords (expiration)",
      transfers: "Transferts (destinations)",
    },
    flowedDown: "Autorisée, obligations répercutées",
    notFlowedDown: "Autorisée, mais obligations NON répercutées (art. 28(4))",
    notPermitted: "NON autorisée par un accord en vigueur du sous-traitant de rang supérieur (art. 28(2))",
    dpfUntil: (date: string) => `Oui, jusqu'au ${date}`,
    worst: (severity: string) => `gravité maximale ${severity}`,
    processor: "sous-traitant",
  },
} as const satisfies Record<ReportLanguage, unknown>;

const lower = (text: string, language: ReportLanguage) => text.toLocaleLowerCase(language);

/** The parent's contract, as Art. 28(2) and 28(4) read it; null for a processor engaged by the company itself. */
function onwardTransfer(row: SubprocessorRow, language: ReportLanguage): string | null {
  if (row.parentId === null) return null;
  const text = TEXT[language];
  if (row.parentFlowDown) return text.flowedDown;
  if (row.parentPermitsSubprocessing) return text.notFlowedDown;
  return text.notPermitted;
}

function dpf(row: SubprocessorRow, language: ReportLanguage): string {
  if (!row.dpfCertified) return words(language).no;
  return row.dpfExpiry ? TEXT[language].dpfUntil(day(row.dpfExpiry, language)!) : words(language).yes;
}

const chainText = (row: SubprocessorRow) => row.chain.join(" › ");

const isAgreementType = (value: string): value is AgreementType => (AGREEMENT_TYPES as readonly string[]).includes(value);
const isSccModule = (value: string): value is SccModule => (SCC_MODULES as readonly string[]).includes(value);

/** The query's "type[ module]" items (db/queries/export-subprocessors.ts), as agreements. */
function agreementsOf(row: SubprocessorRow): { type: AgreementType; sccModule: SccModule | null }[] {
  return (row.agreementTypes ? row.agreementTypes.split("; ") : []).flatMap((item) => {
    const [type = "", module] = item.split(" ");
    return isAgreementType(type) ? [{ type, sccModule: module && isSccModule(module) ? module : null }] : [];
  });
}

const agreementLabels = (row: SubprocessorRow, language: ReportLanguage) => {
  const agreements = agreementsOf(row);
  return agreements.length ? agreements.map((agreement) => agreementLabel(agreement, language)).join("; ") : null;
};

/** The expiry dates as the catalogue writes them; the query's em dash for "none" stays. */
const expiryDates = (row: SubprocessorRow, language: ReportLanguage) => labelList(row.agreementExpiryDates, (date) => (date === "—" ? date : day(date, language)!));

const destinationNames = (row: SubprocessorRow, language: ReportLanguage) =>
  row.destinations ? row.destinations.split(", ").map((code) => countryWithCode(code, language)).join(", ") : null;

const ruleTitles = (row: SubprocessorRow, language: ReportLanguage) => labelList(row.openFlagRuleIds, (id) => ruleTitle(id, language));

const severityLabel = (row: SubprocessorRow, language: ReportLanguage) => (row.worstOpenSeverity ? enumLabel("severity", row.worstOpenSeverity, language) : null);

function subprocessorColumns(language: ReportLanguage): ExportColumn<SubprocessorRow>[] {
  const h = TEXT[language].headers;
  return [
    { header: h.id, width: 38, value: (r) => r.id },
    { header: h.level, width: 7, value: (r) => r.level },
    { header: h.chain, width: 50, value: chainText },
    { header: h.name, width: 30, value: (r) => r.name },
    { header: h.legalName, width: 30, value: (r) => r.legalName },
    { header: h.role, width: 14, value: (r) => enumLabel("processorRole", r.role, language) },
    { header: h.service, width: 18, value: (r) => enumLabel("processorService", r.service, language) },
    { header: h.country, width: 9, value: (r) => r.country },
    { header: h.countryName, width: 20, value: (r) => country(r.country, language) },
    { header: h.status, width: 11, value: (r) => enumLabel("recordStatus", r.status, language) },
    {
      header: h.parent,
      width: 30,
      value: (r) =>
        r.parentName === null
          ? null
          : r.parentStatus === null || r.parentStatus === "approved"
            ? r.parentName
            : `${r.parentName} (${lower(enumLabel("recordStatus", r.parentStatus, language), language)})`,
    },
    { header: h.onward, width: 40, value: (r) => onwardTransfer(r, language) },
    { header: h.dpf, width: 16, value: (r) => dpf(r, language) },
    { header: h.coveredPerson, width: 12, value: (r) => yesNo(r.coveredPerson, language) },
    { header: h.agreements, width: 30, value: (r) => agreementLabels(r, language) },
    { header: h.agreementExpiry, width: 16, value: (r) => expiryDates(r, language) },
    { header: h.agreementDocument, width: 30, value: (r) => r.agreementDocumentRefs },
    { header: h.transfers, width: 10, value: (r) => r.transferCount },
    { header: h.destinations, width: 16, value: (r) => destinationNames(r, language) },
    { header: h.categories, width: 40, value: (r) => dataCategoryNames(r.categoryKeys, language) },
    { header: h.openFlags, width: 10, value: (r) => r.openFlagCount },
    { header: h.worstSeverity, width: 12, value: (r) => severityLabel(r, language) },
    { header: h.openFlagRules, width: 40, value: (r) => ruleTitles(r, language) },
  ];
}

function subprocessorPdfColumns(language: ReportLanguage): ExportColumn<SubprocessorRow>[] {
  const { headers: h, pdf: p } = TEXT[language];
  const none = words(language).noneLower;
  return [
    { header: p.chain, width: 16, value: chainText },
    { header: h.legalName, width: 12, value: (r) => r.legalName },
    { header: p.roleService, width: 9, value: (r) => `${enumLabel("processorRole", r.role, language)} / ${enumLabel("processorService", r.service, language)}` },
    { header: h.countryName, width: 7, value: (r) => countryWithCode(r.country, language) },
    { header: p.onward, width: 11, value: (r) => onwardTransfer(r, language) ?? "—" },
    { header: p.dpf, width: 6, value: (r) => dpf(r, language) },
    { header: p.coveredPerson, width: 5, value: (r) => yesNo(r.coveredPerson, language) },
    { header: p.agreements, width: 12, value: (r) => (r.agreementTypes ? `${agreementLabels(r, language)} (${expiryDates(r, language)})` : none) },
    { header: p.transfers, width: 8, value: (r) => (r.transferCount > 0 ? `${r.transferCount} (${r.destinations})` : "0") },
    {
      header: h.openFlags,
      width: 12,
      value: (r) =>
        r.openFlagCount > 0
          ? `${r.openFlagCount} (${TEXT[language].worst(lower(severityLabel(r, language) ?? "", language))})${colon(language)}${ruleTitles(r, language)}`
          : none,
    },
  ];
}

function pendingMark(row: SubprocessorRow, language: ReportLanguage): string | null {
  return row.status === "approved" ? null : `${TEXT[language].processor} ${lower(enumLabel("recordStatus", row.status, language), language)}`;
}

const split = (value: string | null, separator = "; ") => (value ? value.split(separator) : []);

export const subprocessorRecordSchema = z
  .object({
    id: z.string(),
    level: z.number().int().describe("0: engaged by the company; 1: a sub-processor of a level-0 processor; ..."),
    chain: z.array(z.string()).describe("Names from the top-level processor down to this one"),
    name: z.string(),
    legalName: z.string().nullable(),
    role: z.string(),
    roleLabel: z.string(),
    service: z.string(),
    serviceLabel: z.string(),
    country: z.string(),
    countryName: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    pending: z.string().nullable(),
    parent: z
      .object({
        id: z.string(),
        name: z.string(),
        status: z.string(),
        permitsSubprocessing: z.boolean().describe("An active agreement of the parent permits sub-processing (Art. 28(2))"),
        flowDown: z.boolean().describe("... and flows the same obligations down (Art. 28(4))"),
      })
      .nullable(),
    dpf: z.object({ certified: z.boolean(), expiry: z.string().nullable() }),
    coveredPerson: z.boolean(),
    agreements: z.object({
      types: z.array(z.string()),
      labels: z.array(z.string()).describe("Each agreement's type (and SCC module) in the export's language"),
      expiryDates: z.array(z.string()),
      documentRefs: z.array(z.string()),
    }),
    transfers: z.object({
      count: z.number().int(),
      destinations: z.array(z.string()),
      dataCategories: z.array(z.string()),
      dataCategoryNames: z.array(z.string()),
    }),
    openFlags: z.object({
      count: z.number().int(),
      worstSeverity: z.enum(SEVERITIES).nullable(),
      worstSeverityLabel: z.string().nullable(),
      ruleIds: z.array(z.string()),
      ruleTitles: z.array(z.string()),
    }),
  })
  .describe("One recipient of the sub-processor list, in engagement order");

export function subprocessorJsonRecord(row: SubprocessorRow, language: ReportLanguage = "en"): z.input<typeof subprocessorRecordSchema> {
  const ruleIds = split(row.openFlagRuleIds);
  const categories = split(row.categoryKeys);
  return {
    id: row.id,
    level: row.level,
    chain: row.chain,
    name: row.name,
    legalName: row.legalName,
    role: row.role,
    roleLabel: enumLabel("processorRole", row.role, language),
    service: row.service,
    serviceLabel: enumLabel("processorService", row.service, language),
    country: row.country,
    countryName: country(row.country, language),
    status: row.status,
    statusLabel: enumLabel("recordStatus", row.status, language),
    pending: pendingMark(row, language),
    parent:
      row.parentId === null
        ? null
        : {
            id: row.parentId,
            name: row.parentName ?? "",
            status: row.parentStatus ?? "",
            permitsSubprocessing: row.parentPermitsSubprocessing ?? false,
            flowDown: row.parentFlowDown ?? false,
          },
    dpf: { certified: row.dpfCertified, expiry: row.dpfExpiry },
    coveredPerson: row.coveredPerson,
    agreements: {
      types: split(row.agreementTypes),
      labels: agreementsOf(row).map((agreement) => agreementLabel(agreement, language)),
      expiryDates: split(row.agreementExpiryDates),
      documentRefs: split(row.agreementDocumentRefs),
    },
    transfers: {
      count: row.transferCount,
      destinations: split(row.destinations, ", "),
      dataCategories: categories,
      dataCategoryNames: categories.map((key) => dataCategoryName(key, language)),
    },
    openFlags: {
      count: row.openFlagCount,
      worstSeverity: row.worstOpenSeverity,
      worstSeverityLabel: severityLabel(row, language),
      ruleIds,
      ruleTitles: ruleIds.map((id) => ruleTitle(id, language)),
    },
  };
}

function subprocessorDefinition(language: ReportLanguage): ReportDefinition<SubprocessorRow> {
  const text = TEXT[language];
  return {
    report: "subprocessors",
    template: "art-28",
    title: text.title,
    language,
    sheetName: text.sheet,
    fileName: "subprocessors",
    columns: subprocessorColumns(language),
    pdfColumns: subprocessorPdfColumns(language),
    rows: ({ db, includePending, today }) => iterateSubprocessors({ db, includePending, today }),
    pendingMark: (row) => pendingMark(row, language),
    jsonRecord: (row) => subprocessorJsonRecord(row, language),
    jsonSchema: subprocessorRecordSchema,
  };
}

const DEFINITIONS: Readonly<Record<ReportLanguage, ReportDefinition<SubprocessorRow>>> = {
  en: subprocessorDefinition("en"),
  fr: subprocessorDefinition("fr"),
};

export function subprocessorReport(language: ReportLanguage = "en"): ReportDefinition<SubprocessorRow> {
  return DEFINITIONS[language];
}

export const SUBPROCESSOR_REPORT = DEFINITIONS.en;
export const SUBPROCESSOR_COLUMNS: readonly ExportColumn<SubprocessorRow>[] = DEFINITIONS.en.columns;
