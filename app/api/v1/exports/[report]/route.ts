import { PassThrough, Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { db } from "@/db/client";
import { getFlagsEvaluatedAt, iterateTransferRegister } from "@/db/queries/exports";
import { appendAuditEvent } from "@/lib/audit/record";
import { auditActor, route } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { writeTransferRegisterCsv } from "@/lib/exports/csv";
import { attachmentDisposition, EXPORT_CONTENT_TYPES, parseExportQuery } from "@/lib/exports/request";
import { writeTransferRegisterXlsx } from "@/lib/exports/xlsx";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const REPORTS = ["transfers"] as const;

/**
 * GET /api/v1/exports/transfers?format=csv|xlsx&pending=include|exclude: the Chapter V transfer register,
 * streamed as it is read (keyset batches), never built in memory.
 *
 * Audit: the "export" event is appended after the last row is written but before the response ends, so it
 * records the row count, and a download whose audit event fails is cut off (the client sees a failed
 * download, not a complete unaudited file). A client that disconnects stops the export and leaves no event.
 */
export const GET = route<{ report: string }>({ roles: ["dpo", "auditor"] }, async ({ request, actor, params }) => {
  if (!(REPORTS as readonly string[]).includes(params.report)) {
    throw new AppError("not_found", `There is no export named "${params.report}"; available: ${REPORTS.join(", ")}.`);
  }
  const { format, pending } = parseExportQuery(new URL(request.url).searchParams);
  const includePending = pending === "include";
  const generatedAt = new Date();
  const asOf = todayIso(generatedAt);
  const database = db();
  const flagsEvaluatedAt = await getFlagsEvaluatedAt({ db: database });

  // `file` receives the writer's output and ends with it; `body` is what the client reads, ended only
  // once the audit event is committed.
  const file = new PassThrough();
  const body = new PassThrough();
  file.pipe(body, { end: false });
  body.on("close", () => {
    if (!body.writableEnded) file.destroy(new Error("The client closed the export."));
  });

  const rows = iterateTransferRegister({ db: database, includePending });
  const write = async () => {
    const count =
      format === "xlsx"
        ? await writeTransferRegisterXlsx(rows, file, {
            generatedAt,
            asOf,
            includePending,
            flagsEvaluatedAt,
            generatedBy: actor!.name,
          })
        : await writeTransferRegisterCsv(rows, file);
    await finished(file);
    await database.transaction((tx) =>
      appendAuditEvent({
        db: tx,
        actor: auditActor(actor!),
        action: "export",
        recordType: "export",
        recordId: "transfers",
        after: { format, pending, rows: count, asOf },
        at: generatedAt,
      }),
    );
    body.end();
  };
  write().catch((error: unknown) => {
    console.error("[export] transfers", error);
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });

  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": EXPORT_CONTENT_TYPES[format],
      "content-disposition": attachmentDisposition("transfer-register", asOf, format),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
