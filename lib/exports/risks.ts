import { z } from "zod";
import { iterateAcceptedRisks, type AcceptedRiskRow } from "@/db/queries/export-risks";
import { SEVERITIES, FLAG_SUBJECT_TYPES } from "@/db/schema/enums";
import { enumLabel } from "@/lib/labels";
import type { ExportColumn, ReportDefinition, ReportLanguage } from "./report";
import { agreementLabel } from "./transfer-register";
import { country, day, ruleTitle, yesNo } from "./words";

/*
 * The accepted risks (issue 16): every flag the DPO accepted and that stands accepted on the report's day, with
 * the rule that raised it, its severity, what it concerns (by name), its facts (the finding's message, and in
 * JSON the facts the rule used), who accepted it, why, when and until when, and whether that end has passed.
 * An accepted risk is not a resolved one: it reopens the day after its end date, or as soon as its facts get
 * worse (lib/flags/lifecycle.ts); an acceptance whose end has passed before the next evaluation reopened it is
 * listed as expired. A flag that is open (never accepted, or reopened) or resolved is not listed.
 *
 * As of a past day, the flags are those lib/exports/as-of.ts re-evaluates on that day's register from the risks
 * accepted by then, so the list is the one a regulator would have received that day.
 */

export interface RiskRow extends AcceptedRiskRow {
  /** The acceptance ended before the report's day (acceptedUntil < today). */
  expired: boolean;
}

const TEXT = {
  en: {
    title: "Accepted risks",
    sheet: "Accepted risks",
    headers: {
      id: "Flag ID",
      rule: "Rule",
      severity: "Severity",
      acceptedSeverity: "Severity when accepted",
      subjectType: "Subject type",
      subject: "Subject",
      processor: "Processor",
      subjectId: "Subject ID",
      facts: "Facts",
      citation: "Citation",
      acceptedBy: "Accepted by",
      justification: "Justification",
      acceptedOn: "Accepted on",
      acceptedUntil: "Accepted until",
      expired: "Acceptance expired",
      firstSeen: "First raised",
    },
    pdf: { rule: "Rule (severity)", acceptance: "Accepted by, on", until: "Until" },
    expiredMark: (date: string) => `${date} (expired)`,
    subjectGone: "No longer in the register",
    transfer: "transfer",
    processor: "processor",
    agreementOf: (agreement: string, processor: string) => `${agreement} with ${processor}`,
    transferOf: (exporter: string, importer: string, destination: string, activity: string) => `${exporter} → ${importer} (${destination}), ${activity}`,
    notes: {
      what: "Accepted risks",
      whatValue:
        "Flags the DPO accepted, with a justification and an end date. An accepted risk reopens the day after its end date, or as soon as its facts get worse (a higher severity, a new category or destination, a larger count).",
      expired: "Expired",
      expiredValue: "The end date has passed: the next evaluation of the flags reopens the risk.",
    },
  },
  fr: {
    title: "Risques acceptés",
    sheet: "Risques acceptés",
    headers: {
      id: "Identifiant de l'alerte",
      rule: "Règle",
      severity: "Gravité",
      acceptedSeverity: "Gravité lors de l'acceptation",
      subjectType: "Type d'objet",
      subject: "Objet",
      processor: "Prestataire",
      subjectId: "Identifiant de l'objet",
      facts: "Faits constatés",
      citation: "Référence",
      acceptedBy: "Accepté par",
      justification: "Justification",
      acceptedOn: "Accepté le",
      acceptedUntil: "Accepté jusqu'au",
      expired: "Acceptation expirée",
      firstSeen: "Première détection",
    },
    pdf: { rule: "Règle (gravité)", acceptance: "Accepté par, le", until: "Jusqu'au" },
    expiredMark: (date: string) => `${date} (expirée)`,
    subjectGone: "Ne figure plus au registre",
    transfer: "transfert",
    processor: "prestataire",
    agreementOf: (agreement: string, processor: string) => `${agreement} avec ${processor}`,
    transferOf: (exporter: string, importer: string, destination: string, activity: string) => `${exporter} → ${importer} (${destination}), ${activity}`,
    notes: {
      what: "Risques acceptés",
      whatValue:
        "Alertes acceptées par le DPO, avec une justification et une date de fin. Un risque accepté est rouvert le lendemain de sa date de fin, ou dès que ses faits s'aggravent (gravité supérieure, nouvelle catégorie ou destination, volume plus élevé).",
      expired: "Expirée",
      expiredValue: "La date de fin est passée : la prochaine évaluation des alertes rouvre le risque.",
    },
  },
} as const satisfies Record<ReportLanguage, unknown>;

