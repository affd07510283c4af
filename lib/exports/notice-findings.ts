import { z } from "zod";
import { listNoticeFindingsForExport, type NoticeFindingExportRow } from "@/db/queries/export-notice-findings";
import { FLAG_STATUSES, FLAG_SUBJECT_TYPES, SEVERITIES } from "@/db/schema/enums";
import { enumLabel, flagRemediation } from "@/lib/labels";
import type { ExportColumn, ReportDefinition, ReportLanguage } from "./report";
import { country, day } from "./words";

/*
 * The notice findings (issue 18): where the register contradicts the published privacy notice, each with the rule,
 * its severity and status, what it concerns (by name), the finding in the report's language, the notice's own words
 * and section, the law cited and what to do. The current state only: the notice findings are re-evaluated on every
 * write, and a past day's notice is not rebuilt (lib/exports/reports.ts readsRegister).
 */

const TEXT = {
  en: {
    title: "Privacy notice findings",
    sheet: "Notice findings",
    headers: {
      id: "Flag ID",
      rule: "Rule",
      severity: "Severity",
      status: "Status",
      subjectType: "Subject type",
      subject: "Subject",
      finding: "Finding",
      quote: "The notice says",
      section: "Notice section",
      citation: "Citation",
      remediation: "What to do",
      firstSeen: "First raised",
    },
    subjectGone: "No longer in the register",
    notes: {
      what: "Privacy notice findings",
      whatValue: "Where the register contradicts the privacy notice in force: a recipient, data category or country it does not declare, or a promise (no sale, storage location, encryption, agreements) a record breaks.",
    },
  },
  fr: {
    title: "Constats sur la politique de confidentialité",
    sheet: "Constats politique",
    headers: {
      id: "Identifiant de l'alerte",
      rule: "Règle",
      severity: "Gravité",
      status: "Statut",
      subjectType: "Type d'objet",
      subject: "Objet",
      finding: "Constat",
      quote: "Ce que dit la politique",
      section: "Section de la politique",
      citation: "Référence",
      remediation: "Que faire",
      firstSeen: "Première détection",
    },
    subjectGone: "Ne figure plus au registre",
    notes: {
      what: "Constats sur la politique de confidentialité",
      whatValue:
        "Là où le registre contredit la politique de confidentialité en vigueur : un destinataire, une catégorie de données ou un pays qu'elle ne déclare pas, ou un engagement (absence de vente, lieu de stockage, chiffrement, contrats) qu'une fiche ne respecte pas.",
    },
  },
} as const satisfies Record<ReportLanguage, unknown>;

const str = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

export function noticeFindingSubject(row: NoticeFindingExportRow, language: ReportLanguage): string {
  if (row.subjectType === "transfer") {
    return row.processorName && row.originCountry && row.destinationCountry
      ? `${row.processorName} (${country(row.originCountry, language)} → ${country(row.destinationCountry, language)})`
      : TEXT[language].subjectGone;
  }
  if (row.subjectType === "activity") return row.activityName ?? TEXT[language].subjectGone;
  return row.processorName ?? TEXT[language].subjectGone;
}

const message = (row: NoticeFindingExportRow, language: ReportLanguage) => (language === "fr" && row.messageFr ? row.messageFr : row.message);
const quote = (row: NoticeFindingExportRow, language: ReportLanguage) => (language === "fr" ? str(row.facts.noticeQuoteFr) ?? str(row.facts.noticeQuote) : str(row.facts.noticeQuote));
const section = (row: NoticeFindingExportRow, language: ReportLanguage) =>
  language === "fr" ? str(row.facts.noticeSectionFr) ?? str(row.facts.noticeSection) : str(row.facts.noticeSection);

