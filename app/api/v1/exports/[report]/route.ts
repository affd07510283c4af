import { PassThrough, Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { db } from "@/db/client";
import { getFlagsEvaluatedAt } from "@/db/queries/exports";
import { getAuditChainHead } from "@/db/queries/exports-ropa";
import { appendAuditEvent } from "@/lib/audit/record";
import { auditActor, route } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { createHashingSink, createHashingTap, type ExportManifest } from "@/lib/exports/manifest";
import { EXPORT_REPORTS, parseReportQuery, REPORT_CONTENT_TYPES, reportDisposition, type ExportReport } from "@/lib/exports/report-request";
import { exportFileName, resolveTemplate, runExport } from "@/lib/exports/run";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/v1/exports/{transfers|ropa}?format=csv|xlsx|json&pending=include|exclude&template=generic|ico|cnil
 * [&manifest=1]: the Chapter V transfer register or the Art. 30(1) record, streamed as it is read (keyset
 * batches), never built in memory. `template` applies to the Art. 30 record only.
 *
 * `manifest=1` runs a fresh export into a hashing sink and returns its integrity manifest (JSON) instead of
 * the file. A streamed file's hash is known only after its last byte, so the file response carries no
 * X-Export-SHA256 header; its hash is recorded in the export's audit event instead.
 *
 * Audit: the "export" event is appended after the last row is written but before the response ends, so it
 * records the row count and the hash, and a download whose audit event fails is cut off (the client sees a
 * failed download, not a complete unaudited file). A client that disconnects stops the export and leaves no event.
 */
export const GET = route<{ report: string }>({ roles: ["dpo", "auditor"] }, async ({ request, actor, params }) => {
  if (!(EXPORT_REPORTS as readonly string[]).includes(params.report)) {
    throw new AppError("not_found", `There is no export named "${params.report}"; available: ${EXPORT_REPORTS.join(", ")}.`);
  }
  const report = params.report as ExportReport;
  const { format, pending, template, manifest: wantsManifest } = parseReportQuery(new URL(request.url).searchParams);
  const includePending = pending === "include";
  const generatedAt = new Date();
  const asOf = todayIso(generatedAt);
  const database = db();
  const flagsEvaluatedAt = await getFlagsEvaluatedAt({ db: database });
  const meta = { generatedAt, asOf, includePending, flagsEvaluatedAt, generatedBy: actor!.name };
  const resolvedTemplate = resolveTemplate(report, template);

  const audit = (after: Record<string, unknown>) =>
    database.transaction((tx) =>
      appendAuditEvent({
        db: tx,
        actor: auditActor(actor!),
        action: "export",
        recordType: "export",
        recordId: report,
        after: { format, pending, template: resolvedTemplate, asOf, ...after },
        at: generatedAt,
      }),
    );

  if (wantsManifest) {
    // The chain head before this export's own event: the point of the trail the export was taken at.
    const auditChainHead = await getAuditChainHead({ db: database });
    const sink = createHashingSink();
    const rowCount = await runExport({ db: database, report, format, template, includePending, out: sink.stream, meta });
    const manifest: ExportManifest = {
      report,
      format,
      template: resolvedTemplate,
      generatedAt: generatedAt.toISOString(),
      generatedBy: actor!.name,
      asOf,
      includePending,
      rowCount,
      auditChainHead,
      byteLength: sink.byteLength(),
      sha256: sink.sha256(),
    };
    await audit({ rows: rowCount, sha256: manifest.sha256, manifest: true });
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
    const count = await runExport({ db: database, report, format, template, includePending, out: file, meta });
    await finished(file);
    await audit({ rows: count, sha256: tap.sha256(), bytes: tap.byteLength() });
    body.end();
  };
  write().catch((error: unknown) => {
    console.error(`[export] ${report}`, error);
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });

  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": REPORT_CONTENT_TYPES[format],
      "content-disposition": reportDisposition(exportFileName(report, template), asOf, format),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
