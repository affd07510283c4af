import { PassThrough, Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { db } from "@/db/client";
import { appendAuditEvent } from "@/lib/audit/record";
import { auditActor, route } from "@/lib/auth/guard";
import { createHashingSink, createHashingTap, type ExportManifest } from "@/lib/exports/manifest";
import { attachmentDisposition, EXPORT_CONTENT_TYPES, EXPORT_REPORTS, isExportReport, parseExportQuery } from "@/lib/exports/request";
import { planExport, runExport, type ExportResult, type RunExportInput } from "@/lib/exports/run";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/v1/exports/{ropa|transfers|subprocessors|ccpa|doj|audit}?format=csv|xlsx|pdf|json
 * &pending=exclude|include&template=generic|ico|cnil&asOf=YYYY-MM-DD&from=…&to=…[&manifest=1]
 * (lib/exports/request.ts): the report streamed as it is read (keyset batches), never built in memory;
 * with asOf, as the register stood at the end of that day.
 *
 * `manifest=1` runs a fresh export into a hashing sink and returns its integrity manifest (JSON) instead of
 * the file. A streamed file's hash is known only after its last byte, so the file response carries no
 * hash header; its manifest, hash included, is recorded in the export's audit event instead.
 *
 * Audit: the "export" event is appended after the last row is written but before the response ends, so it
 * records the row count and the hash, and a download whose audit event fails is cut off (the client sees a
 * failed download, not a complete unaudited file). A client that disconnects stops the export and leaves no event.
 */
export const GET = route<{ report: string }>({ roles: ["dpo", "auditor"] }, async ({ request, actor, params }) => {
  if (!isExportReport(params.report)) {
    throw new AppError("not_found", `There is no export named "${params.report}"; available: ${EXPORT_REPORTS.join(", ")}.`);
  }
  const report = params.report;
  const query = parseExportQuery(new URL(request.url).searchParams);
  const database = db();
  const input: Omit<RunExportInput, "out"> = {
    db: database,
    report,
    format: query.format,
    template: query.template,
    includePending: query.pending === "include",
    asOf: query.asOf ?? null,
    period: { from: query.from, to: query.to },
    generatedAt: new Date(),
    generatedBy: actor!.name,
  };
  const plan = planExport(input);

  /** The integrity manifest of an export whose bytes were hashed (lib/exports/manifest.ts). */
  const manifestOf = (result: ExportResult, hashed: { sha256: string; byteLength: number }): ExportManifest => ({
    report,
    format: query.format,
    template: result.template,
    generatedAt: input.generatedAt!.toISOString(),
    generatedBy: actor!.name,
    asOf: result.asOf,
    pointInTime: result.pointInTime,
    includePending: input.includePending,
    ...(result.period ? { period: result.period } : {}),
    fileName: `${result.fileStem}.${query.format}`,
    rowCount: result.rowCount,
    // The chain head when the export started: the point of the trail the export was taken at.
    auditChainHead: result.auditChainHead,
    byteLength: hashed.byteLength,
    sha256: hashed.sha256,
  });

  // The event carries the whole manifest: the manifest of any file ever downloaded can be read back from
  // the audit trail and checked with `npm run export:verify` (a fresh manifest=1 export of a format that
  // holds its generation time, XLSX, PDF or JSON, hashes differently from an earlier download).
  const audit = (manifest: ExportManifest, requested: "file" | "manifest") =>
    database.transaction((tx) =>
      appendAuditEvent({
        db: tx,
        actor: auditActor(actor!),
        action: "export",
        recordType: "export",
        recordId: report,
        after: {
          format: manifest.format,
          pending: query.pending,
          template: manifest.template,
          asOf: manifest.asOf,
          pointInTime: manifest.pointInTime,
          ...(manifest.period ? { period: manifest.period } : {}),
          rows: manifest.rowCount,
          sha256: manifest.sha256,
          bytes: manifest.byteLength,
          requested,
          manifest,
        },
        at: input.generatedAt,
      }),
    );

  if (query.manifest) {
    const sink = createHashingSink();
    const result = await runExport({ ...input, out: sink.stream });
    const manifest = manifestOf(result, { sha256: sink.sha256(), byteLength: sink.byteLength() });
    await audit(manifest, "manifest");
    return Response.json(manifest, { headers: { "cache-control": "no-store" } });
  }

  // `file` hashes the writer's output and ends with it; `body` is what the client reads, ended only once
  // the audit event is committed.
  const tap = createHashingTap();
  const file = tap.stream;
  const body = new PassThrough();
  file.pipe(body, { end: false });
  body.on("close", () => {
    if (!body.writableEnded) file.destroy(new Error("The client closed the export."));
  });

  const write = async () => {
    const result = await runExport({ ...input, out: file });
    await finished(file);
    await audit(manifestOf(result, { sha256: tap.sha256(), byteLength: tap.byteLength() }), "file");
    body.end();
  };
  write().catch((error: unknown) => {
    console.error(`[export] ${report}`, error);
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });

  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": EXPORT_CONTENT_TYPES[query.format],
      "content-disposition": attachmentDisposition(plan.fileStem, query.format),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
