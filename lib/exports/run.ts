import type { Writable } from "node:stream";
import type { Executor } from "@/db/client";
import { listControllerContacts } from "@/db/queries/export-common";
import { getFlagsEvaluatedAt } from "@/db/queries/exports";
import { getAuditChainHead } from "@/db/queries/exports-ropa";
import { readSignedAuditHead } from "@/lib/audit/current-head";
import type { SignedAuditHead } from "@/lib/audit/head";
import { todayIso } from "@/lib/clock";
import { enumLabel } from "@/lib/labels";
import { withRegisterAsOf } from "./as-of";
import { writeCsv } from "./csv";
import type { ManifestDocument } from "./manifest";
import { listManifestDocuments, listManifestDocumentVersionsInPeriod } from "./manifest-documents";
import { jsonExportSchema, JSON_SCHEMA_VERSION, writeJson } from "./json";
import { writePdfReport } from "./pdf-report";
import { columnsFor, type AnyReportDefinition, type ExportContext, type ExportMeta, type ReportLanguage } from "./report";
import { readsRegister, reportDefinition } from "./reports";
import { auditPeriod, type ExportFormat, type ExportReport } from "./request";
import { ROPA_TEMPLATES, type RopaTemplate } from "./ropa";
import { writeXlsxReport } from "./xlsx";

const isRopaTemplate = (value: string): value is RopaTemplate => (ROPA_TEMPLATES as readonly string[]).includes(value);

export interface RunExportInput {
  /** The live database; with `asOf`, the reports read through a point-in-time reader built on it. */
  db: Executor;
  report: ExportReport;
  format: ExportFormat;
  /** Only the Art. 30 record has templates; the other reports ignore it. */
  template?: RopaTemplate;
  /** The report's language (default English); the CNIL and ICO templates have their own. */
  language?: ReportLanguage;
  includePending: boolean;
  /** YYYY-MM-DD: the register as it stood at the end of that day; null or absent: now. */
  asOf?: string | null;
  /** The audit report's period (default: 12 months up to the as-of date). */
  period?: { from?: string; to?: string };
  out: Writable;
  generatedAt?: Date;
  generatedBy?: string;
}

export interface ExportResult {
  rowCount: number;
  /** The date the export describes (the as-of date, or today). */
  asOf: string;
  pointInTime: boolean;
  /** The resolved template, as the manifest and the audit event name it. */
  template: string;
  /** The language the report is written in (the template's own for the CNIL and ICO layouts). */
  language: ReportLanguage;
  /** The audit chain's head when the export started. */
  auditChainHead: string | null;
  /** The same point of the chain as a signed head (count, last event, hash, HMAC), for the manifest. */
  auditHead: SignedAuditHead;
  period: { from: string; to: string } | null;
  fileStem: string;
  /** The documents the manifest lists (lib/exports/manifest-documents.ts). */
  documents: ManifestDocument[];
}

/** What a request resolves to before anything is read: the report, its dates and its file name. */
export function planExport({
  report,
  template = "generic",
  language = "en",
  asOf,
  period,
  generatedAt = new Date(),
}: Pick<RunExportInput, "report" | "template" | "language" | "asOf" | "period" | "generatedAt">) {
  const definition = reportDefinition(report, template, language);
  const today = asOf ?? todayIso(generatedAt);
  const auditTrailPeriod = report === "audit" ? auditPeriod(period ?? {}, today) : null;
  return {
    definition,
    today,
    // The audit trail is its own history: asOf only sets the end of its default period.
    pointInTime: Boolean(asOf) && readsRegister(report),
    period: auditTrailPeriod,
    /** The download's name without its extension: "ropa-cnil-2026-11-24", "audit-trail-2025-11-25-to-2026-11-24". */
    fileStem: auditTrailPeriod ? `${definition.fileName}-${auditTrailPeriod.from}-to-${auditTrailPeriod.to}` : `${definition.fileName}-${today}`,
  };
}

/** Runs `fn` on the reader the report must use: the point-in-time one for a past register, else the database. */
function withReader<T>(db: Executor, asOf: string | null, fn: (reader: Executor) => Promise<T>): Promise<T> {
  return asOf === null ? fn(db) : withRegisterAsOf(db, asOf, fn);
}

/**
 * Writes one export into `out`, streamed from its keyset-paged queries (read through the point-in-time
 * reader when `asOf` is given), and resolves once `out` has taken the last byte. The one place that knows
 * which report, format and template go together.
 */