const lower = (text: string, language: ReportLanguage) => text.toLocaleLowerCase(language);

/** What the flag concerns, by name: the transfer's parties and activity, the processor, or the agreement and its processor. */
export function riskSubject(row: AcceptedRiskRow, language: ReportLanguage): string {
  const text = TEXT[language];
  if (row.subjectType === "transfer") {
    const t = row.transfer;
    return t ? text.transferOf(t.exporterName, t.importerName, country(t.destinationCountry, language), t.activityName) : text.subjectGone;
  }
  if (row.subjectType === "agreement") {
    return row.agreement && row.processorName ? text.agreementOf(agreementLabel(row.agreement, language), row.processorName) : text.subjectGone;
  }
  return row.processorName ?? text.subjectGone;
}

function untilText(row: RiskRow, language: ReportLanguage): string | null {
  const until = day(row.acceptedUntil, language);
  return until && row.expired ? TEXT[language].expiredMark(until) : until;
}

function pendingMark(row: AcceptedRiskRow, language: ReportLanguage): string | null {
  const text = TEXT[language];
  const parts = [
    row.transfer && row.transfer.status !== "approved" ? `${text.transfer} ${lower(enumLabel("transferStatus", row.transfer.status, language), language)}` : null,
    row.processorStatus && row.processorStatus !== "approved"
      ? `${text.processor} ${lower(enumLabel("recordStatus", row.processorStatus, language), language)}`
      : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join("; ") : null;
}

/** The finding in the report's language: the engine's French wording, else (a flag not re-evaluated since) its English. */
export function riskMessage(row: Pick<AcceptedRiskRow, "message" | "messageFr">, language: ReportLanguage): string {
  return language === "fr" && row.messageFr ? row.messageFr : row.message;
}

function riskColumns(language: ReportLanguage) {
  const { headers: h, pdf: p } = TEXT[language];
  const severity = (row: RiskRow) => enumLabel("severity", row.severity, language);
  const columns: ExportColumn<RiskRow>[] = [
    { header: h.id, width: 38, value: (r) => r.id },
    { header: h.rule, width: 40, value: (r) => ruleTitle(r.ruleId, language) },
    { header: h.severity, width: 10, value: severity },
    { header: h.acceptedSeverity, width: 10, value: (r) => (r.acceptedSeverity ? enumLabel("severity", r.acceptedSeverity, language) : null) },
    { header: h.subjectType, width: 12, value: (r) => enumLabel("flagSubjectType", r.subjectType, language) },
    { header: h.subject, width: 50, value: (r) => riskSubject(r, language) },
    { header: h.processor, width: 30, value: (r) => r.processorName },
    { header: h.subjectId, width: 38, value: (r) => r.subjectId },
    { header: h.facts, width: 70, value: (r) => riskMessage(r, language) },
    { header: h.citation, width: 30, value: (r) => r.citation },
    { header: h.acceptedBy, width: 24, value: (r) => r.acceptedByName },
    { header: h.justification, width: 60, value: (r) => r.justification },
    { header: h.acceptedOn, width: 14, value: (r) => (r.acceptedAt ? day(r.acceptedAt.toISOString().slice(0, 10), language) : null) },
    { header: h.acceptedUntil, width: 14, value: (r) => day(r.acceptedUntil, language) },
    { header: h.expired, width: 10, value: (r) => yesNo(r.expired, language) },
    { header: h.firstSeen, width: 14, value: (r) => day(r.firstSeenAt.toISOString().slice(0, 10), language) },
  ];
  const pdfColumns: ExportColumn<RiskRow>[] = [
    { header: p.rule, width: 12, value: (r) => `${ruleTitle(r.ruleId, language)} (${lower(severity(r), language)})` },
    { header: h.subject, width: 14, value: (r) => riskSubject(r, language) },
    { header: h.facts, width: 20, value: (r) => riskMessage(r, language) },
    {
      header: p.acceptance,
      width: 8,
      value: (r) => [r.acceptedByName, r.acceptedAt ? day(r.acceptedAt.toISOString().slice(0, 10), language) : null].filter(Boolean).join(", ") || "—",
    },
    { header: h.justification, width: 16, value: (r) => r.justification },
    { header: p.until, width: 6, value: (r) => untilText(r, language) },
  ];
  return { columns, pdfColumns };
}

const isoDay = z.string().describe("YYYY-MM-DD");

export const riskRecordSchema = z
  .object({
    id: z.string().describe("Flag id (UUID)"),
    ruleId: z.string(),
    ruleTitle: z.string().describe("The rule's title in the export's language"),
    severity: z.enum(SEVERITIES),
    severityLabel: z.string(),
    acceptedSeverity: z.enum(SEVERITIES).nullable().describe("The severity when the risk was accepted: a higher one reopens it"),
    subject: z.object({
      type: z.enum(FLAG_SUBJECT_TYPES),
      typeLabel: z.string(),
      id: z.string(),
      description: z.string().describe("What the flag concerns, by name (the transfer's parties and activity, the processor, the agreement)"),
      processor: z.string().nullable(),
    }),
    message: z.string().describe("The finding as the rule states it, in the export's language"),
    facts: z.record(z.string(), z.unknown()).describe("The facts the rule used"),
    citation: z.string(),
    acceptedBy: z.string().nullable(),
    acceptedAt: z.string().nullable().describe("ISO 8601, UTC"),
    justification: z.string().nullable(),
    acceptedUntil: isoDay.nullable().describe("The last day the acceptance holds"),
    expired: z.boolean().describe("acceptedUntil is before the report's day: the next evaluation reopens the risk"),
    firstSeenAt: z.string().describe("ISO 8601, UTC: when the rule first raised the flag"),
    pending: z.string().nullable().describe("What is unapproved about the flag's subject; null when it is of record"),
  })
  .describe("One accepted risk");

export function riskJsonRecord(row: RiskRow, language: ReportLanguage = "en"): z.input<typeof riskRecordSchema> {
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleTitle: ruleTitle(row.ruleId, language),
    severity: row.severity,
    severityLabel: enumLabel("severity", row.severity, language),
    acceptedSeverity: row.acceptedSeverity,
    subject: {
      type: row.subjectType,
      typeLabel: enumLabel("flagSubjectType", row.subjectType, language),
      id: row.subjectId,
      description: riskSubject(row, language),
      processor: row.processorName,
    },
    message: riskMessage(row, language),
    facts: row.facts,
    citation: row.citation,
    acceptedBy: row.acceptedByName,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    justification: row.justification,
    acceptedUntil: row.acceptedUntil,
    expired: row.expired,
    firstSeenAt: row.firstSeenAt.toISOString(),
    pending: pendingMark(row, language),
  };
}

function riskDefinition(language: ReportLanguage): ReportDefinition<RiskRow> {
  const text = TEXT[language];
  const { columns, pdfColumns } = riskColumns(language);
  return {
    report: "risks",
    template: "accepted-risks",
    title: text.title,
    language,
    sheetName: text.sheet,
    fileName: "accepted-risks",
    columns,
    pdfColumns,
    async *rows({ db, includePending, today }) {
      for await (const row of iterateAcceptedRisks({ db, includePending })) {
        yield { ...row, expired: row.acceptedUntil !== null && row.acceptedUntil < today };
      }
    },
    pendingMark: (row) => pendingMark(row, language),
    jsonRecord: (row) => riskJsonRecord(row, language),
    jsonSchema: riskRecordSchema,
    async notes() {
      return [
        [text.notes.what, text.notes.whatValue],
        [text.notes.expired, text.notes.expiredValue],
      ];
    },
  };
}

const DEFINITIONS: Readonly<Record<ReportLanguage, ReportDefinition<RiskRow>>> = {
  en: riskDefinition("en"),
  fr: riskDefinition("fr"),
};

export function risksReport(language: ReportLanguage = "en"): ReportDefinition<RiskRow> {
  return DEFINITIONS[language];
}