function columns(language: ReportLanguage): { columns: ExportColumn<NoticeFindingExportRow>[]; pdfColumns: ExportColumn<NoticeFindingExportRow>[] } {
  const h = TEXT[language].headers;
  const all: ExportColumn<NoticeFindingExportRow>[] = [
    { header: h.id, width: 38, value: (r) => r.id },
    { header: h.rule, width: 40, value: (r) => enumLabel("rule", r.ruleId, language) },
    { header: h.severity, width: 10, value: (r) => enumLabel("severity", r.severity, language) },
    { header: h.status, width: 12, value: (r) => enumLabel("flagStatus", r.status, language) },
    { header: h.subjectType, width: 14, value: (r) => enumLabel("flagSubjectType", r.subjectType, language) },
    { header: h.subject, width: 40, value: (r) => noticeFindingSubject(r, language) },
    { header: h.finding, width: 70, value: (r) => message(r, language) },
    { header: h.quote, width: 60, value: (r) => quote(r, language) },
    { header: h.section, width: 30, value: (r) => section(r, language) },
    { header: h.citation, width: 30, value: (r) => r.citation },
    { header: h.remediation, width: 60, value: (r) => flagRemediation(r.ruleId, r.remediation, language).text },
    { header: h.firstSeen, width: 14, value: (r) => day(r.firstSeenAt.toISOString().slice(0, 10), language) },
  ];
  const pdf: ExportColumn<NoticeFindingExportRow>[] = [
    { header: h.rule, width: 12, value: (r) => `${enumLabel("rule", r.ruleId, language)} (${enumLabel("severity", r.severity, language).toLocaleLowerCase(language)})` },
    { header: h.subject, width: 12, value: (r) => noticeFindingSubject(r, language) },
    { header: h.finding, width: 24, value: (r) => message(r, language) },
    { header: h.section, width: 10, value: (r) => section(r, language) },
    { header: h.citation, width: 8, value: (r) => r.citation },
  ];
  return { columns: all, pdfColumns: pdf };
}

export const noticeFindingRecordSchema = z
  .object({
    id: z.string().describe("Flag id (UUID)"),
    ruleId: z.string(),
    ruleTitle: z.string().describe("The rule's title in the export's language"),
    severity: z.enum(SEVERITIES),
    severityLabel: z.string(),
    status: z.enum(FLAG_STATUSES),
    statusLabel: z.string(),
    subject: z.object({ type: z.enum(FLAG_SUBJECT_TYPES), typeLabel: z.string(), id: z.string(), description: z.string() }),
    message: z.string().describe("The finding in the export's language"),
    noticeQuote: z.string().nullable().describe("The notice's own words the finding relies on"),
    noticeSection: z.string().nullable(),
    facts: z.record(z.string(), z.unknown()).describe("The facts the rule used"),
    citation: z.string(),
    remediation: z.string().describe("What to do, in the export's language"),
    firstSeenAt: z.string().describe("ISO 8601, UTC"),
  })
  .describe("One finding of the privacy notice against the register");

function definition(language: ReportLanguage): ReportDefinition<NoticeFindingExportRow> {
  const text = TEXT[language];
  const { columns: all, pdfColumns } = columns(language);
  return {
    report: "notice-findings",
    template: "notice-findings",
    title: text.title,
    language,
    sheetName: text.sheet,
    fileName: "notice-findings",
    columns: all,
    pdfColumns,
    async *rows({ db }) {
      yield* await listNoticeFindingsForExport({ db });
    },
    pendingMark: () => null,
    jsonRecord: (row) => ({
      id: row.id,
      ruleId: row.ruleId,
      ruleTitle: enumLabel("rule", row.ruleId, language),
      severity: row.severity,
      severityLabel: enumLabel("severity", row.severity, language),
      status: row.status,
      statusLabel: enumLabel("flagStatus", row.status, language),
      subject: { type: row.subjectType, typeLabel: enumLabel("flagSubjectType", row.subjectType, language), id: row.subjectId, description: noticeFindingSubject(row, language) },
      message: message(row, language),
      noticeQuote: quote(row, language),
      noticeSection: section(row, language),
      facts: row.facts,
      citation: row.citation,
      remediation: flagRemediation(row.ruleId, row.remediation, language).text,
      firstSeenAt: row.firstSeenAt.toISOString(),
    }),
    jsonSchema: noticeFindingRecordSchema,
    async notes() {
      return [[text.notes.what, text.notes.whatValue]];
    },
  };
}

const DEFINITIONS: Readonly<Record<ReportLanguage, ReportDefinition<NoticeFindingExportRow>>> = { en: definition("en"), fr: definition("fr") };

export function noticeFindingsReport(language: ReportLanguage = "en"): ReportDefinition<NoticeFindingExportRow> {
  return DEFINITIONS[language];
}