export async function runExport(input: RunExportInput): Promise<ExportResult> {
  const { db, report, format, includePending, out } = input;
  const generatedAt = input.generatedAt ?? new Date();
  const plan = planExport({ ...input, generatedAt });
  const { definition, today, pointInTime } = plan;
  // The chain's head is a fact of now, whatever date the register is described as of.
  const auditChainHead = await getAuditChainHead({ db });
  const auditHead = await readSignedAuditHead({ db, now: generatedAt });
  // The last full evaluation describes the live flags; a past register's flags are as they stood.
  const flagsEvaluatedAt = pointInTime || report === "audit" ? undefined : await getFlagsEvaluatedAt({ db });

  let documents: ManifestDocument[] = [];
  const rowCount = await withReader(db, pointInTime ? today : null, async (reader) => {
    const context: ExportContext = { db: reader, today, includePending, period: plan.period ?? { from: today, to: today } };
    const meta: ExportMeta = {
      generatedAt,
      asOf: today,
      pointInTime,
      includePending,
      flagsEvaluatedAt,
      generatedBy: input.generatedBy,
      auditChainHead,
      controllers: await listControllerContacts({ db: reader }),
      period: plan.period ?? undefined,
      notes: definition.notes ? await definition.notes(context) : [],
    };
    // Read with the register the report describes (the point-in-time reader for a past day), before its rows.
    documents =
      report === "audit"
        ? await listManifestDocumentVersionsInPeriod({ db: reader, period: context.period })
        : await listManifestDocuments({ db: reader, pending: includePending ? "include" : "exclude", cutoff: pointInTime ? endOfDay(today) : null });
    return writeReport({ definition, context, meta, format, out });
  });

  return {
    rowCount,
    asOf: today,
    pointInTime,
    template: definition.template,
    language: definition.language,
    auditChainHead,
    auditHead,
    period: plan.period,
    fileStem: plan.fileStem,
    documents,
  };
}

/** The instant a past day ends (UTC), for the versions uploaded by then. */
function endOfDay(day: string): Date {
  return new Date(new Date(`${day}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000);
}

/** The Art. 30 record's layout as a person reads it ("UK ICO controller template"); the other reports have one layout. */
function coverTemplate(definition: AnyReportDefinition): string | undefined {
  const template = definition.template;
  return definition.report === "ropa" && isRopaTemplate(template) ? enumLabel("ropaTemplate", template, definition.language) : undefined;
}

function writeReport({
  definition,
  context,
  meta,
  format,
  out,
}: {
  definition: AnyReportDefinition;
  context: ExportContext;
  meta: ExportMeta;
  format: ExportFormat;
  out: Writable;
}): Promise<number> {
  const columns = columnsFor(definition, definition.columns, context.includePending);
  const status = context.includePending ? columns[columns.length - 1]! : null;
  // CSV has no cover: a template's organisation block goes above its table. The XLSX and PDF covers hold the
  // same facts (controllers, address, telephone, DPO, representatives).
  const preamble = definition.preamble ? definition.preamble(meta) : [];
  switch (format) {
    case "csv":
      return writeCsv(definition.rows(context), out, columns, preamble);
    case "xlsx":
      return writeXlsxReport({
        rows: () => definition.rows(context),
        out,
        title: definition.title,
        sheetName: definition.sheetName,
        language: definition.language,
        columns,
        meta,
        // The cover names a layout only where there is a choice of them (the Art. 30 record), by its label.
        cover: { template: coverTemplate(definition), hasScope: definition.report !== "audit" },
        recordSheets: definition.record?.sheetPerRecord
          ? {
              title: definition.record.title,
              // With pending records included, each activity's sheet ends with its review status too.
              fields: (row) => (status ? [...definition.record!.fields(row), [status.header, status.value(row)]] : definition.record!.fields(row)),
            }
          : undefined,
      });
    case "pdf":
      return writePdfReport({ definition, context, meta, out });
    case "json":
      return writeJson(
        definition.rows(context),
        out,
        {
          schema: jsonExportSchema(definition.report),
          schemaVersion: JSON_SCHEMA_VERSION,
          report: definition.report,
          title: definition.title,
          template: definition.template,
          language: definition.language,
          generatedAt: meta.generatedAt.toISOString(),
          generatedBy: meta.generatedBy ?? null,
          asOf: meta.asOf,
          pointInTime: meta.pointInTime ?? false,
          includePending: meta.includePending,
          period: meta.period ?? null,
          auditChainHead: meta.auditChainHead ?? null,
          controllers: meta.controllers ?? [],
          notes: Object.fromEntries(meta.notes ?? []),
        },
        definition.jsonRecord,
      );
  }
}

/** The first rows of a report as the Exports page previews them (the same columns as the CSV). */
export async function previewExport({
  db,
  report,
  template,
  language,
  includePending,
  asOf,
  period,
  limit = 10,
}: Omit<RunExportInput, "out" | "format" | "generatedBy"> & { limit?: number }): Promise<{
  title: string;
  language: ReportLanguage;
  headers: string[];
  rows: (string | number | null)[][];
  more: boolean;
}> {
  const plan = planExport({ report, template, language, asOf, period });
  const { definition, today } = plan;
  return withReader(db, plan.pointInTime ? today : null, async (reader) => {
    const context: ExportContext = { db: reader, today, includePending, period: plan.period ?? { from: today, to: today } };
    const columns = columnsFor(definition, definition.columns, includePending);
    const rows: (string | number | null)[][] = [];
    let more = false;
    for await (const row of definition.rows(context)) {
      if (rows.length === limit) {
        more = true;
        break;
      }
      rows.push(columns.map((column) => column.value(row)));
    }
    return { title: definition.title, language: definition.language, headers: columns.map((column) => column.header), rows, more };
  });
}
