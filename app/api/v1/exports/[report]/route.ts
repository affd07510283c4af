import { Readable } from "node:stream";
import { route } from "@/lib/auth/guard";
import { downloadExport } from "@/lib/exports/download";
import { parseExportQuery } from "@/lib/exports/request";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/v1/exports/{ropa|transfers|subprocessors|ccpa|doj|risks|audit}?format=csv|xlsx|pdf|json
 * &language=en|fr&pending=exclude|include&template=generic|ico|cnil&asOf=YYYY-MM-DD&from=…&to=…[&manifest=1]
 * (lib/exports/request.ts): the report streamed as it is read (keyset batches), never built in memory;
 * with asOf, as the register stood at the end of that day. In English unless `language` asks otherwise: a
 * script gets the same file whoever runs it (the Exports page asks for the user's language itself).
 *
 * `manifest=1` runs a fresh export into a hashing sink and returns its integrity manifest (JSON) instead of
 * the file. A streamed file's hash is known only after its last byte, so the file response carries no
 * hash header; its manifest, hash included, is recorded in the export's audit event instead.
 *
 * The export, its manifest and its audit event are lib/exports/download.ts's; this handler adapts them to
 * HTTP: a download whose audit event fails is cut off, and a client that disconnects stops the export.
 */
export const GET = route<{ report: string }>({ roles: ["dpo", "auditor"] }, async ({ request, actor, ctx, params }) => {
  const download = await downloadExport({
    ctx,
    input: { report: params.report, query: parseExportQuery(new URL(request.url).searchParams), generatedBy: actor.name },
  });
  if (download.kind === "manifest") {
    return Response.json(download.manifest, { headers: { "cache-control": "no-store" } });
  }
  return new Response(Readable.toWeb(download.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": download.contentType,
      "content-disposition": download.contentDisposition,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
